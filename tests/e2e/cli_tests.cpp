// End-to-end tests of the `reps` command line, run in-process through run_cli: exit codes and
// the exact text on stdout and stderr for the files in tests/e2e/data (explain, catalog and fmt:
// cli_tool_commands_tests.cpp).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/cli.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "tests/e2e/in_process.hpp"

namespace {

namespace fs = std::filesystem;
using reps::test::Run;
using reps::test::run_reps;
using reps::test::contains;
using reps::test::TempDir;
using reps::test::read;

std::string data(const std::string& name) { return std::string(REPS_TEST_DATA_DIR) + "/e2e/data/" + name; }

// Sets (or, with nullptr, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value != nullptr) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

const std::string usage_hint = "Try 'reps --help' for more information.\n";

}  // namespace

TEST_CASE("help and version") {
    const Run help = run_reps({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.starts_with("usage: reps <check|build|play|fmt|lsp|catalog|explain|help> [options] [args]\n"));
    CHECK(help.out.find("  build FILE --to FORMAT") != std::string::npos);
    CHECK(help.err.empty());
    CHECK(run_reps({"help"}).out == help.out);
    CHECK(run_reps({"build", "--help"}).out == help.out);

    const Run version = run_reps({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out == "reps 0.1.0\n");
    CHECK(version.err.empty());
}

TEST_CASE("usage errors exit 2 with a short usage message") {
    SUBCASE("unknown command") {
        const Run run = run_reps({"frobnicate", "x.reps"});
        CHECK(run.code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "reps: error: unknown command 'frobnicate'\n"
                         "usage: reps <check|build|play|fmt|lsp|catalog|explain|help> [options] [args]\n" + usage_hint);
    }
    SUBCASE("a command close to a known one") {
        const Run run = run_reps({"chek", "x.reps"});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: unknown command 'chek'; did you mean 'check'?\n"));
    }
    SUBCASE("no command") {
        const Run run = run_reps({});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: no command given\n"));
    }
    SUBCASE("unknown option") {
        const Run run = run_reps({"check", "--frobnicate", data("ok.reps")});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: unrecognised option '--frobnicate'\nusage: reps check FILE..."));
    }
    SUBCASE("missing FILE") {
        const Run run = run_reps({"check"});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: 'reps check' takes at least one FILE\n"));
    }
    SUBCASE("an option the command does not take") {
        const Run run = run_reps({"check", data("ok.reps"), "--to", "json"});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: 'reps check' does not take --to\n"));
    }
    SUBCASE("bad values") {
        CHECK(run_reps({"build", data("ok.reps"), "--to", "json", "--week", "0"}).err.starts_with(
            "reps: error: --week must be a whole number from 1 to 520, not '0'\n"));
        CHECK(run_reps({"check", data("ok.reps"), "--color", "sometimes"}).code == 2);
        CHECK(run_reps({"check", data("ok.reps"), "--diagnostics", "xml"}).code == 2);
        CHECK(run_reps({"check", data("ok.reps"), "-W", "W0101"}).err.starts_with(
            "reps: error: -W takes no-CODE to silence a warning, e.g. -W no-W0101, not 'W0101'\n"));
        CHECK(run_reps({"check", data("ok.reps"), "-W", "no-E0102"}).code == 2);
        CHECK(run_reps({"build", data("ok.reps"), "--to", "ics", "--at", "2026-12-01 17:30"}).code == 2);
        // --at dates a calendar event or a sheet: other outputs have no date to give (it was ignored).
        CHECK(run_reps({"build", data("ok.reps"), "--to", "json", "--at", "2026-12-01T17:30"}).err.starts_with(
            "reps: error: --at dates a workout: it applies to --to ics and --to html\n"));
        CHECK(run_reps({"build", data("ok.reps"), "--to", "html", "--at", "2026-12-01T17:30"}).code == 0);
        // A file has a place (its imports are read beside it): '-' is refused, not looked for.
        for (const char* command : {"check", "fmt", "play"}) {
            CHECK(run_reps({command, "-"}).err.starts_with("reps: error: '-' (standard input) cannot be read: give a file name"));
        }
        CHECK(run_reps({"build", data("ok.reps"), "--to", "pdf"}).err.starts_with(
            "reps: error: unknown format 'pdf' for --to; choose one of text, html, json, ics, fit\n"));
    }
}

// `workout w0 "T" { lunge 3x10 }` per line: three warnings each (no warm-up W0201, too short
// W0205, lunge without each W0101), as a generated plan may have.
std::string warning_workouts(int count, const std::string& comment = "") {
    std::string text;
    for (int i = 0; i < count; ++i) text += "workout w" + std::to_string(i) + " \"T\" { lunge 3x10 }" + comment + "\n";
    return text;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

TEST_CASE("check: at most --warning-limit warnings of a file are shown, the first in it, and the rest counted by code") {
    const TempDir dir("warning-limit");
    const std::string file = dir.write("plan.reps", warning_workouts(600)).string();

    const Run run = run_reps({"check", file});
    CHECK(run.code == 0);
    CHECK(count_of(run.err, ": warning[") == 1000);
    // The first 1000 by position: every warning of the first 333 workouts, and one of the 334th.
    CHECK(contains(run.err, file + ":333:20: warning[W0101]"));
    CHECK_FALSE(contains(run.err, file + ":335:"));
    CHECK(run.err.ends_with(file + ": 800 more warnings not shown (W0101 267, W0201 266, W0205 267); "
                            "--warning-limit 0 shows them all\n" + file + ": 1800 warnings\n"));

    const Run all = run_reps({"check", "--warning-limit", "0", file});
    CHECK(count_of(all.err, ": warning[") == 1800);
    CHECK_FALSE(contains(all.err, "not shown"));
    CHECK(all.err.ends_with(file + ": 1800 warnings\n"));

    const Run two = run_reps({"check", "--warning-limit=2", file});
    CHECK(count_of(two.err, ": warning[") == 2);
    CHECK(count_of(two.err, file + ":1:9: warning[") == 2);  // W0201 and W0205, at the workout's name
    CHECK(contains(two.err, file + ": 1798 more warnings not shown (W0101 600, W0201 599, W0205 599)"));

    // --werror: they are errors, shown up to the error limit.
    CHECK(run_reps({"check", "--werror", file}).code == 1);

    for (const char* bad : {"-1", "many", "", "1e3"}) {
        const Run refused = run_reps({"check", "--warning-limit", bad, file});
        CHECK(refused.code == 2);
        CHECK(contains(refused.err, "reps: error: --warning-limit takes a number of warnings, 0 for all, not '"));
    }
}

TEST_CASE("check: the warnings shown are the first in the file, whichever phase found them and in whatever order") {
    const TempDir dir("warning-limit-order");
    // Checked whole (a catalog declaration after the workouts): the parser's, the checker's and
    // the lints' warnings come one phase after the other.
    const std::string whole = dir.write("whole.reps", "workout w1 \"W1\" {\n  plank 3x45s\n}\n"
                                                      "workout w2 \"W2\" {\n  warmup { easy_cardio 5min }\n"
                                                      "  bulgarian_split_squat 3x10 @2x10kg\n}\n"
                                                      "exercise my_thing \"My thing\" {\n  primary core\n}\n").string();
    const Run first = run_reps({"check", "--warning-limit", "1", whole});
    CHECK(contains(first.err, whole + ":1:9: warning[W0201]"));
    CHECK(count_of(first.err, ": warning[") == 1);
    CHECK(contains(first.err, whole + ": 3 more warnings not shown (W0101 1, W0205 2)"));
    // A program before its workouts, linted at the end, with a warning at a session line.
    const std::string program = dir.write("program.reps", "program p \"P\" {\n  start 2026-12-01\n  weeks 1\n"
                                                          "  tue 17:30 w1\n  tue 17:35 w1\n}\n"
                                                          "workout w1 \"W1\" {\n  warmup { easy_cardio 5min }\n  plank 3x45s\n}\n").string();
    const Run sessions = run_reps({"check", "--warning-limit", "1", program});
    CHECK(contains(sessions.err, program + ":5:3: warning[W0206]"));
    CHECK(contains(sessions.err, program + ": 1 more warning not shown (W0205 1)"));
    // 1,500 W0106 in the second workout, found by the parser before the first workout's lints.
    std::string long_workout = "workout w1 \"W1\" {\n  warmup { easy_cardio 5min }\n  plank 3x45s\n}\n"
                               "workout w2 \"W2\" {\n  warmup { easy_cardio 5min }\n";
    for (int i = 0; i < 1500; ++i) long_workout += "  plank 1min90s\n";
    const std::string parsed = dir.write("parsed.reps", long_workout + "}\n").string();
    const Run run = run_reps({"check", parsed});
    CHECK(contains(run.err, parsed + ":1:9: warning[W0205]"));
    CHECK(contains(run.err, parsed + ":5:9: warning[W0205]"));
    CHECK(contains(run.err, parsed + ": 502 more warnings not shown (W0106 502)"));
    // reps fmt shows every warning of the parser (with the syntax error that stops it), and takes
    // no --warning-limit.
    const std::string broken = dir.write("broken.reps", long_workout + "  plank 3x\n}\n").string();
    const Run formatted = run_reps({"fmt", "--check", broken});
    CHECK(formatted.code == 1);
    CHECK(count_of(formatted.err, ": warning[W0106]") == 1500);
    CHECK_FALSE(contains(formatted.err, "not shown"));
}

TEST_CASE("check: warnings dropped by `# reps: allow` take no place in the warning limit") {
    const TempDir dir("warning-limit-allowed-first");
    std::string text;
    for (int i = 0; i < 1200; ++i) text += "workout a" + std::to_string(i) + " \"A\" {  # reps: allow W0201, W0205\n  plank 3x45s\n}\n";
    text += "workout b \"B\" {\n  plank 3x45s\n}\n";
    const std::string file = dir.write("plan.reps", text).string();
    const Run run = run_reps({"check", file});
    CHECK(contains(run.err, file + ":3601:9: warning[W0201]"));
    CHECK(contains(run.err, file + ":3601:9: warning[W0205]"));
    CHECK(run.err.ends_with(file + ": 2 warnings\n"));
}

TEST_CASE("build: the exporter's warnings that allow comments drop take no place in the warning limit") {
    const TempDir dir("warning-limit-fit");
    const std::string file = dir.write("plan.reps", "workout w \"W\" {  # reps: allow W0205\n  warmup { easy_cardio 5min }\n"
                                                    "  goblet_squat 3x12 @rpe 8  # reps: allow W0301\n"
                                                    "  goblet_squat 3x12 @rpe 8  # reps: allow W0301\n"
                                                    "  goblet_squat 3x12 @rpe 8  # reps: allow W0301\n"
                                                    "  goblet_squat 3x12 @rpe 8\n  goblet_squat 3x12 @rpe 8\n}\n").string();
    const Run run = run_reps({"build", file, "--to", "fit", "-o", (dir.path() / "w.fit").string(), "--warning-limit", "1"});
    CHECK(run.code == 0);
    CHECK(contains(run.err, file + ":6:3: warning[W0301]"));
    CHECK(count_of(run.err, ": warning[") == 1);
    CHECK(contains(run.err, file + ": 1 more warning not shown (W0301 1)"));
}

TEST_CASE("check: an allowed warning is no error under --werror, whatever the warning limit") {
    const TempDir dir("warning-limit-werror-allowed");
    const std::string file = dir.write("w.reps", "workout w \"W\" {  # reps: allow W0205\n  warmup { easy_cardio 5min }\n"
                                                 "  plank 3x1min90s  # reps: allow W0106\n}\n").string();
    for (const char* limit : {"0", "1000"}) {
        const Run run = run_reps({"check", "--werror", "--warning-limit", limit, file});
        CHECK(run.code == 0);
        CHECK(run.err.empty());
    }
}

TEST_CASE("build: a warning about the command line is shown past the warning limit") {
    const TempDir dir("warning-limit-command-line");
    const std::string file = dir.write("plan.reps", warning_workouts(5)).string();
    const Run run = run_reps({"build", file, "--workout", "w1", "--to", "ics", "--at", "2026-12-01T17:30",
                              "-o", (dir.path() / "w1.ics").string(), "--warning-limit", "1"});
    CHECK(run.code == 0);
    CHECK(contains(run.err, "warning[W0302]"));
    CHECK(contains(run.err, file + ": 14 more warnings not shown"));
}

TEST_CASE("check: --diagnostics json lists the warnings past the limit by file and code") {
    const TempDir dir("warning-limit-json");
    const std::string a = dir.write("a.reps", warning_workouts(400)).string();
    const std::string b = dir.write("b.reps", warning_workouts(2)).string();
    for (const char* jobs : {"1", "2"}) {
        const Run run = run_reps({"check", "-j", jobs, "--diagnostics", "json", a, b});
        CHECK(run.code == 0);
        const auto document = nlohmann::json::parse(run.err);
        CHECK(document["diagnostics"].size() == 1006);
        REQUIRE(document["hidden_warnings"].size() == 3);
        std::size_t hidden = 0;
        for (const auto& entry : document["hidden_warnings"]) {
            CHECK(entry["file"] == a);
            hidden += entry["count"].get<std::size_t>();
        }
        CHECK(hidden == 200);
        CHECK(document["hidden_warnings"][0]["code"] == "W0101");
    }
    // None past the limit: no such member, as before.
    CHECK_FALSE(nlohmann::json::parse(run_reps({"check", "--diagnostics", "json", b}).err).contains("hidden_warnings"));
}

TEST_CASE("check: a warning past the limit that a `# reps: allow` comment drops is not counted") {
    const TempDir dir("warning-limit-allow");
    const std::string file = dir.write("plan.reps", warning_workouts(600, "  # reps: allow W0201")).string();
    const Run run = run_reps({"check", file});
    CHECK(count_of(run.err, ": warning[") == 1000);
    CHECK(count_of(run.err, "warning[W0201]") == 0);
    CHECK(run.err.ends_with(file + ": 200 more warnings not shown (W0101 100, W0205 100); "
                            "--warning-limit 0 shows them all\n" + file + ": 1200 warnings\n"));
}

TEST_CASE("check: exit codes and diagnostics") {
    SUBCASE("a file that cannot be read is an I/O error") {
        const Run run = run_reps({"check", data("missing.reps")});
        CHECK(run.code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "reps: error: cannot read '" + data("missing.reps") + "': No such file or directory\n");
    }
    SUBCASE("an error") {
        const Run run = run_reps({"check", data("error.reps")});
        CHECK(run.code == 1);
        CHECK(run.out.empty());
        CHECK(run.err == data("error.reps") + ":3:3: error[E0102]: unknown exercise 'goblet_sqat'\n"
                             "    3 |   goblet_sqat 3x12\n"
                             "      |   ^~~~~~~~~~~\n"
                             "help: did you mean 'goblet_squat'?\n" +
                             data("error.reps") + ": 1 error\n");
    }
    SUBCASE("a clean file") {
        const Run run = run_reps({"check", data("ok.reps")});
        CHECK(run.code == 0);
        CHECK(run.out.empty());
        CHECK(run.err.empty());
    }
    SUBCASE("several files: each is reported, the worst exit code wins") {
        const Run run = run_reps({"check", data("ok.reps"), data("error.reps"), data("warning.reps")});
        CHECK(run.code == 1);
        CHECK(run.err.find(data("error.reps") + ": 1 error\n") != std::string::npos);
        CHECK(run.err.find(data("warning.reps") + ": 1 warning\n") != std::string::npos);
        CHECK(run_reps({"check", data("error.reps"), data("missing.reps")}).code == 2);
    }
}

TEST_CASE("check: warnings, --werror and -W no-CODE") {
    const Run plain = run_reps({"check", data("warning.reps")});
    CHECK(plain.code == 0);
    CHECK(plain.err.starts_with(data("warning.reps") + ":9:3: warning[W0101]: "));
    CHECK(plain.err.ends_with(data("warning.reps") + ": 1 warning\n"));

    const Run werror = run_reps({"check", "--werror", data("warning.reps")});
    CHECK(werror.code == 1);
    CHECK(werror.err.starts_with(data("warning.reps") + ":9:3: error[W0101]: "));
    CHECK(werror.err.ends_with(data("warning.reps") + ": 1 error\n"));

    const Run silenced = run_reps({"check", "-W", "no-W0101", data("warning.reps")});
    CHECK(silenced.code == 0);
    CHECK(silenced.err.empty());
    CHECK(run_reps({"check", "--werror", "-Wno-W0101", data("warning.reps")}).code == 0);

    // ok.reps lasts 35 minutes: inside the default 30-60, outside a range given on the command line.
    const Run range = run_reps({"check", "--session-range", "40min-1h", data("ok.reps")});
    CHECK(range.code == 0);
    CHECK(range.err.find("warning[W0205]") != std::string::npos);
    CHECK(run_reps({"check", "--session-range", "20min-45min", data("ok.reps")}).err.empty());
    CHECK(run_reps({"check", "--session-range", "1h-30min", data("ok.reps")}).code == 2);
    CHECK(run_reps({"check", "--session-range", "34:59-1h", data("ok.reps")}).err.empty());  // m:ss, SPEC 1: ok.reps lasts 35:18
    CHECK(run_reps({"check", "--session-range", "35:19-1h", data("ok.reps")}).err.find("W0205") != std::string::npos);
    CHECK(run_reps({"check", "--session-range", "4:60-1h", data("ok.reps")}).code == 2);

    // The help's --session-range takes the workout in: run with it, the warning goes.
    for (const char* narrow : {"40min-1h", "10min-20min", "35:19-36min"}) {
        const Run warned = run_reps({"check", "--session-range", narrow, data("ok.reps")});
        const auto from = warned.err.find("--session-range ");
        REQUIRE(from != std::string::npos);
        const auto begin = from + std::string_view("--session-range ").size();
        const std::string suggested = warned.err.substr(begin, warned.err.find('\n', begin) - begin);
        CAPTURE(suggested);
        CHECK(run_reps({"check", "--session-range", suggested, data("ok.reps")}).err.empty());
    }

    // The session length is checked in every week of the progression (SPEC 5.4), whatever --week
    // says: grows is too short in weeks 1-4 of its 11 steps.
    for (const char* week : {"1", "5", "40"}) {
        const Run grows = run_reps({"check", "--week", week, data("grows.reps")});
        CHECK(grows.err.find("warning[W0205]: workout 'grows' lasts 22:30 in week 1, shorter than") != std::string::npos);
        CHECK(grows.err.find("help: weeks 1-4 of 11 are out of range; add work") != std::string::npos);
    }

    // `# reps: allow W0205` in two.reps keeps its short workouts quiet.
    const Run allowed = run_reps({"check", data("two.reps")});
    CHECK(allowed.code == 0);
    CHECK(allowed.err.empty());
}

TEST_CASE("--diagnostics json") {
    const Run run = run_reps({"check", "--diagnostics", "json", data("error.reps")});
    CHECK(run.code == 1);
    const auto document = nlohmann::json::parse(run.err);
    REQUIRE(document["diagnostics"].size() == 1);
    const auto& d = document["diagnostics"][0];
    CHECK(d["severity"] == "error");
    CHECK(d["code"] == "E0102");
    CHECK(d["file"] == data("error.reps"));
    CHECK(d["line"] == 3);
    CHECK(d["column"] == 3);
    CHECK(d["end_line"] == 3);
    CHECK(d["end_column"] == 14);
    CHECK(d["message"] == "unknown exercise 'goblet_sqat'");
    CHECK(d["help"] == "did you mean 'goblet_squat'?");
    CHECK(run.err.find(": 1 error") == std::string::npos);  // no summary line in JSON mode

    const Run clean = run_reps({"check", "--diagnostics", "json", data("ok.reps")});
    CHECK(clean.code == 0);
    CHECK(nlohmann::json::parse(clean.err)["diagnostics"].empty());

    // An I/O error is about no input: no code, no position, exit 2.
    const Run missing = run_reps({"check", "--diagnostics", "json", data("missing.reps")});
    CHECK(missing.code == 2);
    const auto io = nlohmann::json::parse(missing.err)["diagnostics"];
    REQUIRE(io.size() == 1);
    CHECK(io[0]["code"].is_null());
    CHECK(io[0]["file"].is_null());
    CHECK(io[0]["message"] == "cannot read '" + data("missing.reps") + "': No such file or directory");
}

// Found while fixing the join of a spaced name: a file whose catalog declaration follows a
// workout is read twice (the second time whole) under a new file id; the JSON reporter moved each
// diagnostic to its own ids but left its fix-its on the old one, and dropped them.
TEST_CASE("--diagnostics json keeps the fix-its of a file checked again whole") {
    TempDir dir("json-fixes");
    const fs::path file = dir.write("w.reps", "workout w \"W\" {\n  plank 3 x 12\n}\nexercise late \"Late\" { rep 2s }\n");
    const auto diagnostics = nlohmann::json::parse(run_reps({"check", "--diagnostics", "json", file.string()}).err)["diagnostics"];
    REQUIRE(diagnostics.size() == 1);
    REQUIRE(diagnostics[0]["fixes"].size() == 1);
    CHECK(diagnostics[0]["fixes"][0]["replacement"] == "3x12");
    CHECK(diagnostics[0]["fixes"][0]["line"] == 2);
    CHECK(diagnostics[0]["fixes"][0]["column"] == 9);
}

// Found by an outside tester: `defualts rest 30s` and `foo bar 3x12` were offered the joins
// `defualts_rest` and `foo_bar` as fixes, names no catalog has, which an editor applied.
TEST_CASE("check: a name written as two words is joined only into a name the file can use") {
    TempDir dir("spaced-names");
    const fs::path file = dir.write("w.reps",
                                    "exercise my_move \"My Move\" {\n  aka my_alias\n  rep 2s\n}\n"
                                    "workout w \"W\" {\n"
                                    "  goblet squat 3x12\n"    // 6: the stdlib's
                                    "  my move 3x10\n"         // 7: the file's own
                                    "  my alias 3x10\n"        // 8: an alias
                                    "  your move 3x10\n"       // 9: declared after it, below
                                    "  goblet sqat 3x12\n"     // 10: no such name: the closest
                                    "  foo bar 3x12\n"         // 11: nothing close
                                    "}\n"
                                    "exercise your_move \"Your Move\" { rep 2s }\n");
    const Run run = run_reps({"check", "--diagnostics", "json", file.string()});
    CHECK(run.code == 1);
    const auto diagnostics = nlohmann::json::parse(run.err)["diagnostics"];
    REQUIRE(diagnostics.size() == 6);
    const auto help = [&](int line) {
        for (const auto& d : diagnostics) {
            if (d["line"] == line) return d;
        }
        FAIL("no diagnostic at line ", line);
        return nlohmann::json{};
    };
    const auto replacement = [&](int line) {
        const auto fixes = help(line)["fixes"];
        REQUIRE(fixes.size() == 1);
        return fixes[0]["replacement"].get<std::string>();
    };
    CHECK(help(6)["help"] == "did you mean 'goblet_squat 3x12'? Names have no spaces: words are joined with '_'");
    CHECK(replacement(6) == "goblet_squat");
    CHECK(replacement(7) == "my_move");
    CHECK(replacement(8) == "my_alias");
    CHECK(replacement(9) == "your_move");
    CHECK(help(10)["help"] == "did you mean 'goblet_squat 3x12'? Names have no spaces, and no exercise is called "
                              "'goblet_sqat': the closest is 'goblet_squat'");
    CHECK(replacement(10) == "goblet_squat");
    CHECK(help(11)["help"] == "names have no spaces, but no exercise is called 'foo_bar' either: `reps catalog TERM` "
                              "searches the catalog");
    CHECK(help(11)["fixes"].empty());

    // Where the names are not checked (a broken import), the help only says what a join would be.
    const fs::path broken = dir.write("broken.reps", "import \"nope.reps\"\nworkout w \"W\" {\n  goblet squat 3x12\n}\n");
    const Run unchecked = run_reps({"check", "--diagnostics", "json", broken.string()});
    const auto spaced = nlohmann::json::parse(unchecked.err)["diagnostics"][1];
    CHECK(spaced["help"] == "names have no spaces: if 'goblet squat' is one name, it is written 'goblet_squat'");
    CHECK(spaced["fixes"].empty());
}

TEST_CASE("--color and NO_COLOR") {
    const auto colored = [](const Run& run) { return run.err.find('\033') != std::string::npos; };
    {
        ScopedEnv no_color("NO_COLOR", nullptr);
        CHECK(colored(run_reps({"check", "--color", "always", data("error.reps")})));
        CHECK_FALSE(colored(run_reps({"check", "--color", "never", data("error.reps")})));
    }
    ScopedEnv no_color("NO_COLOR", "1");
    CHECK_FALSE(colored(run_reps({"check", "--color", "auto", data("error.reps")})));
    CHECK_FALSE(colored(run_reps({"check", data("error.reps")})));
    CHECK(colored(run_reps({"check", "--color", "always", data("error.reps")})));  // as in GCC, always wins
}

TEST_CASE("--color auto colours a terminal only, as GCC does, and not TERM=dumb") {
    CHECK(reps::cli::auto_color(true, nullptr, "xterm-256color"));
    CHECK(reps::cli::auto_color(true, "", "xterm"));             // NO_COLOR set but empty: ignored
    CHECK_FALSE(reps::cli::auto_color(false, nullptr, "xterm"));  // a pipe or a file
    CHECK_FALSE(reps::cli::auto_color(true, "1", "xterm"));
    CHECK_FALSE(reps::cli::auto_color(true, nullptr, "dumb"));    // Emacs's shell: no escape sequences
    CHECK_FALSE(reps::cli::auto_color(true, nullptr, nullptr));
}

TEST_CASE("the player's colours follow --color and NO_COLOR") {
    {
        ScopedEnv no_color("NO_COLOR", nullptr);
        CHECK(reps::cli::player_color("auto"));
        CHECK(reps::cli::player_color("always"));
        CHECK_FALSE(reps::cli::player_color("never"));
    }
    ScopedEnv no_color("NO_COLOR", "1");
    CHECK_FALSE(reps::cli::player_color("auto"));
    CHECK(reps::cli::player_color("always"));
}

TEST_CASE("build --to json and text") {
    const Run run = run_reps({"build", data("ok.reps"), "--to", "json"});
    CHECK(run.code == 0);
    CHECK(run.err.empty());
    const auto timeline = nlohmann::json::parse(run.out);
    CHECK(timeline["format"] == "reps-timeline/1");
    CHECK(timeline["workout"] == "legs_day");
    CHECK(timeline["week"] == 1);
    CHECK(timeline["total_seconds"] == 2118);
    CHECK(timeline["equipment"] == nlohmann::json::array({"bench", "dumbbell", "kettlebell"}));
    CHECK(timeline["segments"][0]["exercise"] == "easy_cardio");

    const Run text = run_reps({"build", data("ok.reps"), "--to", "text"});
    CHECK(text.code == 0);
    CHECK(text.out.starts_with("Legs Day\nWorkout: legs_day   Week: 1   Total: 35:18\n"));

    const Run program = run_reps({"build", data("plan.reps"), "--to", "json"});
    CHECK(program.code == 0);
    const auto plan = nlohmann::json::parse(program.out);
    CHECK(plan["format"] == "reps-program/1");
    CHECK(plan["program"] == "legs_plan");
    CHECK(plan["sessions"].size() == 4);
}

TEST_CASE("build --week all: a workout's length week by week") {
    // grows: 2x30s -> 2x10min step 1min after a 20-minute warm-up, eleven steps.
    const Run text = run_reps({"build", data("grows.reps"), "--to", "text", "--week", "all", "-W", "no-W0205"});
    CHECK(text.code == 0);
    CHECK(text.err.empty());
    CHECK(text.out.starts_with("Length by week (session range 30min-60min)\nGrows (grows)\n"
                               "  week   1     22:30  shorter than the session range\n"
                               "  week   2     24:30  shorter than the session range\n"));
    CHECK(text.out.find("  week   5     30:30\n") != std::string::npos);
    CHECK(text.out.ends_with("  week  10     40:30\n  week  11     41:30\n"));  // 9min30s, then 10min

    const Run json = run_reps({"build", data("grows.reps"), "--to", "json", "--week", "all", "--session-range", "20min-40min"});
    CHECK(json.code == 0);
    const auto document = nlohmann::json::parse(json.out);
    CHECK(document["format"] == "reps-week-lengths/1");
    CHECK(document["workout"] == "grows");
    CHECK(document["session_range"]["min_seconds"] == 1200);
    CHECK(document["session_range"]["max_seconds"] == 2400);
    REQUIRE(document["weeks"].size() == 11);
    CHECK(document["weeks"][0]["seconds"] == 1350);
    CHECK(document["weeks"][0]["clock"] == "22:30");
    CHECK(document["weeks"][0]["in_range"] == true);
    CHECK(document["weeks"][10]["in_range"] == false);

    // A program: each workout it schedules, over the program's weeks.
    const Run plan = run_reps({"build", REPS_EXAMPLES_DIR "/runner_program.reps", "--to", "text", "--week", "all"});
    CHECK(plan.code == 0);
    CHECK(plan.out.starts_with("Strength for Runners, 6 weeks (runner_block): length by week (session range 30min-60min)\n"
                               "Runner Strength (runner_strength)\n  week   1     37:09\n"));
    CHECK(plan.out.ends_with("  week   6     59:24\n"));
    const auto plan_json = nlohmann::json::parse(
        run_reps({"build", REPS_EXAMPLES_DIR "/runner_program.reps", "--to", "json", "--week", "all"}).out);
    CHECK(plan_json["format"] == "reps-week-lengths/1");
    CHECK(plan_json["program"] == "runner_block");
    REQUIRE(plan_json["workouts"].size() == 1);
    CHECK(plan_json["workouts"][0]["weeks"].size() == 6);

    const Run ics = run_reps({"build", data("grows.reps"), "--to", "ics", "--week", "all"});
    CHECK(ics.code == 2);
    CHECK(ics.err.find("--week all lists the length of each week with --to text or --to json") != std::string::npos);
    CHECK(run_reps({"play", data("grows.reps"), "--week", "all"}).code == 2);
}

TEST_CASE("build --to ics --at without --timezone warns that it means UTC (W0302)") {
    const std::vector<std::string> build = {"build", data("ok.reps"), "--to", "ics", "--at", "2026-12-01T17:30"};
    {
        const ScopedEnv tz("TZ", "Europe/Berlin");
        const Run run = run_reps(build);
        CHECK(run.code == 0);
        CHECK(run.out.find("DTSTART:20261201T173000Z") != std::string::npos);
        CHECK(contains(run.err, "reps: warning[W0302]: --at 2026-12-01T17:30 has no --timezone: it is read as UTC (17:30Z)\n"
                                "help: if 17:30 is local time, add --timezone Europe/Berlin (this machine's zone); "
                                "--timezone UTC says UTC is meant\n"));
    }
    {
        const ScopedEnv tz("TZ", "UTC");
        CHECK(contains(run_reps(build).err, "help: if it is local time, add --timezone with its zone, e.g. --timezone Europe/Berlin"));
    }
    auto with_zone = build;
    with_zone.insert(with_zone.end(), {"--timezone", "UTC"});
    CHECK(run_reps(with_zone).err.find("W0302") == std::string::npos);
    auto quiet = build;
    quiet.insert(quiet.end(), {"-W", "no-W0302"});
    CHECK(run_reps(quiet).err.find("W0302") == std::string::npos);
    auto strict = build;
    strict.push_back("--werror");
    const Run refused = run_reps(strict);
    CHECK(refused.code == 1);
    CHECK(refused.out.empty());
    // A program sets its own zone; other formats take no --timezone.
    CHECK(run_reps({"build", data("plan.reps"), "--to", "ics"}).err.find("W0302") == std::string::npos);
}

TEST_CASE("notes stand where they are written, in the printed timeline and in the player alike") {
    TempDir dir("notes");
    const fs::path file = dir.write("notes.reps",
                                    "workout w \"W\" {\n"
                                    "  burpee 10\n"
                                    "  note \"between\"\n"
                                    "  burpee 10\n"
                                    "  note \"to the mat\"\n"
                                    "  cooldown { static_stretching 5min }\n"
                                    "  note \"well done\"\n"
                                    "}\n");
    // The first note before the transition, the second before the cool-down's heading (it is the
    // main part's), the last after the last segment.
    const Run text = run_reps({"build", file.string(), "--to", "text"});
    CHECK(contains(text.out, "  0:00  0:30  work        Burpee, 10 reps\n"
                             "  note: between\n"
                             "  0:30  0:30  transition\n"));
    CHECK(contains(text.out, "  note: to the mat\n\nCOOL-DOWN\n"));
    CHECK(text.out.ends_with("work        Static Stretching, 5min\n  note: well done\n"));
    // The player says each when its place comes, the last one as the workout ends.
    const Run played = run_reps({"play", file.string(), "--plain", "--speed", "1000000"});
    CHECK(played.code == 0);
    CHECK(contains(played.out, "[00:00:30] note  between\n[00:00:30] transition  0:30\n"));
    CHECK(contains(played.out, "[00:01:30] note  to the mat\n[00:01:30] transition  0:30\n"));
    CHECK(contains(played.out, "[00:07:00] note  well done\n[00:07:00] end\n"));

    // A phase of notes alone has no segments, and no heading: its notes still print, in order.
    const fs::path bare = dir.write("bare.reps", "workout n \"N\" {\n  warmup { note \"warm\" }\n  burpee 10\n"
                                                 "  note \"main\"\n  cooldown { note \"cool\" }\n}\n");
    const Run sheet = run_reps({"build", bare.string(), "--to", "text"});
    CHECK(contains(sheet.out, "  note: warm\n\nMAIN\n  0:00  0:30  work        Burpee, 10 reps\n  note: main\n  note: cool\n"));
    // Where a phase begins, the notes keep the order they were written in.
    const fs::path ordered = dir.write("ordered.reps", "workout o \"O\" {\n  burpee 10\n  note \"m1\"\n"
                                                       "  cooldown { note \"c0\"; static_stretching 1min }\n}\n");
    CHECK(contains(run_reps({"build", ordered.string(), "--to", "text"}).out, "  note: m1\n\nCOOL-DOWN\n  note: c0\n"));
}

TEST_CASE("play: a program's file plays the workout it schedules and says which") {
    const Run run = run_reps({"play", data("plan.reps"), "--plain", "--speed", "1000000", "--week", "2"});
    CHECK(run.code == 0);
    CHECK(contains(run.err, "reps: playing workout 'legs_day' of program 'legs_plan', week 2 of 2; choose with --workout NAME --week N\n"));
    const Run past = run_reps({"play", data("plan.reps"), "--plain", "--speed", "1000000", "--week", "3"});
    CHECK(past.code == 2);
    CHECK(contains(past.err, "--week 3 is past the 2 weeks of program 'legs_plan'"));

    TempDir dir("play-program");
    dir.write("two.reps", read(data("two.reps")));
    const std::string head = "import \"two.reps\"\nprogram p \"P\" {\n  start 2026-12-07\n  weeks 3\n";
    // The imported file holds two workouts; the program schedules one: that one is played.
    const fs::path one = dir.write("one.reps", head + "  mon 17:00 upper\n}\n");
    const Run upper = run_reps({"play", one.string(), "--plain", "--speed", "1000000"});
    CHECK(upper.code == 0);
    CHECK(contains(upper.err, "reps: playing workout 'upper' of program 'p', week 1 of 3"));
    // Both scheduled: the user chooses.
    const fs::path both = dir.write("both.reps", head + "  mon 17:00 upper\n  thu 17:00 lower\n}\n");
    const Run choose = run_reps({"play", both.string(), "--plain", "--speed", "1000000"});
    CHECK(choose.code == 1);
    CHECK(contains(choose.err, "error[E0402]: nothing to play: program 'p' schedules several workouts"));
    CHECK(contains(choose.err, "help: choose one with --workout NAME (and --week N): upper, lower"));
    CHECK(run_reps({"play", both.string(), "--plain", "--speed", "1000000", "--workout", "lower"}).code == 0);
}

// At least `bytes` of comment lines: a file that imports streams only from 256 KiB on.
std::string comment_lines(std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += "# a line of the library's notes\n";
    return text;
}

TEST_CASE("play: --workout from a library plays what the workout alone plays") {
    // The library streams past (its other workouts checked and dropped as it parses); an exercise
    // declared after the workouts and one from an import make it parse twice. Same play, same
    // output as the workout in a file of its own.
    TempDir dir("play-library");
    dir.write("moves.reps", "exercise my_row \"My row\" {\n  primary lats\n  equipment dumbbell\n}\n");
    const std::string press = "exercise my_press \"My press\" {\n  primary chest\n  equipment dumbbell\n}\n";
    const std::string chosen = "workout pull \"Pull\" {\n  my_row 2x8 @20kg rest 30s\n  my_press 2x5\n}\n";
    std::string library = "import \"moves.reps\"\n" + comment_lines(300 * 1024);  // large enough to stream
    for (int i = 0; i < 50; ++i) library += "workout w" + std::to_string(i) + " \"W\" { my_press 3x10 }\n";
    const fs::path whole = dir.write("library.reps", library + chosen + "workout last \"L\" { my_row 3x10 }\n" + press);
    const fs::path alone = dir.write("alone.reps", "import \"moves.reps\"\n" + chosen + press);
    const Run from_library = run_reps({"play", whole.string(), "--workout", "pull", "--plain", "--speed", "1000000"});
    const Run from_alone = run_reps({"play", alone.string(), "--plain", "--speed", "1000000"});
    CHECK(from_library.code == 0);
    CHECK(contains(from_library.out, "My row"));
    CHECK(from_library.out == from_alone.out);
    // Another workout's error stops the play, as before.
    const fs::path broken = dir.write("broken.reps", library + chosen + "workout bad \"B\" { my_rwo 3x10 }\n" + press);
    const Run refused = run_reps({"play", broken.string(), "--workout", "pull", "--plain", "--speed", "1000000"});
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "unknown exercise 'my_rwo'"));
}

TEST_CASE("build: --program from a library builds what the program alone builds") {
    // The library streams past; the program and the workouts it schedules are then parsed again
    // and checked alone. Same output as a file of just them, in every format that takes a program.
    TempDir dir("build-library");
    // The import holds a workout the program schedules, and others it does not.
    dir.write("moves.reps", "exercise my_row \"My row\" {\n  primary lats\n  equipment dumbbell\n}\n"
                            "workout imported \"Imported\" { my_row 3x5 }\nworkout unused \"Unused\" { my_row 3x6 }\n");
    const std::string press = "exercise my_press \"My press\" {\n  primary chest\n  equipment dumbbell\n}\n";
    const std::string pull = "workout pull \"Pull\" {\n  my_row 2x8 -> 4x8 @20kg\n  my_press 2x5\n}\n";
    const std::string push = "workout push \"Push\" { my_press 3x10 }\n";
    const std::string plan = "program plan \"Plan\" {\n  start 2026-12-07\n  weeks 3\n  timezone \"Europe/Berlin\"\n"
                             "  mon 18:00 pull\n  thu 07:30 push\n  fri 18:00 imported\n  sat 09:00 run \"Long run\" 60min easy\n}\n";
    std::string library = "import \"moves.reps\"\n" + comment_lines(300 * 1024);  // large enough to stream
    for (int i = 0; i < 40; ++i) library += "workout w" + std::to_string(i) + " \"W\" { my_press 3x10 }\n";
    library += pull + "program other \"Other\" { start 2026-12-07\n  mon 18:00 w1\n}\n" + push + plan;
    // One program before its workouts, and the exercise declared after them all.
    const fs::path whole = dir.write("library.reps", plan + library.substr(0, library.size() - plan.size()) + press);
    const fs::path alone = dir.write("alone.reps", "import \"moves.reps\"\n" + press + pull + push + plan);
    for (const std::string format : {"json", "text", "ics", "html"}) {
        CAPTURE(format);
        const auto build = [&](const fs::path& file) {
            std::vector<std::string> args{"build", file.string(), "--program", "plan", "--to", format};
            if (format == "ics") args.insert(args.end(), {"--dtstamp", "0"});
            return run_reps(args);
        };
        const Run from_library = build(whole);
        Run from_alone = build(alone);
        // The sheet's footer names the file.
        for (std::size_t at; (at = from_alone.out.find("alone.reps")) != std::string::npos;) from_alone.out.replace(at, 10, "library.reps");
        CHECK(from_library.code == 0);
        CHECK(contains(from_library.out, "Pull"));
        CHECK(contains(from_library.out, "Imported"));  // scheduled from the import
        CHECK(from_library.out == from_alone.out);
    }
    // The program after its workouts, as a library usually has it: the stream takes it, noting
    // the workouts it schedules.
    const fs::path at_end = dir.write("library_end.reps", library + press);
    const Run from_end = run_reps({"build", at_end.string(), "--program", "plan", "--to", "json"});
    const Run alone_json = run_reps({"build", alone.string(), "--program", "plan", "--to", "json"});
    CHECK(from_end.code == 0);
    CHECK(contains(from_end.out, "Imported"));
    CHECK(from_end.out == alone_json.out);
    // A program the file does not declare: suggested, as before.
    const Run unknown = run_reps({"build", whole.string(), "--program", "plann", "--to", "json"});
    CHECK(unknown.code == 1);
    CHECK(contains(unknown.err, "unknown program 'plann'"));
    CHECK(contains(unknown.err, "did you mean 'plan'?"));
}

TEST_CASE("build: options that do not fit the target") {
    const Run week = run_reps({"build", data("plan.reps"), "--to", "json", "--week", "2"});
    CHECK(week.code == 2);
    CHECK(week.out.empty());
    CHECK(week.err == "reps: error: --week applies to a workout, and program 'legs_plan' sets its own weeks and dates\n");
}

TEST_CASE("build -o writes atomically, and not at all when the input has errors") {
    TempDir dir("cli-tests");
    const fs::path output = dir.path() / "out.json";
    const Run written = run_reps({"build", data("ok.reps"), "--to", "json", "-o", output.string()});
    CHECK(written.code == 0);
    CHECK(written.out.empty());
    CHECK(nlohmann::json::parse(read(output))["format"] == "reps-timeline/1");
    CHECK(read(output) == run_reps({"build", data("ok.reps"), "--to", "json"}).out);

    const fs::path existing = dir.path() / "existing.json";
    std::ofstream(existing) << "old";
    const Run failed = run_reps({"build", data("error.reps"), "--to", "json", "-o", existing.string()});
    CHECK(failed.code == 1);
    CHECK(read(existing) == "old");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);  // no temp files

    const std::string unwritable_path = (dir.path() / "no/such.json").string();
    const Run unwritable = run_reps({"build", data("ok.reps"), "--to", "json", "-o", unwritable_path});
    CHECK(unwritable.code == 2);
    CHECK(unwritable.err == "reps: error: cannot write '" + unwritable_path + "': No such file or directory\n");
    // With --diagnostics json the failure is part of the one document on stderr.
    const Run as_json =
        run_reps({"build", data("ok.reps"), "--to", "json", "-o", unwritable_path, "--diagnostics", "json"});
    CHECK(as_json.code == 2);
    CHECK(nlohmann::json::parse(as_json.err)["diagnostics"][0]["message"] ==
          "cannot write '" + unwritable_path + "': No such file or directory");
}

TEST_CASE("build -o - writes to standard output, as most tools read it, not to a file named '-'") {
    TempDir dir("cli-tests");
    const fs::path before = fs::current_path();
    fs::current_path(dir.path());
    const Run dash = run_reps({"build", data("ok.reps"), "--to", "json", "-o", "-"});
    fs::current_path(before);
    CHECK(dash.code == 0);
    CHECK(dash.out == run_reps({"build", data("ok.reps"), "--to", "json"}).out);
    CHECK_FALSE(fs::exists(dir.path() / "-"));
    // A file of that name is still reachable as ./-.
    const Run file = run_reps({"build", data("ok.reps"), "--to", "json", "-o", (dir.path() / "-").string()});
    CHECK(file.code == 0);
    CHECK(file.out.empty());
    CHECK(fs::exists(dir.path() / "-"));
}

TEST_CASE("build: choosing the workout") {
    const Run none_chosen = run_reps({"build", data("two.reps"), "--to", "json"});
    CHECK(none_chosen.code == 1);
    CHECK(none_chosen.out.empty());
    CHECK(none_chosen.err == "reps: error[E0402]: nothing to build: '" + data("two.reps") + "' has several workouts\n"
                             "help: choose one with --workout NAME: upper, lower\n" +
                             data("two.reps") + ": 1 error\n");

    const Run chosen = run_reps({"build", data("two.reps"), "--to", "json", "--workout", "lower"});
    CHECK(chosen.code == 0);
    CHECK(nlohmann::json::parse(chosen.out)["workout"] == "lower");

    const Run typo = run_reps({"build", data("two.reps"), "--to", "json", "--workout", "lowr"});
    CHECK(typo.code == 1);
    CHECK(typo.out.empty());
    CHECK(typo.err == "reps: error[E0106]: unknown workout 'lowr'\nhelp: did you mean 'lower'?\n" +
                          data("two.reps") + ": 1 error\n");

    const Run program = run_reps({"build", data("two.reps"), "--to", "json", "--program", "lower"});
    CHECK(program.code == 1);
    CHECK(program.err.starts_with("reps: error[E0108]: unknown program 'lower'\n"));

    const Run profile = run_reps({"build", data("plan.reps"), "--to", "json", "--profile", "hom"});
    CHECK(profile.code == 1);
    CHECK(profile.err.find("error[E0107]: unknown profile 'hom'") != std::string::npos);
    CHECK(profile.err.find("help: did you mean 'home'?") != std::string::npos);
}

// SPEC 8: "A file with one workout (or one program) needs no --workout/--program": the file named,
// not its imports (found by an outside probe: a workout beside the library it imports was E0402).
TEST_CASE("build: a file's own workout or program is built without a flag, whatever it imports") {
    TempDir dir("build-choice");
    dir.write("two.reps", read(data("two.reps")));
    const fs::path mine = dir.write("mine.reps", "import \"two.reps\"\nworkout mine \"Mine\" {  # reps: allow W0205\n"
                                                 "  warmup { easy_cardio 5min }\n  goblet_squat 1x10\n}\n");
    const Run built = run_reps({"build", mine.string(), "--to", "json"});
    CHECK(built.code == 0);
    CHECK(nlohmann::json::parse(built.out)["workout"] == "mine");
    CHECK(run_reps({"play", mine.string(), "--plain", "--speed", "1000000"}).code == 0);
    CHECK(nlohmann::json::parse(run_reps({"build", mine.string(), "--to", "json", "--workout", "lower"}).out)["workout"] == "lower");

    // A plan that declares its program and imports another file's program builds its own.
    dir.write("other.reps", "import \"two.reps\"\nprogram other \"Other\" {\n  start 2026-12-07\n"
                                                   "  mon 17:00 upper\n}\n");
    const fs::path plan = dir.write("plan.reps", "import \"other.reps\"\nimport \"two.reps\"\nprogram mine \"Mine\" {\n  start 2026-12-07\n"
                                                 "  tue 17:00 lower\n}\n");
    const Run program = run_reps({"build", plan.string(), "--to", "json"});
    CHECK(program.code == 0);
    CHECK(nlohmann::json::parse(program.out)["program"] == "mine");

    // A file of imports alone: the imports decide, as before; two workouts there still need a flag.
    const fs::path imports = dir.write("imports.reps", "import \"two.reps\"\n");
    const Run several = run_reps({"build", imports.string(), "--to", "json"});
    CHECK(several.code == 1);
    CHECK(contains(several.err, "has several workouts\nhelp: choose one with --workout NAME: upper, lower\n"));
    // Two workouts of its own, beside an imported program: a flag; the message and its help speak
    // of the file's own workouts, not of the imports' program and workouts (found by a review).
    const fs::path own_two = dir.write("own_two.reps", "import \"other.reps\"\nworkout a \"A\" { burpee 10 }\nworkout b \"B\" { burpee 10 }\n");
    const Run two_own = run_reps({"build", own_two.string(), "--to", "json"});
    CHECK(two_own.code == 1);
    CHECK(contains(two_own.err, "error[E0402]: nothing to build: '" + own_two.string() +
                                    "' has several workouts\nhelp: choose one with --workout NAME: a, b\n"));
}

TEST_CASE("--dump prints each phase") {
    const Run ast = run_reps({"check", "--dump", "ast", data("ok.reps")});
    CHECK(ast.code == 0);
    CHECK(ast.out.starts_with("File \"" + data("ok.reps") + "\"\n  Workout @2:1\n    name: legs_day @2:9\n"));

    const Run checked = run_reps({"check", "--dump", "checked", data("ok.reps")});
    CHECK(checked.code == 0);
    CHECK(checked.out.find("Workout legs_day \"Legs Day\"") != std::string::npos);
    CHECK(checked.out.find("Entry goblet_squat @8:3") != std::string::npos);

    const Run timeline = run_reps({"build", "--dump", "timeline", data("ok.reps")});
    CHECK(timeline.code == 0);
    CHECK(timeline.out.starts_with("Timeline legs_day \"Legs Day\"\n  week: 1\n  total: 2118s\n"));

    // After a syntax or name error the AST is still shown; later phases are not.
    CHECK(run_reps({"check", "--dump", "ast", data("error.reps")}).out.find("goblet_sqat") != std::string::npos);
    const Run failed = run_reps({"check", "--dump", "timeline", data("error.reps")});
    CHECK(failed.code == 1);
    CHECK(failed.out.empty());
}
