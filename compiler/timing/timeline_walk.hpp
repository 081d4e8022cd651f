// SPEC section 6, the timeline arithmetic, written once. A checked workout is walked block by
// block and the walk tells a listener what happens, in order: work, pauses (rest, switch,
// transition) and repetitions of both. Lowering listens and builds segments; the size count
// listens and adds up, multiplying repetitions instead of expanding them. Neither re-derives a
// rule of section 6: each rule is in timeline_walk.cpp, once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <optional>

#include "compiler/base/function_ref.hpp"
#include "compiler/check/checked.hpp"

namespace reps::timing {

// Rep time (SPEC 6): the exercise's `rep`, or with a tempo the sum of its phases ('x' counts 1),
// plus `hold`.
std::int64_t rep_seconds(std::int64_t exercise_rep_seconds, const ast::Tempo* tempo, std::int64_t hold);

// The progression step an entry is done at in `week` (1-based; the last step holds), or a set of
// nothing for an entry without a dose.
const checked::DoseStep& step_in_week(const checked::Entry& entry, int week);

// Whether a block's entries take turns, one entry a round or minute, cycling (SPEC 6): intervals,
// a tabata or an emom. A superset or circuit does every entry each round; an amrap names them all.
inline bool entries_take_turns(const checked::Block& block) {
    using Kind = checked::Block::Kind;
    return block.kind == Kind::intervals || block.kind == Kind::tabata || block.kind == Kind::emom;
}
// The turns of such a block: its rounds, or an emom's D/60 minutes. Its first turn_count entries
// are done; entries after them never are (W0105).
inline std::int64_t turn_count(const checked::Block& block) {
    return block.kind == checked::Block::Kind::emom ? block.work / 60 : block.rounds;
}

// One side's work in a set: the duration, or reps x rep time (a range at its upper bound, "5+" as
// 5; `alt` doubles it).
std::int64_t work_seconds(const checked::Entry& entry, const checked::DoseStep& step);
// A whole set: for `each`, left, switch, right.
std::int64_t set_seconds(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t switch_seconds);

enum class Pause { rest, switch_, transition };
enum class Side { none, left, right };

// One work segment.
struct Work {
    enum class Kind {
        set,       // a set (or one side of it) of an entry's dose
        interval,  // an intervals/tabata round: as many as possible for the interval
        amrap,     // the whole amrap: as many rounds as possible of every entry
    };
    Kind kind = Kind::set;
    const checked::Entry* entry = nullptr;
    const checked::DoseStep* step = nullptr;  // the entry's dose in the week walked
    std::int64_t seconds = 0;
    int set = 1, sets = 1;  // set, round or minute `set` of `sets`
    Side side = Side::none;
};

// A block's shape in the week walked, as a printed sheet shows it.
struct BlockShape {
    std::int64_t sets = 0;  // sets, rounds or minutes
    std::int64_t rest = 0;  // between sets or rounds; after each interval
    std::int64_t work = 0;  // an interval's, emom's, amrap's or explicit rest's duration
};

class TimelineListener {
public:
    virtual ~TimelineListener() = default;

    virtual void block_begins(const checked::Block& block, const BlockShape& shape) = 0;
    virtual void block_ends(const checked::Block& block) = 0;
    virtual void work(const Work& work) = 0;
    // A pause of 0s (a transition set to 0s) still comes; it makes no segment.
    virtual void pause(Pause kind, std::int64_t seconds) = 0;

    // The transition between two adjacent blocks, before `next` begins. This default is a pause
    // (inline, so that a final listener's walk makes it without a call).
    virtual void between_blocks(const checked::Block& /*next*/, std::int64_t transition) { pause(Pause::transition, transition); }

    // `count` runs of body(1) ... body(count), `rest` seconds apart. What body(i) emits depends on
    // i only through (i - 1) % period (and the set number it reports), so a listener that only
    // measures may run one period and multiply. This default runs every one.
    virtual void repeat(std::int64_t count, std::int64_t period, std::int64_t rest,
                        FunctionRef<void(std::int64_t)> body);

    // Walks one block in `week`. A listener that needs a block at other weeks too (the size bound
    // over every week) overrides it and calls walk_block as it needs.
    virtual void block(const checked::Block& block, int week);
};

// Walks a workout (without errors) in `week` (1-based).
template <typename Listener>
void walk_workout(const checked::Workout& workout, int week, Listener& listener);
// Walks one block: block_begins, its work and pauses, block_ends.
template <typename Listener>
void walk_block(const checked::Block& block, int week, Listener& listener);

// ---- The walk, SPEC 6 bullet by bullet; the listeners only record ----
// Templates over the listener's type, for speed only: a listener declared `final` (the size
// count, lowering) has its calls made directly, where through TimelineListener& each was a
// virtual call; with a TimelineListener& they are virtual as before.


namespace walk_detail {

template <typename Listener>
void work_set(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t set, std::int64_t sets,
              const checked::Defaults& defaults, Listener& listener) {
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

}  // namespace walk_detail

template <typename Listener>
void walk_block(const checked::Block& block, int week, Listener& listener) {
    using walk_detail::Kind;
    using walk_detail::work_set;
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
        const std::int64_t rounds = turn_count(block);
        listener.block_begins(block, {rounds, rest, block.work});
        const auto entries = static_cast<std::int64_t>(block.entries.size());
        listener.repeat(rounds, entries, 0, [&](std::int64_t round) {
            const checked::Entry& entry = entry_of_turn(round);
            listener.work({Work::Kind::interval, &entry, &step_in_week(entry, week), block.work, static_cast<int>(round),
                           static_cast<int>(rounds)});
            listener.pause(Pause::rest, rest);
        });
        break;
    }
    case Kind::emom: {
        // "D/60 minutes; minute i works the i-th entry (cycling): its estimated work, then rest to
        // the end of the minute." (Checking makes sure the work fits.)
        const std::int64_t minutes = turn_count(block);
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

template <typename Listener>
void walk_workout(const checked::Workout& workout, int week, Listener& listener) {
    using walk_detail::Kind;
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
