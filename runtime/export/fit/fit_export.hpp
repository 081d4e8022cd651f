// The Garmin FIT workout form of a timeline: `reps build --to fit -o session.fit`, a file a watch
// can follow step by step. Whatever FIT cannot carry comes back as warnings, never silently lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/timeline.hpp"

namespace reps {

struct FitOptions {
    // file_id.time_created, seconds since 1970 UTC. Unset: the SOURCE_DATE_EPOCH environment
    // variable if set, else 2026-01-01T00:00:00Z, so the same input always gives the same bytes.
    std::optional<std::int64_t> time_created_epoch;
};

struct FitResult {
    std::string bytes;                  // the whole .fit file
    std::vector<std::string> warnings;  // what was dropped or demoted to notes, one line each
    std::vector<timeline::Origin> warning_origins;  // one per warning: where it is written (line 0: nowhere)
};

// A FIT 2.0 workout file: file_id (type workout, manufacturer development, a serial number
// derived from the content so that different workouts never share a file id), workout (name,
// sport training / sub-sport strength_training, number of steps) and one workout_step per
// planned step (fit_steps.hpp). Throws std::invalid_argument for a SOURCE_DATE_EPOCH that is
// not a whole number.
FitResult to_fit(const timeline::Timeline& timeline, const FitOptions& options = {});

}  // namespace reps
