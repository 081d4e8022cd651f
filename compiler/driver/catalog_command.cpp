// `reps catalog [TERM]`: lists the stdlib's exercises, searches them, or shows one in full.
#include <algorithm>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "compiler/catalog/catalog.hpp"
#include "compiler/catalog/search.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"

namespace reps::cli {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "goblet squat" and "Goblet-Squat" name goblet_squat too.
std::string as_identifier(std::string_view text) {
    std::string out = lower(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
    return out;
}

const char* measure_text(ast::Measure measure) {
    switch (measure) {
        case ast::Measure::reps: return "reps";
        case ast::Measure::time: return "time";
        case ast::Measure::reps_or_time: return "reps or time";
    }
    return "?";
}

// The equipment expression in the language's own syntax: "box | box + dumbbell", "none".
std::string equipment_text(const Catalog& catalog, const Exercise& exercise) {
    std::string out;
    for (const EquipmentSet& set : exercise.equipment) {
        std::string all;
        for (int e : set) all += (all.empty() ? "" : " + ") + catalog.equipment[static_cast<std::size_t>(e)].name;
        out += (out.empty() ? "" : " | ") + (all.empty() ? std::string("none") : all);
    }
    return out.empty() ? "none" : out;
}

template <typename List>
std::string join_field(const List& indices, const auto& name_of) {
    std::string out;
    for (int i : indices) out += (out.empty() ? "" : ", ") + name_of(static_cast<std::size_t>(i));
    return out;
}

void list_exercises(std::ostream& out, const Catalog& catalog, const std::vector<const Exercise*>& exercises) {
    std::size_t name_width = 0, title_width = 0;
    for (const Exercise* e : exercises) {
        name_width = std::max(name_width, e->name.size());
        title_width = std::max(title_width, e->title.size());
    }
    for (const Exercise* e : exercises) {
        out << fmt::format("{:<{}}  {:<{}}  {:<12}  {:<4}  {}\n", e->name, name_width, e->title, title_width,
                           measure_text(e->measure), e->sides == ast::Sides::each ? "each" : "both",
                           equipment_text(catalog, *e));
    }
}

void show_exercise(std::ostream& out, const Catalog& catalog, const Exercise& e) {
    const auto field = [&](std::string_view key, const std::string& value) {
        if (!value.empty()) out << fmt::format("  {:<10} {}\n", key, value);
    };
    const auto muscle = [&](std::size_t i) { return catalog.muscles[i].title; };
    const auto exercise = [&](std::size_t i) { return catalog.exercises[i].name; };
    out << e.name << ": " << e.title << '\n';
    std::string aliases;
    for (const std::string& alias : e.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    field("aliases", aliases);
    field("pattern", e.pattern);
    field("primary", join_field(e.primary, muscle));
    field("secondary", join_field(e.secondary, muscle));
    field("equipment", equipment_text(catalog, e));
    field("sides", e.sides == ast::Sides::each ? "each" : "both");
    field("measure", measure_text(e.measure));
    field("rep", std::to_string(e.rep_seconds) + 's');
    field("easier", join_field(e.easier, exercise));
    field("harder", join_field(e.harder, exercise));
    if (!e.fit_category.empty() || !e.fit_name.empty()) field("fit", e.fit_category + " / " + e.fit_name);
}

// A close exercise name or alias, else a close word of one ("gobblet" -> "goblet").
std::optional<std::string> suggestion(const Catalog& catalog, const std::string& term) {
    if (auto close = catalog.suggest_exercise(term)) return close;
    std::vector<std::string_view> words;
    for (const auto& [name, index] : catalog.exercise_names) {
        std::string_view rest = name;
        while (!rest.empty()) {
            const auto underscore = rest.find('_');
            words.push_back(rest.substr(0, underscore));
            rest = underscore == std::string_view::npos ? std::string_view{} : rest.substr(underscore + 1);
        }
    }
    std::sort(words.begin(), words.end());  // the map's order is not stable; the answer must be
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return closest_name(term, words);
}

}  // namespace

int run_catalog(const Options& options, std::ostream& out, std::ostream& err) {
    // The stdlib, checked when `reps` was built.
    const Catalog& catalog = stdlib_catalog();

    std::vector<const Exercise*> exercises;
    std::string term;
    for (const std::string& word : options.args) term += (term.empty() ? "" : " ") + lower(word);
    if (term.empty()) {
        for (const Exercise& e : catalog.exercises) exercises.push_back(&e);
        std::sort(exercises.begin(), exercises.end(), [](const Exercise* a, const Exercise* b) { return a->name < b->name; });
        list_exercises(out, catalog, exercises);
        return 0;
    }
    // Ranked as the "did you mean" of an unknown exercise is (compiler/catalog/search.hpp).
    const std::vector<ExerciseMatch> matches = search_exercises(catalog, term);
    if (matches.empty()) {
        err << "reps: error: no exercise matches '" << printable(term) << "'\n";
        if (auto close = suggestion(catalog, as_identifier(term))) err << "help: did you mean '" << *close << "'?\n";
        return 1;
    }
    for (const ExerciseMatch& match : matches) exercises.push_back(&catalog.exercises[static_cast<std::size_t>(match.exercise)]);
    if (matches.front().tier == MatchTier::exact) {
        // The entry named in full, then whatever else the term finds ("thruster": the dumbbell one).
        show_exercise(out, catalog, *exercises.front());
        exercises.erase(exercises.begin());
        if (exercises.empty()) return 0;
        out << "\nalso matching '" << printable(term) << "':\n";
    }
    list_exercises(out, catalog, exercises);
    return 0;
}

}  // namespace reps::cli
