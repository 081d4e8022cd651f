// Counts the segments and seconds lowering will produce, from the same walk of SPEC 6 as lowering,
// without building them: a workout of 100 rounds of a 1000-entry superset is refused before it is
// lowered.
#include "compiler/timing/timeline_size.hpp"

#include <algorithm>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "compiler/timing/program_schedule.hpp"
#include "compiler/timing/timeline_walk.hpp"

namespace reps {
namespace {

// Far above every bound and far below overflow: totals stop growing here.
constexpr std::int64_t saturation = std::int64_t{1} << 50;

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(a + b, saturation); }
// Without a division: this runs for every repetition of every block sized.
std::int64_t mul(std::int64_t count, std::int64_t each) {
    std::int64_t product = 0;
    return __builtin_mul_overflow(count, each, &product) ? saturation : std::min(product, saturation);
}

TimelineSize& operator+=(TimelineSize& total, const TimelineSize& more) {
    total.segments = add(total.segments, more.segments);
    total.seconds = add(total.seconds, more.seconds);
    return total;
}

TimelineSize times(std::int64_t count, const TimelineSize& each) { return {mul(count, each.segments), mul(count, each.seconds)}; }

// The most segments and the most seconds of a block over its weeks.
TimelineSize largest(std::span<const TimelineSize> sizes) {
    TimelineSize most;
    for (const TimelineSize& size : sizes) {
        most.segments = std::max(most.segments, size.segments);
        most.seconds = std::max(most.seconds, size.seconds);
    }
    return most;
}

// Listens to the walk of SPEC 6 and adds up what lowering would build: a segment per work and per
// pause above 0s. A repetition is measured over one period and multiplied, so that 100 rounds of
// a 1000-entry superset cost 1000 steps, not 100000.
class SizeCounter final : public timing::TimelineListener {
public:
    // every_week: each block at the week of its progressions where it is largest.
    explicit SizeCounter(bool every_week) : every_week_(every_week) {}

    TimelineSize total() const { return total_; }

    void block_begins(const checked::Block&, const timing::BlockShape&) override {}
    void block_ends(const checked::Block&) override {}
    void work(const timing::Work& work) override { total_ += TimelineSize{1, work.seconds}; }
    void pause(timing::Pause, std::int64_t seconds) override {
        if (seconds > 0) total_ += TimelineSize{1, seconds};
    }

    void repeat(std::int64_t count, std::int64_t period, std::int64_t rest,
                FunctionRef<void(std::int64_t)> body) override {
        if (count <= 0) return;
        const TimelineSize before = std::exchange(total_, {});
        TimelineSize sum;
        for (std::int64_t turn = 1; turn <= std::min(count, period); ++turn) {
            total_ = {};
            body(turn);
            const std::int64_t runs = period == 1 ? count : count / period + (turn - 1 < count % period ? 1 : 0);
            sum += times(runs, total_);
        }
        if (rest > 0) sum += times(count - 1, TimelineSize{1, rest});
        total_ = before;
        total_ += sum;
    }

    void block(const checked::Block& block, int week) override {
        if (!every_week_) {
            timing::walk_block(block, week, *this);
            return;
        }
        total_ += largest(sizes_in_weeks(block));
    }

    // A block changes with the week only through its entries' steps, and stays as it is after
    // its longest progression: its sizes in its first `weeks` weeks are all it has.
    static SmallVector<TimelineSize, 1> sizes_in_weeks(const checked::Block& block) {
        std::size_t weeks = 1;
        for (const checked::Entry& entry : block.entries) weeks = std::max(weeks, entry.steps.size());
        SmallVector<TimelineSize, 1> sizes;
        sizes.reserve(weeks);
        for (std::size_t in_week = 1; in_week <= weeks; ++in_week) {
            SizeCounter one_week(false);
            timing::walk_block(block, static_cast<int>(in_week), one_week);
            sizes.push_back(one_week.total_);
        }
        return sizes;
    }

private:
    bool every_week_;
    TimelineSize total_;
};

// What a workout has between its blocks (the transitions), from the walk with its blocks left out.
TimelineSize between_blocks(const checked::Workout& workout) {
    class BetweenBlocks final : public timing::TimelineListener {
    public:
        TimelineSize total;
        void block_begins(const checked::Block&, const timing::BlockShape&) override {}
        void block_ends(const checked::Block&) override {}
        void work(const timing::Work& work) override { total += TimelineSize{1, work.seconds}; }
        void pause(timing::Pause, std::int64_t seconds) override {
            if (seconds > 0) total += TimelineSize{1, seconds};
        }
        void block(const checked::Block&, int) override {}
    } counter;
    timing::walk_workout(workout, 1, counter);
    return counter.total;
}

// "168h00min03s": exact, so a workout just over the bound does not read as "7 days, more than 7 days".
std::string duration_text(std::int64_t seconds) {
    return fmt::format("{}h{:02}min{:02}s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
}

}  // namespace

TimelineSize timeline_size(const checked::Workout& workout, int week) {
    SizeCounter counter(week <= 0);
    timing::walk_workout(workout, std::max(week, 1), counter);
    return counter.total();
}

int progression_weeks(const checked::Workout& workout) {
    std::size_t weeks = 1;
    for (const checked::Entry& entry : workout.entries) weeks = std::max(weeks, entry.steps.size());
    return static_cast<int>(weeks);
}

WorkoutMeasure measure_workout(const checked::Workout& workout) {
    WorkoutMeasure measure;
    const int weeks = progression_weeks(workout);
    // Without progressions every week is week 1, and week 1 is the bound: one plain walk.
    if (weeks == 1) {
        measure.bound = timeline_size(workout, 1);
        measure.week_seconds.push_back(measure.bound.seconds);
        return measure;
    }
    // Each block is walked once per week of its own progressions; what comes between blocks does
    // not change with the week, so one walk sizes it. That and the blocks without a progression
    // are added up once (same_every_week); each week (and the bound) adds the others' sizes to it.
    // (Totals saturate, and sizes are never negative: the order of the additions does not matter.)
    std::vector<SmallVector<TimelineSize, 1>> block_weeks;
    TimelineSize same_every_week = between_blocks(workout);
    for (const checked::Block& block : workout.blocks) {
        SmallVector<TimelineSize, 1> sizes = SizeCounter::sizes_in_weeks(block);
        if (sizes.size() == 1) same_every_week += sizes.front();
        else block_weeks.push_back(std::move(sizes));
    }
    measure.bound = same_every_week;
    for (const auto& sizes : block_weeks) measure.bound += largest(sizes);
    measure.week_seconds.reserve(static_cast<std::size_t>(weeks));
    for (int week = 1; week <= weeks; ++week) {
        TimelineSize total = same_every_week;
        for (const auto& sizes : block_weeks) total += sizes[std::min(static_cast<std::size_t>(week), sizes.size()) - 1];
        measure.week_seconds.push_back(total.seconds);
    }
    return measure;
}

std::vector<WorkoutMeasure> measure_workouts(const CheckedProgram& program) {
    std::vector<WorkoutMeasure> measures;
    measures.reserve(program.workouts.size());
    for (const auto& workout : program.workouts) measures.push_back(measure_workout(workout));
    return measures;
}

void check_timeline_sizes(const CheckedProgram& program, Diagnostics& diagnostics) {
    check_timeline_sizes(program, measure_workouts(program), diagnostics);
}

void check_timeline_sizes(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics) {
    for (std::size_t i = 0; i < program.workouts.size(); ++i) {
        const auto& workout = program.workouts[i];
        const TimelineSize size = measures[i].bound;
        if (size.segments > max_timeline_segments) {
            diagnostics.report(Code::E0005, workout.span,
                              fmt::format("workout '{}' lowers to {} segments, more than the {} a timeline may hold",
                                          workout.name, size.segments, max_timeline_segments),
                              "split it into several workouts, or use fewer sets, rounds or entries");
        } else if (size.seconds > max_timeline_seconds) {
            diagnostics.report(Code::E0005, workout.span,
                              fmt::format("workout '{}' lasts {}, more than the 7 days (168h) a timeline may last", workout.name,
                                          duration_text(size.seconds)),
                              "split it into several workouts, or shorten its rests and durations");
        }
    }
    for (const auto& plan : program.programs) {
        check_program_size(plan, measures, diagnostics);
        check_program_end(plan, measures, diagnostics);
    }
}

void check_program_size(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics) {
    // Every occurrence of a session, week after week; a run is one segment.
    std::int64_t per_week = 0;
    for (const auto& session : plan.sessions) {
        const bool workout = session.workout >= 0 && static_cast<std::size_t>(session.workout) < measures.size();
        per_week = add(per_week, workout ? measures[static_cast<std::size_t>(session.workout)].bound.segments : 1);
    }
    const std::int64_t segments = mul(plan.weeks, per_week);
    if (segments > max_program_segments) {
        diagnostics.report(Code::E0005, plan.span,
                          fmt::format("program '{}' lowers to {} segments over its {} weeks, more than the {} a program may hold",
                                      plan.name, segments, plan.weeks, max_program_segments),
                          "schedule fewer weeks or sessions, or shorter workouts");
    }
}

}  // namespace reps
