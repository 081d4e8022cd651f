// Golden tests: runs `reps` in-process on every file of tests/golden/ok and tests/golden/fail and
// compares its output with the expected files beside it; REPS_UPDATE_GOLDENS=1 rewrites them.
//
// ok/NAME.reps   -> `reps build --to text` == NAME.txt and `--to json` == NAME.json (exit 0), plus
//                   the JSON timeline's own arithmetic: contiguous segments that sum to total_seconds.
// fail/NAME.reps -> `reps check` stderr == NAME.stderr, exit code == NAME.exit (default 1).
// NAME.args holds extra command-line arguments on one line (e.g. `--week 3`).
// Absolute paths are written as paths relative to tests/golden, so goldens read `fail/x.reps:3:5`.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/driver/cli.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path golden_dir = fs::path(REPS_TEST_DATA_DIR) / "golden";
const fs::path examples_dir = fs::path(REPS_EXAMPLES_DIR);

bool updating() {
    const char* value = std::getenv("REPS_UPDATE_GOLDENS");
    return value != nullptr && std::string(value) == "1";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// NAME.args split on white space; no quoting is needed by any golden.
std::vector<std::string> extra_args(const fs::path& reps_file) {
    fs::path args_file = reps_file;
    args_file.replace_extension(".args");
    std::istringstream in(read_file(args_file));
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// Machine-independent output: the golden directory's absolute prefix (as given and as the
// compiler may canonicalise it) is dropped, so `/src/tests/golden/fail/x.reps` reads `fail/x.reps`.
std::string scrub_paths(std::string text) {
    for (const fs::path& dir : {golden_dir, fs::weakly_canonical(golden_dir)}) {
        replace_all(text, dir.string() + "/", "");
        replace_all(text, dir.string(), ".");
    }
    return text;
}

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

Run run_reps(std::vector<std::string> args) {
    args.insert(args.begin(), "reps");
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    argv.push_back(nullptr);
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.exit_code = reps::run_cli(static_cast<int>(args.size()), argv.data(), out, err);
    run.out = scrub_paths(out.str());
    run.err = scrub_paths(err.str());
    return run;
}

// The top-level files of `dir` with extension `.reps`, sorted (helpers live in subfolders).
std::vector<fs::path> reps_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(dir)) {
        if (item.is_regular_file() && item.path().extension() == ".reps") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// "line N: expected '...', got '...'" for the first differing line, so a failure reads at a glance.
std::string first_difference(const std::string& expected, const std::string& actual) {
    std::istringstream e(expected);
    std::istringstream a(actual);
    std::string e_line;
    std::string a_line;
    for (int line = 1;; ++line) {
        const bool e_more = static_cast<bool>(std::getline(e, e_line));
        const bool a_more = static_cast<bool>(std::getline(a, a_line));
        if (!e_more && !a_more) return "only the final newline differs";
        if (!e_more || !a_more || e_line != a_line) {
            return "line " + std::to_string(line) + ":\n  expected: " + (e_more ? e_line : "<end of file>") +
                   "\n  actual:   " + (a_more ? a_line : "<end of file>");
        }
    }
}

// Compares `actual` with the golden file, or rewrites the golden when updating.
void check_golden(const fs::path& golden, const std::string& actual) {
    if (updating()) {
        write_file(golden, actual);
        MESSAGE("updated " << golden.lexically_relative(golden_dir).string());
        return;
    }
    INFO("golden file: " << golden.lexically_relative(golden_dir).string());
    REQUIRE_MESSAGE(fs::exists(golden), "missing; run with REPS_UPDATE_GOLDENS=1 to create it");
    const std::string expected = read_file(golden);
    if (expected != actual) FAIL_CHECK("output differs from the golden at " << first_difference(expected, actual));
}

// SPEC §6: segments start at 0, each starts where the previous ends, and they sum to the total.
void check_timeline_arithmetic(const nlohmann::json& timeline) {
    REQUIRE(timeline.at("format") == "reps-timeline/1");
    const auto& segments = timeline.at("segments");
    long long clock = 0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        INFO("segment " << i);
        CHECK(segments[i].at("start").get<long long>() == clock);
        CHECK(segments[i].at("duration").get<long long>() > 0);
        clock += segments[i].at("duration").get<long long>();
    }
    CHECK(timeline.at("total_seconds").get<long long>() == clock);
}

// A workout's JSON, or every session timeline of a program's JSON.
void check_json_arithmetic(const std::string& text) {
    const auto document = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_MESSAGE(!document.is_discarded(), "the JSON output does not parse");
    if (document.at("format") == "reps-program/1") {
        for (const auto& session : document.at("sessions")) {
            if (session.contains("timeline")) check_timeline_arithmetic(session.at("timeline"));
        }
    } else {
        check_timeline_arithmetic(document);
    }
}

int expected_exit(const fs::path& reps_file) {
    fs::path exit_file = reps_file;
    exit_file.replace_extension(".exit");
    if (!fs::exists(exit_file)) return 1;
    return std::stoi(read_file(exit_file));
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("ok: each workout builds to the expected text and JSON") {
    const auto files = reps_files(golden_dir / "ok");
    REQUIRE(files.size() >= 20);
    for (const fs::path& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            const auto args = extra_args(file);
            for (const std::string_view format : {"text", "json"}) {
                INFO("reps build " << file.filename().string() << " --to " << format);
                const Run run =
                    run_reps(with({"build", file.string(), "--to", std::string(format), "--color", "never"}, args));
                CHECK_MESSAGE(run.exit_code == 0, run.err);
                fs::path golden = file;
                golden.replace_extension(format == "text" ? ".txt" : ".json");
                check_golden(golden, run.out);
                if (format == "json" && run.exit_code == 0) check_json_arithmetic(run.out);
            }
            // Every phase's dump beside it: NAME.ast, NAME.checked, NAME.timeline.
            for (const std::string_view phase : {"ast", "checked", "timeline"}) {
                INFO("reps build " << file.filename().string() << " --dump " << phase);
                const Run run = run_reps(with({"build", file.string(), "--dump", std::string(phase), "--color", "never"}, args));
                CHECK_MESSAGE(run.exit_code == 0, run.err);
                fs::path golden = file;
                golden.replace_extension(std::string(".") + std::string(phase));
                check_golden(golden, run.out);
            }
        }
    }
}

// Every code of the registry is shown by a golden of tests/golden/fail (as Carbon's coverage test
// requires), but for the few that `reps check` cannot give, each tested where it can happen.
TEST_CASE("fail: every diagnostic code has a golden") {
    const std::vector<std::string_view> not_from_check = {
        "E0108",  // --program names no program: only `reps build` reads --program (tests/e2e/cli_tests.cpp)
        "E0402",  // nothing to build: only `reps build` needs one target (tests/e2e/cli_tests.cpp)
        "W0301",  // FIT cannot hold an entry: only `reps build --to fit` (tests/e2e/trust_tests.cpp, tests/fit)
        "W0302",  // --at without --timezone: only `reps build --to ics` (tests/e2e/cli_tests.cpp)
    };
    std::string shown;
    for (const fs::path& file : reps_files(golden_dir / "fail")) {
        fs::path golden = file;
        shown += read_file(golden.replace_extension(".stderr"));
    }
    for (const reps::CodeInfo& code : reps::all_codes()) {
        const bool has_golden = shown.find("[" + std::string(code.code) + "]") != std::string::npos;
        const bool allowed = std::find(not_from_check.begin(), not_from_check.end(), code.code) != not_from_check.end();
        INFO(code.code);
        CHECK_MESSAGE(has_golden != allowed, (has_golden ? "has a golden: take it off the allow-list" : "has no golden in tests/golden/fail"));
    }
}

TEST_CASE("fail: each file gets exactly the expected diagnostics and exit code") {
    const auto files = reps_files(golden_dir / "fail");
    REQUIRE(files.size() >= 40);
    for (const fs::path& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            const Run run = run_reps(with({"check", file.string(), "--color", "never"}, extra_args(file)));
            CHECK(run.out.empty());
            fs::path golden = file;
            golden.replace_extension(".stderr");
            check_golden(golden, run.err);
            if (updating()) {
                fs::path exit_file = file;
                exit_file.replace_extension(".exit");
                if (run.exit_code == 1) fs::remove(exit_file);
                else write_file(exit_file, std::to_string(run.exit_code) + "\n");
            } else {
                CHECK(run.exit_code == expected_exit(file));
            }
        }
    }
}

TEST_CASE("examples: every example checks without errors") {
    const auto files = reps_files(examples_dir);
    REQUIRE(files.size() >= 5);
    for (const fs::path& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            const Run run = run_reps({"check", file.string(), "--color", "never"});
            INFO(run.err);
            CHECK(run.exit_code == 0);
            CHECK(run.err.find("error[") == std::string::npos);
        }
    }
}

TEST_CASE("examples: the SPEC reference workout builds to text and to consistent JSON") {
    const std::string file = (examples_dir / "runners.reps").string();
    const Run text = run_reps({"build", file, "--to", "text", "--color", "never"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Total Body Gym Workout for Runners") != std::string::npos);

    const Run json = run_reps({"build", file, "--to", "json", "--color", "never"});
    REQUIRE(json.exit_code == 0);
    check_json_arithmetic(json.out);
    const auto document = nlohmann::json::parse(json.out);
    CHECK(document.at("workout") == "total_body");
    // The hand computation of SPEC §6 in tests/golden/ok/spec_reference.reps.
    CHECK(document.at("total_seconds") == 4066);
}
