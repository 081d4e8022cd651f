// Counts the segments and seconds lowering will produce, with the arithmetic of lower.cpp, without
// building them: a workout of 100 rounds of a 1000-entry superset is refused before it is lowered.
#include "compiler/timing/timeline_size.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/timing/set_time.hpp"

namespace reps {
namespace {

// Far above every bound and far below overflow: totals stop growing here.
constexpr std::int64_t saturation = std::int64_t{1} << 50;

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(a + b, saturation); }
std::int64_t mul(std::int64_t count, std::int64_t each) {
    return count == 0 || each <= saturation / count ? count * each : saturation;
}

std::int64_t positive(std::int64_t seconds) { return seconds > 0 ? 1 : 0; }

// Segments of one set: work, or for `each` left, switch (when above 0s) and right.
std::int64_t set_segments(const checked::Entry& entry, const checked::Defaults& defaults) {
    return entry.sides == checked::SideMode::each ? 2 + positive(defaults.switch_) : 1;
}

// The shortest and the longest set over the progression steps, or of the one step of `week` when
// it is above 0 (a missing dose lowers as one set of nothing).
std::pair<std::int64_t, std::int64_t> set_range(const checked::Entry& entry, const checked::Defaults& defaults, int week) {
    if (!entry.steps.empty() && week > 0) {
        const std::int64_t seconds = set_seconds(entry, step_in_week(entry, week), defaults.switch_);
        return {seconds, seconds};
    }
    if (entry.steps.empty()) {
        const std::int64_t seconds = set_seconds(entry, checked::DoseStep{}, defaults.switch_);
        return {seconds, seconds};
    }
    std::pair<std::int64_t, std::int64_t> range{saturation, 0};
    for (const auto& step : entry.steps) {
        const std::int64_t seconds = set_seconds(entry, step, defaults.switch_);
        range = {std::min(range.first, seconds), std::max(range.second, seconds)};
    }
    return range;
}

TimelineSize prescription_size(const checked::Entry& entry, const checked::Defaults& defaults, int week) {
    const std::int64_t rest = entry.rest.value_or(defaults.rest);
    TimelineSize largest;
    auto consider = [&](const checked::DoseStep& step) {
        const std::int64_t sets = step.sets;
        largest.segments = std::max(largest.segments, add(mul(sets, set_segments(entry, defaults)), mul(sets - 1, positive(rest))));
        largest.seconds = std::max(largest.seconds, add(mul(sets, set_seconds(entry, step, defaults.switch_)), mul(sets - 1, rest)));
    };
    if (entry.steps.empty()) consider(checked::DoseStep{});
    else if (week > 0) consider(step_in_week(entry, week));
    else for (const auto& step : entry.steps) consider(step);
    return largest;
}

TimelineSize block_size(const checked::Block& block, int week) {
    const auto& defaults = block.defaults;
    TimelineSize size;
    for (const auto& entry : block.entries) {
        if (entry.exercise < 0) return size;  // reported already; nothing will be lowered
    }
    switch (block.kind) {
    case checked::Block::Kind::prescription:
        if (!block.entries.empty()) size = prescription_size(block.entries.front(), defaults, week);
        break;
    case checked::Block::Kind::superset:
    case checked::Block::Kind::circuit: {
        TimelineSize round;
        for (std::size_t i = 0; i < block.entries.size(); ++i) {
            const auto& entry = block.entries[i];
            round.segments = add(round.segments, set_segments(entry, defaults) + (i > 0 ? positive(defaults.transition) : 0));
            round.seconds = add(round.seconds, set_range(entry, defaults, week).second + (i > 0 ? defaults.transition : 0));
        }
        const std::int64_t rest = block.rest.value_or(defaults.rest);
        size.segments = add(mul(block.rounds, round.segments), mul(block.rounds - 1, positive(rest)));
        size.seconds = add(mul(block.rounds, round.seconds), mul(block.rounds - 1, rest));
        break;
    }
    case checked::Block::Kind::intervals:
    case checked::Block::Kind::tabata: {
        const std::int64_t rest = block.rest.value_or(0);
        size.segments = mul(block.rounds, 1 + positive(rest));
        size.seconds = mul(block.rounds, block.work + rest);
        break;
    }
    case checked::Block::Kind::emom: {
        // Minute i works entry i (cycling): its set, then rest to the end of the minute when the set is shorter.
        const auto entries = static_cast<std::int64_t>(block.entries.size());
        const std::int64_t minutes = block.work / 60;
        for (std::int64_t i = 0; i < entries; ++i) {
            const auto& entry = block.entries[static_cast<std::size_t>(i)];
            const std::int64_t turns = minutes / entries + (i < minutes % entries ? 1 : 0);
            const auto [shortest, longest] = set_range(entry, defaults, week);
            size.segments = add(size.segments, mul(turns, set_segments(entry, defaults) + (shortest < 60 ? 1 : 0)));
            size.seconds = add(size.seconds, mul(turns, std::max<std::int64_t>(60, longest)));
        }
        break;
    }
    case checked::Block::Kind::amrap:
    case checked::Block::Kind::rest:
        size.segments = 1;
        size.seconds = block.work;
        break;
    case checked::Block::Kind::note:
        break;
    }
    return size;
}

// "168h00min03s": exact, so a workout just over the bound does not read as "7 days, more than 7 days".
std::string duration_text(std::int64_t seconds) {
    return fmt::format("{}h{:02}min{:02}s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
}

}  // namespace

TimelineSize timeline_size(const checked::Workout& workout, int week) {
    TimelineSize total;
    bool previous_was_block = false;
    for (const auto& block : workout.blocks) {
        if (block.kind == checked::Block::Kind::note) continue;
        // Between two blocks a transition; an explicit rest takes its place.
        const bool is_rest = block.kind == checked::Block::Kind::rest;
        if (!is_rest && previous_was_block) {
            total.segments = add(total.segments, positive(block.defaults.transition));
            total.seconds = add(total.seconds, block.defaults.transition);
        }
        const TimelineSize size = block_size(block, week);
        total.segments = add(total.segments, size.segments);
        total.seconds = add(total.seconds, size.seconds);
        previous_was_block = !is_rest;
    }
    return total;
}

void check_timeline_sizes(CheckedProgram& program, int week, Diagnostics& diagnostics) {
    std::vector<TimelineSize> sizes;
    sizes.reserve(program.workouts.size());
    for (auto& workout : program.workouts) {
        const TimelineSize size = timeline_size(workout);
        sizes.push_back(size);
        // The bound is exact without progressions (the unit tests compare it with lowering every
        // week); with them, the week's own length, worked out while the entries are in the cache.
        const bool progresses = std::any_of(workout.entries.begin(), workout.entries.end(),
                                            [](const checked::Entry& entry) { return entry.steps.size() > 1; });
        workout.week_seconds = progresses ? timeline_size(workout, std::max(week, 1)).seconds : size.seconds;
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
