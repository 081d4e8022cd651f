// Coaching lints (SPEC 5.4): warnings from the domain notes, run on a checked program.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>
#include <string>

#include "compiler/check/checked.hpp"
#include "compiler/timing/timeline_size.hpp"

namespace reps {

struct LintOptions {
    std::int64_t session_min_seconds = 30 * 60;  // --session-range
    std::int64_t session_max_seconds = 60 * 60;
};

// "30min-60min", as the session-length warning names the range.
std::string session_range_text(const LintOptions& range);

// Adds W02xx warnings. Needs a program without errors (it measures each workout's length in every
// week it is used with timeline_size, exactly as lowering would come out). In two steps for a
// streamed check: WorkoutLints on each workout while its entries are at hand, then
// run_program_lints on the measures. `measures`: one per workout, in order (measure_workout).
void run_lints(const CheckedProgram& program, const LintOptions& options, Diagnostics& diagnostics);
void run_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, const LintOptions& options,
               Diagnostics& diagnostics);

// The parts a full-body focus must reach (lower body, push, pull, core: lints.cpp).
inline constexpr std::size_t full_body_part_count = 4;

// The lints of one workout, which read its blocks and entries: W0201 (no warm-up), W0207 (a phase
// out of place), W0105 (an entry its block never reaches) and W0202 (focus not reached).
class WorkoutLints {
public:
    explicit WorkoutLints(const Catalog& catalog);
    void run(const checked::Workout& workout, Diagnostics& diagnostics);

private:
    // The regions an exercise's primary muscles are in, flattened: exercise i's are
    // regions[begin[i]] up to regions[begin[i + 1]]. A workout's entries are looked up here rather
    // than through the catalog's Exercise and Muscle records, which lie far apart in memory (a
    // cache miss or three per entry, some 4% of the time of checking a big file).
    struct RegionsByExercise {
        std::vector<std::uint32_t> begin{0};
        std::vector<int> regions;
        void add(const Catalog& catalog, std::size_t exercise);
    };

    const Catalog& catalog_;
    // Exercises below stdlib_count_ are the stdlib's, shared by every file (built once); the
    // others are this catalog's own.
    const RegionsByExercise* stdlib_regions_ = nullptr;
    std::size_t stdlib_count_ = 0;
    RegionsByExercise own_regions_;
    std::vector<std::uint8_t> reached_;  // the regions the workout reaches (bytes, not bits: set for every entry), reused
    // The catalog index of each full-body part's regions (lints.cpp), -1 where the catalog has none.
    std::array<std::array<int, 2>, full_body_part_count> part_regions_{};
};

// The session-length lint of every workout (W0205) and the program lints (W0203, W0204, W0206).
void run_program_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, const LintOptions& options,
                       Diagnostics& diagnostics);
// The same for a streamed check, whose programs were partly linted as they streamed
// (lint_schedule): `weeks_used` holds, per workout, the weeks of the longest of those programs
// that schedules it (note_weeks_used), and program.programs are the others.
void run_program_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, std::vector<int> weeks_used,
                       const LintOptions& options, Diagnostics& diagnostics);
// Raises weeks_used[w] to the weeks of `plan` for each workout w it schedules; the session-length
// lint measures a workout over the weeks of the longest program that schedules it.
void note_weeks_used(const checked::Program& plan, std::vector<int>& weeks_used);
// W0203, W0204 and W0206 (sessions that overlap): the schedule of one program. `measures`: one per
// workout, in order (the sessions' lengths).
void lint_schedule(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics);

// True for a warning whose source line carries `# reps: allow CODE` (several codes: comma- or
// space-separated), for Diagnostics::set_allowed, which drops such a warning as it is reported.
// Holds a reference to `sources`.
std::function<bool(const Diagnostic&)> allow_comment_filter(const SourceManager& sources);

}  // namespace reps
