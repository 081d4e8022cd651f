// The player's words: how a segment, a clock and the end summary read, shared by the screen,
// the --plain lines, the spoken cues and the log so that they all say the same thing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/player/player_state.hpp"
#include "runtime/timeline.hpp"

namespace reps::player {

// "0:36", "12:05", "1:02:03" from whole seconds.
std::string clock_text(std::int64_t seconds);
// "00:05:30": the fixed-width clock of --plain lines.
std::string plain_clock(std::int64_t seconds);
// Whole seconds for display: a countdown shows 0:36 until a full second has gone.
std::int64_t seconds_up(Millis millis);
std::int64_t seconds_down(Millis millis);

// "Rest", "Switch sides", "Transition", or the exercise's title for work.
std::string segment_title(const timeline::Segment& segment);
// "12 reps", "8-12 reps", "30s", "max reps"; empty for pauses or when nothing is known.
std::string amount_phrase(const timeline::Segment& segment);
// "12 reps @16kg": the amount and the load.
std::string dose_phrase(const timeline::Segment& segment);
// "set 1/3": empty for single-set work, where it says nothing.
std::string set_phrase(const timeline::Segment& segment);

// "alternating sides" for a set of an `alt` entry (SPEC 4.1: the sides alternate within the
// set), from the segment's block entry; empty otherwise (each-side work has a segment per side).
std::string sides_phrase(const timeline::Timeline& timeline, const timeline::Segment& segment);
// "hold 2s", "tempo 3-1-1-0", or both joined by `separator`: how each rep is done, from the
// segment's block entry; empty when neither is set.
std::string form_phrase(const timeline::Timeline& timeline, const timeline::Segment& segment,
                        std::string_view separator);
// The notes (`note "..."`) written where segment `index` starts, as the printed timeline places
// them: their place comes when that segment starts. index == the segment count: the notes after
// the last segment, shown when the workout ends.
std::vector<std::string> notes_at(const timeline::Timeline& timeline, int index);

// The --plain output on entering segment `index` (no final newline): a "note" line per note
// whose place has come, then e.g. "[00:05:30] work  Goblet Squat  set 1/3  left  12 reps @16kg  hold 2s".
std::string plain_line(const timeline::Timeline& timeline, int index, std::int64_t at_seconds);
// The spoken cue on entering `segment`, e.g. "Set 2 of 3, left side, 10 reps, Goblet Squat.";
// pauses name the next work when there is one.
std::string spoken_cue(const timeline::Timeline& timeline, const timeline::Segment& segment, const timeline::Segment* next_work);

// The end-of-session summary, several lines with a trailing newline.
std::string summary_text(const timeline::Timeline& timeline, const Summary& summary);

}  // namespace reps::player
