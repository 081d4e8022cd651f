// The FIT id table generated from runtime/export/fit/fit_names.tsv: it holds exactly the TSV's rows, and
// every `fit` line of the stdlib finds its ids (the names and numbers themselves are checked
// against Garmin's SDK by tests/fit/decode_fit.mjs).
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "runtime/export/fit/fit_ids.hpp"

using namespace reps;

TEST_CASE("the id table holds exactly runtime/export/fit/fit_names.tsv") {
    std::ifstream tsv(REPS_TEST_DATA_DIR "/../runtime/export/fit/fit_names.tsv");
    REQUIRE(tsv.good());
    std::string line;
    std::getline(tsv, line);
    CHECK(line == "category_name\tcategory_number\texercise_name\texercise_number");
    std::size_t rows = 0;
    while (std::getline(tsv, line)) {
        if (line.empty()) continue;
        std::istringstream fields(line);
        std::string category, exercise;
        int category_number = -1, exercise_number = -1;
        fields >> category >> category_number >> exercise >> exercise_number;
        CAPTURE(line);
        const auto id = fit::find_exercise_id(category, exercise);
        REQUIRE(id.has_value());
        CHECK(id->category_number == category_number);
        CHECK(id->name_number == exercise_number);
        ++rows;
    }
    CHECK(rows == fit::exercise_ids().size());
}

TEST_CASE("every stdlib exercise's fit mapping is in the id table") {
    const std::regex fit_line(R"(^\s*fit\s+([a-z][a-z0-9_]*)\s*/\s*([a-z0-9][a-z0-9_]*)\s*(#.*)?$)");
    const char* files[] = {"arms", "cardio", "core", "full_body", "hinge", "legs", "mobility", "plyo", "pull", "push"};
    std::size_t exercises = 0, mappings = 0;
    for (const char* name : files) {
        std::ifstream in(std::string(REPS_TEST_DATA_DIR "/../stdlib/exercises_") + name + ".reps");
        REQUIRE(in.good());
        std::string line;
        while (std::getline(in, line)) {
            std::smatch match;
            if (line.rfind("exercise ", 0) == 0) ++exercises;
            if (!std::regex_match(line, match, fit_line)) continue;
            ++mappings;
            CAPTURE(line);
            CHECK(fit::find_exercise_id(match[1].str(), match[2].str()).has_value());
        }
    }
    CHECK(exercises > 200);
    CHECK(mappings == exercises);
}
