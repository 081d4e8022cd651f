// The DESCRIPTION of a workout's calendar event (SPEC 7: it holds the printable timeline of that
// week's session): first a session summary a calendar shows in a few readable lines, then the
// printable timeline (`--to text`) itself.
#pragma once

#include <string>

#include "runtime/timeline.hpp"

namespace reps {

// "Runner Strength, week 6: 59:24" and the equipment, then per phase ("Main work (44:29)") one
// line per block: "- Goblet Squat: 3 x 12 @16kg, rest 1:00", "- Superset, 3 rounds: ..."; then a
// blank line and the text timeline. No trailing newline. A timeline without blocks (a hand-built
// IR) gets its text timeline alone.
std::string session_description(const timeline::Timeline& timeline);

}  // namespace reps
