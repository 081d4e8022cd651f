// The player's state machine: plays session time into segments, applies keys, keeps the totals.
#include "runtime/player/player_state.hpp"

#include <algorithm>

namespace reps::player {

namespace {

constexpr Millis second = 1000;

bool is_work(const timeline::Segment& segment) {
    return segment.kind == timeline::SegmentKind::work;
}

}  // namespace

PlayerState::PlayerState(const timeline::Timeline& timeline, bool wait_for_reps)
    : timeline_(&timeline),
      status_(timeline.segments.size(), SegmentStatus::pending),
      wait_for_reps_(wait_for_reps) {
    durations_.reserve(timeline.segments.size());
    for (const timeline::Segment& segment : timeline.segments) {
        durations_.push_back(std::max<Millis>(0, segment.duration) * second);
    }
}

const timeline::Segment* PlayerState::current() const {
    if (finished_ || !started_) return nullptr;
    return &timeline_->segments[static_cast<std::size_t>(index_)];
}

const timeline::Segment* PlayerState::next() const {
    if (finished_ || static_cast<std::size_t>(index_) + 1 >= timeline_->segments.size()) return nullptr;
    return &timeline_->segments[static_cast<std::size_t>(index_) + 1];
}

Millis PlayerState::segment_duration() const {
    if (finished_ || !started_) return 0;
    return durations_[static_cast<std::size_t>(index_)];
}

Millis PlayerState::position() const {
    Millis before = 0;
    const auto end = std::min<std::size_t>(static_cast<std::size_t>(index_), durations_.size());
    for (std::size_t i = 0; i < end; ++i) before += durations_[i];
    return before + segment_elapsed();
}

Millis PlayerState::total() const {
    Millis sum = 0;
    for (Millis duration : durations_) sum += duration;
    return sum;
}

bool PlayerState::waits() const {
    const timeline::Segment* segment = current();
    return wait_for_reps_ && segment != nullptr && is_work(*segment) && segment->reps && !segment->as_many_as_possible;
}

Millis PlayerState::until_next_second() const {
    if (!started_ || finished_ || paused_) return -1;
    const Millis remaining = segment_remaining();
    // Past its estimate, a waiting set counts the seconds over it.
    if (remaining <= 0) return second - (-remaining) % second;
    const Millis fraction = remaining % second;
    return fraction == 0 ? std::min(second, remaining) : fraction;
}

Millis PlayerState::until_segment_end() const {
    if (!started_ || finished_ || paused_ || waits()) return -1;
    return segment_remaining();
}

Summary PlayerState::summary() const {
    Summary summary;
    summary.worked = worked_;
    summary.rested = rested_;
    summary.paused = paused_time_;
    // A set of each-side work is its left and right segments (a switch between them): it counts
    // once, and as done only when every side of it was played to its end.
    const auto& segments = timeline_->segments;
    std::size_t open_set = segments.size();  // the set's first side, or none
    bool open_set_done = false;
    for (std::size_t i = 0; i < status_.size(); ++i) {
        if (status_[i] == SegmentStatus::skipped) ++summary.skipped;
        if (!is_work(segments[i])) continue;
        const auto& segment = segments[i];
        const bool same_set = open_set < segments.size() && segment.side != timeline::Side::none &&
                              segments[open_set].block == segment.block && segments[open_set].exercise == segment.exercise &&
                              segments[open_set].set == segment.set && segments[open_set].side != segment.side;
        if (same_set) {
            if (open_set_done && status_[i] != SegmentStatus::done) --summary.sets_done;
            open_set_done = open_set_done && status_[i] == SegmentStatus::done;
            open_set = segments.size();
            continue;
        }
        ++summary.sets_total;
        open_set_done = status_[i] == SegmentStatus::done;
        if (open_set_done) ++summary.sets_done;
        open_set = segment.side == timeline::Side::none ? segments.size() : i;
    }
    summary.completed = finished_ && !quit_;
    return summary;
}

std::vector<Effect> PlayerState::start(Millis t) {
    if (started_) return {};
    started_ = true;
    now_ = t;
    return enter(0);
}

std::vector<Effect> PlayerState::tick(Millis t) {
    std::vector<Effect> effects;
    advance_to(t, effects);
    return effects;
}

std::vector<Effect> PlayerState::press(Key key, Millis t) {
    std::vector<Effect> effects;
    advance_to(t, effects);
    if (!started_ || finished_) return effects;
    const auto append = [&](std::vector<Effect> more) { effects.insert(effects.end(), more.begin(), more.end()); };
    const auto at = static_cast<std::size_t>(index_);
    switch (key) {
        case Key::toggle_pause: paused_ = !paused_; break;
        case Key::next:
            status_[at] = SegmentStatus::skipped;
            append(enter(index_ + 1));
            break;
        case Key::back:
            if (in_segment_ >= back_restart_threshold || index_ == 0) {
                append(enter(index_));
            } else {
                append(enter(index_ - 1));
            }
            break;
        case Key::more_rest:
            if (!is_work(*current())) durations_[at] += rest_step;
            break;
        case Key::less_rest:
            if (is_work(*current())) break;
            durations_[at] = std::max(in_segment_, durations_[at] - rest_step);
            if (durations_[at] == in_segment_) {
                status_[at] = SegmentStatus::done;
                append(enter(index_ + 1));
            }
            break;
        case Key::done:
            if (!is_work(*current())) break;
            status_[at] = SegmentStatus::done;
            append(enter(index_ + 1));
            break;
        case Key::toggle_wait: wait_for_reps_ = !wait_for_reps_; break;
        case Key::quit:
            effects.push_back(Effect{Effect::Kind::finished, -1, position(), 0});
            quit_ = true;
            finished_ = true;
            break;
    }
    return effects;
}

// Entering a segment resets it (a segment gone back to is played again); zero-length segments
// (a rest cut to nothing) are passed through at once.
std::vector<Effect> PlayerState::enter(int index) {
    std::vector<Effect> effects;
    while (true) {
        in_segment_ = 0;
        if (static_cast<std::size_t>(index) >= durations_.size()) {
            index_ = static_cast<int>(durations_.size());
            finished_ = true;
            effects.push_back(Effect{Effect::Kind::finished, -1, position(), 0});
            return effects;
        }
        index_ = index;
        status_[static_cast<std::size_t>(index)] = SegmentStatus::pending;
        effects.push_back(Effect{Effect::Kind::started, index, position(), 0});
        if (durations_[static_cast<std::size_t>(index)] > 0) return effects;
        status_[static_cast<std::size_t>(index)] = SegmentStatus::done;
        ++index;
    }
}

void PlayerState::credit(Millis played) {
    if (is_work(timeline_->segments[static_cast<std::size_t>(index_)])) {
        worked_ += played;
    } else {
        rested_ += played;
    }
}

void PlayerState::advance_to(Millis t, std::vector<Effect>& effects) {
    Millis delta = std::max<Millis>(0, t - now_);
    now_ = std::max(now_, t);
    if (!started_ || finished_) return;
    if (paused_) {
        paused_time_ += delta;
        return;
    }
    while (delta > 0 && !finished_) {
        const auto at = static_cast<std::size_t>(index_);
        const Millis remaining = durations_[at] - in_segment_;
        if (waits() && delta >= remaining) {
            // The set goes on past its estimate until the athlete says it is done.
            in_segment_ += delta;
            credit(delta);
            return;
        }
        if (delta < remaining) {
            in_segment_ += delta;
            credit(delta);
            const Millis left = remaining - delta;
            // One bell for the last of the 3-2-1 marks passed in this tick.
            for (int mark = 1; mark <= 3; ++mark) {
                if (left <= mark * second && mark * second < remaining) {
                    effects.push_back(Effect{Effect::Kind::countdown, index_, 0, mark});
                    break;
                }
            }
            return;
        }
        in_segment_ += remaining;
        credit(remaining);
        delta -= remaining;
        status_[at] = SegmentStatus::done;
        const auto entered = enter(index_ + 1);
        effects.insert(effects.end(), entered.begin(), entered.end());
    }
}

}  // namespace reps::player
