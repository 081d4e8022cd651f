// Catalog search (#20): the ranking behind `reps catalog TERM` and the "did you mean" of an
// unknown exercise, on the stdlib and on a user's catalog, and the E0401 help with a profile.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/catalog/search.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"
#include "compiler/check/checked.hpp"
#include "compiler/driver/loader.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

using Names = std::vector<std::string>;

Names suggested(std::string_view unknown) { return suggest_exercises(stdlib_catalog(), unknown); }

// The names search_exercises finds, best first, and the tier of each.
struct Found {
    Names names;
    std::vector<MatchTier> tiers;
};

Found search(const Catalog& catalog, std::string_view term) {
    Found found;
    for (const ExerciseMatch& match : search_exercises(catalog, term)) {
        found.names.push_back(catalog.exercises[static_cast<std::size_t>(match.exercise)].name);
        found.tiers.push_back(match.tier);
    }
    return found;
}

std::size_t position(const Names& names, const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// The help lines of checking `text` (with the stdlib), in order.
Names helps(const std::string& text, const std::string& profile = {}) {
    SourceManager sources;
    Diagnostics diagnostics;
    const LoadedProgram loaded = load_program_text("test.reps", text, fs::temp_directory_path(), sources, diagnostics);
    REQUIRE(!diagnostics.has_errors());
    (void)check_program(loaded.files, sources, CheckOptions{profile, {}}, diagnostics);
    Names out;
    for (const Diagnostic& d : diagnostics.list()) out.push_back(d.help);
    return out;
}

}  // namespace

TEST_CASE("catalog search: the issue's five names suggest what the catalog finds for them") {
    // A chest press, not the medicine-ball throw one edit away ('chest_pass').
    const Names chest = suggested("chest_press");
    REQUIRE(!chest.empty());
    CHECK(chest.front() == "dumbbell_chest_press");
    CHECK(position(chest, "chest_pass") == chest.size());
    CHECK(suggested("hamstring_curl") ==
          Names{"nordic_hamstring_curl", "slider_hamstring_curl", "suspension_hamstring_curl"});
    CHECK(suggested("stretching") == Names{"static_stretching", "dynamic_stretching"});
    CHECK(suggested("assisted") == Names{"assisted_chin_up", "assisted_pull_up"});
    CHECK(suggested("dumbbell_deadlift") == Names{"dumbbell_romanian_deadlift"});
}

TEST_CASE("catalog search: a typo keeps the edit-distance suggestion, nothing close gets none") {
    CHECK(suggested("goblet_sqat") == Names{"goblet_squat"});
    CHECK(suggested("bulgarian_split_sqaut") == Names{"bulgarian_split_squat"});
    CHECK(suggested("qqqqqqqq").empty());
    CHECK(suggested("").empty());
    // A plural finds the singular word ("abs" is too short to be one).
    CHECK(suggested("calf_raises").front() == "calf_raise");
    CHECK(suggested("hamstrings").front() == "hamstring_stretch");
    CHECK(search(stdlib_catalog(), "abs").tiers.front() == MatchTier::other);  // the muscle, by its name
    // At most three, however many match.
    CHECK(suggested("press").size() == max_exercise_suggestions);
}

TEST_CASE("catalog search: exact name or alias, then names, then titles, then muscles and equipment") {
    const Found thruster = search(stdlib_catalog(), "thruster");
    REQUIRE(thruster.names.size() >= 2);
    CHECK(thruster.names[0] == "barbell_thruster");  // by its alias
    CHECK(thruster.tiers[0] == MatchTier::exact);
    CHECK(thruster.names[1] == "dumbbell_thruster");
    CHECK(thruster.tiers[1] == MatchTier::name);

    const Found deadlift = search(stdlib_catalog(), "deadlift");
    REQUIRE(deadlift.names.size() >= 7);
    CHECK(deadlift.names[0] == "deadlift");
    for (const char* name : {"sumo_deadlift", "kettlebell_deadlift", "romanian_deadlift", "trap_bar_deadlift",
                             "dumbbell_romanian_deadlift", "single_leg_romanian_deadlift"}) {
        CHECK(position(deadlift.names, name) < 7);
    }
    // Fewer words beside the term first: "Sumo Deadlift" before "Single-Leg Romanian Deadlift".
    CHECK(position(deadlift.names, "sumo_deadlift") < position(deadlift.names, "single_leg_romanian_deadlift"));

    // Words in any order, each beginning a word: "press chest" is "chest_press".
    CHECK(search(stdlib_catalog(), "press chest").names.front() == search(stdlib_catalog(), "chest_press").names.front());

    // The title: "doorway" is only in "Doorway Chest Stretch".
    const Found doorway = search(stdlib_catalog(), "Doorway");
    CHECK(doorway.names == Names{"chest_stretch"});
    CHECK(doorway.tiers == std::vector<MatchTier>{MatchTier::title});

    // A muscle: every exercise found for "hamstring" by its name comes before one found by its muscles.
    const Found hamstring = search(stdlib_catalog(), "hamstring");
    REQUIRE(!hamstring.names.empty());
    CHECK(std::is_sorted(hamstring.tiers.begin(), hamstring.tiers.end()));
    CHECK(hamstring.tiers.front() == MatchTier::name);
    CHECK(hamstring.tiers.back() == MatchTier::other);
    CHECK(position(hamstring.names, "deadlift") < hamstring.names.size());  // primary: hamstrings
    // A primary muscle before a secondary one (hip_thrust: secondary hamstrings).
    CHECK(position(hamstring.names, "deadlift") < position(hamstring.names, "hip_thrust"));
    CHECK(position(hamstring.names, "hip_thrust") < hamstring.names.size());
    // The did-you-mean is the head of the same list.
    CHECK(suggested("hamstring") == Names(hamstring.names.begin(), hamstring.names.begin() + 3));
}

TEST_CASE("catalog search: the user's exercises are suggested, and shadow the stdlib's") {
    const std::string mine = "exercise sandbag_chest_press \"Sandbag Chest Press\" { primary chest }\n"
                             "exercise hip_thrust \"My Hip Thrust\" { primary glutes }\n";
    CHECK(helps(mine + "workout w \"W\" {\n  chest_press 3x10\n}\n") ==
          Names{"did you mean 'sandbag_chest_press', 'dumbbell_chest_press' or 'cable_chest_press'?"});

    // A reference in a declaration too.
    CHECK(helps("exercise my_press \"My Press\" {\n  primary chest\n  easier chest_press\n}\n") ==
          Names{"did you mean 'dumbbell_chest_press' or 'cable_chest_press'?"});

    SourceManager sources;
    Diagnostics diagnostics;
    const LoadedProgram loaded = load_program_text("mine.reps", mine, ".", sources, diagnostics);
    const Catalog catalog = build_catalog(loaded.files, sources, diagnostics, &stdlib_catalog());
    REQUIRE(!diagnostics.has_errors());
    const Found thrust = search(catalog, "hip thrust");
    REQUIRE(!thrust.names.empty());
    CHECK(thrust.tiers.front() == MatchTier::exact);
    CHECK(search_exercises(catalog, "hip thrust").front().exercise == catalog.find_exercise("hip_thrust"));
    CHECK(std::count(thrust.names.begin(), thrust.names.end(), "hip_thrust") == 1);  // the stdlib's is hidden
    // ...but an alias of it still names it, in the catalog as in a workout.
    const std::vector<ExerciseMatch> alias = search_exercises(catalog, "barbell_hip_thrust");
    REQUIRE(!alias.empty());
    CHECK(alias.front().tier == MatchTier::exact);
    CHECK(catalog.exercises[static_cast<std::size_t>(alias.front().exercise)].title == "Hip Thrust");
}

TEST_CASE("catalog search: with a profile, E0401 names exercises that fit it and train the same muscles") {
    const Names home = helps("profile home \"Home\" { dumbbell }\nworkout w \"W\" {\n  hip_thrust 3x10\n}\n", "home");
    REQUIRE(home.size() == 1);
    // glute_bridge first: the catalog names it as hip_thrust's easier variant.
    CHECK(home[0] ==
          "add an alternative with 'or EXERCISE', like 'glute_bridge', 'single_leg_glute_bridge' or "
          "'dumbbell_romanian_deadlift' (they fit profile 'home' and train the same muscles), or add the equipment "
          "to the profile");
    // Nothing fits a load without equipment: the help stays general.
    const Names bare = helps("profile bare \"Bare\" { }\nworkout w \"W\" {\n  hip_thrust 3x10 @20kg\n}\n", "bare");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0] == "add an alternative with 'or EXERCISE', or add the equipment to the profile");
}

TEST_CASE("catalog search: did_you_mean lists one, two or three names") {
    CHECK(did_you_mean({}).empty());
    CHECK(did_you_mean({"a"}) == "did you mean 'a'?");
    CHECK(did_you_mean({"a", "b"}) == "did you mean 'a' or 'b'?");
    CHECK(did_you_mean({"a", "b", "c"}) == "did you mean 'a', 'b' or 'c'?");
}
