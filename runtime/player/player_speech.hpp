// Spoken cues for `reps play --say`: espeak-ng run directly (no shell) when it is on PATH.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace reps::player {

class Speaker {
public:
    // With `enabled`, looks for espeak-ng on PATH; when it is not there, says so on `err` once and
    // stays silent (never a failure: the workout plays on without speech).
    Speaker(bool enabled, std::ostream& err);
    ~Speaker();  // cuts off a cue still being spoken (after `q` or a signal), see let_finish()
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    bool active() const { return !program_.empty(); }
    // Speaks `text` in the background, cutting off a cue still being spoken so cues never queue
    // up behind the clock.
    void say(const std::string& text);
    // Lets the cue being spoken run to its end instead of being cut off when the Speaker goes.
    void let_finish() { child_ = -1; }

private:
    void stop_current();

    std::string program_;
    pid_t child_ = -1;
};

// The first executable `name` in the ':'-separated `path` list, or empty.
std::string find_on_path(std::string_view name, std::string_view path);

}  // namespace reps::player
