// Lowering: checked workouts become timelines with exactly the arithmetic of SPEC section 6.
#include "compiler/lower/lower.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "compiler/base/duration_text.hpp"
#include "compiler/timing/timeline_walk.hpp"
#include "runtime/calendar/time_zone.hpp"

namespace reps {
namespace {

using timeline::Phase;
using timeline::SegmentKind;
using timeline::Side;


std::string amount_text(const checked::Amount& amount) {
    switch (amount.kind) {
    case ast::Amount::Kind::reps: return std::to_string(amount.value);
    case ast::Amount::Kind::range: return fmt::format("{}-{}", amount.value, amount.upper);
    case ast::Amount::Kind::at_least: return fmt::format("{}+", amount.value);
    case ast::Amount::Kind::duration: return short_duration(amount.value);
    }
    return {};
}

timeline::Load to_load(const ast::Load& load) {
    timeline::Load out;
    out.text = load.text;
    out.value = load.value;
    out.unit = load.unit;
    out.implements = load.kind == ast::Load::Kind::pair ? 2 : 1;
    switch (load.kind) {
    case ast::Load::Kind::mass: out.kind = timeline::Load::Kind::mass; break;
    case ast::Load::Kind::pair: out.kind = timeline::Load::Kind::pair; break;
    case ast::Load::Kind::bodyweight: out.kind = timeline::Load::Kind::bodyweight; break;
    case ast::Load::Kind::bodyweight_plus: out.kind = timeline::Load::Kind::bodyweight_plus; break;
    case ast::Load::Kind::percent_1rm: out.kind = timeline::Load::Kind::percent_1rm; break;
    case ast::Load::Kind::rpe: out.kind = timeline::Load::Kind::rpe; break;
    case ast::Load::Kind::rir: out.kind = timeline::Load::Kind::rir; break;
    }
    return out;
}

// Builds a workout's timeline for one week: it listens to the walk of SPEC 6 (timeline_walk.hpp)
// and turns each piece of work and each pause into a segment, each block into a row.
class Lowerer final : public timing::TimelineListener {
public:
    Lowerer(const CheckedProgram& program, const SourceManager& sources, int week)
        : catalog_(program.catalog), sources_(sources), week_(std::max(week, 1)) {
        if (program.profile >= 0) {
            const auto& profile = program.catalog.profiles[program.profile];
            profile_ = profile.title.empty() ? profile.name : profile.title;
        }
    }

    timeline::Timeline lower(const checked::Workout& workout) {
        out_.workout = workout.name;
        out_.title = workout.title;
        if (workout.file) out_.source_file = *workout.file;
        out_.week = week_;
        out_.profile = profile_;
        timing::walk_workout(workout, week_, static_cast<timing::TimelineListener&>(*this));  // its listener calls are private
        out_.total_seconds = clock_;
        finish_equipment_and_muscles();
        return std::move(out_);
    }

private:
    static Phase phase_of(const checked::Block& block) {
        if (!block.in_phase) return Phase::main;
        return block.phase_kind == ast::PhaseKind::warmup ? Phase::warmup : Phase::cooldown;
    }

    // A transition is in the phase of the block it leads to.
    void between_blocks(const checked::Block& next, std::int64_t transition) override {
        phase_ = phase_of(next);
        pause(timing::Pause::transition, transition);
    }

    void block_begins(const checked::Block& block, const timing::BlockShape& shape) override {
        phase_ = phase_of(block);
        timeline::Block row;
        row.kind = static_cast<timeline::Block::Kind>(static_cast<int>(block.kind));
        row.phase = phase_;
        row.start = clock_;
        row.first_segment = static_cast<int>(out_.segments.size());
        row.origin = origin(block.span);
        row.sets = static_cast<int>(shape.sets);
        row.rest = shape.rest;
        row.work = shape.work;
        if (block.kind == checked::Block::Kind::note) row.text = block.text;
        for (const auto& entry : block.entries) row.entries.push_back(block_entry(entry));
        out_.blocks.push_back(std::move(row));
        block_open_ = static_cast<int>(out_.blocks.size()) - 1;
        block_ = &block;
    }

    void block_ends(const checked::Block&) override {
        auto& row = out_.blocks[static_cast<std::size_t>(block_open_)];
        row.segment_count = static_cast<int>(out_.segments.size()) - row.first_segment;
        row.duration = clock_ - row.start;
        block_open_ = -1;
        block_ = nullptr;
    }

    void pause(timing::Pause kind, std::int64_t seconds) override {
        if (seconds <= 0) return;  // a transition of 0s makes no segment
        add(kind == timing::Pause::rest      ? SegmentKind::rest
            : kind == timing::Pause::switch_ ? SegmentKind::switch_
                                             : SegmentKind::transition,
            seconds);
    }

    void work(const timing::Work& work) override {
        const checked::Entry& entry = *work.entry;
        const checked::DoseStep& step = *work.step;
        const Side side = work.side == timing::Side::left ? Side::left : work.side == timing::Side::right ? Side::right : Side::none;
        auto& segment = add_work(entry, work.set, work.sets, side, work.seconds);
        switch (work.kind) {
        case timing::Work::Kind::set:
            segment.amount_text = amount_text(step.amount);
            if (step.amount.kind == ast::Amount::Kind::duration) segment.seconds = step.amount.value;
            else segment.reps = static_cast<int>(step.amount.upper);
            break;
        case timing::Work::Kind::interval:
            segment.seconds = work.seconds;
            // A timed exercise (a plank) holds for the interval; a reps exercise does as many as it can.
            segment.amount_text = catalog_.exercises[entry.exercise].measure == ast::Measure::time ? short_duration(work.seconds) : "max";
            segment.as_many_as_possible = true;
            break;
        case timing::Work::Kind::amrap: {
            std::vector<std::string> parts;
            for (const auto& each : block_->entries) {
                const auto& exercise = catalog_.exercises[each.exercise];
                std::string part = fmt::format("{} {}", amount_text(step_of(each).amount), exercise.title);
                if (each.sides == checked::SideMode::each) part += " each side";
                if (each.sides == checked::SideMode::alt) part += " alternating sides";
                if (each.load) part.append(" @").append(each.load->text);
                if (each.cue) part += fmt::format(" ({})", *each.cue);
                parts.push_back(std::move(part));
            }
            // Every entry's equipment and muscles count, not just the first's.
            for (std::size_t i = 1; i < block_->entries.size(); ++i) used_.push_back(&block_->entries[i]);
            segment.title = "AMRAP";
            segment.seconds = work.seconds;
            segment.amount_text = short_duration(work.seconds);
            segment.as_many_as_possible = true;
            segment.load.reset();
            segment.cue = fmt::format("As many rounds as possible: {}", fmt::join(parts, ", "));
            break;
        }
        }
    }

    const checked::DoseStep& step_of(const checked::Entry& entry) const { return timing::step_in_week(entry, week_); }

    timeline::Segment& add_work(const checked::Entry& entry, int set, int sets, Side side, std::int64_t seconds) {
        const auto& exercise = catalog_.exercises[entry.exercise];
        auto& segment = add(SegmentKind::work, seconds);
        segment.exercise = exercise.name;
        segment.title = exercise.title;
        segment.set = set;
        segment.sets = sets;
        segment.side = side;
        if (entry.load) segment.load = to_load(*entry.load);
        if (entry.cue) segment.cue = std::string(*entry.cue);
        segment.fit_category = exercise.fit_category;
        segment.fit_name = exercise.fit_name;
        segment.origin = origin(entry.span);
        used_.push_back(&entry);
        return segment;
    }

    timeline::Segment& add(SegmentKind kind, std::int64_t seconds) {
        timeline::Segment segment;
        segment.start = clock_;
        segment.duration = seconds;
        segment.kind = kind;
        segment.phase = phase_;
        // A transition between blocks belongs to neither.
        segment.block = block_open_;
        clock_ += seconds;
        out_.segments.push_back(std::move(segment));
        return out_.segments.back();
    }

    timeline::BlockEntry block_entry(const checked::Entry& entry) const {
        const auto& exercise = catalog_.exercises[entry.exercise];
        timeline::BlockEntry row;
        row.exercise = exercise.name;
        row.title = exercise.title;
        if (!entry.steps.empty()) row.amount_text = amount_text(step_of(entry).amount);
        row.sides = entry.sides == checked::SideMode::each ? "each" : entry.sides == checked::SideMode::alt ? "alt" : "";
        if (entry.load) row.load = to_load(*entry.load);
        if (entry.tempo) row.tempo = std::string(*entry.tempo);
        row.hold = entry.hold;
        if (entry.cue) row.cue = std::string(*entry.cue);
        row.fit_category = exercise.fit_category;
        row.fit_name = exercise.fit_name;
        for (int e : entry.equipment) row.equipment.push_back(catalog_.equipment[e].name);
        for (std::size_t i = 0; i < entry.options.size(); ++i) {
            if (entry.options[i] == entry.exercise) continue;
            const auto& alternative = catalog_.exercises[entry.options[i]];
            timeline::Alternative shown{alternative.name, alternative.title, std::nullopt, std::nullopt};
            // Only what differs from the chosen exercise's: an inherited load or cue is not repeated.
            if (i < entry.option_looks.size()) {
                const auto& look = entry.option_looks[i];
                if (look.load && (!entry.load || entry.load->text != look.load->text)) shown.load = to_load(*look.load);
                if (look.cue && (!entry.cue || *entry.cue != *look.cue)) shown.cue = std::string(*look.cue);
            }
            row.alternatives.push_back(std::move(shown));
        }
        return row;
    }

    timeline::Origin origin(const SourceSpan& span) const {
        if (!span.has_position()) return {};
        return timeline::Origin{sources_.file(span.file).path, sources_.position(span).line, sources_.character_column(span)};
    }

    void finish_equipment_and_muscles() {
        std::map<std::string, std::string> equipment;  // name -> title, sorted by name
        std::map<std::pair<std::string, std::string>, timeline::MuscleUse> muscles;
        auto use = [&](int muscle, bool primary) {
            const auto& m = catalog_.muscles[muscle];
            const std::string region = m.region >= 0 ? catalog_.regions[m.region].name : std::string();
            auto& slot = muscles[{region, m.name}];
            slot.muscle = m.name;
            slot.muscle_title = m.title;
            slot.region = region;
            slot.region_title = m.region >= 0 ? catalog_.regions[m.region].title : std::string();
            slot.primary = slot.primary || primary;
        };
        for (const auto* entry : used_) {
            for (int e : entry->equipment) equipment.emplace(catalog_.equipment[e].name, catalog_.equipment[e].title);
            const auto& exercise = catalog_.exercises[entry->exercise];
            for (int m : exercise.primary) use(m, true);
            for (int m : exercise.secondary) use(m, false);
        }
        for (const auto& [name, title] : equipment) {
            out_.equipment.push_back(name);
            out_.equipment_titles.push_back(title);
        }
        for (auto& [key, muscle] : muscles) out_.muscles.push_back(std::move(muscle));
    }

    const Catalog& catalog_;
    const SourceManager& sources_;
    int week_;
    std::string profile_;  // the chosen profile's title, for the sheet
    timeline::Timeline out_;
    std::int64_t clock_ = 0;
    Phase phase_ = Phase::main;
    int block_open_ = -1;
    std::vector<const checked::Entry*> used_;
    const checked::Block* block_ = nullptr;  // the block being walked
};

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

// The program's zone; none when the tz database cannot open a name the checker accepted (the
// times are then kept as written, and the calendar export says what is wrong).
std::optional<calendar::Zone> zone_of(const std::string& name) {
    try {
        return calendar::find_zone(name.empty() ? std::string("UTC") : name);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

// A time the clock skips that night is when the session starts by the clock (SPEC 7, RFC 5545
// §3.3.5: 02:30 becomes 03:30), as the calendar will show it.
// Returns the days the start moved on (1 where a zone skipped a whole day, like Pacific/Apia on
// 2011-12-30), else 0.
int on_the_clock(timeline::Session& session, const std::optional<calendar::Zone>& zone) {
    if (!zone || zone->utc) return 0;
    const calendar::WallTime wall = calendar::wall_time(calendar::instant(session.date, session.time, *zone), *zone);
    if (wall.time == session.time && wall.date == session.date) return 0;
    session.written_time = std::exchange(session.time, wall.time);
    const int moved = wall.date == session.date ? 0 : 1;  // a gap is shorter than a day and a half
    session.date = wall.date;
    return moved;
}

}  // namespace

timeline::Timeline lower_workout(const CheckedProgram& program, const checked::Workout& workout, int week,
                                 const SourceManager& sources) {
    return Lowerer(program, sources, week).lower(workout);
}

timeline::Program lower_program(const CheckedProgram& program, const checked::Program& plan,
                                const SourceManager& sources) {
    static constexpr const char* weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    timeline::Program out;
    out.name = plan.name;
    out.title = plan.title;
    out.weeks = plan.weeks;
    out.timezone = plan.timezone;
    if (plan.file) out.source_file = *plan.file;
    const std::int64_t start = days_from_civil(plan.start_year, static_cast<unsigned>(plan.start_month),
                                               static_cast<unsigned>(plan.start_day));
    out.start = civil_from_days(start);
    const std::optional<calendar::Zone> zone = zone_of(plan.timezone);
    // Sessions of a day run in time order.
    std::vector<const checked::Session*> ordered;
    for (const auto& session : plan.sessions) ordered.push_back(&session);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
        return a->hour * 60 + a->minute < b->hour * 60 + b->minute;
    });
    for (int week = 1; week <= plan.weeks; ++week) {
        for (int offset = 0; offset < 7; ++offset) {
            const std::int64_t day = start + (week - 1) * 7 + offset;
            const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
            for (const auto* session : ordered) {
                if (session->weekday != weekday) continue;
                timeline::Session occurrence;
                occurrence.date = civil_from_days(day);
                occurrence.time = fmt::format("{:02}:{:02}", session->hour, session->minute);
                occurrence.weekday = weekdays[(weekday + on_the_clock(occurrence, zone)) % 7];
                occurrence.week = week;
                if (session->span.has_position()) {
                    occurrence.origin = {sources.file(session->span.file).path, sources.position(session->span).line,
                                         sources.character_column(session->span)};
                }
                if (session->workout >= 0) {
                    const auto& workout = program.workouts[session->workout];
                    occurrence.workout = workout.name;
                    occurrence.timeline = lower_workout(program, workout, week, sources);
                } else {
                    occurrence.run = timeline::RunSession{session->run_title, session->run_seconds, session->run_intensity};
                }
                out.sessions.push_back(std::move(occurrence));
            }
        }
    }
    return out;
}

}  // namespace reps
