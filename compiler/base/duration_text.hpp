// Durations as messages and sheets write them: "1h05:30" on a clock, "1h5min30s" as a coach writes.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace reps {

// "29:18", "1:07:46": a length, as diagnostics and hovers show a timeline's. Exact, so that a
// 29:18 session never reads as "30min, outside 30min-60min".
inline std::string clock_text(std::int64_t seconds) {
    if (seconds >= 3600) return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

// "30s", "5min", "1min30s", "1h30min": the largest units first, none of them empty (SPEC 1).
inline std::string short_duration(std::int64_t seconds) {
    std::string text;
    if (seconds >= 3600) text += fmt::format("{}h", seconds / 3600);
    if (seconds % 3600 >= 60) text += fmt::format("{}min", seconds % 3600 / 60);
    if (seconds % 60 != 0 || seconds == 0) text += fmt::format("{}s", seconds % 60);
    return text;
}

}  // namespace reps
