// Lowering: checked workouts become timelines with exactly the arithmetic of SPEC section 6.
#include "compiler/lower/lower.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/timing/set_time.hpp"

namespace reps {
namespace {

using timeline::Phase;
using timeline::SegmentKind;
using timeline::Side;

// "30s", "5min", "1min30s", "1h30min": the short form a coach writes.
std::string short_duration(std::int64_t seconds) {
    std::string text;
    if (seconds >= 3600) text += fmt::format("{}h", seconds / 3600);
    if (seconds % 3600 >= 60) text += fmt::format("{}min", seconds % 3600 / 60);
    if (seconds % 60 != 0 || seconds == 0) text += fmt::format("{}s", seconds % 60);
    return text;
}

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

// Builds a workout's timeline for one week. (The session-length lint measures a workout with
// timeline_size instead; the unit tests hold the two to the same seconds and segments.)
class Lowerer {
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
        bool previous_was_block = false;
        for (const auto& block : workout.blocks) {
            phase_ = !block.in_phase ? Phase::main
                                     : (block.phase_kind == ast::PhaseKind::warmup ? Phase::warmup : Phase::cooldown);
            if (block.kind == checked::Block::Kind::note) {
                begin_block(block).text = block.text;
                end_block();
                continue;
            }
            if (block.kind == checked::Block::Kind::rest) {
                // An explicit rest takes the transition's place.
                begin_block(block).work = block.work;
                add(SegmentKind::rest, block.work);
                end_block();
                previous_was_block = false;
                continue;
            }
            if (previous_was_block) add(SegmentKind::transition, block.defaults.transition);
            lower_block(block);
            previous_was_block = true;
        }
        out_.total_seconds = clock_;
        finish_equipment_and_muscles();
        return std::move(out_);
    }

private:

    void lower_block(const checked::Block& block) {
        auto& row = begin_block(block);
        const auto& defaults = block.defaults;
        switch (block.kind) {
        case checked::Block::Kind::prescription: {
            const auto& entry = block.entries.front();
            const auto& step = step_of(entry);
            row.sets = static_cast<int>(step.sets);
            row.rest = entry.rest.value_or(defaults.rest);
            for (int set = 1; set <= step.sets; ++set) {
                if (set > 1) add(SegmentKind::rest, row.rest);
                work_set(entry, step, set, static_cast<int>(step.sets), defaults);
            }
            break;
        }
        case checked::Block::Kind::superset:
        case checked::Block::Kind::circuit: {
            row.sets = static_cast<int>(block.rounds);
            row.rest = block.rest.value_or(defaults.rest);
            for (int round = 1; round <= block.rounds; ++round) {
                if (round > 1) add(SegmentKind::rest, row.rest);
                for (std::size_t i = 0; i < block.entries.size(); ++i) {
                    if (i > 0) add(SegmentKind::transition, defaults.transition);
                    work_set(block.entries[i], step_of(block.entries[i]), round, static_cast<int>(block.rounds), defaults);
                }
            }
            break;
        }
        case checked::Block::Kind::intervals:
        case checked::Block::Kind::tabata: {
            row.sets = static_cast<int>(block.rounds);
            row.work = block.work;
            row.rest = block.rest.value_or(0);
            for (int round = 1; round <= block.rounds; ++round) {
                const auto& entry = block.entries[(round - 1) % block.entries.size()];
                auto& segment = add_work(entry, round, static_cast<int>(block.rounds), Side::none, block.work);
                segment.seconds = block.work;
                // A timed exercise (a plank) holds for the interval; a reps exercise does as many as it can.
                segment.amount_text = catalog_.exercises[entry.exercise].measure == ast::Measure::time ? short_duration(block.work) : "max";
                segment.as_many_as_possible = true;
                add(SegmentKind::rest, row.rest);  // the last rest is kept
            }
            break;
        }
        case checked::Block::Kind::emom: {
            const int minutes = static_cast<int>(block.work / 60);
            row.sets = minutes;
            row.work = block.work;
            for (int minute = 1; minute <= minutes; ++minute) {
                const auto& entry = block.entries[(minute - 1) % block.entries.size()];
                const auto& step = step_of(entry);
                work_set(entry, step, minute, minutes, defaults);
                add(SegmentKind::rest, 60 - set_seconds(entry, step, defaults.switch_));
            }
            break;
        }
        case checked::Block::Kind::amrap: {
            row.work = block.work;
            std::vector<std::string> parts;
            for (const auto& entry : block.entries) {
                const auto& exercise = catalog_.exercises[entry.exercise];
                std::string part = fmt::format("{} {}", amount_text(step_of(entry).amount), exercise.title);
                if (entry.load) part.append(" @").append(entry.load->text);
                if (entry.cue) part += fmt::format(" ({})", *entry.cue);
                parts.push_back(std::move(part));
            }
            auto& segment = add_work(block.entries.front(), 1, 1, Side::none, block.work);
            // Every entry's equipment and muscles count, not just the first's.
            for (std::size_t i = 1; i < block.entries.size(); ++i) used_.push_back(&block.entries[i]);
            segment.title = "AMRAP";
            segment.seconds = block.work;
            segment.amount_text = short_duration(block.work);
            segment.as_many_as_possible = true;
            segment.load.reset();
            segment.cue = fmt::format("As many rounds as possible: {}", fmt::join(parts, ", "));
            break;
        }
        default:
            break;
        }
        end_block();
    }

    const checked::DoseStep& step_of(const checked::Entry& entry) const { return step_in_week(entry, week_); }

    // One set: work, or for `each` left, switch, right.
    void work_set(const checked::Entry& entry, const checked::DoseStep& step, int set, int sets,
                  const checked::Defaults& defaults) {
        const std::int64_t seconds = work_seconds(entry, step);
        auto fill = [&](timeline::Segment& segment) {
            segment.amount_text = amount_text(step.amount);
            if (step.amount.kind == ast::Amount::Kind::duration) segment.seconds = step.amount.value;
            else segment.reps = static_cast<int>(step.amount.upper);
        };
        if (entry.sides == checked::SideMode::each) {
            fill(add_work(entry, set, sets, Side::left, seconds));
            add(SegmentKind::switch_, defaults.switch_);
            fill(add_work(entry, set, sets, Side::right, seconds));
        } else {
            fill(add_work(entry, set, sets, Side::none, seconds));
        }
    }

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

    // Appends a segment; zero-length pauses (a transition of 0s) are left out.
    timeline::Segment& add(SegmentKind kind, std::int64_t seconds) {
        if (seconds <= 0 && kind != SegmentKind::work) {
            discarded_ = timeline::Segment{};
            return discarded_;
        }
        timeline::Segment segment;
        segment.start = clock_;
        segment.duration = seconds;
        segment.kind = kind;
        segment.phase = phase_;
        segment.block = kind == SegmentKind::transition && block_open_ < 0 ? -1 : block_open_;
        clock_ += seconds;
        out_.segments.push_back(std::move(segment));
        return out_.segments.back();
    }

    timeline::Block& begin_block(const checked::Block& block) {
        timeline::Block row;
        row.kind = static_cast<timeline::Block::Kind>(static_cast<int>(block.kind));
        row.phase = phase_;
        row.start = clock_;
        row.first_segment = static_cast<int>(out_.segments.size());
        row.origin = origin(block.span);
        for (const auto& entry : block.entries) row.entries.push_back(block_entry(entry));
        out_.blocks.push_back(std::move(row));
        block_open_ = static_cast<int>(out_.blocks.size()) - 1;
        return out_.blocks.back();
    }

    void end_block() {
        auto& row = out_.blocks[block_open_];
        row.segment_count = static_cast<int>(out_.segments.size()) - row.first_segment;
        row.duration = clock_ - row.start;
        block_open_ = -1;
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
        for (int option : entry.options) {
            if (option == entry.exercise) continue;
            const auto& alternative = catalog_.exercises[option];
            row.alternatives.push_back(timeline::Alternative{alternative.name, alternative.title, std::nullopt, std::nullopt});
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
    timeline::Segment discarded_;    // what add() hands back for a segment it leaves out
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
                occurrence.weekday = weekdays[weekday];
                occurrence.week = week;
                occurrence.index = session->index;
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
