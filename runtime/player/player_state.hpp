// The player's state machine: where a session stands in its timeline, moved only by clock ticks
// and keys, with the clock passed in; no I/O and no clock of its own, so tests drive it by hand.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/timeline.hpp"

namespace reps::player {

// Milliseconds on the session clock (the timeline's clock: --speed scales wall time into it).
using Millis = std::int64_t;

// How much time `+` and `-` add to or take from the current rest.
inline constexpr Millis rest_step = 10'000;
// `b` restarts the current segment when it has run at least this long, else goes to the previous one
// (a music player's "previous track").
inline constexpr Millis back_restart_threshold = 3'000;

// `done` ends the current work as done (a reps set the player waits on); `toggle_wait` turns
// that waiting on and off.
enum class Key { toggle_pause, next, back, more_rest, less_rest, quit, done, toggle_wait };

// What the outside should announce after an event; the state machine only reports them.
struct Effect {
    enum class Kind { started, countdown, finished };
    Kind kind = Kind::started;
    int segment = -1;   // started: the segment entered
    Millis at = 0;      // started: its start on the (adjusted) timeline clock
    int seconds = 0;    // countdown: 3, 2 or 1 seconds before the segment ends
};

enum class SegmentStatus { pending, done, skipped };

struct Summary {
    Millis worked = 0;    // time played in work segments
    Millis rested = 0;    // time played in rest, switch and transition segments
    Millis paused = 0;
    int sets_done = 0;    // sets played to their end (each-side work: both sides)
    int sets_total = 0;   // sets in the timeline (an each-side set is one set, not two)
    int skipped = 0;      // segments left with `n` before their end (and not redone)
    bool completed = false;  // the end was reached (not quit)
};

class PlayerState {
public:
    // The state keeps a reference: `timeline` must outlive it.
    // With `wait_for_reps`, a set counted in reps does not end when its estimated time is up:
    // it runs on until Key::done (timed work and pauses keep ending on their own).
    explicit PlayerState(const timeline::Timeline& timeline, bool wait_for_reps = false);

    // Starts the session at time `t`: enters the first segment (or finishes an empty timeline).
    std::vector<Effect> start(Millis t);
    // Moves the clock to `t` (never backwards): plays time unless paused, entering the segments
    // whose turn comes, and reports 3-2-1 countdowns.
    std::vector<Effect> tick(Millis t);
    // A key pressed at time `t`; the clock is first moved to `t`.
    std::vector<Effect> press(Key key, Millis t);

    const timeline::Timeline& timeline() const { return *timeline_; }
    bool finished() const { return finished_; }
    bool quit() const { return quit_; }
    bool paused() const { return paused_; }
    bool wait_for_reps() const { return wait_for_reps_; }
    // The current segment is a reps set that waits for Key::done.
    bool waits() const;
    Millis now() const { return now_; }

    // The segment being played, or -1 once finished.
    int index() const { return finished_ ? -1 : index_; }
    const timeline::Segment* current() const;
    const timeline::Segment* next() const;  // the one after the current, if any
    // The current segment's length, after `+`/`-`, its time played and what is left of it.
    Millis segment_duration() const;
    Millis segment_elapsed() const { return finished_ ? 0 : in_segment_; }
    Millis segment_remaining() const { return segment_duration() - segment_elapsed(); }
    // Where the session stands on the adjusted timeline, and that timeline's total length.
    Millis position() const;
    Millis total() const;
    // Time played so far (worked + rested), pauses excluded.
    Millis played() const { return worked_ + rested_; }
    // The adjusted length of segment `i` (its timeline duration, changed by `+`/`-`).
    Millis duration_of(int i) const { return durations_.at(static_cast<std::size_t>(i)); }
    SegmentStatus status_of(int i) const { return status_.at(static_cast<std::size_t>(i)); }

    // How long until the whole seconds left in the current segment change (the next screen
    // update), or -1 when nothing changes by itself (paused or finished).
    Millis until_next_second() const;
    // How long until the current segment ends, or -1 (paused or finished).
    Millis until_segment_end() const;

    Summary summary() const;

private:
    std::vector<Effect> enter(int index);
    void advance_to(Millis t, std::vector<Effect>& effects);
    void credit(Millis played);

    const timeline::Timeline* timeline_;
    std::vector<Millis> durations_;
    std::vector<SegmentStatus> status_;
    int index_ = 0;
    Millis in_segment_ = 0;
    Millis now_ = 0;
    Millis worked_ = 0;
    Millis rested_ = 0;
    Millis paused_time_ = 0;
    bool started_ = false;
    bool paused_ = false;
    bool finished_ = false;
    bool quit_ = false;
    bool wait_for_reps_ = false;
};

}  // namespace reps::player
