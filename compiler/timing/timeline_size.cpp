// Counts the segments and seconds lowering will produce, from the same walk of SPEC 6 as lowering,
// without building them: a workout of 100 rounds of a 1000-entry superset is refused before it is
// lowered.
#include "compiler/timing/timeline_size.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "compiler/timing/timeline_walk.hpp"

namespace reps {
namespace {

// Far above every bound and far below overflow: totals stop growing here.
constexpr std::int64_t saturation = std::int64_t{1} << 50;

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(a + b, saturation); }
std::int64_t mul(std::int64_t count, std::int64_t each) {
    return count == 0 || each <= saturation / count ? count * each : saturation;
}

TimelineSize& operator+=(TimelineSize& total, const TimelineSize& more) {
    total.segments = add(total.segments, more.segments);
    total.seconds = add(total.seconds, more.seconds);
    return total;
}

TimelineSize times(std::int64_t count, const TimelineSize& each) { return {mul(count, each.segments), mul(count, each.seconds)}; }

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
                const std::function<void(std::int64_t)>& body) override {
        if (count <= 0) return;
        const TimelineSize before = std::exchange(total_, {});
        TimelineSize sum;
        for (std::int64_t turn = 1; turn <= std::min(count, period); ++turn) {
            total_ = {};
            body(turn);
            const std::int64_t runs = count / period + (turn - 1 < count % period ? 1 : 0);
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
        // A block changes with the week only through its entries' steps, and stays as it is after
        // its longest progression: its largest size is among its first `weeks` weeks.
        std::size_t weeks = 1;
        for (const checked::Entry& entry : block.entries) weeks = std::max(weeks, entry.steps.size());
        TimelineSize largest;
        for (std::size_t in_week = 1; in_week <= weeks; ++in_week) {
            SizeCounter one_week(false);
            timing::walk_block(block, static_cast<int>(in_week), one_week);
            largest.segments = std::max(largest.segments, one_week.total_.segments);
            largest.seconds = std::max(largest.seconds, one_week.total_.seconds);
        }
        total_ += largest;
    }

private:
    bool every_week_;
    TimelineSize total_;
};

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
    measure.bound = timeline_size(workout);
    const int weeks = progression_weeks(workout);
    // Without progressions every week is the bound (it is exact then): one walk, not two.
    if (weeks == 1) {
        measure.week_seconds.push_back(measure.bound.seconds);
        return measure;
    }
    for (int week = 1; week <= weeks; ++week) measure.week_seconds.push_back(timeline_size(workout, week).seconds);
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
    std::vector<TimelineSize> sizes;
    sizes.reserve(program.workouts.size());
    for (std::size_t i = 0; i < program.workouts.size(); ++i) {
        const auto& workout = program.workouts[i];
        const TimelineSize size = measures[i].bound;
        sizes.push_back(size);
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
        // Every occurrence of a session, week after week; a run is one segment.
        std::int64_t per_week = 0;
        for (const auto& session : plan.sessions) {
            const bool workout = session.workout >= 0 && static_cast<std::size_t>(session.workout) < sizes.size();
            per_week = add(per_week, workout ? sizes[static_cast<std::size_t>(session.workout)].segments : 1);
        }
        const std::int64_t segments = mul(plan.weeks, per_week);
        if (segments > max_program_segments) {
            diagnostics.report(Code::E0005, plan.span,
                              fmt::format("program '{}' lowers to {} segments over its {} weeks, more than the {} a program may hold",
                                          plan.name, segments, plan.weeks, max_program_segments),
                              "schedule fewer weeks or sessions, or shorter workouts");
        }
    }
}

}  // namespace reps
