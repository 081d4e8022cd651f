// SPEC section 6, the timeline arithmetic, written once. A checked workout is walked block by
// block and the walk tells a listener what happens, in order: work, pauses (rest, switch,
// transition) and repetitions of both. Lowering listens and builds segments; the size count
// listens and adds up, multiplying repetitions instead of expanding them. Neither re-derives a
// rule of section 6: each rule is in timeline_walk.cpp, once.
#pragma once

#include <cstdint>
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

    // The transition between two adjacent blocks, before `next` begins. This default is a pause.
    virtual void between_blocks(const checked::Block& next, std::int64_t transition);

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
void walk_workout(const checked::Workout& workout, int week, TimelineListener& listener);
// Walks one block: block_begins, its work and pauses, block_ends.
void walk_block(const checked::Block& block, int week, TimelineListener& listener);

}  // namespace reps::timing
