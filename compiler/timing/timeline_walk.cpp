// SPEC section 6: the arithmetic of a set; the walk that uses it is in the header (a template).
#include "compiler/timing/timeline_walk.hpp"

#include <algorithm>

namespace reps::timing {

// "Rep time = rep of the exercise; with tempo a-b-c-d it is a+b+c+d (x = 1); hold h adds h."
std::int64_t rep_seconds(std::int64_t exercise_rep_seconds, const ast::Tempo* tempo, std::int64_t hold) {
    std::int64_t rep = exercise_rep_seconds;
    if (tempo) {
        rep = 0;
        for (std::int64_t phase : tempo->phases) rep += phase;
    }
    return rep + hold;
}

const checked::DoseStep& step_in_week(const checked::Entry& entry, int week) {
    static const checked::DoseStep no_dose{};
    if (entry.steps.empty()) return no_dose;
    return entry.steps[std::min<std::size_t>(static_cast<std::size_t>(std::max(week, 1)), entry.steps.size()) - 1];
}

// "A reps set lasts reps x rep time; a range uses its upper bound; 5+ uses 5. alt doubles the
// reps' time."
std::int64_t work_seconds(const checked::Entry& entry, const checked::DoseStep& step) {
    if (step.amount.kind == ast::Amount::Kind::duration) return step.amount.value;
    const std::int64_t reps = step.amount.upper;  // a range's upper bound; "5+" holds 5 here
    return reps * entry.rep_seconds * (entry.sides == checked::SideMode::alt ? 2 : 1);
}

// "each: work left, switch, work right - for every set."
std::int64_t set_seconds(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t switch_seconds) {
    const std::int64_t work = work_seconds(entry, step);
    return entry.sides == checked::SideMode::each ? 2 * work + switch_seconds : work;
}

void TimelineListener::repeat(std::int64_t count, std::int64_t, std::int64_t rest,
                              FunctionRef<void(std::int64_t)> body) {
    for (std::int64_t i = 1; i <= count; ++i) {
        if (i > 1) pause(Pause::rest, rest);
        body(i);
    }
}

void TimelineListener::block(const checked::Block& block, int week) { walk_block(block, week, *this); }

}  // namespace reps::timing
