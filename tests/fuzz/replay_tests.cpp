// Replays tests/fuzz/regressions (every input the fuzzer ever crashed or hung on) through the fuzz
// body in the normal suite, and the seed corpus to show the body reaches the exporters.
// NAME.expect beside NAME.reps lists the error codes the input must give ("none": it builds).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_body.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> reps_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(dir)) {
        if (item.is_regular_file() && item.path().extension() == ".reps") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::set<std::string> error_codes(const reps::fuzz::Outcome& outcome) {
    std::set<std::string> codes;
    for (const auto& code : outcome.codes) {
        if (!code.empty() && code[0] == 'E') codes.insert(code);
    }
    return codes;
}

std::set<std::string> expected_codes(const fs::path& expect_file) {
    std::istringstream in(read_file(expect_file));
    std::set<std::string> codes{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
    codes.erase("none");
    return codes;
}

}  // namespace

TEST_CASE("fuzz regressions: every saved input finishes quickly with the expected diagnostics") {
    const fs::path dir = fs::path(REPS_FUZZ_DIR) / "regressions";
    const auto files = reps_files(dir);
    REQUIRE(!files.empty());
    for (const fs::path& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            const auto start = std::chrono::steady_clock::now();
            const auto outcome = reps::fuzz::run_one(read_file(file), REPS_FUZZ_ROOT);
            const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            CHECK_MESSAGE(seconds < 10.0, "took " << seconds << "s");  // the fuzzer's -timeout
            fs::path expect = file;
            expect.replace_extension(".expect");
            if (fs::exists(expect)) CHECK(error_codes(outcome) == expected_codes(expect));
        }
    }
}

TEST_CASE("fuzz seeds: the examples and golden workouts reach every exporter") {
    for (const fs::path& dir : {fs::path(REPS_EXAMPLES_DIR), fs::path(REPS_TEST_DATA_DIR) / "golden" / "ok"}) {
        for (const fs::path& file : reps_files(dir)) {
            SUBCASE(file.filename().string().c_str()) {
                const auto outcome = reps::fuzz::run_one(read_file(file), dir);
                CHECK(error_codes(outcome).empty());
                CHECK(outcome.exported_bytes > 1000);
            }
        }
    }
}
