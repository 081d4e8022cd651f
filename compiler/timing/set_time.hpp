// SPEC 6's arithmetic for one set of an entry: which progression step a week uses, and how long a
// set's work lasts. Lowering, the size bound and checking (emom's fit) all take it from here.
#pragma once

#include <cstdint>

#include "compiler/check/checked.hpp"

namespace reps {

// The progression step an entry is done at in `week` (1-based; before week 1 counts as week 1; the
// last step holds), or a set of nothing for an entry without a dose. Lowering and timeline_size
// both take it from here, so that their arithmetic cannot disagree.
const checked::DoseStep& step_in_week(const checked::Entry& entry, int week);

// Seconds one set of the entry takes at its first step (reps x rep time, or the duration),
// both sides and the switch included for `each`. For emom's fit check and lowering alike.
std::int64_t set_seconds(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t switch_seconds);
std::int64_t work_seconds(const checked::Entry& entry, const checked::DoseStep& step);

}  // namespace reps
