// Syntax errors that say what was meant (#20): thirty typical mistakes, each with the help line
// that shows the fixed text, and a fix-it that, applied, makes the file parse.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "parse_fixture.hpp"

using namespace reps;
using namespace reps::test;

namespace {

struct Mistake {
    const char* what;
    std::string file;      // the whole file
    std::string fixed;     // the fixed line the help line shows
};

std::string in_workout(const std::string& lines) { return "workout w \"W\" {\n" + lines + "\n}\n"; }

std::string apply_fixes(std::string text, const Diagnostic& d) {
    // Back to front, so earlier offsets stay valid.
    for (auto it = d.fixes.rbegin(); it != d.fixes.rend(); ++it) {
        text.replace(it->span.offset, it->span.length, it->replacement);
    }
    return text;
}

const std::vector<Mistake> mistakes = {
    {"warm_up for warmup", in_workout("  warm_up {\n    easy_cardio 5min\n  }"), "warmup {"},
    {"cool_down for cooldown", in_workout("  cool_down {\n    static_stretching 5min\n  }"), "cooldown {"},
    {"a space before the unit", in_workout("  easy_cardio 5 min"), "easy_cardio 5min"},
    {"a space in a load", in_workout("  goblet_squat 3x12 @16 kg"), "goblet_squat 3x12 @16kg"},
    {"spaces around x", in_workout("  goblet_squat 3 x 12"), "goblet_squat 3x12"},
    {"an upper-case X", in_workout("  goblet_squat 3X12"), "goblet_squat 3x12"},
    {"'to' for '->'", in_workout("  goblet_squat 2x8 to 3x12"), "goblet_squat 2x8 -> 3x12"},
    {"rest: 60s", in_workout("  rest: 60s"), "rest 60s"},
    {"rest: as a modifier", in_workout("  goblet_squat 3x12 rest: 90s"), "goblet_squat 3x12 rest 90s"},
    {"a keyword as a name", "exercise step \"Step\" {\n  rep 3s\n}\n", "exercise my_step \"Step\" {"},
    {"a missing title", "exercise box_jump {\n  rep 3s\n}\n", "exercise box_jump \"Box Jump\" {"},
    {"a stray comma between statements", in_workout("  goblet_squat 3x12, push_up 3x10"), "goblet_squat 3x12; push_up 3x10"},
    {"a stray comma at a line end", in_workout("  goblet_squat 3x12,\n  push_up 3x10"), "goblet_squat 3x12"},
    {"a multiplication sign", in_workout("  goblet_squat 3\u00D712"), "goblet_squat 3x12"},
    {"smart quotes on a cue", in_workout("  goblet_squat 3x12 \u201Cchest up\u201D"), "goblet_squat 3x12 \"chest up\""},
    {"smart quotes on a note", in_workout("  note \u201Ceasy pace\u201D"), "note \"easy pace\""},
    {"30sec", in_workout("  plank 3x30sec"), "plank 3x30s"},
    {"30secs", in_workout("  goblet_squat 3x12 rest 30secs"), "goblet_squat 3x12 rest 30s"},
    {"1 hr", in_workout("  easy_cardio 1 hr"), "easy_cardio 1h"},
    {"2mins", in_workout("  easy_cardio 2mins"), "easy_cardio 2min"},
    {"a rest without a unit", in_workout("  goblet_squat 3x12 rest 90"), "goblet_squat 3x12 rest 90s"},
    {"a load without a unit", in_workout("  goblet_squat 3x12 @16"), "goblet_squat 3x12 @16kg"},
    {"a space after '@'", in_workout("  goblet_squat 3x12 @ 16kg"), "goblet_squat 3x12 @16kg"},
    {"16kgs", in_workout("  goblet_squat 3x12 @16kgs"), "goblet_squat 3x12 @16kg"},
    {"a tempo without dashes", in_workout("  goblet_squat 3x12 tempo 3110"), "goblet_squat 3x12 tempo 3-1-1-0"},
    {"a keyword as a workout name", "workout tempo \"Tempo\" {\n  goblet_squat 3x12\n}\n", "workout my_tempo \"Tempo\" {"},
    {"a name in upper case", in_workout("  Goblet_squat 3x12"), "goblet_squat 3x12"},
    {"an unquoted note", in_workout("  note easy pace"), "note \"easy pace\""},
    {"a clock with 75 seconds", in_workout("  plank 3x1:75"), "plank 3x2:15"},
    {"a profile's names without ','", "profile home \"Home\" { bench dumbbell }\n", "profile home \"Home\" { bench, dumbbell }"},
};

}  // namespace

TEST_CASE("suggest: typical mistakes get a help line with the fixed text and a fix-it that parses") {
    int shown = 0;
    for (const auto& mistake : mistakes) {
        INFO(mistake.what);
        const auto parsed = parse(mistake.file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        const bool help_shows_fix = d.help.find("did you mean '" + mistake.fixed) != std::string::npos;
        CHECK_MESSAGE(help_shows_fix, d.message, " / help: ", d.help);
        bool fix_parses = false;
        if (!d.fixes.empty()) {
            const auto fixed = parse(apply_fixes(mistake.file, d));
            fix_parses = !fixed->diagnostics.has_errors();
            CHECK_MESSAGE(fix_parses, apply_fixes(mistake.file, d));
        }
        if (help_shows_fix && fix_parses) ++shown;
    }
    MESSAGE(shown, " of ", mistakes.size(), " mistakes get a help line showing the right fix");
    // A name with a space (`goblet squat 3x12`) was the 32nd: its fix needs the names the file can
    // use, which a parse alone does not know (tests/e2e/cli_tests.cpp "check: a name written as two words").
    CHECK(mistakes.size() == 30);
    CHECK(shown >= 27);  // the target of #20
}

// Text without its quotes (found by an outside probe): the fix quotes the text alone, not the ';'
// or '}' after it on a one-line block (SPEC 1), nor a run's duration and intensity (SPEC 7); and a
// title without quotes before '{' is quoted, not lowered into a name, which failed again.
TEST_CASE("suggest: unquoted text: the quotes close before ',', '}', a run's duration, and '{'") {
    const std::string plan = "workout w \"W\" {\n  plank 30min\n}\n";
    const std::vector<Mistake> cases = {
        {"a note on a one-line block", "workout w \"W\" { plank 30min; note easy pace; plank 30s }\n",
         "workout w \"W\" { plank 30min; note \"easy pace\"; plank 30s }"},
        {"a note before a one-line block's '}'", "workout w \"W\" { plank 30min; note easy pace }\n",
         "workout w \"W\" { plank 30min; note \"easy pace\" }"},
        {"a run's title", plan + "program p \"P\" {\n  start 2026-12-01\n  sat 10:00 run Long run 90min\n}\n",
         "sat 10:00 run \"Long run\" 90min"},
        {"a run's title before its intensity", plan + "program p \"P\" {\n  start 2026-12-01\n  sat 10:00 run Intervals 50min hard\n}\n",
         "sat 10:00 run \"Intervals\" 50min hard"},
        {"a run's title on a one-line program", plan + "program p \"P\" { start 2026-12-01; sat 10:00 run Long 90min easy; sun 10:00 w }\n",
         "program p \"P\" { start 2026-12-01; sat 10:00 run \"Long\" 90min easy; sun 10:00 w }"},
        {"a workout's title", "workout legs Leg Day {\n  plank 30min\n}\n", "workout legs \"Leg Day\" {"},
        {"a program's title", plan + "program p Plan {\n  start 2026-12-01\n  tue 10:00 w\n}\n", "program p \"Plan\" {"},
    };
    for (const auto& mistake : cases) {
        INFO(mistake.what);
        const auto parsed = parse(mistake.file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK_MESSAGE(d.help.find("did you mean '" + mistake.fixed + "'") != std::string::npos, d.message, " / help: ", d.help);
        REQUIRE(!d.fixes.empty());
        const std::string fixed = apply_fixes(mistake.file, d);
        CHECK_MESSAGE(!parse(fixed)->diagnostics.has_errors(), fixed);
    }
}

TEST_CASE("suggest: a profile's missing ',' goes after the name, not into a comment on its line") {
    const auto fix_of = [](const std::string& file) {
        const auto parsed = parse(file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        REQUIRE(d.fixes.size() == 1);
        const std::string fixed = apply_fixes(file, d);
        CHECK_MESSAGE(!parse(fixed)->diagnostics.has_errors(), fixed);
        return fixed;
    };
    CHECK(fix_of("profile home \"Home\" { dumbbell # my pair\n  bench }\n") ==
          "profile home \"Home\" { dumbbell, # my pair\n  bench }\n");
    // Comments on several lines, and a '#' or '\"' in a string that is not a comment.
    CHECK(fix_of("profile home \"Home #1 \\\" x\" {\n  dumbbell  # my \"pair\"\n  # the bench:\n\n  bench }\n") ==
          "profile home \"Home #1 \\\" x\" {\n  dumbbell,  # my \"pair\"\n  # the bench:\n\n  bench }\n");
    CHECK(fix_of("profile home \"Home #1\" { dumbbell\n  bench }\n") == "profile home \"Home #1\" { dumbbell,\n  bench }\n");
}

TEST_CASE("suggest: full_body with regions in a focus: 'focus full_body' alone, which covers them") {
    for (const char* line : {"  focus full_body, legs", "  focus legs, full_body", "  focus full_body legs", "  focus core, full_body, legs # x"}) {
        INFO(line);
        const std::string file = in_workout(line);
        const auto parsed = parse(file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK(d.help.starts_with("did you mean 'focus full_body"));
        CHECK(d.help.find("'full_body' covers every region and stands alone") != std::string::npos);
        REQUIRE(d.fixes.size() == 1);
        const std::string fixed = apply_fixes(file, d);
        const bool focus_alone = fixed.find("  focus full_body\n") != std::string::npos || fixed.find("  focus full_body # x\n") != std::string::npos;
        CHECK_MESSAGE(focus_alone, fixed);
        CHECK_MESSAGE(!parse(fixed)->diagnostics.has_errors(), fixed);
    }
    // A mistake elsewhere on the line is not this one.
    const auto other = parse(in_workout("  focus full_body \"x\""));
    REQUIRE(!other->diagnostics.list().empty());
    CHECK(other->diagnostics.list().front().help.find("full_body") == std::string::npos);
}

TEST_CASE("suggest: an upper-case X in a tempo: every X lowered, with a tempo's reason") {
    for (const auto& [line, fixed_line] : std::vector<std::pair<std::string, std::string>>{
             {"  goblet_squat 3x12 tempo X-1-X-0", "goblet_squat 3x12 tempo x-1-x-0"},
             {"  goblet_squat 3x12 tempo 3-1-X-0", "goblet_squat 3x12 tempo 3-1-x-0"},
             {"  goblet_squat 3x12 tempo X1X0", "goblet_squat 3x12 tempo x-1-x-0"},
             {"  superset 3 rounds { goblet_squat 12 tempo 3-X-1-0 }", "superset 3 rounds { goblet_squat 12 tempo 3-x-1-0 }"}}) {
        INFO(line);
        const std::string file = in_workout(line);
        const auto parsed = parse(file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK(d.help == "did you mean '" + fixed_line + "'? An explosive phase of a tempo is a lower-case 'x' (1s)");
        REQUIRE(d.fixes.size() == 1);
        CHECK_MESSAGE(!parse(apply_fixes(file, d))->diagnostics.has_errors(), apply_fixes(file, d));
    }
    // Not a tempo once lowered (three phases): no fix rather than a wrong one ("Names are lower case").
    const auto three = parse(in_workout("  goblet_squat 3x12 tempo X-1-X"));
    REQUIRE(!three->diagnostics.list().empty());
    CHECK(three->diagnostics.list().front().help.empty());
    CHECK(three->diagnostics.list().front().fixes.empty());
}

TEST_CASE("suggest: a progression in a block's entry: a help that it is only for prescriptions, and no edit") {
    for (const char* line : {"  superset 3 rounds { push_up 8 -> 12 }", "  emom 4min {\n    push_up 8 -> 12\n  }",
                             "  intervals 2 x 40s on 20s off { burpee -> 12 }"}) {
        INFO(line);
        const auto parsed = parse(in_workout(line));
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK(d.help.starts_with("a progression ('->') is only for a prescription outside blocks"));
        CHECK(d.fixes.empty());
    }
    // Outside blocks (a phase's statements too) a progression parses.
    CHECK(!parse(in_workout("  push_up 8 -> 12\n  warmup { easy_cardio 5min -> 10min }"))->diagnostics.has_errors());
}

TEST_CASE("suggest: after a tabata, the workout's statements are the workout's again") {
    // The tabata kept the intervals block as the context: "to close the intervals block".
    const auto parsed = parse("workout w \"W\" {\n  tabata burpee\n  goblet_squat 3x12\n");
    CHECK(only_error(*parsed).find("to close workout 'w'") != std::string::npos);
}

TEST_CASE("suggest: a raw control character in a string is an error whose fix deletes it") {
    const auto parsed = parse(in_workout("  plank 3x30s \"keep \x1B[31mred\x1B[0m\""));
    CHECK(only_error(*parsed) ==
          "E0001 2:21 a raw control character (U+001B) cannot stand in a string: it could reach a terminal, a sheet or a calendar");
    const Diagnostic& d = parsed->diagnostics.list().front();
    CHECK(d.help.find("did you mean 'plank 3x30s \"keep [31mred[0m\"'?") == 0);
    // A tab stays allowed.
    CHECK(!parse(in_workout("  plank 3x30s \"keep\tred\""))->diagnostics.has_errors());
}

// Found by an outside tester: the fix of a control character showed the line with the other
// broken strings on it (`\t`, `\u0041`) as they were, a "fixed" line still wrong.
TEST_CASE("suggest: a broken string's fix makes the whole string valid, and shows the line only when it is valid") {
    const std::string file = "exercise aa \"Ex A\" { rep 2s }\n"
                             "workout w \"WX\" { warmup { aa 5 }; note \"a\\tb\"; aa 3 \"c\x7F\"; note \"x\\u0041\" }\n";
    const auto parsed = parse(file);
    const auto& list = parsed->diagnostics.list();
    REQUIRE(list.size() == 3);
    // Each string with another broken one on its line: the help shows that string fixed.
    CHECK(list[0].help == "did you mean '\"a\tb\"'? A tab is typed in a string as it is: its only escapes are \\\" \\\\ and \\n");
    CHECK(list[1].help.starts_with("did you mean '\"c\"'? A string cannot hold control characters"));
    CHECK(list[2].help.starts_with("did you mean '\"xA\"'? A string holds any character as it is"));
    // The edits do not overlap: applied together, the file parses.
    std::string fixed = file;
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        REQUIRE(it->fixes.size() == 1);
        fixed = apply_fixes(fixed, *it);
    }
    CHECK_MESSAGE(!parse(fixed)->diagnostics.has_errors(), fixed);

    // One string with several problems: one edit repairs them all, and the line is shown.
    for (const auto& [line, fixed_line] : std::vector<std::pair<std::string, std::string>>{
             {"  note \"one\ftwo\\q\" ; note \"ok\"", "note \"one\\ntwo\\\\q\" ; note \"ok\""},
             {"  plank 30s \"a\x1B[1m \\u00e9 \\r\\'x\\' C:\\Users\"", "plank 30s \"a[1m \xC3\xA9 'x' C:\\\\Users\""},
             {"  plank 30s \"\\u0009\\u000A\\u0007\\uD800\"", "plank 30s \"\t\\n\\\\uD800\""}}) {
        INFO(line);
        const std::string one = in_workout(line);
        const auto p = parse(one);
        REQUIRE(p->diagnostics.list().size() == 1);
        const Diagnostic& d = p->diagnostics.list().front();
        CHECK_MESSAGE(d.help.starts_with("did you mean '" + fixed_line + "'?"), d.help);
        REQUIRE(d.fixes.size() == 1);
        CHECK_MESSAGE(!parse(apply_fixes(one, d))->diagnostics.has_errors(), apply_fixes(one, d));
    }

    // A string left open: its repair would still be an error, so the help says why and edits nothing.
    const auto open = parse(in_workout("  note \"a\\tb"));
    REQUIRE(!open->diagnostics.list().empty());
    CHECK(open->diagnostics.list().front().help.starts_with("A tab is typed in a string as it is"));
    CHECK(open->diagnostics.list().front().fixes.empty());
}

// Found by an outside tester: `defualts rest 30s` was offered `defualts_rest 30s`, a name, and no
// "did you mean" named the keyword.
TEST_CASE("suggest: a misspelt keyword that starts a statement is named, and the fix writes it") {
    const std::string catalog = "exercise aa \"A\" {\n  rep 3s\n}\n";
    const std::vector<Mistake> cases = {
        {"defaults", in_workout("  warmup { easy_cardio 5min }\n  defualts rest 30s transition 10s"), "defaults rest 30s transition 10s"},
        {"warmup", in_workout("  warmpu { easy_cardio 5min }"), "warmup { easy_cardio 5min }"},
        {"warmup over lines", in_workout("  warmpu {\n    easy_cardio 5min\n  }"), "warmup {"},
        {"tabata", in_workout("  tabta burpee"), "tabata burpee"},
        {"note", in_workout("  nte \"hello\""), "note \"hello\""},
        {"superset", in_workout("  supreset 3 rounds { push_up 10; plank 30s }"), "superset 3 rounds { push_up 10; plank 30s }"},
        {"cooldown", in_workout("  cooldwn { static_stretching 5min }"), "cooldown { static_stretching 5min }"},
        {"circuit", in_workout("  circut 3 rounds rest 60s { push_up 10 }"), "circuit 3 rounds rest 60s { push_up 10 }"},
        {"intervals", in_workout("  intervls 8 x 20s on 10s off { burpee }"), "intervals 8 x 20s on 10s off { burpee }"},
        {"emom", in_workout("  emon 10min { burpee 10 }"), "emom 10min { burpee 10 }"},
        {"amrap", in_workout("  amrp 10min { burpee 10 }"), "amrap 10min { burpee 10 }"},
        {"focus", in_workout("  focsu legs, core"), "focus legs, core"},
        {"in a phase, after a ';'", in_workout("  warmup { easy_cardio 5min; rets 60s; nte \"x\" }"), "warmup { easy_cardio 5min; rets 60s; note \"x\" }"},
        {"a declaration", "workotu x \"X\" {\n  plank 30s\n}\n", "workout x \"X\" {"},
        {"a declaration after another", catalog + "exercsie foo \"Foo\" { rep 2s }\n", "exercise foo \"Foo\" { rep 2s }"},
        {"a program", catalog + "progam p \"P\" {\n  start 2026-12-01\n}\n", "program p \"P\" {"},
        {"an exercise's field", "exercise aa \"A\" {\n  primay quads\n}\n", "primary quads"},
        {"a program's line", "program p {\n  strat 2026-12-01\n}\n", "start 2026-12-01"},
        {"a weekday", "program p {\n  start 2026-12-01\n  tues 10:00 w\n}\n", "tue 10:00 w"},
    };
    for (const auto& mistake : cases) {
        INFO(mistake.what);
        const auto parsed = parse(mistake.file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK_MESSAGE(d.help.starts_with("did you mean '" + mistake.fixed + "'? '"), d.help);
        CHECK_MESSAGE(d.help.find("is not a") != std::string::npos, d.help);
        REQUIRE(d.fixes.size() == 1);
        CHECK_MESSAGE(!parse(apply_fixes(mistake.file, d))->diagnostics.has_errors(), apply_fixes(mistake.file, d));
    }
    // The reason says what the word was read as.
    const auto read_as = parse(in_workout("  defualts rest 30s"));
    CHECK(read_as->diagnostics.list().front().help ==
          "did you mean 'defaults rest 30s'? 'defualts' is not a keyword, so the statement was read as the exercise 'defualts'");

    // No keyword: a name with a space, a block's entry (entries are exercises), a keyword that is
    // not close, a statement that reads no further with the keyword (`rest 60 s` fails where
    // `rets 60 s` did: its unit is the mistake), a name with '_' (`warm_up` has its own help).
    for (const char* line : {"  goblet sqat 3x12", "  superset 3 rounds {\n    push_up 10\n    rets 30s x\n  }", "  plank_hold x",
                             "  rets 60 s", "  warm_up {\n    easy_cardio 5min\n  }"}) {
        INFO(line);
        const auto p = parse(in_workout(line));
        REQUIRE(!p->diagnostics.list().empty());
        CHECK(p->diagnostics.list().front().help.find("is not a keyword") == std::string::npos);
    }
    CHECK(parse(in_workout("  rets 60 s"))->diagnostics.list().front().help.starts_with("did you mean 'rets 60s'?"));
    // The keyword's statement is tried without the parser's actions, which bound parentheses: a
    // line of them is not followed to its end (it recursed once per parenthesis).
    const auto deep = parse("exercsie x \"X\" { equipment " + std::string(200000, '(') + "\n");
    REQUIRE(!deep->diagnostics.list().empty());
    CHECK(deep->diagnostics.list().front().help.starts_with("did you mean 'exercise x \"X\" { equipment ((("));
    CHECK(parse(in_workout("  warm_up {\n    easy_cardio 5min\n  }"))->diagnostics.list().front().help.find("one word 'warmup'") !=
          std::string::npos);
}

// A name written as two words: the parser cannot know whether the join is a name (it may be
// declared later, or imported), so its help edits nothing until the pipeline knows the names.
TEST_CASE("suggest: a name with a space: a conditional help and no edit from the parser alone") {
    const auto parsed = parse(in_workout("  goblet squat 3x12"));
    REQUIRE(parsed->diagnostics.list().size() == 1);
    const Diagnostic& d = parsed->diagnostics.list().front();
    CHECK(d.help == "names have no spaces: if 'goblet squat' is one name, it is written 'goblet_squat'");
    CHECK(d.fixes.empty());
    REQUIRE(parsed->file.spaced_names.size() == 1);
    CHECK(where(*parsed, parsed->file.spaced_names[0].written) == "2:3+12 'goblet squat'");
    CHECK(parsed->file.spaced_names[0].error.offset == d.span.offset);
}

TEST_CASE("suggest: a long line shows a window around the change") {
    const std::string cue(500, 'a');
    const auto parsed = parse(in_workout("  goblet_squat 3x12 \"" + cue + "\" @16"));
    const Diagnostic& d = parsed->diagnostics.list().front();
    CHECK(d.help.starts_with("did you mean '..."));
    CHECK(d.help.find("@16kg'?") != std::string::npos);
    CHECK(d.help.size() < 200);
}

TEST_CASE("suggest: 'none' in a profile's list is a keyword: the fix removes it, and no ',' goes after '{'") {
    for (const auto& [file, fixed] : std::vector<std::pair<std::string, std::string>>{
             {"profile bare \"Bare\" { none }\n", "profile bare \"Bare\" { }\n"},
             {"profile home \"Home\" { dumbbell none }\n", "profile home \"Home\" { dumbbell }\n"},
             // With a ',' next to it: the one after it goes too, or the one before it when it is last.
             {"profile p \"P\" { none, bench }\n", "profile p \"P\" { bench }\n"},
             {"profile p \"P\" { none,bench }\n", "profile p \"P\" { bench }\n"},
             {"profile p \"P\" { bench, none }\n", "profile p \"P\" { bench }\n"},
             {"profile p \"P\" { bench, none, box }\n", "profile p \"P\" { bench, box }\n"},
             {"profile p \"P\" {\n  bench,\n  none\n}\n", "profile p \"P\" {\n  bench\n}\n"},
             {"profile p \"P\" {\n  none,\n  bench\n}\n", "profile p \"P\" {\n  bench\n}\n"}}) {
        INFO(file);
        const auto parsed = parse(file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK(d.help.find("'none' is a keyword, not equipment") != std::string::npos);
        CHECK(d.help.find("{,") == std::string::npos);
        CHECK(d.help.find("{ ,") == std::string::npos);
        CHECK(d.help.find(", }") == std::string::npos);
        REQUIRE(d.fixes.size() == 1);
        CHECK(apply_fixes(file, d) == fixed);
        CHECK_MESSAGE(!parse(fixed)->diagnostics.has_errors(), fixed);
    }
    // Another keyword: said, with no edit (a ',' before it would still be an error).
    const auto parsed = parse("profile home \"Home\" { dumbbell each }\n");
    const Diagnostic& d = parsed->diagnostics.list().front();
    CHECK(d.help == "'each' is a keyword and cannot name equipment");
    CHECK(d.fixes.empty());
}

TEST_CASE("suggest: the tempo's 'x' fix only when every phase is then one digit or x") {
    for (const char* line : {"  goblet_squat 3x12 tempo 12-1-X-0", "  goblet_squat 3x12 tempo 3-1-X-10"}) {
        INFO(line);
        const auto parsed = parse(in_workout(line));
        REQUIRE(!parsed->diagnostics.list().empty());
        CHECK(parsed->diagnostics.list().front().help.empty());
        CHECK(parsed->diagnostics.list().front().fixes.empty());
    }
}

TEST_CASE("suggest: an intervals entry takes no amount: the messages show 'burpee', the fix removes an amount") {
    for (const auto& [line, fixed_line] : std::vector<std::pair<std::string, std::string>>{
             {"  intervals 4 x 20s on 10s off {\n    burpee 10\n  }", "burpee"},
             {"  intervals 4 x 20s on 10s off {\n    burpee 3 x 10 @bw \"fast\"\n  }", "burpee @bw \"fast\""},
             {"  intervals 4 x 20s on 10s off { burpee 30s each; mountain_climber }", "intervals 4 x 20s on 10s off { burpee each; mountain_climber }"}}) {
        INFO(line);
        const std::string file = in_workout(line);
        const auto parsed = parse(file);
        REQUIRE(!parsed->diagnostics.list().empty());
        const Diagnostic& d = parsed->diagnostics.list().front();
        CHECK(d.help == "did you mean '" + fixed_line +
                            "'? An entry of intervals takes no amount: the work is the block's, as many reps as fit in it");
        REQUIRE(d.fixes.size() == 1);
        CHECK_MESSAGE(!parse(apply_fixes(file, d))->diagnostics.has_errors(), apply_fixes(file, d));
    }
    // A superset's entry does take an amount: no such help there.
    CHECK(parse(in_workout("  superset 3 rounds {\n    burpee 10 x\n  }"))->diagnostics.list().front().help.find("no amount") == std::string::npos);
    // An intervals block left open, or holding a statement: its entries are shown as 'burpee'.
    CHECK(only_error(*parse("workout a \"A\" {\n  intervals 4 x 20s on 10s off {\n    burpee\n")) ==
          "E0001 4:1 expected an entry like 'burpee' or '}' to close the block, found the end of the file");
    CHECK(only_error(*parse(in_workout("  intervals 4 x 20s on 10s off {\n    rest 10s\n  }"))).find("exercise entries like 'burpee';") !=
          std::string::npos);
    CHECK(only_error(*parse("workout a \"A\" {\n  superset 3 rounds {\n    burpee 10\n")).find("like 'burpee 10' or '}'") != std::string::npos);
}
