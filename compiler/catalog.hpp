// The catalog model: regions, muscles, equipment, exercises and profiles, with names resolved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics.hpp"

namespace reps {

struct Region {
    std::string name, title;
    SourceSpan span;
};

struct Muscle {
    std::string name, title;
    int region = -1;
    SourceSpan span;
};

struct Equipment {
    std::string name, title;
    bool loadable = false;
    bool pair = false;
    SourceSpan span;
};

// An equipment requirement in disjunctive normal form: any one of `alternatives`, each a sorted
// set of equipment indices that are all needed. An empty set is bodyweight.
using EquipmentSet = std::vector<int>;

struct Exercise {
    std::string name, title;
    std::vector<std::string> aliases;
    std::string pattern;
    std::vector<int> primary, secondary;  // muscle indices
    std::vector<EquipmentSet> equipment;   // never empty: {{}} for bodyweight
    ast::Sides sides = ast::Sides::both;
    ast::Measure measure = ast::Measure::reps;
    std::int64_t rep_seconds = 3;
    std::vector<int> easier, harder;  // exercise indices
    std::string fit_category, fit_name;
    SourceSpan span;
    bool stdlib = false;
};

struct Profile {
    std::string name, title;
    std::vector<int> equipment;  // sorted indices
    SourceSpan span;
};

class Catalog {
public:
    std::vector<Region> regions;
    std::vector<Muscle> muscles;
    std::vector<Equipment> equipment;
    std::vector<Exercise> exercises;
    std::vector<Profile> profiles;

    // Exercise by name or alias; -1 if unknown.
    int find_exercise(std::string_view name) const;
    int find_region(std::string_view name) const;
    int find_muscle(std::string_view name) const;
    int find_equipment(std::string_view name) const;
    int find_profile(std::string_view name) const;

    // Closest known name of that kind within a small edit distance, for "did you mean".
    std::optional<std::string> suggest_exercise(std::string_view name) const;
    std::optional<std::string> suggest_region(std::string_view name) const;
    std::optional<std::string> suggest_muscle(std::string_view name) const;
    std::optional<std::string> suggest_equipment(std::string_view name) const;
    std::optional<std::string> suggest_profile(std::string_view name) const;

    std::unordered_map<std::string, int> exercise_names;  // names and aliases
    std::unordered_map<std::string, int> region_names, muscle_names, equipment_names, profile_names;
};

// Builds the catalog from every file's catalog declarations (stdlib first), resolving all the
// references between them and reporting duplicates and unknown names.
Catalog build_catalog(const std::vector<ast::File>& files, const SourceManager& sources, Diagnostics& diagnostics);

// The "did you mean" search over any list of names (edit distance, case-insensitive).
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace reps
