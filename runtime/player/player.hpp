// `reps play`: plays a timeline in the terminal (full screen, keys, bells, spoken cues) or as one
// line per segment change (--plain), then prints what was done.
#pragma once

#include <iosfwd>
#include <string>
#include <unistd.h>

#include "runtime/timeline.hpp"

namespace reps {

struct PlayOptions {
    double speed = 1.0;  // the clock runs this many times faster (demos, tests)
    // One line per segment change with the timeline clock, for logs and tests; chosen anyway
    // when `output_fd` is not a terminal.
    bool plain = false;
    bool say = false;          // spoken cues through espeak-ng, when it is installed
    bool wait = false;         // --wait: a reps set ends on a key press (Enter or d), not on its estimate
    std::string log_path;      // --log: append the summary as one JSON line
    bool color = true;         // colours on the full screen (the caller weighs --color and NO_COLOR)
    int input_fd = STDIN_FILENO;    // keys, when a terminal in the foreground
    int output_fd = STDOUT_FILENO;  // the full screen, when a terminal
};

// Plays `timeline`; --plain lines and the end summary go to `out`, notes and errors to `err`.
// Returns 0 when the workout ended or was quit with `q`, 2 for a bad --speed or a --log that
// could not be written, 128 + the signal for SIGINT, SIGTERM, SIGHUP or SIGQUIT (the summary is
// printed and logged first). The terminal is restored on every way out, exceptions included.
int play(const timeline::Timeline& timeline, const PlayOptions& options, std::ostream& out, std::ostream& err);

}  // namespace reps
