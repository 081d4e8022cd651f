// `reps fmt` as a property over every source file the repository holds (examples, goldens, the
// stdlib, the fuzz corpus and regressions, the e2e data): for each file that parses, formatting
// twice gives what formatting once gave, and the formatted file means the same: the same
// diagnostic codes and the same timeline JSON of every workout and program.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "compiler/check/checked.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/format/format.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/parse/parse.hpp"
#include "runtime/export/json/json_export.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool parses(const std::string& text) {
    reps::SourceManager sources;
    reps::Diagnostics diagnostics;
    const auto id = sources.add("t.reps", text);
    if (!reps::check_utf8(sources, id, diagnostics)) return false;
    reps::parse_file(sources, id, diagnostics);
    return !diagnostics.has_errors();
}

// What a file means, without positions: its diagnostics' codes in order of code, then the
// timeline JSON of each workout (week 1) and each program. Imports resolve beside the original.
std::string meaning(const fs::path& original, const std::string& text) {
    reps::SourceManager sources;
    reps::Diagnostics diagnostics;
    reps::LoadedProgram loaded =
        reps::load_program_text(original.filename().string(), text, original.parent_path(), sources, diagnostics);
    std::string out;
    if (!diagnostics.has_errors()) {
        const reps::CheckedProgram checked = reps::check_program(loaded.files, sources, reps::CheckOptions{}, diagnostics);
        if (!diagnostics.has_errors()) {
            for (const auto& workout : checked.workouts) out += reps::to_json(reps::lower_workout(checked, workout, 1, sources));
            for (const auto& plan : checked.programs) out += reps::to_json(reps::lower_program(checked, plan, sources));
        }
    }
    std::vector<std::string> codes;
    for (const auto& diagnostic : diagnostics.list()) codes.emplace_back(reps::code_name(diagnostic.code));
    std::sort(codes.begin(), codes.end());
    for (const auto& code : codes) out += code + "\n";
    return out;
}

std::vector<fs::path> every_source_file() {
    const std::string tests = REPS_TEST_DATA_DIR;
    std::vector<fs::path> files;
    for (const std::string& dir : {std::string(REPS_EXAMPLES_DIR), tests + "/../stdlib", tests + "/golden/ok",
                                  tests + "/golden/fail", tests + "/fuzz/root", tests + "/fuzz/regressions",
                                  tests + "/e2e/data"}) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() == ".reps") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("fmt property: idempotent and meaning-preserving over every source file in the repository") {
    std::size_t formatted = 0;
    for (const fs::path& path : every_source_file()) {
        const std::string text = read_all(path);
        if (!parses(text)) continue;  // fmt leaves a file with syntax errors alone
        INFO(path.string());
        const std::string once = reps::format_source(text);
        CHECK(reps::format_source(once) == once);
        CHECK(parses(once));
        CHECK(meaning(path, once) == meaning(path, text));
        ++formatted;
    }
    CHECK(formatted > 60);  // 86 when this was written: the walk did find the files
}
