// The stdlib as it is linked (checked at build time, decoded at run time), and catalogs built on
// top of it: the same catalog as parsing the stdlib now, and user names shadowing the stdlib's.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/blob.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/catalog/stdlib.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"

using namespace reps;

namespace {

// The stdlib parsed and built here and now, as the build-time tool does.
Catalog catalog_from_source(SourceManager& sources, Diagnostics& diagnostics) {
    std::vector<ast::File> files;
    for (const EmbeddedFile& file : stdlib_files()) {
        const auto id = sources.add_static(std::string(file.path), file.text, true);
        files.push_back(parse_file(sources, id, diagnostics));
    }
    return build_catalog(files, sources, diagnostics, nullptr);
}

}  // namespace

TEST_CASE("stdlib catalog: the linked data is the stdlib parsed now") {
    SourceManager sources;
    Diagnostics diagnostics;
    const Catalog parsed = catalog_from_source(sources, diagnostics);
    CHECK(diagnostics.list().empty());
    const Catalog& linked = stdlib_catalog();
    CHECK(linked.exercises.size() > 200);
    CHECK(linked.base() == nullptr);
    CHECK(linked == parsed);
    CHECK(&stdlib_catalog() == &linked);  // built once
}

TEST_CASE("stdlib catalog: encoding round-trips, and bad bytes are refused") {
    const Catalog& catalog = stdlib_catalog();
    const std::string bytes = encode_catalog(catalog);
    CHECK(decode_catalog(bytes) == catalog);
    CHECK_THROWS_AS(decode_catalog(bytes.substr(0, bytes.size() / 2)), std::runtime_error);
    CHECK_THROWS_AS(decode_catalog("not a catalog"), std::runtime_error);
    CHECK_THROWS_AS(decode_catalog(bytes + "x"), std::runtime_error);
    const Catalog layered(&catalog);
    CHECK_THROWS_AS(encode_catalog(layered), std::logic_error);
}

TEST_CASE("stdlib catalog: stdlib sources take the first ids, once") {
    SourceManager sources;
    add_stdlib_sources(sources);
    const auto count = stdlib_files().size();
    REQUIRE(sources.size() == count);
    CHECK(sources.file(0).embedded);
    CHECK(sources.file(0).path == stdlib_files()[0].path);
    add_stdlib_sources(sources);  // already there: nothing added
    CHECK(sources.size() == count);
    SourceManager other;
    other.add("mine.reps", "workout w { }");
    CHECK_THROWS_AS(add_stdlib_sources(other), std::logic_error);
}

TEST_CASE("stdlib catalog: a user catalog continues it without copying it") {
    SourceManager sources;
    Diagnostics diagnostics;
    const LoadedProgram loaded = load_program_text(
        "mine.reps",
        "equipment sandbag_x \"Sandbag\" loadable\n"
        "exercise goblet_squat \"Mine\" { primary quads }\n"
        "exercise my_carry \"My Carry\" {\n  aka goblet\n  primary quads\n  equipment sandbag_x\n  easier goblet_squat\n}\n",
        ".", sources, diagnostics);
    REQUIRE(!diagnostics.has_errors());
    const Catalog& base = stdlib_catalog();
    const Catalog catalog = build_catalog(loaded.files, sources, diagnostics, &base);

    // The stdlib's items keep their indices; the user's come after them.
    CHECK(catalog.exercises.base_size() == base.exercises.size());
    CHECK(catalog.exercises.size() == base.exercises.size() + 2);
    CHECK(&catalog.exercises[0] == &base.exercises[0]);
    const int mine = catalog.find_exercise("my_carry");
    CHECK(mine == static_cast<int>(base.exercises.size()) + 1);
    CHECK(catalog.find_exercise("goblet") == mine);
    CHECK(base.find_exercise("my_carry") == -1);  // the base never changes

    // A name the stdlib has is no duplicate: the user's declaration shadows it in the user's
    // files (SPEC 2), while the stdlib's own references keep pointing into the stdlib.
    const int own_goblet = catalog.find_exercise("goblet_squat");
    CHECK(own_goblet == static_cast<int>(base.exercises.size()));
    CHECK(catalog.exercises[static_cast<std::size_t>(own_goblet)].title == "Mine");
    CHECK(catalog.find_exercise("kettlebell_goblet_squat") == base.find_exercise("goblet_squat"));  // not shadowed
    const Exercise& carry = catalog.exercises[static_cast<std::size_t>(mine)];
    REQUIRE(carry.easier.size() == 1);
    CHECK(carry.easier[0] == own_goblet);
    REQUIRE(carry.equipment.size() == 1);
    CHECK(catalog.equipment[static_cast<std::size_t>(carry.equipment[0][0])].name == "sandbag_x");
    const Exercise& stdlib_front_squat = catalog.exercises[static_cast<std::size_t>(base.find_exercise("front_squat"))];
    for (int easier : stdlib_front_squat.easier) CHECK(easier < static_cast<int>(base.exercises.size()));
    CHECK(diagnostics.list().empty());

    // Iteration runs through the base, then the user's own.
    std::size_t count = 0;
    for (const Exercise& e : catalog.exercises) count += e.stdlib ? 0 : 1;
    CHECK(count == 2);
    CHECK(catalog.suggest_exercise("my_cary") == std::optional<std::string>("my_carry"));
    CHECK(catalog.suggest_exercise("goblet_sqat") == std::optional<std::string>("goblet_squat"));
}

TEST_CASE("stdlib catalog: the flat name index agrees with the name map") {
    const Catalog& catalog = stdlib_catalog();
    REQUIRE(catalog.exercise_index.built());
    for (const auto& named : catalog.exercise_names) {
        // Not a structured binding: clang (the fuzz build) cannot capture one in INFO's lambda.
        const std::string& name = named.first;
        const int index = named.second;
        INFO(name);
        CHECK(catalog.exercise_index.find(name) == index);
        CHECK(catalog.find_exercise(name) == index);
    }
    CHECK(catalog.exercise_index.find("") == -1);
    CHECK(catalog.exercise_index.find("no_such_exercise") == -1);
    const Catalog copy = catalog;  // a copy looks names up in its map
    CHECK(!copy.exercise_index.built());
    CHECK(copy.find_exercise("goblet_squat") == catalog.find_exercise("goblet_squat"));
}

// The hash reads a name in words that may overlap and the comparison likewise: names of every
// length up to three words, differing in one byte at any place, are each found and never confused.
TEST_CASE("flat name index: names of every length differing in any one byte") {
    NameMap names;
    int next = 0;
    for (std::size_t length = 1; length <= 24; ++length) {
        const std::string base(length, 'a');
        names.emplace(base, next++);
        for (std::size_t at = 0; at < length; ++at) {
            std::string changed = base;
            changed[at] = 'b';
            names.emplace(changed, next++);
        }
    }
    FlatNameIndex index;
    index.build(names);
    for (const auto& named : names) {
        const std::string& name = named.first;
        INFO(name);
        CHECK(index.find(name) == named.second);
        CHECK(index.find(name + "c") == -1);
        CHECK(index.find(std::string_view(name).substr(1)) == (names.count(name.substr(1)) ? names.at(name.substr(1)) : -1));
    }
    CHECK(index.find(std::string(25, 'a')) == -1);
    CHECK(index.find("c") == -1);

    // It belongs to the names it was built from: a moved catalog looks its names up in its map.
    FlatNameIndex moved(std::move(index));
    CHECK(!moved.built());
    CHECK(!index.built());  // NOLINT(bugprone-use-after-move): what a move leaves is the point
    CHECK(index.find("a") == -1);
}

// A watch shows the FIT exercise: it must be what the athlete does with what they hold. A FIT
// name that names an implement (barbell_hip_thrust_with_bench) fits only an exercise with an
// equipment option using that implement; stretches are warm-up steps or poses.
TEST_CASE("stdlib catalog: every FIT mapping fits the exercise's equipment and kind") {
    const Catalog& catalog = stdlib_catalog();
    struct Implement {
        std::string_view in_fit_name;
        std::string_view equipment;
    };
    static constexpr Implement implements[] = {
        {"barbell", "barbell"},       {"dumbbell", "dumbbell"},        {"kettlebell", "kettlebell"},
        {"cable", "cable_machine"},   {"swiss_ball", "stability_ball"}, {"medicine_ball", "medicine_ball"},
        {"band", "resistance_band"},  {"trap_bar", "trap_bar"},         {"ez_bar", "ez_bar"},
        {"sandbag", "sandbag"},       {"landmine", "landmine"},         {"suspension", "suspension"},
        {"trx", "suspension"},        {"sled", "sled"},                 {"battle_rope", "battle_rope"},
    };
    int mapped = 0;
    for (const Exercise& exercise : catalog.exercises) {
        if (exercise.fit_name.empty()) continue;
        ++mapped;
        INFO("exercise " << exercise.name << ": fit " << exercise.fit_category << " / " << exercise.fit_name);
        for (const Implement& implement : implements) {
            // The implement as a word of the snake_case name: "band" is not in "barbell_bent...".
            std::string name = "_" + exercise.fit_name + "_";
            if (const auto it_band = name.find("_it_band_"); it_band != std::string::npos) name.erase(it_band, 8);
            if (name.find("_" + std::string(implement.in_fit_name) + "_") == std::string::npos) continue;
            bool uses = false;
            for (const EquipmentSet& option : exercise.equipment) {
                for (const int index : option) {
                    uses = uses || catalog.equipment[static_cast<std::size_t>(index)].name == implement.equipment;
                }
            }
            CHECK_MESSAGE(uses, "no equipment option of " << exercise.name << " uses " << implement.equipment);
        }
        // A stretch is a warm-up (stretch_*) step or a yoga pose.
        if (exercise.pattern == "stretch") CHECK((exercise.fit_category == "warm_up" || exercise.fit_category == "pose"));
    }
    CHECK(mapped > 150);
    // The generic blocks are not one drill of theirs, and a hip thrust is loaded with whatever
    // implement the athlete has (a dumbbell as often as a barbell).
    const auto fit_of = [&](std::string_view name) {
        for (const Exercise& exercise : catalog.exercises) {
            if (exercise.name == name) return exercise.fit_category + " / " + exercise.fit_name;
        }
        return std::string();
    };
    CHECK(fit_of("dynamic_stretching") == "warm_up / walking_high_kicks");
    CHECK(fit_of("static_stretching") == "warm_up / stretch_lunge_with_spinal_twist");
    CHECK(fit_of("hip_thrust") == "hip_raise / weighted_hip_raise");
}
