// SPEC section 6, bullet by bullet; the listeners (lower.cpp, timeline_size.cpp) only record.
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

void TimelineListener::between_blocks(const checked::Block&, std::int64_t transition) {
    pause(Pause::transition, transition);
}

void TimelineListener::block(const checked::Block& block, int week) { walk_block(block, week, *this); }

namespace {

void work_set(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t set, std::int64_t sets,
              const checked::Defaults& defaults, TimelineListener& listener) {
    Work work{Work::Kind::set, &entry, &step, work_seconds(entry, step), static_cast<int>(set), static_cast<int>(sets)};
    if (entry.sides == checked::SideMode::each) {
        work.side = Side::left;
        listener.work(work);
        listener.pause(Pause::switch_, defaults.switch_);
        work.side = Side::right;
    }
    listener.work(work);
}

using Kind = checked::Block::Kind;

}  // namespace

void walk_block(const checked::Block& block, int week, TimelineListener& listener) {
    const checked::Defaults& defaults = block.defaults;
    const auto entry_of_turn = [&](std::int64_t turn) -> const checked::Entry& {
        return block.entries[static_cast<std::size_t>(turn - 1) % block.entries.size()];
    };
    switch (block.kind) {
    case Kind::prescription: {
        // "Between sets of one prescription: rest."
        const checked::Entry& entry = block.entries.front();
        const checked::DoseStep& step = step_in_week(entry, week);
        const std::int64_t rest = entry.rest.value_or(defaults.rest);
        listener.block_begins(block, {step.sets, rest, 0});
        listener.repeat(step.sets, 1, rest, [&](std::int64_t set) { work_set(entry, step, set, step.sets, defaults, listener); });
        break;
    }
    case Kind::superset:
    case Kind::circuit: {
        // "Within a round, entries are separated by transition; rounds are separated by the
        // block's rest (else the default rest)."
        const std::int64_t rest = block.rest.value_or(defaults.rest);
        listener.block_begins(block, {block.rounds, rest, 0});
        listener.repeat(block.rounds, 1, rest, [&](std::int64_t round) {
            for (std::size_t i = 0; i < block.entries.size(); ++i) {
                if (i > 0) listener.pause(Pause::transition, defaults.transition);
                const checked::Entry& entry = block.entries[i];
                work_set(entry, step_in_week(entry, week), round, block.rounds, defaults, listener);
            }
        });
        break;
    }
    case Kind::intervals:
    case Kind::tabata: {
        // "N x (work, rest); the last rest is kept." Round i works the i-th entry, cycling.
        const std::int64_t rest = block.rest.value_or(0);
        listener.block_begins(block, {block.rounds, rest, block.work});
        const auto entries = static_cast<std::int64_t>(block.entries.size());
        listener.repeat(block.rounds, entries, 0, [&](std::int64_t round) {
            const checked::Entry& entry = entry_of_turn(round);
            listener.work({Work::Kind::interval, &entry, &step_in_week(entry, week), block.work, static_cast<int>(round),
                           static_cast<int>(block.rounds)});
            listener.pause(Pause::rest, rest);
        });
        break;
    }
    case Kind::emom: {
        // "D/60 minutes; minute i works the i-th entry (cycling): its estimated work, then rest to
        // the end of the minute." (Checking makes sure the work fits.)
        const std::int64_t minutes = block.work / 60;
        listener.block_begins(block, {minutes, 0, block.work});
        const auto entries = static_cast<std::int64_t>(block.entries.size());
        listener.repeat(minutes, entries, 0, [&](std::int64_t minute) {
            const checked::Entry& entry = entry_of_turn(minute);
            const checked::DoseStep& step = step_in_week(entry, week);
            work_set(entry, step, minute, minutes, defaults, listener);
            listener.pause(Pause::rest, std::max<std::int64_t>(0, 60 - set_seconds(entry, step, defaults.switch_)));
        });
        break;
    }
    case Kind::amrap: {
        // "amrap D: one work segment of D, its entries named in the cue."
        listener.block_begins(block, {0, 0, block.work});
        const checked::Entry& first = block.entries.front();
        listener.work({Work::Kind::amrap, &first, &step_in_week(first, week), block.work});
        break;
    }
    case Kind::rest:
        // "An explicit rest D is one rest segment of D."
        listener.block_begins(block, {0, 0, block.work});
        listener.pause(Pause::rest, block.work);
        break;
    case Kind::note:
        // "note adds no time."
        listener.block_begins(block, {});
        break;
    }
    listener.block_ends(block);
}

void walk_workout(const checked::Workout& workout, int week, TimelineListener& listener) {
    // "Between two adjacent blocks comes one transition; an explicit rest D between them takes its
    // place (no transition on either side of it). note adds no time. No transition before the
    // first or after the last block. Warmup and cooldown are transparent."
    bool previous_was_block = false;
    for (const checked::Block& block : workout.blocks) {
        const bool is_note = block.kind == Kind::note, is_rest = block.kind == Kind::rest;
        if (!is_note && !is_rest && previous_was_block) listener.between_blocks(block, block.defaults.transition);
        listener.block(block, week);
        if (!is_note) previous_was_block = !is_rest;
    }
}

}  // namespace reps::timing
