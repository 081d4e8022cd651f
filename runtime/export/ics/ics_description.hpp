// The DESCRIPTION of a workout's calendar event: a session summary a calendar shows in a few
// readable lines, not the column-aligned timeline (`--to text`), which calendars wrap and
// re-flow into noise.
#pragma once

#include <string>

#include "runtime/timeline.hpp"

namespace reps {

// "Runner Strength, week 6: 59:24" and the equipment, then per phase ("Main work (44:29)") one
// line per block: "- Goblet Squat: 3 x 12 @16kg, rest 1:00", "- Superset, 3 rounds: ...".
// No trailing newline. A timeline without blocks (a hand-built IR) gets its text timeline.
std::string session_description(const timeline::Timeline& timeline);

}  // namespace reps
