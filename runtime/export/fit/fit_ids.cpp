// Looks up FIT exercise ids in the generated table (a few hundred rows: a linear scan is enough).
#include "runtime/export/fit/fit_ids.hpp"

namespace reps::fit {

namespace {

constexpr ExerciseId table[] = {
#include "fit_ids.inc"
};

}  // namespace

std::span<const ExerciseId> exercise_ids() { return table; }

std::optional<ExerciseId> find_exercise_id(std::string_view category, std::string_view name) {
    for (const ExerciseId& id : table) {
        if (id.category == category && id.name == name) return id;
    }
    return std::nullopt;
}

}  // namespace reps::fit
