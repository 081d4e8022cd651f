// The checker on `or` options and profiles (SPEC 4.1, 5.3): every option type-checked, an
// alternative's own modifiers, the option a profile chooses, and an option named twice (W0104).
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/compiler/check_test_support.hpp"

using namespace reps;
using namespace reps::check_test;

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
