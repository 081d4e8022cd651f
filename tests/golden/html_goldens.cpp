// HTML goldens: `reps build EXAMPLE --to html` for every examples/*.reps, run in-process and
// compared with tests/golden/html/NAME.html; REPS_UPDATE_GOLDENS=1 rewrites them.
// tests/golden/html/NAME.args holds extra arguments on one line (`--program runner_block` for
// an example with a workout and a program). The browser test checks how these sheets print.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/driver/cli.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path golden_dir = fs::path(REPS_TEST_DATA_DIR) / "golden" / "html";
const fs::path examples_dir = fs::path(REPS_EXAMPLES_DIR);

bool updating() {
    const char* value = std::getenv("REPS_UPDATE_GOLDENS");
    return value != nullptr && std::string(value) == "1";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> extra_args(const fs::path& args_file) {
    std::istringstream in(read_file(args_file));
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

Run build_html(const fs::path& file) {
    std::vector<std::string> args = {"reps", "build", file.string(), "--to", "html", "--color", "never"};
    const auto more = extra_args(golden_dir / (file.stem().string() + ".args"));
    args.insert(args.end(), more.begin(), more.end());
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    argv.push_back(nullptr);
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.exit_code = reps::run_cli(static_cast<int>(args.size()), argv.data(), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::vector<fs::path> examples() {
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(examples_dir)) {
        if (item.is_regular_file() && item.path().extension() == ".reps") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The first differing line, so that a failure reads at a glance.
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

}  // namespace

TEST_CASE("html: every example builds to its golden sheet") {
    const auto files = examples();
    REQUIRE(files.size() >= 5);
    for (const fs::path& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            const Run run = build_html(file);
            REQUIRE_MESSAGE(run.exit_code == 0, run.err);
            // Whatever the golden says, a sheet never runs code or reaches the network.
            CHECK(run.out.find("<script") == std::string::npos);
            CHECK(run.out.find("http://") == std::string::npos);
            CHECK(run.out.find("https://") == std::string::npos);
            CHECK(count(run.out, "<section class=\"page") >= 1);

            const fs::path golden = golden_dir / (file.stem().string() + ".html");
            if (updating()) {
                fs::create_directories(golden_dir);
                std::ofstream(golden, std::ios::binary) << run.out;
                MESSAGE("updated " << golden.filename().string());
                continue;
            }
            INFO("golden file: tests/golden/html/" << golden.filename().string());
            REQUIRE_MESSAGE(fs::exists(golden), "missing; run with REPS_UPDATE_GOLDENS=1 to create it");
            const std::string expected = read_file(golden);
            if (expected != run.out) FAIL_CHECK("output differs from the golden at " << first_difference(expected, run.out));
        }
    }
}

TEST_CASE("html: the runner program prints an overview and one page per strength session") {
    const Run run = build_html(examples_dir / "runner_program.reps");
    REQUIRE(run.exit_code == 0);
    // Six weeks of two strength sessions; the three runs a week ride on the agenda lines.
    CHECK(count(run.out, "<section class=\"page\">") == 12);
    CHECK(count(run.out, "<section class=\"page runs-only\">") == 0);
    // First an overview: the schedule (6 weeks of 5 sessions) and the dose of every exercise
    // of the strength workout week by week, with each week's session length.
    CHECK(count(run.out, "<section class=\"page overview-page\">") == 1);
    CHECK(run.out.find("overview-page") < run.out.find("<section class=\"page\">"));
    CHECK(count(run.out, "<tr><th>Week 6</th><td><b>Tue 06:30</b> Run: Intervals") == 1);
    CHECK(count(run.out, "<tr><th>Reverse Lunge</th><td>2 &times; 8 each @2x8kg</td><td>2 &times; 10 each @2x8kg</td>") == 1);
    CHECK(count(run.out, "<th>Week 6<span class=\"len\">59:24</span></th>") == 1);
    CHECK(count(run.out, "Run: Long run (1:30:00, easy)") == 12);
    // One duration format on the sheet, as in the text timeline: the clock, never "50 min".
    CHECK(count(run.out, "Run: Intervals (50:00, hard)") == 12);
    CHECK(run.out.find(" min<") == std::string::npos);
    CHECK(run.out.find(" min,") == std::string::npos);
}

TEST_CASE("html: alternatives print under the chosen exercise, and the chosen profile in the header") {
    const Run runners = build_html(examples_dir / "runners.reps");
    REQUIRE(runners.exit_code == 0);
    CHECK(count(runners.out, "<span class=\"alt\">or Reverse Lunge</span>") == 1);
    CHECK(count(runners.out, "<span class=\"alt\">or Band-Assisted Chin-Up</span>") == 1);
    CHECK(count(runners.out, "<dt>Profile</dt>") == 0);  // no --profile, no profile line

    // With --profile the sheet names it; the options it did not choose are the alternatives.
    const char* argv[] = {"reps", "build", REPS_EXAMPLES_DIR "/home_dumbbells.reps", "--to", "html", "--profile", "home", nullptr};
    std::ostringstream out, err;
    REQUIRE(reps::run_cli(7, argv, out, err) == 0);
    CHECK(count(out.str(), "<dt>Profile</dt><dd>Home gym</dd>") == 1);
    CHECK(count(out.str(), "<span class=\"alt\">or ") > 0);
    // Its seven rows with alternatives make a long page: it prints dense to stay on one page
    // (the browser test prints it); the reference workout keeps the usual spacing.
    CHECK(count(out.str(), "<section class=\"page dense\">") == 1);
    CHECK(count(runners.out, "<section class=\"page dense\">") == 0);
}

TEST_CASE("html: an alternative prints its own load and cue, not the ones it inherits") {
    // Without a profile the written exercises are chosen; the alternatives are what a coach allows.
    const Run run = build_html(fs::path(REPS_TEST_DATA_DIR) / "golden" / "ok" / "alternative_modifiers.reps");
    REQUIRE(run.exit_code == 0);
    CHECK(count(run.out, "<span class=\"alt\">or Dumbbell Bent-Over Row @2x10kg <span class=\"cue\">&ldquo;pull to the hip&rdquo;</span></span>") == 1);
    CHECK(count(run.out, "<span class=\"alt\">or Standing Calf Raise</span>") == 1);

    // An inherited load is the chosen exercise's: printed once, on its row, not again beside the alternative.
    const char* argv[] = {"reps", "build", REPS_EXAMPLES_DIR "/runners.reps", "--to", "html", nullptr};
    std::ostringstream out, err;
    REQUIRE(reps::run_cli(5, argv, out, err) == 0);
    CHECK(count(out.str(), "<span class=\"alt\">or Reverse Lunge</span>") == 1);
}
