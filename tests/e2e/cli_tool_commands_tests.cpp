// End-to-end tests of the commands that build nothing, run in-process through run_cli: `reps
// explain`, `reps catalog` and `reps fmt` (split from cli_tests.cpp, which holds check, build and
// play).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/driver/cli.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/format/format.hpp"
#include "tests/e2e/in_process.hpp"

namespace {

namespace fs = std::filesystem;
using reps::test::Run;
using reps::test::run_reps;
using reps::test::contains;
using reps::test::TempDir;
using reps::test::read;

}  // namespace

TEST_CASE("explain") {
    const Run known = run_reps({"explain", "E0102"});
    CHECK(known.code == 0);
    CHECK(known.out.starts_with("E0102 (error): unknown exercise\n\n"));
    const Run unknown = run_reps({"explain", "E9999"});
    CHECK(unknown.code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err.starts_with("reps: error: unknown diagnostic code 'E9999'"));
}

TEST_CASE("explain: no code lists them all, lower case and a missing letter are understood") {
    const Run list = run_reps({"explain"});
    CHECK(list.code == 0);
    CHECK(list.err.empty());
    CHECK(list.out.starts_with("E0001  syntax error\nE0002  invalid UTF-8\n"));
    CHECK(list.out.find("\nE0401  no equipment option fits the profile\n") != std::string::npos);
    CHECK(list.out.find("\nW0205  session length\n") != std::string::npos);

    const Run lower = run_reps({"explain", "w0205"});
    CHECK(lower.code == 0);
    CHECK(lower.out.starts_with("W0205 (warning): session length\n\n"));

    const Run number = run_reps({"explain", "0205"});  // E0205 and W0205 share the number
    CHECK(number.code == 0);
    CHECK(number.out.starts_with("E0205 (error): load the equipment cannot take\n\n"));
    CHECK(number.out.ends_with(lower.out));

    const Run unknown = run_reps({"explain", "0999"});
    CHECK(unknown.code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "reps: error: unknown diagnostic code '0999'; codes look like E0102 or W0101, and `reps "
                         "explain` lists them all\n");

    const Run two = run_reps({"explain", "E0102", "E0103"});
    CHECK(two.code == 2);
    CHECK(two.err.starts_with("reps: error: 'reps explain' takes at most one CODE\n"));
}

TEST_CASE("catalog") {
    const Run all = run_reps({"catalog"});
    CHECK(all.code == 0);
    CHECK(all.out.find("\ngoblet_squat ") != std::string::npos);
    CHECK(all.out.starts_with("ab_wheel_rollout "));  // sorted by name

    const Run search = run_reps({"catalog", "goblet"});
    CHECK(search.code == 0);
    CHECK(search.out.find("Kettlebell Goblet Squat") != std::string::npos);
    CHECK(search.out.find("kettlebell | dumbbell") != std::string::npos);

    const Run entry = run_reps({"catalog", "kettlebell_goblet_squat"});  // an alias shows the full entry
    CHECK(entry.code == 0);
    CHECK(entry.out.starts_with("goblet_squat: Kettlebell Goblet Squat\n  aliases    kettlebell_goblet_squat\n"));
    CHECK(entry.out.find("  fit        squat / goblet_squat\n") != std::string::npos);

    const Run nothing = run_reps({"catalog", "qqqqqqqq"});
    CHECK(nothing.code == 1);
    CHECK(nothing.out.empty());
    CHECK(nothing.err == "reps: error: no exercise matches 'qqqqqqqq'\n");

    const Run close = run_reps({"catalog", "gobblet"});
    CHECK(close.code == 1);
    CHECK(close.err == "reps: error: no exercise matches 'gobblet'\nhelp: did you mean 'goblet'?\n");
}

TEST_CASE("catalog: an exact match is shown in full, then the other matches, ranked") {
    // "thruster" is the barbell thruster's alias; the dumbbell thruster is no longer hidden.
    const Run thruster = run_reps({"catalog", "thruster"});
    CHECK(thruster.code == 0);
    CHECK(thruster.out.starts_with("barbell_thruster: Barbell Thruster\n  aliases    thruster\n"));
    const auto also = thruster.out.find("\nalso matching 'thruster':\ndumbbell_thruster ");
    CHECK(also != std::string::npos);
    CHECK(thruster.out.find("squat_thrust") == std::string::npos);  // "thruster" begins no word of it

    // "deadlift": the barbell deadlift, then the names with the word (fewest other words first),
    // before exercises found only by a muscle or a piece of equipment.
    const Run deadlift = run_reps({"catalog", "deadlift"});
    CHECK(deadlift.code == 0);
    CHECK(deadlift.out.starts_with("deadlift: Barbell Deadlift\n"));
    std::vector<std::string> listed;
    std::istringstream lines(deadlift.out.substr(deadlift.out.find("\nalso matching 'deadlift':\n") + 1));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) listed.push_back(line.substr(0, line.find(' ')));
    CHECK(listed == std::vector<std::string>{"sumo_deadlift", "kettlebell_deadlift", "romanian_deadlift",
                                             "trap_bar_deadlift", "dumbbell_romanian_deadlift",
                                             "single_leg_romanian_deadlift"});

    // Words in any order; the best first, as the did-you-mean of `chest_press` suggests.
    const Run words = run_reps({"catalog", "press", "chest"});
    CHECK(words.code == 0);
    CHECK(words.out.starts_with("dumbbell_chest_press "));
}

TEST_CASE("fmt: --check lists files out of layout, fmt rewrites them, broken files stay as they are") {
    const TempDir scratch("fmt");
    const fs::path& dir = scratch.path();
    const fs::path messy = dir / "messy.reps";
    const fs::path broken = dir / "broken.reps";
    std::ofstream(messy) << "workout   w \"W\"{\n\n\n   goblet_squat 3x12  @16kg   # heavy\n   burpee 20\n}\n";
    std::ofstream(broken) << "workout w {\n  goblet_squat\n}\n";

    const auto check = run_reps({"fmt", "--check", messy.string()});
    CHECK(check.code == 1);
    CHECK(check.out == messy.string() + "\n");
    CHECK(read(messy).find("workout   w") != std::string::npos);  // --check changes nothing

    const auto format = run_reps({"fmt", messy.string()});
    CHECK(format.code == 0);
    CHECK(read(messy) == "workout w \"W\" {\n  goblet_squat  3x12 @16kg  # heavy\n  burpee        20\n}\n");
    CHECK(run_reps({"fmt", "--check", messy.string()}).code == 0);

    const std::string before = read(broken);
    const auto failed = run_reps({"fmt", "--color", "never", broken.string()});
    CHECK(failed.code == 1);
    CHECK(failed.err.find("error[E0001]") != std::string::npos);
    CHECK(read(broken) == before);
    // Already in the layout, so formatting leaves its text as it is: it is still parsed, and fails.
    CHECK(reps::format_source(before) == before);
    const auto failed_check = run_reps({"fmt", "--check", "--color", "never", broken.string()});
    CHECK(failed_check.code == 1);
    CHECK(failed_check.err.find("error[E0001]") != std::string::npos);
    CHECK(failed_check.out.empty());
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);

    CHECK(run_reps({"fmt", (dir / "missing.reps").string()}).code == 2);
    CHECK(run_reps({"check", "--check", messy.string()}).code == 2);  // --check belongs to fmt
}

// The formatter indents by brace depth: it only sees files that parse, whose blocks nest a few
// levels. 100,000 unclosed braces would be 10 GB of indentation; they are a syntax error at once.
TEST_CASE("fmt: a file of unclosed braces is reported, not indented") {
    const TempDir scratch("fmt-braces");
    const fs::path braces = scratch.path() / "braces.reps";
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "{\n";
    std::ofstream(braces) << text;
    for (const bool check : {false, true}) {
        const auto run = check ? run_reps({"fmt", "--check", "--color", "never", braces.string()})
                               : run_reps({"fmt", "--color", "never", braces.string()});
        CHECK(run.code == 1);
        CHECK(run.err.find("error[E0001]") != std::string::npos);
        CHECK(read(braces) == text);
    }
}

TEST_CASE("fmt: the AST shape it compares sees meaning, not layout, anywhere in a long declaration") {
    // What `reps fmt` compares before rewriting a file: one hash per declaration of its nodes,
    // positions left out.
    const auto shape = [](std::string text) {
        reps::SourceManager sources;
        reps::Diagnostics diagnostics;
        auto hashes = reps::cli::ast_shape(sources, "shape.reps", std::move(text), diagnostics);
        REQUIRE_FALSE(diagnostics.has_errors());
        return hashes;
    };
    std::string long_body;
    for (int i = 0; i < 300; ++i) long_body += "  goblet_squat 3x12 @16kg\n";  // a dump far over 4 KiB
    const std::string workout = "workout w {\n" + long_body + "  plank 3x30s\n}\n";
    const auto original = shape(workout + "program p {\n  start 2026-12-07\n  mon 07:00 w\n}\n");
    CHECK(original.size() == 2);
    // Layout only: the same shape.
    CHECK(shape("workout   w{\n" + long_body + "plank    3x30s }\n\nprogram p {\n  start 2026-12-07\n  mon 07:00 w\n}\n") ==
          original);
    // Meaning: a different shape, at the start, at the end of the long workout, or in the program.
    std::string changed_first = workout;
    changed_first.replace(changed_first.find("3x12"), 4, "3x10");
    CHECK(shape(changed_first + "program p {\n  start 2026-12-07\n  mon 07:00 w\n}\n") != original);
    CHECK(shape("workout w {\n" + long_body + "  plank 3x31s\n}\nprogram p {\n  start 2026-12-07\n  mon 07:00 w\n}\n") !=
          original);
    CHECK(shape(workout + "program p {\n  start 2026-12-07\n  tue 07:00 w\n}\n") != original);
    // One hash per declaration, each its own (the workouts leave the AST as they parse).
    CHECK(original[0] != original[1]);
    const std::string between = "program q {\n  start 2026-12-07\n  mon 07:00 w\n}\n";
    const auto three = shape(workout + between + "workout v {\n  plank 30s\n}\n");
    REQUIRE(three.size() == 3);
    CHECK(three[0] == original[0]);
    CHECK(shape(workout + "program q {\n  start 2026-12-08\n  mon 07:00 w\n}\n" + "workout v {\n  plank 30s\n}\n")[1] != three[1]);
}
