// The numeric FIT ids of the catalog's `fit CATEGORY / NAME` mappings, generated at build time
// from runtime/export/fit/fit_names.tsv (runtime/export/fit/fit_ids.cmake); the SDK itself is never shipped.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace reps::fit {

struct ExerciseId {
    std::string_view category;  // exercise_category name, snake_case: "squat"
    std::uint16_t category_number = 0;
    std::string_view name;      // <category>_exercise_name name: "goblet_squat"
    std::uint16_t name_number = 0;

    bool operator==(const ExerciseId&) const = default;
};

// Every mapping the table holds, in the TSV's order.
std::span<const ExerciseId> exercise_ids();

// The ids of one mapping, or nullopt when the table lacks it.
std::optional<ExerciseId> find_exercise_id(std::string_view category, std::string_view name);

}  // namespace reps::fit
