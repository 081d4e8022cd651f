// The printable timeline of a workout or a program: `reps build --to text`, and the
// description of calendar events. Plain text, no colour, lines under about 100 columns.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/timeline.hpp"

namespace reps {

// A header (title; workout, week, total; equipment), then one line per segment under
// WARM-UP / MAIN / COOL-DOWN headings. Ends with a newline.
std::string to_text(const timeline::Timeline& timeline);

// A header (title; program, start, weeks, time zone), then week by week one line per session.
std::string to_text(const timeline::Program& program);

// "0:36", "48:30", "1:05:00": m:ss under an hour, h:mm:ss from an hour on.
std::string format_clock(std::int64_t seconds);

}  // namespace reps
