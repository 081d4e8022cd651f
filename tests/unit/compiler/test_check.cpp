// Checking: every error of SPEC 5.1 with its code and position, unilateral warnings, options and profiles.
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

using namespace reps;
namespace fs = std::filesystem;

namespace {

struct Compiled {
    SourceManager sources;
    Diagnostics diagnostics;
    LoadedProgram loaded;
    CheckedProgram program;
    std::string text;
};

// Loads `text` with the stdlib and checks it, as `reps check` does (no checking after a syntax error).
std::unique_ptr<Compiled> compile(std::string text, std::string profile = {}) {
    auto c = std::make_unique<Compiled>();
    c->text = text;
    c->loaded = load_program_text("test.reps", std::move(text), fs::temp_directory_path(), c->sources, c->diagnostics);
    if (!c->diagnostics.has_errors()) {
        c->program = check_program(c->loaded.files, c->sources, CheckOptions{std::move(profile), {}}, c->diagnostics);
    }
    c->diagnostics.sort_by_position();
    return c;
}

// "line:column" of the n-th occurrence of `needle` in the source.
std::string at(const Compiled& c, std::string_view needle, int nth = 0) {
    std::size_t offset = c.text.find(needle);
    for (int i = 0; i < nth && offset != std::string::npos; ++i) offset = c.text.find(needle, offset + 1);
    REQUIRE(offset != std::string::npos);
    const auto line_start = c.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column = line_start == std::string::npos || offset == 0 ? offset + 1 : offset - line_start;
    return std::to_string(1 + std::count(c.text.begin(), c.text.begin() + static_cast<long>(offset), '\n')) + ":" +
           std::to_string(column);
}

// Every diagnostic as "CODE line:col", joined with " | " (positions in other files get the file name).
std::string codes(const Compiled& c) {
    std::string out;
    for (const auto& d : c.diagnostics.list()) {
        if (!out.empty()) out += " | ";
        out += std::string(code_name(d.code)) + " ";
        if (d.span.has_position() && d.span.file != c.loaded.main_file) out += c.sources.file(d.span.file).path + ":";
        const LineColumn at = c.sources.position(d.span);
        out += std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    return out;
}

const Diagnostic& first(const Compiled& c) {
    REQUIRE_FALSE(c.diagnostics.list().empty());
    return c.diagnostics.list().front();
}

// The first entry of the n-th block of the only workout (blocks view the program's store).
const checked::Entry& first_entry(const Compiled& c, std::size_t block = 0) {
    REQUIRE(c.program.workouts.size() == 1);
    const auto& blocks = c.program.workouts[0].blocks;
    REQUIRE(block < blocks.size());
    REQUIRE_FALSE(blocks[block].entries.empty());
    return blocks[block].entries.front();
}

// The exercise the n-th block's first entry uses, by canonical name.
std::string chosen(const Compiled& c, std::size_t block = 0) {
    const auto& entry = first_entry(c, block);
    REQUIRE(entry.exercise >= 0);
    return c.program.catalog.exercises[entry.exercise].name;
}

std::string workout(std::string body) { return "workout w {\n" + body + "\n}\n"; }

}  // namespace

TEST_CASE("check: the stdlib alone is clean") {
    const auto c = compile("");
    CHECK(codes(*c) == "");
    CHECK(c->program.catalog.find_exercise("goblet_squat") >= 0);
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

TEST_CASE("check: every 'or' option is type-checked against the prescription") {
    const auto measure = compile(workout("  goblet_squat 3x12 or plank"));
    CHECK(codes(*measure) == "E0201 " + at(*measure, "plank"));
    CHECK(first(*measure).message.find("alternative 'plank'") != std::string::npos);
    const auto two = compile(workout("  goblet_squat 3x12 @16kg or plank or burpee"));
    CHECK(codes(*two) == "E0201 " + at(*two, "plank") + " | W0103 " + at(*two, "burpee"));
}

TEST_CASE("check: an alternative's own modifiers replace inherited ones of the same kind (SPEC 4.1)") {
    // An inherited each/alt the alternative cannot take is dropped; a written one is an error.
    const auto inherited_each = compile(workout("  single_leg_calf_raise 3x15 each or calf_raise"), "");
    CHECK(codes(*inherited_each) == "");
    const auto written_each = compile(workout("  bulgarian_split_squat 3x10 each or goblet_squat alt"));
    CHECK(codes(*written_each) == "E0203 " + at(*written_each, "alt"));
    CHECK(first(*written_each).message == "'alt' on alternative 'goblet_squat', which works both sides at once");

    // An inherited load the alternative's equipment cannot take is dropped with a warning naming it.
    const auto load = compile(workout("  goblet_squat 3x12 @16kg or burpee"));
    CHECK(codes(*load) == "W0103 " + at(*load, "burpee"));
    CHECK(first(*load).message == "alternative 'burpee' cannot take @16kg: it is done without that load");
    // A load written after the alternative is its own, checked as the prescription's is.
    const auto own_load = compile(workout("  goblet_squat 3x12 @16kg or burpee @10kg"));
    CHECK(codes(*own_load) == "E0205 " + at(*own_load, "@10kg"));
    CHECK(codes(*compile(workout("  goblet_squat 3x12 @16kg or burpee @rpe 8"))) == "");
    // Repeated and out-of-range values in an alternative's own modifiers.
    const auto repeated = compile(workout("  goblet_squat 3x12 or front_squat hold 1s hold 2s tempo 3-10-1-0"));
    CHECK(codes(*repeated) == "E0206 " + at(*repeated, "hold 2s") + " | E0305 " + at(*repeated, "3-10-1-0"));

    // The chosen option's modifiers are the entry's: cue, load, rest, tempo, hold, sides.
    const auto written_alt = compile(workout("  suspension_row 3x10 or dumbbell_bent_over_row alt"));
    CHECK(codes(*written_alt) == "E0203 " + at(*written_alt, "alt"));  // a row works both sides
    const std::string source = "profile straps \"Straps\" { suspension }\n"
                               "profile bells \"Bells\" { dumbbell, bench }\n" +
                               workout("  suspension_row 3x10 \"chest to the handles\" rest 90s or "
                                       "dumbbell_bent_over_row \"pull to the hip\" @2x10kg tempo 2-0-1-0");
    const auto straps = compile(source, "straps");
    CHECK(codes(*straps) == "");
    CHECK(chosen(*straps) == "suspension_row");
    CHECK(first_entry(*straps).cue == std::optional<std::string_view>("chest to the handles"));
    CHECK_FALSE(first_entry(*straps).load);
    CHECK(first_entry(*straps).rest == 90);
    CHECK_FALSE(first_entry(*straps).tempo);
    const auto bells_ok = compile(source, "bells");
    CHECK(codes(*bells_ok) == "");
    CHECK(chosen(*bells_ok) == "dumbbell_bent_over_row");
    const auto& row = first_entry(*bells_ok);
    CHECK(row.cue == std::optional<std::string_view>("pull to the hip"));
    REQUIRE(row.load);
    CHECK(row.load->text == "2x10kg");
    CHECK(row.rest == 90);  // inherited
    CHECK(row.tempo == std::optional<std::string_view>("2-0-1-0"));
    CHECK(row.rep_seconds == 3);
}

TEST_CASE("check: profiles choose the first option whose equipment they have") {
    const std::string source =
        "profile balls \"Ball\" { stability_ball, bench }\n"
        "profile bells \"Bells\" { dumbbell }\n"
        "profile bare \"Nothing\" { bench }\n" +
        workout("  suspension_hamstring_curl 3x10 or stability_ball_hamstring_curl or dumbbell_romanian_deadlift");
    CHECK(chosen(*compile(source)) == "suspension_hamstring_curl");  // no profile: the first option
    CHECK(chosen(*compile(source, "balls")) == "stability_ball_hamstring_curl");
    CHECK(chosen(*compile(source, "bells")) == "dumbbell_romanian_deadlift");

    const auto none = compile(source, "bare");
    CHECK(codes(*none) == "E0401 " + at(*none, "suspension_hamstring_curl"));
    const auto& message = first(*none).message;
    CHECK(message.find("'bare'") != std::string::npos);
    CHECK(message.find("suspension") != std::string::npos);
    CHECK(message.find("stability_ball") != std::string::npos);
    CHECK(message.find("dumbbell") != std::string::npos);

    // The profile must also hold equipment that takes the load: a pair needs dumbbells.
    const auto pair = compile("profile kb \"KB\" { kettlebell }\n" + workout("  goblet_squat 3x12 @2x10kg"), "kb");
    CHECK(codes(*pair) == "E0401 " + at(*pair, "goblet_squat"));
    const auto single = compile("profile kb \"KB\" { kettlebell }\n" + workout("  goblet_squat 3x12 @16kg"), "kb");
    CHECK(codes(*single) == "");

    // Where the load is what rules the profile out, E0401 names the equipment that takes it: not
    // reverse_lunge's bodyweight way, which the profile has, nor a barbell, which takes no pair.
    const auto loaded = compile("profile bare \"Nothing\" { bench }\n" + workout("  reverse_lunge 3x10 each @2x10kg"), "bare");
    CHECK(codes(*loaded) == "E0401 " + at(*loaded, "reverse_lunge"));
    CHECK(first(*loaded).message == "no option fits profile 'bare': 'reverse_lunge' needs dumbbell for @2x10kg");
}

TEST_CASE("check: an alternative repeating an option of its entry is never chosen (W0104)") {
    const auto same = compile(workout("  push_up 3x10 or push_up"));
    CHECK(codes(*same) == "W0104 " + at(*same, "push_up", 1));
    CHECK(first(*same).message == "alternative 'push_up' repeats the exercise it is an alternative to: it is never chosen");
    CHECK(first(*same).help == "remove 'or push_up', or name another exercise");
    CHECK(first(*same).notes.empty());
    // Through an alias, with a note naming the exercise.
    const auto alias = compile(workout("  push_up 3x10 or press_up"));
    CHECK(codes(*alias) == "W0104 " + at(*alias, "press_up"));
    CHECK(first(*alias).message == "alternative 'press_up' names the same exercise as 'push_up' before it: it is never chosen");
    REQUIRE(first(*alias).notes.size() == 1);
    CHECK(first(*alias).notes[0] == "'push_up' and 'press_up' both name the exercise 'push_up'");
    // An earlier alternative, at each repeat; modifiers other than a load choose nothing.
    const auto twice = compile(workout("  push_up 3x10 or knee_push_up or knee_push_up \"slow\" or knee_push_up rest 30s"));
    CHECK(codes(*twice) == "W0104 " + at(*twice, "knee_push_up", 1) + " | W0104 " + at(*twice, "knee_push_up", 2));
    CHECK(first(*twice).message == "alternative 'knee_push_up' repeats an earlier alternative: it is never chosen");
    // A block's entry too.
    const auto block = compile(workout("  superset 3 rounds { push_up 10 or pushup; plank 30s }"));
    CHECK(codes(*block) == "W0104 " + at(*block, "pushup"));
    // An unknown name is told once, as unknown.
    const auto unknown = compile(workout("  push_up 3x10 or push_upp or push_upp"));
    CHECK(codes(*unknown) == "E0102 " + at(*unknown, "push_upp") + " | E0102 " + at(*unknown, "push_upp", 1));

    // The same exercise with a load of another kind is a real choice: bodyweight where the profile
    // has no dumbbells. With a load of the same kind (two pairs) it is not.
    const std::string source = "profile bench_only \"Bench\" { bench }\n" +
                               workout("  bulgarian_split_squat 3x10 each @2x10kg or bulgarian_split_squat @bw");
    CHECK(codes(*compile(source)) == "");
    const auto bench = compile(source, "bench_only");
    CHECK(codes(*bench) == "");
    REQUIRE(first_entry(*bench).load);
    CHECK(first_entry(*bench).load->text == "bw");
    const auto pairs = compile(workout("  bulgarian_split_squat 3x10 each @2x10kg or bulgarian_split_squat @2x12kg"));
    CHECK(codes(*pairs) == "W0104 " + at(*pairs, "bulgarian_split_squat", 1));
}

TEST_CASE("check: a profile owns equipment by name, also where the user's shadows the stdlib's") {
    // The user's kettlebell shadows the stdlib's (SPEC 2); goblet_squat, a stdlib exercise, keeps
    // needing the stdlib's kettlebell or dumbbell. A profile listing `kettlebell` owns both.
    const std::string catalog =
        "equipment kettlebell \"My kettlebell\" loadable\n"
        "exercise bell_swing \"Bell swing\" {\n  primary glutes\n  equipment kettlebell\n}\n"
        "profile home \"Home\" { kettlebell }\n";
    const auto stdlib_exercise = compile(catalog + workout("  goblet_squat 3x12 @16kg"), "home");
    CHECK(codes(*stdlib_exercise) == "");
    CHECK(chosen(*stdlib_exercise) == "goblet_squat");
    const auto own_exercise = compile(catalog + workout("  bell_swing 3x12 @16kg"), "home");
    CHECK(codes(*own_exercise) == "");
    CHECK(chosen(*own_exercise) == "bell_swing");
    // Owning a kettlebell is not owning dumbbells.
    const auto pair = compile(catalog + workout("  goblet_squat 3x12 @2x10kg"), "home");
    CHECK(codes(*pair) == "E0401 " + at(*pair, "goblet_squat"));
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
