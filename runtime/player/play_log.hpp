// `reps play --log FILE`: one JSON line per session played, appended so that a crash or a full
// disk never leaves half a line behind.
#pragma once

#include <string>

#include "runtime/player/player_state.hpp"
#include "runtime/timeline.hpp"

namespace reps::player {

// The log line, without its newline: {"format":"reps-play/1","workout":...,"title":...,"week":...,
// "started":"2026-12-01T17:30:00Z","completed":true,"planned_seconds":...,"worked_seconds":...,
// "rested_seconds":...,"paused_seconds":...,"sets_done":...,"sets_total":...,"skipped_segments":...,
// "speed":1.0}. Seconds are session (timeline) seconds.
std::string play_log_line(const timeline::Timeline& timeline, const Summary& summary, const std::string& started,
                          double speed);

// Appends `line` and a newline to `path` (created 0644 if missing) in one write() on an O_APPEND
// descriptor. A last line left without its newline by someone else gets one first. On failure
// returns false and sets `error`, e.g. "cannot write 'x.log': Permission denied".
bool append_play_log(const std::string& path, const std::string& line, std::string& error);

}  // namespace reps::player
