// Bounds on what a workout or program lowers to, computed from the checked program before lowering
// (E0005), so that no input makes `reps` build a timeline too large to hold or export.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "compiler/base/duration_text.hpp"  // clock_text, which the lints and size checks use
#include "compiler/base/small_vector.hpp"
#include "compiler/check/checked.hpp"

namespace reps {

inline constexpr std::int64_t max_timeline_segments = 100'000;           // one workout, any week
inline constexpr std::int64_t max_timeline_seconds = 7 * 24 * 3600;      // one workout, any week
inline constexpr std::int64_t max_program_segments = 200'000;            // a program, all weeks

struct TimelineSize {
    std::int64_t segments = 0;
    std::int64_t seconds = 0;
};


// With `week` 1 or more, exactly what lowering builds that week (the session-length lint measures
// with it). With `week` 0, a bound over every week: each block at the week where it is largest;
// exact for a workout without progressions, or with them in one block only. For a workout without
// errors.
TimelineSize timeline_size(const checked::Workout& workout, int week = 0);

// How many weeks a workout alone can differ in: the most steps of any of its progressions (1 for a
// workout without one); from then on the last step holds (SPEC 4.1), so later weeks repeat it.
int progression_weeks(const checked::Workout& workout);

// What the size check and the lints need of a workout, measured while its blocks and entries are
// at hand (a streamed check drops them after each workout).
struct WorkoutMeasure {
    TimelineSize bound;                         // timeline_size(workout): every week
    SmallVector<std::int64_t, 1> week_seconds;  // timeline_size(workout, week).seconds, week 1 to progression_weeks
};
WorkoutMeasure measure_workout(const checked::Workout& workout);
// measure_workout of each of the program's workouts, in order.
std::vector<WorkoutMeasure> measure_workouts(const CheckedProgram& program);

// Reports E0005 for each workout (in any week) and program (all its weeks) over the bounds above,
// and E0409 for a program's session that would end after 9999-12-31 (check_program_end, which
// needs the same measures). `measures`: one per workout of the program, in order.
void check_timeline_sizes(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics);
void check_timeline_sizes(const CheckedProgram& program, Diagnostics& diagnostics);
// E0005 for one program (a streamed check sizes its programs as they stream).
void check_program_size(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics);

}  // namespace reps
