// Checking: every error of SPEC 5.1 with its code and position, and unilateral warnings (options
// and profiles: test_check_options.cpp).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include "compiler/check/checked.hpp"
#include "compiler/driver/loader.hpp"
#include "tests/unit/compiler/check_test_support.hpp"

using namespace reps;
using namespace reps::check_test;

TEST_CASE("check: the stdlib alone is clean") {
    const auto c = compile("");
    CHECK(codes(*c) == "");
    CHECK(c->program.catalog.find_exercise("goblet_squat") >= 0);
}

// Found by an outside tester: `rets 60s` parses as an exercise `rets` and its dose, and was told
// only "unknown exercise"; it reads as `rest 60s`, so the keyword comes first, with its edit.
TEST_CASE("check: an unknown name whose statement reads as 'rest DURATION' suggests the keyword first") {
    for (const char* line : {"  rets 60s", "  rets 1:30", "  warmup { easy_cardio 5min; rets 60s }", "  reset 2min"}) {
        INFO(line);
        const auto c = compile(workout(line));
        const Diagnostic& d = first(*c);
        CHECK(d.code == Code::E0102);
        CHECK(d.help == "did you mean 'rest'?");
        REQUIRE(d.fixes.size() == 1);
        CHECK(d.fixes[0].span == d.span);
        CHECK(d.fixes[0].replacement == "rest");
    }
    // Not a rest as written (sets, a cue, a modifier, a block's entry, which takes no rest), or a
    // name not close to it: the exercises' suggestions alone, and no edit.
    for (const char* line : {"  rets 3x60s", "  rets 60s \"c\"", "  rets 60s each", "  superset 3 rounds { rets 30s; push_up 10 }",
                             "  rats_and_mice 60s", "  goblet_sqat 3x12"}) {
        INFO(line);
        const auto c = compile(workout(line));
        CHECK(first(*c).code == Code::E0102);
        CHECK(first(*c).help.find("'rest'") == std::string::npos);
        CHECK(first(*c).fixes.empty());
    }
}

TEST_CASE("check: unknown names, with did-you-mean over names and aliases") {
    const auto typo = compile(workout("  goblet_sqat 3x12"));
    CHECK(codes(*typo) == "E0102 " + at(*typo, "goblet_sqat"));
    CHECK(first(*typo).message == "unknown exercise 'goblet_sqat'");
    CHECK(first(*typo).help == "did you mean 'goblet_squat'?");

    const auto alias = compile(workout("  chinupp 3x5"));
    CHECK(first(*alias).help == "did you mean 'chinup'?");  // an alias of chin_up

    const auto far = compile(workout("  xyzzy 3x5"));
    CHECK(codes(*far) == "E0102 " + at(*far, "xyzzy"));
    CHECK(first(*far).help == "`reps catalog TERM` searches the catalog; declare your own with `exercise`");

    const auto alternative = compile(workout("  goblet_squat 3x12 or front_sqat"));
    CHECK(codes(*alternative) == "E0102 " + at(*alternative, "front_sqat"));

    const auto equipment = compile("exercise t_x \"X\" { equipment kettlebel }");
    CHECK(codes(*equipment) == "E0103 " + at(*equipment, "kettlebel"));
    CHECK(first(*equipment).help == "did you mean 'kettlebell'?");

    const auto muscle = compile("exercise t_x \"X\" { primary quadz; secondary core }");
    CHECK(codes(*muscle) == "E0104 " + at(*muscle, "quadz"));
    CHECK(first(*muscle).help == "did you mean 'quads'?");

    const auto region = compile(workout("  focus legz\n  goblet_squat 3x12"));
    CHECK(codes(*region) == "E0105 " + at(*region, "legz"));
    CHECK(first(*region).help == "did you mean 'legs'?");

    const auto program = compile(workout("  goblet_squat 3x12") + "program p { start 2026-12-01; tue 17:30 ww }");
    CHECK(codes(*program) == "E0106 " + at(*program, "ww"));

    const auto profile = compile("profile home \"Home\" { dumbbell }\n" + workout("  goblet_squat 3x12"), "hom");
    CHECK(codes(*profile) == "E0107 0:0");
    CHECK(first(*profile).help == "did you mean 'home'?");
}

TEST_CASE("check: an alias resolves to its exercise") {
    const auto c = compile(workout("  kettlebell_goblet_squat 3x12"));
    CHECK(codes(*c) == "");
    CHECK(chosen(*c) == "goblet_squat");
}

TEST_CASE("check: a user declaration shadows the stdlib's (SPEC 2)") {
    // By name: the user's lunge is a timed exercise, so a duration fits it and reps do not.
    const auto lunge = compile("exercise lunge \"My Lunge\" { measure time }\n" + workout("  lunge 3x30s"));
    CHECK(codes(*lunge) == "");
    CHECK(lunge->program.catalog.exercises[static_cast<std::size_t>(first_entry(*lunge).exercise)].title == "My Lunge");
    const auto reps = compile("exercise lunge \"My Lunge\" { measure time }\n" + workout("  lunge 3x10"));
    CHECK(codes(*reps) == "E0201 " + at(*reps, "10"));

    // By alias: the alias names the user's exercise, the stdlib's own name still the stdlib's.
    const auto alias = compile("exercise t_squat \"Mine\" { aka goblet_squat }\n" + workout("  goblet_squat 3x12\n  kettlebell_goblet_squat 3x12"));
    CHECK(codes(*alias) == "");
    CHECK(chosen(*alias, 0) == "t_squat");
    CHECK(chosen(*alias, 1) == "goblet_squat");

    // Equipment, muscles, regions and profiles too.
    const auto kinds = compile("region legs \"My Legs\"\nmuscle quads \"My Quads\" in legs\nequipment bench \"My Bench\"\n"
                               "profile home \"Mine\" { bench }\nexercise t_step \"Step\" { primary quads; equipment bench }\n");
    CHECK(codes(*kinds) == "");
    const Catalog& catalog = kinds->program.catalog;
    CHECK(catalog.regions[static_cast<std::size_t>(catalog.find_region("legs"))].title == "My Legs");
    CHECK(catalog.muscles[static_cast<std::size_t>(catalog.find_muscle("quads"))].region == catalog.find_region("legs"));
    CHECK(catalog.equipment[static_cast<std::size_t>(catalog.find_equipment("bench"))].title == "My Bench");

    // A duplicate within the user's files is still an error.
    const auto twice = compile("exercise lunge \"A\" { }\nexercise lunge \"B\" { }");
    CHECK(codes(*twice) == "E0101 " + at(*twice, "lunge", 1));
    REQUIRE(first(*twice).notes.size() == 1);
    CHECK(first(*twice).notes[0] == "'lunge' was first declared at test.reps:1:10");
}

TEST_CASE("check: duplicate declarations") {
    const auto alias_of_other = compile("exercise t_a \"A\" { aka t_b }\nexercise t_b \"B\" { }");
    CHECK(codes(*alias_of_other) == "E0101 " + at(*alias_of_other, "t_b", 1));

    const auto workouts = compile("workout w { burpee 10 }\nworkout w { burpee 20 }");
    CHECK(codes(*workouts) == "E0101 " + at(*workouts, "w {", 1));

    const auto equipment = compile("equipment t_bench \"Mine\"\nequipment t_bench \"Again\"");
    CHECK(codes(*equipment) == "E0101 " + at(*equipment, "t_bench", 1));

    const auto field = compile("exercise t_a \"A\" {\n  rep 2s\n  rep 3s\n}");
    CHECK(codes(*field) == "E0101 " + at(*field, "rep 3s"));
    const auto equipment_field = compile("exercise t_a \"A\" {\n  equipment bench\n  equipment box\n}");
    CHECK(codes(*equipment_field) == "E0101 " + at(*equipment_field, "equipment box"));
}

TEST_CASE("check: imports not found, outside the root, and cyclic") {
    const auto missing = compile("import \"t_missing_file.reps\"");
    CHECK(codes(*missing) == "E0111 " + at(*missing, "\"t_missing"));

    const auto outside = compile("import \"../escape.reps\"");
    CHECK(codes(*outside) == "E0112 " + at(*outside, "\"../"));

    const auto absolute = compile("import \"/etc/hostname\"");
    CHECK(codes(*absolute) == "E0112 " + at(*absolute, "\"/etc"));

    // A cycle needs real files: main imports a, a imports b, b imports a.
    char pattern[] = "/tmp/reps_units_XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    const fs::path dir(pattern);
    std::ofstream(dir / "main.reps") << "import \"a.reps\"\nworkout w { burpee 10 }\n";
    std::ofstream(dir / "a.reps") << "import \"b.reps\"\n";
    std::ofstream(dir / "b.reps") << "\n\nimport \"a.reps\"\n";
    SourceManager sources;
    Diagnostics diagnostics;
    const auto loaded = load_program(dir / "main.reps", sources, diagnostics);
    CHECK_FALSE(loaded.read_failed);
    REQUIRE(diagnostics.list().size() == 1);
    const auto& cycle = diagnostics.list().front();
    CHECK(code_name(cycle.code) == "E0113");
    CHECK(sources.file(cycle.span.file).path.ends_with("b.reps"));
    CHECK(sources.position(cycle.span).line == 3);
    CHECK(sources.position(cycle.span).column == 8);
    fs::remove_all(dir);
}

TEST_CASE("check: the dose must fit the measure") {
    const auto reps_for_time = compile(workout("  plank 3x12"));
    CHECK(codes(*reps_for_time) == "E0201 " + at(*reps_for_time, "12"));
    const auto time_for_reps = compile(workout("  goblet_squat 3x30s"));
    CHECK(codes(*time_for_reps) == "E0202 " + at(*time_for_reps, "30s"));
    const auto single = compile(workout("  goblet_squat 5min"));
    CHECK(codes(*single) == "E0202 " + at(*single, "5min"));
    CHECK(codes(*compile(workout("  burpee 3x10\n  burpee 3x30s\n  plank 3x30s"))) == "");  // reps or time
}

TEST_CASE("check: each and alt") {
    const auto both = compile(workout("  goblet_squat 3x12 each"));
    CHECK(codes(*both) == "E0203 " + at(*both, "each"));
    const auto alt = compile(workout("  goblet_squat 3x12 alt"));
    CHECK(codes(*alt) == "E0203 " + at(*alt, "alt"));
    const auto together = compile(workout("  reverse_lunge 3x10 each alt"));
    CHECK(codes(*together) == "E0204 " + at(*together, "alt"));
    CHECK(codes(*compile(workout("  reverse_lunge 3x10 each\n  reverse_lunge 3x10 alt"))) == "");
    // An intervals round works its entry for the block's work time: sides change nothing there.
    const auto intervals = compile(workout("  intervals 4 x 30s on 15s off { reverse_lunge each; burpee }"));
    CHECK(codes(*intervals) == "W0102 " + at(*intervals, "each"));
    CHECK(first(*intervals).message == "'each' on an intervals entry has no effect");
    const auto alternating = compile(workout("  intervals 4 x 30s on 15s off { reverse_lunge alt }"));
    CHECK(codes(*alternating) == "W0102 " + at(*alternating, "alt"));
    // On an exercise that works both sides at once, the error alone.
    const auto two_sided = compile(workout("  intervals 4 x 30s on 15s off { push_up each }"));
    CHECK(codes(*two_sided) == "E0203 " + at(*two_sided, "each"));
    // A rest goes between sets (SPEC 6): on a single set it has none to go between.
    const auto single = compile(workout("  reverse_lunge 10 each rest 30s"));
    CHECK(codes(*single) == "W0102 " + at(*single, "30s"));
    CHECK(first(*single).message == "'rest' on a single set has no effect");
    CHECK(codes(*compile(workout("  plank 1x30s rest 20s"))).starts_with("W0102"));
    CHECK(codes(*compile(workout("  burpee 3x10 rest 30s"))) == "");
    CHECK(codes(*compile(workout("  burpee 1x8 -> 2x12 rest 30s"))) == "");  // later steps have two sets
    // Elsewhere in a block the sides count.
    CHECK(codes(*compile(workout("  superset 3 rounds { reverse_lunge 10 each; burpee 10 }"))) == "");
    CHECK(codes(*compile(workout("  amrap 10min { reverse_lunge 10 alt; burpee 10 }"))) == "");
}

TEST_CASE("check: W0101 assumes each side and lowers as each") {
    const auto c = compile(workout("  single_leg_calf_raise 3x15"));
    CHECK(codes(*c) == "W0101 " + at(*c, "single_leg_calf_raise"));
    CHECK(first(*c).severity == Severity::warning);
    CHECK_FALSE(c->diagnostics.has_errors());
    CHECK(first_entry(*c).sides == checked::SideMode::each);
}

TEST_CASE("check: W0101 for the option done: an alternative a profile chooses too") {
    const std::string text = "profile nothing \"Nothing\" { bench }\n" + workout("  goblet_squat 2x5 or dead_bug");
    // Without a profile the written exercise is done, which works both sides: nothing to assume.
    const auto written = compile(text);
    CHECK(codes(*written) == "");
    CHECK(first_entry(*written).sides == checked::SideMode::none);
    // The profile has no kettlebell: dead_bug is done, each side, and says so where it is named.
    const auto chosen = compile(text, "nothing");
    CHECK(codes(*chosen) == "W0101 " + at(*chosen, "dead_bug"));
    CHECK(first(*chosen).help == "write 'each' (or 'alt') after it to say so");
    CHECK(first_entry(*chosen).sides == checked::SideMode::each);
    // The written exercise done under a profile warns at its own name, as without one.
    const auto written_chosen = compile("profile nothing \"Nothing\" { bench }\n" + workout("  dead_bug 2x5 or goblet_squat"), "nothing");
    CHECK(codes(*written_chosen) == "W0101 " + at(*written_chosen, "dead_bug"));
    // An `each` the written exercise has is inherited: nothing to assume.
    CHECK(codes(*compile("profile nothing \"Nothing\" { bench }\n" + workout("  split_squat 3x8 each or dead_bug"), "nothing")) == "");
    // Interval and amrap work is not split by side, and warns of nothing, alternative or not.
    CHECK(codes(*compile("profile nothing \"Nothing\" { bench }\n" + workout("  amrap 5min { goblet_squat 5 or dead_bug }"), "nothing")) == "");
    // With `each` after it, nothing is assumed.
    CHECK(codes(*compile("profile nothing \"Nothing\" { bench }\n" + workout("  goblet_squat 2x5 or dead_bug each"), "nothing")) == "");
}

TEST_CASE("check: loads the equipment cannot take") {
    const auto bodyweight = compile(workout("  burpee 10 @16kg"));
    CHECK(codes(*bodyweight) == "E0205 " + at(*bodyweight, "@16kg"));
    const auto pair = compile("exercise t_swing \"Swing\" { equipment kettlebell }\n" + workout("  t_swing 3x10 @2x10kg"));
    CHECK(codes(*pair) == "E0205 " + at(*pair, "@2x10kg"));
    CHECK(first(*pair).message.find("loadable pair") != std::string::npos);
    // Loads that say how hard, not with what, fit anything.
    CHECK(codes(*compile(workout("  push_up 3x10 @bw+10kg\n  burpee 10 @rpe 8\n  push_up 3x10 @rir 2\n  burpee 10 @70%"))) ==
          "");
}

TEST_CASE("check: the equipment used is the first alternative that takes the load") {
    auto equipment_of = [](const Compiled& c, std::size_t block) {
        std::set<std::string> sorted;
        for (int e : first_entry(c, block).equipment) {
            sorted.insert(c.program.catalog.equipment[e].name);
        }
        std::string names;
        for (const auto& name : sorted) names += name + " ";
        return names;
    };
    const auto c = compile(workout("  goblet_squat 3x12\n  goblet_squat 3x12 @16kg\n  goblet_squat 3x12 @2x10kg\n"
                                   "  chin_up 3x5\n  chin_up 3x5 @10kg"));
    CHECK(codes(*c) == "");
    CHECK(equipment_of(*c, 0) == "kettlebell ");
    CHECK(equipment_of(*c, 1) == "kettlebell ");
    CHECK(equipment_of(*c, 2) == "dumbbell ");
    CHECK(equipment_of(*c, 3) == "pullup_bar ");
    CHECK(equipment_of(*c, 4) == "pullup_bar weight_vest ");
}

TEST_CASE("check: out-of-range numbers") {
    auto check_one = [](const std::string& body, const std::string& code, std::string_view where) {
        INFO(body);
        const auto c = compile(workout(body));
        CHECK(codes(*c) == code + " " + at(*c, where));
    };
    check_one("  goblet_squat 0x12", "E0301", "0x");
    check_one("  goblet_squat 101x12", "E0301", "101");
    check_one("  superset 0 rounds { burpee 10 }", "E0301", "0");
    check_one("  goblet_squat 3x0", "E0302", "0");
    check_one("  goblet_squat 3x1001", "E0302", "1001");
    check_one("  goblet_squat 3x12-8", "E0302", "12-8");
    check_one("  plank 25h", "E0303", "25h");
    check_one("  rest 0s", "E0304", "0s");
    check_one("  goblet_squat 3x12 rest 0s", "E0304", "0s");
    check_one("  defaults rest 0s\n  goblet_squat 3x12", "E0304", "0s");
    check_one("  superset 2 rounds rest 0s { burpee 10 }", "E0304", "0s");
    check_one("  intervals 4 x 20s on 0s off { burpee }", "E0304", "0s off");
    check_one("  goblet_squat 3x12 tempo 3-10-1-0", "E0305", "3-10-1-0");
    check_one("  goblet_squat 3x12 tempo 0-0-0-0", "E0305", "0-0-0-0");  // a rep of no time
    check_one("  goblet_squat 3x12 tempo 0-0-0-0 hold 0s", "E0305", "0-0-0-0");
    // Judged on what each option does, inherited modifiers included (SPEC 4.1).
    check_one("  goblet_squat 3x12 tempo 0-0-0-0 hold 2s or front_squat hold 0s", "E0305", "0-0-0-0");
    CHECK(codes(*compile(workout("  push_up 1x10 hold 2s or knee_push_up tempo 0-0-0-0"))) == "");
    // Each tempo written is reported once, the prescription's once for all the options it reaches.
    const auto each_own = compile(workout("  goblet_squat 3x12 tempo 0-0-0-0 or front_squat tempo 0-0-0-0"));
    CHECK(codes(*each_own) == "E0305 " + at(*each_own, "0-0-0-0") + " | E0305 " + at(*each_own, "0-0-0-0", 1));
    const auto shared = compile(workout("  goblet_squat 3x12 tempo 0-0-0-0 or front_squat or bodyweight_squat"));
    CHECK(codes(*shared) == "E0305 " + at(*shared, "0-0-0-0"));
    check_one("  goblet_squat 3x12 -> 2x8", "E0306", "3x12 -> 2x8");
    check_one("  goblet_squat 2x12 -> 3x8", "E0306", "2x12 -> 3x8");
    check_one("  goblet_squat 2x8 -> 3x12 step 0", "E0306", "0");
    check_one("  plank 30s -> 20s", "E0306", "30s -> 20s");
    check_one("  goblet_squat 3x8-12 -> 3x15", "E0308", "3x8-12");
    check_one("  goblet_squat 3x5+ -> 3x8", "E0308", "3x5+");
    check_one("  burpee 3x12 -> 3x30s", "E0308", "3x12");
    check_one("  goblet_squat 12 -> 3x15", "E0308", "12");
    CHECK(codes(*compile(workout("  goblet_squat 100x1000\n  plank 24h\n  goblet_squat 1x8-8"))) == "");
    // A hold is a duration: up to 24h (SPEC 5.1), as long as one set stays within a day.
    check_one("  push_up 1x1 hold 24h1s", "E0303", "24h1s");
    CHECK(codes(*compile(workout("  push_up 1x1 hold 15min\n  push_up 2x5 hold 2h"))) == "");
    check_one("  push_up 1x2 hold 12h", "E0303", "1x2");  // 2 x (2s + 12h): one set over a day
    check_one("  push_up 1x1 hold 24h", "E0303", "1x1");  // 2s + 24h
}

TEST_CASE("check: a defaults value given twice is E0206, as a modifier given twice is") {
    const auto twice = compile(workout("  defaults rest 30s transition 10s rest 40s\n  burpee 3x10"));
    CHECK(codes(*twice) == "E0206 " + at(*twice, "40s"));
    CHECK(first(*twice).message == "'rest' given twice in one defaults");
    const auto switches = compile(workout("  defaults switch 5s switch 5s\n  burpee 3x10"));
    CHECK(first(*switches).message == "'switch' given twice in one defaults");
    // A check error, not a syntax error: the file's other errors are still found.
    const auto with_others = compile(workout("  defaults rest 30s rest 40s\n  goblet_squatt 3x12"));
    CHECK(codes(*with_others) == "E0206 " + at(*with_others, "40s") + " | E0102 " + at(*with_others, "goblet_squatt"));
    // Two defaults statements: the later one changes what follows it.
    CHECK(codes(*compile(workout("  defaults rest 30s\n  burpee 3x10\n  defaults rest 40s\n  burpee 3x10"))) == "");
}

TEST_CASE("check: a rest of zero is told what leaving the rest out would do") {
    const auto help_of = [](const std::string& body) {
        const auto c = compile(workout(body));
        const auto& list = c->diagnostics.list();
        const auto found = std::find_if(list.begin(), list.end(), [](const Diagnostic& d) { return d.code == Code::E0304; });
        REQUIRE(found != list.end());
        return found->help;
    };
    CHECK(help_of("  burpee 10\n  rest 0s\n  burpee 10") ==
          "leave the rest out: two blocks are then one transition apart ('defaults transition 0s' before the next block for none)");
    CHECK(help_of("  goblet_squat 3x12 rest 0s") == "a rest lasts at least 1s; without one, the sets rest the default rest");
    CHECK(help_of("  goblet_squat 3x12 rest 90s or split_squat each rest 0s") ==
          "a rest lasts at least 1s; without one, the alternative rests as the prescription does");
    CHECK(help_of("  superset 2 rounds { burpee 10 rest 0s; push_up 10 }") == "a rest on a block entry has no effect: remove it");
    CHECK(help_of("  superset 2 rounds rest 0s { burpee 10 }") ==
          "a rest lasts at least 1s; without one, the rounds rest the default rest");
    CHECK(help_of("  defaults rest 0s\n  goblet_squat 3x12") == "a rest lasts at least 1s; without this one, the default rest in force stays");
    CHECK(help_of("  intervals 4 x 20s on 0s off { burpee }") == "a rest lasts at least 1s");
}

TEST_CASE("check: emom runs whole minutes and each entry fits its minute") {
    const auto partial = compile(workout("  emom 90s { burpee 10 }"));
    CHECK(codes(*partial) == "E0307 " + at(*partial, "90s"));
    // Over 24h is told as such, not also as minutes that are not whole.
    const auto too_long_emom = compile(workout("  emom 24h1min { burpee 5 }"));
    CHECK(codes(*too_long_emom) == "E0303 " + at(*too_long_emom, "24h1min"));
    const auto empty_emom = compile(workout("  emom 0s { burpee 5 }"));
    CHECK(codes(*empty_emom) == "E0303 " + at(*empty_emom, "0s"));
    // goblet_squat 25 reps x 3s = 75s: more than a minute.
    const auto too_long = compile(workout("  emom 5min { burpee 5; goblet_squat 25 }"));
    CHECK(codes(*too_long) == "E0307 " + at(*too_long, "goblet_squat"));
    // each: 10 x 3s per side + 5s switch + 10 x 3s = 65s.
    const auto sides = compile(workout("  emom 4min { reverse_lunge 10 each }"));
    CHECK(codes(*sides) == "E0307 " + at(*sides, "reverse_lunge"));
    CHECK(codes(*compile(workout("  emom 4min { goblet_squat 20; reverse_lunge 9 each }"))) == "");  // 60s, 59s
}

TEST_CASE("check: a load must say something (E0309)") {
    const auto code_of = [](const std::string& line) {
        INFO(line);
        return codes(*compile(workout("  " + line)));
    };
    // The ends of each range are accepted.
    for (const char* fine : {"goblet_squat 3x12 @rpe 1", "goblet_squat 3x12 @rpe 10", "goblet_squat 3x12 @rpe 8.5",
                             "goblet_squat 3x12 @rir 0", "goblet_squat 3x12 @rir 10", "back_squat 3x5 @105%",
                             "dumbbell_row 3x10 each @2x10kg", "goblet_squat 3x12 @0.5kg", "pull_up 3x5 @bw+2.5kg", "pull_up 3x5 @bw"}) {
        CHECK(code_of(fine) == "");
    }
    for (const char* out : {"goblet_squat 3x12 @rpe 0", "goblet_squat 3x12 @rpe 10.5", "goblet_squat 3x12 @rir 11",
                            "back_squat 3x5 @0%", "goblet_squat 3x12 @0kg", "dumbbell_row 3x10 each @1x10kg",
                            "dumbbell_row 3x10 each @3x10kg", "dumbbell_row 3x10 each @2x0kg", "pull_up 3x5 @bw+0kg"}) {
        CHECK(code_of(out).starts_with("E0309 "));
    }
    // An alternative's own load too, at that load.
    const auto alternative = compile(workout("  goblet_squat 3x12 @rpe 8 or dumbbell_thruster @rpe 11"));
    CHECK(codes(*alternative) == "E0309 " + at(*alternative, "@rpe 11"));
}

TEST_CASE("check: all errors are reported in one run") {
    const auto c = compile(workout("  goblet_sqat 3x12\n  plank 3x12\n  goblet_squat 3x12 each\n  rest 0s"));
    CHECK(codes(*c) == "E0102 " + at(*c, "goblet_sqat") + " | E0201 " + at(*c, "12", 1) + " | E0203 " + at(*c, "each") +
                           " | E0304 " + at(*c, "0s"));
}

TEST_CASE("check: a title written empty is the name, as a title left out is") {
    // An exercise's "" reached the FIT steps as an empty name.
    const auto c = compile("exercise my_move \"\" {\n  primary quads\n}\nequipment my_bar \"\"\n"
                           "workout w \"\" {\n  my_move 3x12\n}\nprogram p \"\" {\n  start 2026-12-07\n  mon 17:00 w\n"
                           "  tue 06:30 run \"\" 30min\n}\n");
    CHECK(codes(*c) == "");
    const Catalog& catalog = c->program.catalog;
    CHECK(catalog.exercises[static_cast<std::size_t>(catalog.find_exercise("my_move"))].title == "my_move");
    CHECK(catalog.equipment[static_cast<std::size_t>(catalog.find_equipment("my_bar"))].title == "my_bar");
    REQUIRE(c->program.workouts.size() == 1);
    CHECK(c->program.workouts[0].title == "w");
    REQUIRE(c->program.programs.size() == 1);
    CHECK(c->program.programs[0].title == "p");
    // A run's title is required; written empty it is "Run" (the calendar said "Run:  (week 1)").
    REQUIRE(c->program.programs[0].sessions.size() == 2);
    CHECK(c->program.programs[0].sessions[1].run_title == "Run");
}

TEST_CASE("check: programs") {
    const std::string w = workout("  goblet_squat 3x12");
    auto check_one = [&](const std::string& body, const std::string& code, std::string_view where) {
        INFO(body);
        const auto c = compile(w + "program p {\n" + body + "\n}\n");
        CHECK(codes(*c) == code + " " + (code == "E0403" ? at(*c, "p {") : at(*c, where)));
    };
    check_one("  weeks 2\n  tue 17:30 w", "E0403", "");
    check_one("  start 2026-02-30\n  tue 17:30 w", "E0404", "2026-02-30");
    check_one("  start 2026-12-01\n  tue 25:00 w", "E0405", "25:00");
    check_one("  start 2026-12-01\n  tue 17:30 w\n  tue 17:30 run \"R\" 30min", "E0406", "tue 17:30 run");
    check_one("  start 2026-12-01\n  timezone \"Mars/Olympus\"", "E0407", "\"Mars");
    // Files the tz database holds that are no place's civil time: the output would depend on the
    // machine, or run seconds off the clock.
    check_one("  start 2026-12-01\n  timezone \"localtime\"", "E0407", "\"localtime");
    check_one("  start 2026-12-01\n  timezone \"right/Europe/Berlin\"", "E0407", "\"right");
    check_one("  start 2026-12-01\n  weeks 0", "E0408", "0\n}");
    // A field given twice is an error at the later one, as in an exercise, not a silent override.
    check_one("  start 2026-12-01\n  weeks 6\n  tue 17:30 w\n  weeks 8", "E0101", "8\n}");
    check_one("  start 2026-12-01\n  start 2026-12-08\n  tue 17:30 w", "E0101", "2026-12-08");
    check_one("  start 2026-12-01\n  timezone \"UTC\"\n  timezone \"Europe/Berlin\"", "E0101", "\"Europe/Berlin");
    // A real date before the calendar's range (SPEC 7) is told so, not called no date.
    check_one("  start 1969-12-31\n  tue 17:30 w", "E0404", "1969-12-31");
    CHECK(first(*compile(w + "program p {\n  start 1969-12-31\n}\n")).message.find("before 1970") != std::string::npos);
    CHECK(first(*compile(w + "program p {\n  weeks 2\n  start 2026-12-01\n  weeks 2\n}\n")).message ==
          "field 'weeks' given twice in program 'p'");

    const auto c = compile(w + "program p \"Plan\" {\n  start 2028-02-29\n  weeks 3\n  timezone \"Europe/Berlin\"\n"
                               "  sun 08:00 run \"Long\" 90min easy\n  tue 17:30 w\n}\n");
    CHECK(codes(*c) == "");
    REQUIRE(c->program.programs.size() == 1);
    const auto& plan = c->program.programs[0];
    CHECK(plan.title == "Plan");
    CHECK(plan.weeks == 3);
    CHECK(plan.timezone == "Europe/Berlin");
    REQUIRE(plan.sessions.size() == 2);
    CHECK(plan.sessions[0].weekday == 6);
    CHECK(plan.sessions[0].workout == -1);
    CHECK(plan.sessions[0].run_seconds == 5400);
    CHECK(plan.sessions[0].run_intensity == "easy");
    CHECK(plan.sessions[1].weekday == 1);
    CHECK(plan.sessions[1].workout == 0);
    CHECK(plan.sessions[1].index == 1);
}
