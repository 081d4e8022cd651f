// Bounds on what a workout or program lowers to, computed from the checked program before lowering
// (E0005), so that no input makes `reps` build a timeline too large to hold or export.
#pragma once

#include <cstdint>

#include "compiler/check/checked.hpp"

namespace reps {

inline constexpr std::int64_t max_timeline_segments = 100'000;           // one workout, any week
inline constexpr std::int64_t max_timeline_seconds = 7 * 24 * 3600;      // one workout, any week
inline constexpr std::int64_t max_program_segments = 200'000;            // a program, all weeks

struct TimelineSize {
    std::int64_t segments = 0;
    std::int64_t seconds = 0;
};

// With `week` 0, an upper bound over every week: each entry counted at its largest progression
// step; exact for a workout without progressions. With `week` 1 or more, exact for that week (what
// lowering builds then), as the session-length lint needs. Entries that did not check (exercise
// -1) count as nothing.
TimelineSize timeline_size(const checked::Workout& workout, int week = 0);

// Reports E0005 for each workout and program of `program` over the bounds above.
// Sets each workout's week_seconds: its length in `week`.
void check_timeline_sizes(CheckedProgram& program, int week, Diagnostics& diagnostics);

}  // namespace reps
