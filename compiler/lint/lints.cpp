// The coaching lints of SPEC 5.4 and the `# reps: allow CODE` comments that silence them.
#include "compiler/lint/lints.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/catalog/stdlib_catalog.hpp"
#include "compiler/check/limits.hpp"
#include "compiler/timing/program_schedule.hpp"
#include "compiler/timing/timeline_size.hpp"
#include "compiler/timing/timeline_walk.hpp"
#include "runtime/calendar/time_zone.hpp"

namespace reps {
namespace {

std::string minutes_text(std::int64_t seconds) {
    return seconds % 60 == 0 ? fmt::format("{}min", seconds / 60) : clock_text(seconds);
}

// Full body: lower body, an upper push, a pull and the core.
struct BodyPart {
    const char* label;
    std::array<const char*, 2> regions;  // either reaches it; nullptr: no second
};
constexpr BodyPart full_body_parts[] = {
    {"lower body (legs or hips)", {"legs", "hips"}},
    {"upper-body push (chest or shoulders)", {"chest", "shoulders"}},
    {"pull (back)", {"back", nullptr}},
    {"core", {"core", nullptr}},
};
constexpr std::size_t body_part_count = std::size(full_body_parts);
static_assert(body_part_count == full_body_part_count);

using BlockKind = checked::Block::Kind;

// ---- W0105: entries that no turn of their block reaches ----

// "the tabata's 8 rounds reach its first 8 entries", "the emom's 1 minute reaches its first entry".
std::string turns_text(const checked::Block& block, std::int64_t turns) {
    const bool emom = block.kind == BlockKind::emom;
    const char* owner = block.kind == BlockKind::tabata ? "tabata's" : emom ? "emom's" : "intervals block's";
    const char* turn = emom ? "minute" : "round";
    if (turns == 1) return fmt::format("the {} 1 {} reaches its first entry", owner, turn);
    return fmt::format("the {} {} {}s reach its first {} entries", owner, turns, turn, turns);
}

// How to reach every entry: more turns (a tabata has none to add), or fewer entries. More turns
// than a block may have (100 rounds, a 24h emom) is not offered: that fix would be an error.
std::string never_done_help(const checked::Block& block, std::size_t never_done) {
    const std::size_t entries = block.entries.size();
    const char* remove = never_done == 1 ? "remove the entry" : "remove those entries";
    const bool emom = block.kind == BlockKind::emom;
    const auto most_turns = static_cast<std::size_t>(emom ? limits::max_seconds / 60 : limits::max_rounds);
    if (entries > most_turns) {
        return fmt::format("{}, or split the block's entries into blocks of at most {} (a block has at most {} {})", remove,
                           most_turns, most_turns, emom ? "minutes" : "rounds");
    }
    switch (block.kind) {
    case BlockKind::tabata:
        return fmt::format("a tabata is always 8 rounds: {}, or write 'intervals {} x 20s on 10s off {{ ... }}' to do each once",
                           remove, entries);
    case BlockKind::emom: return fmt::format("make it 'emom {}min' to do each once, or {}", entries, remove);
    default: return fmt::format("make it {} rounds to do each once, or {}", entries, remove);
    }
}

// One warning a block, at its first entry never done (those after it are counted): they stand
// together at the end of its list, often on one line.
void lint_entries_never_done(const checked::Workout& workout, const Catalog& catalog, Diagnostics& diagnostics) {
    for (const checked::Block& block : workout.blocks) {
        if (!timing::entries_take_turns(block)) continue;
        const std::int64_t turns = timing::turn_count(block);
        const auto done = static_cast<std::size_t>(turns);
        if (block.entries.size() <= done) continue;
        const checked::Entry& first = block.entries[done];
        const std::size_t never_done = block.entries.size() - done;
        // The written exercise's catalog name (an alias is shown as the name it stands for), not
        // the option a profile chose.
        const std::string& name = catalog.exercises[static_cast<std::size_t>(first.options.front())].name;
        const std::string what = never_done == 1   ? fmt::format("'{}' is", name)
                                 : never_done == 2 ? fmt::format("'{}' and the entry after it are", name)
                                                   : fmt::format("'{}' and the {} entries after it are", name, never_done - 1);
        diagnostics.report(Code::W0105, first.span, fmt::format("{} never done: {}", what, turns_text(block, turns)),
                           never_done_help(block, never_done));
    }
}

// ---- W0207: warm-up, then main work, then cool-down ----

// Main work: a block outside warmup and cooldown that does something. A note or a rest before
// the warm-up or after the cool-down leaves them in place.
bool is_main_work(const checked::Block& block) {
    return !block.in_phase && block.kind != BlockKind::rest && block.kind != BlockKind::note;
}

// Whether blocks[i] is a phase's first block (two phases of one kind can stand side by side).
bool starts_phase(std::span<const checked::Block> blocks, std::size_t i) {
    return blocks[i].in_phase && (i == 0 || !blocks[i - 1].in_phase || blocks[i - 1].phase_at != blocks[i].phase_at);
}

// Whether the phase starting at blocks[i] holds work (not only notes and rests): one without
// shows no heading on the timeline, and W0201 already says a warmup of that kind is no warm-up.
bool phase_has_work(std::span<const checked::Block> blocks, std::size_t i) {
    for (std::size_t j = i; j < blocks.size() && blocks[j].in_phase && blocks[j].phase_at == blocks[i].phase_at; ++j) {
        if (blocks[j].kind != BlockKind::rest && blocks[j].kind != BlockKind::note) return true;
    }
    return false;
}

SourceSpan phase_keyword(const checked::Block& block) {
    const std::uint32_t length = block.phase_kind == ast::PhaseKind::warmup ? 6 : 8;  // "warmup", "cooldown"
    return SourceSpan{block.span.file, block.phase_at, length};
}

// What went before a phase, as far as its place is concerned.
struct PhasesBefore {
    bool main_work = false, warmup = false, cooldown = false;
};

struct MisplacedPhase {
    const char* message;
    const char* help;
};

std::optional<MisplacedPhase> misplaced_warmup(const PhasesBefore& before) {
    const char* help = "move the warm-up to the start of the workout";
    if (before.main_work) return MisplacedPhase{"this warmup comes after main work", help};
    if (before.cooldown) return MisplacedPhase{"this warmup comes after the cooldown", help};
    if (before.warmup) return MisplacedPhase{"a second warmup in this workout", "merge the warmup blocks into one at the start of the workout"};
    return std::nullopt;
}

// A cooldown followed by a warmup is told at the warmup (misplaced_warmup), where the fix is.
std::optional<MisplacedPhase> misplaced_cooldown(const PhasesBefore& before, bool main_work_after) {
    if (main_work_after) return MisplacedPhase{"main work comes after this cooldown", "move the cool-down to the end of the workout"};
    if (before.cooldown) return MisplacedPhase{"a second cooldown in this workout", "merge the cooldown blocks into one at the end of the workout"};
    return std::nullopt;
}

// Phases without work (`warmup { }`, `warmup { note "..." }`) show nothing of their own on the
// timeline and are not told.
void lint_phase_order(const checked::Workout& workout, Diagnostics& diagnostics) {
    const std::span<const checked::Block> blocks = workout.blocks;
    std::size_t main_work_end = 0;  // after the last block of main work
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (is_main_work(blocks[i])) main_work_end = i + 1;
    }
    PhasesBefore before;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const checked::Block& block = blocks[i];
        before.main_work = before.main_work || is_main_work(block);
        if (!starts_phase(blocks, i) || !phase_has_work(blocks, i)) continue;
        const bool warmup = block.phase_kind == ast::PhaseKind::warmup;
        const auto misplaced = warmup ? misplaced_warmup(before) : misplaced_cooldown(before, i < main_work_end);
        if (misplaced) diagnostics.report(Code::W0207, phase_keyword(block), misplaced->message, misplaced->help);
        (warmup ? before.warmup : before.cooldown) = true;
    }
}

}  // namespace

void WorkoutLints::RegionsByExercise::add(const Catalog& catalog, std::size_t exercise) {
    for (const int muscle : catalog.exercises[exercise].primary) {
        if (const int region = catalog.muscles[static_cast<std::size_t>(muscle)].region; region >= 0) regions.push_back(region);
    }
    begin.push_back(static_cast<std::uint32_t>(regions.size()));
}

WorkoutLints::WorkoutLints(const Catalog& catalog) : catalog_(catalog) {
    const Catalog& stdlib = stdlib_catalog();
    if (catalog.base() == &stdlib) {
        static const RegionsByExercise stdlib_regions = [&] {
            RegionsByExercise regions;
            for (std::size_t i = 0; i < stdlib.exercises.size(); ++i) regions.add(stdlib, i);
            return regions;
        }();
        stdlib_regions_ = &stdlib_regions;
        stdlib_count_ = stdlib.exercises.size();  // the catalog continues them: its first exercises are the stdlib's
    }
    for (std::size_t i = stdlib_count_; i < catalog.exercises.size(); ++i) own_regions_.add(catalog, i);

    // The stdlib's regions, which its muscles are in, even where a user's region shadows one.
    const Catalog& anatomy = catalog.base() ? *catalog.base() : catalog;
    for (std::size_t part = 0; part < body_part_count; ++part) {
        for (std::size_t i = 0; i < 2; ++i) {
            const char* name = full_body_parts[part].regions[i];
            part_regions_[part][i] = name ? anatomy.find_region(name) : -1;
        }
    }
}

void WorkoutLints::run(const checked::Workout& workout, Diagnostics& diagnostics) {
    const Catalog& catalog = catalog_;
    std::vector<std::uint8_t>& reached = reached_;
    if (!workout.has_warmup && diagnostics.report_or_count(Code::W0201, workout.span)) {
        diagnostics.report(Code::W0201, workout.span,
                           fmt::format("workout '{}' has no warm-up{}", workout.name,
                                       workout.warmup_without_work ? ": its warmup block has no exercise" : ""),
                           "add 'warmup { easy_cardio 5min; dynamic_stretching 5min }'");
    }
    lint_phase_order(workout, diagnostics);
    lint_entries_never_done(workout, catalog, diagnostics);
    if (workout.focus.empty() && !workout.full_body_focus) return;  // what follows checks the focus
    // The regions that the primary muscles of the workout's chosen exercises reach.
    reached.assign(catalog.regions.size(), 0);
    for (const auto& entry : workout.entries) {
        if (entry.exercise < 0) continue;
        const auto exercise = static_cast<std::size_t>(entry.exercise);
        const bool shared = exercise < stdlib_count_;
        const RegionsByExercise& table = shared ? *stdlib_regions_ : own_regions_;
        const std::size_t row = shared ? exercise : exercise - stdlib_count_;
        for (std::uint32_t i = table.begin[row]; i < table.begin[row + 1]; ++i) {
            reached[static_cast<std::size_t>(table.regions[i])] = 1;
        }
    }
    for (const checked::Workout::Focus& focus : workout.focus) {
        const auto& region = catalog.regions[focus.region];
        if (!reached[static_cast<std::size_t>(focus.region)]) {
            diagnostics.report(Code::W0202, focus.span,
                                fmt::format("focus '{}' is not reached: no exercise has a primary muscle in {}", region.name, region.title),
                                "add an exercise for it, or drop it from the focus");
        }
    }
    if (workout.full_body_focus) {
        std::vector<std::string> missing;
        for (std::size_t part = 0; part < body_part_count; ++part) {
            bool any = false, known = false;
            for (const int index : part_regions_[part]) {
                known = known || index >= 0;
                any = any || (index >= 0 && reached[static_cast<std::size_t>(index)]);
            }
            const char* label = full_body_parts[part].label;
            if (known && !any) missing.push_back(label);
        }
        if (!missing.empty()) {
            diagnostics.report(Code::W0202, workout.span,
                                fmt::format("workout '{}' claims full_body but misses the {}", workout.name, fmt::join(missing, ", the ")),
                                "add exercises for them, or name the regions it covers: 'focus legs, core'");
        }
    }
}

namespace {

// "week 3", "weeks 1-4", "weeks 1-2 and 5-6", "weeks 1, 3 and 5-6".
std::string weeks_text(const std::vector<int>& weeks) {
    std::vector<std::string> runs;
    for (std::size_t i = 0; i < weeks.size();) {
        std::size_t j = i;
        while (j + 1 < weeks.size() && weeks[j + 1] == weeks[j] + 1) ++j;
        runs.push_back(i == j ? fmt::format("{}", weeks[i]) : fmt::format("{}-{}", weeks[i], weeks[j]));
        i = j + 1;
    }
    std::string text = weeks.size() == 1 ? "week " : "weeks ";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == runs.size() ? " and " : ", ") + runs[i];
    }
    return text;
}

// The --session-range that takes in every week's length: the range widened to whole minutes. None
// for a workout of no time, which no range takes in.
std::optional<std::string> range_taking_in(std::span<const std::int64_t> lengths, const LintOptions& options) {
    const auto [shortest, longest] = std::minmax_element(lengths.begin(), lengths.end());
    if (*shortest <= 0) return std::nullopt;
    std::int64_t low = std::min(options.session_min_seconds, *shortest / 60 * 60);
    if (low == 0) low = *shortest;  // under a minute: to the second
    const std::int64_t high = std::max(options.session_max_seconds, (*longest + 59) / 60 * 60);
    return minutes_text(low) + "-" + minutes_text(high);
}

// SPEC 5.4: the session length in every week the workout is used (`weeks`: each week of the
// programs that schedule it, or each step of its progressions when it stands alone); the warning
// names the first week out of range and the help all of them.
// `range_text`: session_range_text(options), worked out once for every workout.
void lint_session_length(const checked::Workout& workout, const WorkoutMeasure& measure, int weeks, const LintOptions& options,
                         std::string_view range_text, Diagnostics& diagnostics) {
    if (!diagnostics.wanted(Code::W0205)) return;
    // Weeks after the longest progression repeat its last step: measured once.
    const int measured_weeks = std::min(weeks, static_cast<int>(measure.week_seconds.size()));
    const std::span<const std::int64_t> lengths(measure.week_seconds.begin(), static_cast<std::size_t>(measured_weeks));
    const auto length_in = [&](int week) { return lengths[static_cast<std::size_t>(std::min(week, measured_weeks) - 1)]; };
    const auto out_of_range = [&](std::int64_t seconds) {
        return seconds < options.session_min_seconds || seconds > options.session_max_seconds;
    };
    std::vector<int> weeks_out;
    for (int week = 1; week <= weeks; ++week) {
        if (out_of_range(length_in(week))) weeks_out.push_back(week);
    }
    if (weeks_out.empty() || !diagnostics.report_or_count(Code::W0205, workout.span)) return;
    const std::int64_t seconds = length_in(weeks_out.front());
    const bool too_long = seconds > options.session_max_seconds;
    // A workout the same every week (no progression) is not told week by week.
    const bool same_every_week = std::all_of(lengths.begin(), lengths.end(), [&](std::int64_t each) { return each == lengths.front(); });
    const std::string when = same_every_week ? "" : fmt::format(" in week {}", weeks_out.front());
    std::string help = too_long ? "cut sets or rests" : "add work";
    if (const auto range = range_taking_in(lengths, options)) {
        help += fmt::format(", or allow {} sessions with --session-range {}", too_long ? "longer" : "shorter", *range);
    }
    if (!same_every_week) help = fmt::format("{} of {} {} out of range; ", weeks_text(weeks_out), weeks, weeks_out.size() == 1 ? "is" : "are") + help;
    diagnostics.report(Code::W0205, workout.span,
                        fmt::format("workout '{}' lasts {}{}, {} than the {} a session should take", workout.name,
                                    clock_text(seconds), when, too_long ? "longer" : "shorter", range_text),
                        help);
}

// A run and a strength session on the same day are judged in elapsed time (SPEC 7 measures
// events so, across a clock change too): on the night the clocks go forward, 00:30 to 05:00 is
// 3h30. The minutes from `run`'s start to `session`'s, the fewest over the dates they fall on, and
// that date when the wall clock counts otherwise.
std::pair<int, std::string> fewest_minutes(const checked::Session& run, const checked::Session& session, const ProgramDates& dates,
                                           int weeks, const std::optional<calendar::Zone>& zone) {
    const int wall = (session.hour * 60 + session.minute) - (run.hour * 60 + run.minute);
    if (!zone) return {wall, ""};
    std::pair<int, std::string> fewest{std::numeric_limits<int>::max(), ""};
    for (int week = 1; week <= weeks; ++week) {
        const int day = dates.day_in_week(session, week);
        const auto minutes = static_cast<int>((session_start(session, dates, day, zone) - session_start(run, dates, day, zone)) / 60);
        if (minutes < fewest.first) fewest = {minutes, minutes == wall ? "" : dates.date(day)};
    }
    return fewest;
}

// Two sessions on one weekday: the lints that compare sessions of one date need their instants.
bool shares_a_weekday(const checked::Program& plan) {
    std::array<int, 7> sessions_on{};
    return std::any_of(plan.sessions.begin(), plan.sessions.end(),
                       [&](const checked::Session& session) { return ++sessions_on[static_cast<std::size_t>(session.weekday)] == 2; });
}

// One occurrence of a session: when it starts and how long it lasts that week.
struct Occurrence {
    const checked::Session* session;
    std::int64_t start;    // seconds since 1970
    std::int64_t seconds;  // its timeline's length that week, or the run's duration
};

int written_minute(const checked::Session& session) { return session.hour * 60 + session.minute; }

// The order of a date's sessions: by instant; at one instant (a time the clocks skip is the time
// after the gap: 02:30 is 03:30), by the written time, then by line.
bool starts_first(const Occurrence& a, const Occurrence& b) {
    return std::tuple(a.start, written_minute(*a.session), a.session->index) <
           std::tuple(b.start, written_minute(*b.session), b.session->index);
}

// Whether `later` (in starts_first order) starts before `earlier` has ended.
bool overlap(const Occurrence& earlier, const Occurrence& later) {
    return later.start == earlier.start || later.start < earlier.start + earlier.seconds;
}

// A strength session that starts during a run is W0204's ("starts before the run ends"): not told twice.
bool told_by_run_lint(const Occurrence& earlier, const Occurrence& later) {
    return earlier.session->workout < 0 && later.session->workout >= 0;
}

// "07:35", or "07:35:30": a session's end is to the second.
std::string wall_clock_text(const icaltimetype& t) {
    if (t.second == 0) return fmt::format("{:02}:{:02}", t.hour, t.minute);
    return fmt::format("{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
}

// W0206 at `later`'s line. `date`: the date they overlap on, the first one.
void report_overlap(const Occurrence& earlier, const Occurrence& later, const std::string& date,
                    const std::optional<calendar::Zone>& zone, Diagnostics& diagnostics) {
    const checked::Session& first = *earlier.session;
    const checked::Session& second = *later.session;
    // Elapsed time and the wall clock disagree on a night the clocks change.
    const bool clocks_change = later.start - earlier.start != (written_minute(second) - written_minute(first)) * 60;
    const icaltimetype starts = wall_clock_at(earlier.start, zone);
    const icaltimetype ends = wall_clock_at(earlier.start + earlier.seconds, zone);
    // Its written time was skipped by the clocks, as the text output says of it.
    const bool moved = starts.hour != first.hour || starts.minute != first.minute;
    const std::string moved_text = moved ? fmt::format("starts at {} ({:02}:{:02} is skipped by the clock change), ",
                                                       wall_clock_text(starts), first.hour, first.minute)
                                         : "";
    const bool ends_another_day = std::tuple(ends.year, ends.month, ends.day) != std::tuple(starts.year, starts.month, starts.day);
    const std::string end_date = ends_another_day ? fmt::format(" on {:04}-{:02}-{:02}", ends.year, ends.month, ends.day) : "";
    diagnostics.report(Code::W0206, second.span,
                        fmt::format("sessions overlap on {}: {} at {:02}:{:02} starts before {} at {:02}:{:02} ends{}", date,
                                    session_label(second), second.hour, second.minute, session_label(first), first.hour,
                                    first.minute, clocks_change ? ", when the clocks change" : ""),
                        fmt::format("{} {}lasts {} and ends at {}{}; start {} later, or move one of them to another day",
                                    session_label(first), moved_text, clock_text(earlier.seconds), wall_clock_text(ends), end_date,
                                    session_label(second)));
}

// W0206: a session that starts before another has ended, in elapsed time (a clock change can make
// two sessions meet, or swap their order), at the later one's line, for the first date it happens
// on. Only sessions of one date are compared, so the cost is the sessions that share a weekday,
// once per week.
void lint_overlaps(const checked::Program& plan, std::span<const WorkoutMeasure> measures, const ProgramDates& dates,
                   const std::optional<calendar::Zone>& zone, Diagnostics& diagnostics) {
    std::array<std::vector<const checked::Session*>, 7> by_weekday;
    for (const auto& session : plan.sessions) by_weekday[static_cast<std::size_t>(session.weekday)].push_back(&session);
    std::vector<bool> told(plan.sessions.size(), false);  // one warning per session line
    const auto position = [&](const checked::Session& session) { return static_cast<std::size_t>(&session - plan.sessions.data()); };
    const auto all_told = [&](const std::vector<const checked::Session*>& sessions) {
        return std::all_of(sessions.begin(), sessions.end(), [&](const checked::Session* each) { return told[position(*each)]; });
    };
    std::vector<Occurrence> on_date;
    for (int week = 1; week <= plan.weeks; ++week) {
        for (const auto& sessions : by_weekday) {
            if (sessions.size() < 2 || all_told(sessions)) continue;
            const int day = dates.day_in_week(*sessions.front(), week);
            on_date.clear();
            for (const auto* session : sessions) {
                on_date.push_back({session, session_start(*session, dates, day, zone), session_seconds(*session, measures, week)});
            }
            std::sort(on_date.begin(), on_date.end(), starts_first);
            for (auto later = on_date.begin() + 1; later != on_date.end(); ++later) {
                if (told[position(*later->session)]) continue;
                const auto earlier = std::find_if(on_date.begin(), later, [&](const Occurrence& each) {
                    return overlap(each, *later) && !told_by_run_lint(each, *later);
                });
                if (earlier == later) continue;
                report_overlap(*earlier, *later, dates.date(day), zone, diagnostics);
                told[position(*later->session)] = true;
            }
        }
    }
}

}  // namespace

void lint_schedule(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics) {
    // Strength on consecutive dates: the day after within a week, or the last day of a week and
    // the first of the next when the program has a next week.
    const ProgramDates dates(plan);
    std::vector<const checked::Session*> strength, runs;
    for (const auto& session : plan.sessions) (session.workout >= 0 ? strength : runs).push_back(&session);
    for (const auto* later : strength) {
        for (const auto* earlier : strength) {
            const int earlier_day = dates.first_day(*earlier);
            int later_day = dates.first_day(*later);
            if (earlier_day == 6 && later_day == 0 && plan.weeks >= 2) later_day = 7;
            if (later_day == earlier_day + 1 && later != earlier) {
                diagnostics.report(Code::W0203, later->span,
                                    fmt::format("strength on consecutive days: {} and {}, first on {} and {}", earlier->weekday_name,
                                                later->weekday_name, dates.date(earlier_day), dates.date(later_day)),
                                    "leave a recovery day between strength sessions");
                break;
            }
        }
    }
    // Loaded only for a program with two sessions on one weekday, the only ones W0204 and W0206
    // compare: libical's first zone costs millions of instructions.
    const std::optional<calendar::Zone> zone = shares_a_weekday(plan) ? program_zone(plan.timezone) : std::nullopt;
    for (const auto* session : strength) {
        for (const auto* run : runs) {
            if (run->weekday != session->weekday) continue;
            // Minutes from the run's start to the strength session's, on the date where they are
            // fewest (a night the clocks go forward); `when` names that date if it differs from the
            // wall clock's count.
            const auto [after_run_start, date] = fewest_minutes(*run, *session, dates, plan.weeks, zone);
            const std::string when = date.empty() ? "" : fmt::format(" on {}, when the clocks change", date);
            const int run_start = run->hour * 60 + run->minute;
            const int start = run_start + after_run_start;
            const int run_end = run_start + static_cast<int>((run->run_seconds + 59) / 60);
            if (start < run_start) {
                diagnostics.report(Code::W0204, session->span,
                                    fmt::format("strength at {:02}:{:02} comes before the run at {:02}:{:02}{}", session->hour,
                                                session->minute, run->hour, run->minute, when),
                                    "run first, then strength 4-6 hours later");
            } else if (start < run_end) {
                diagnostics.report(Code::W0204, session->span,
                                    fmt::format("strength at {:02}:{:02} starts before the run at {:02}:{:02} ends, at {:02}:{:02}{}",
                                                session->hour, session->minute, run->hour, run->minute, run_end / 60 % 24,
                                                run_end % 60, when),
                                    "run first, then strength 4-6 hours later");
            } else if (start - run_end < 4 * 60) {
                diagnostics.report(Code::W0204, session->span,
                                    fmt::format("strength at {:02}:{:02} is {}h{:02} after the run ends{}; leave at least 4h",
                                                session->hour, session->minute, (start - run_end) / 60, (start - run_end) % 60,
                                                when),
                                    "move the strength session later in the day");
            }
        }
    }
    lint_overlaps(plan, measures, dates, zone, diagnostics);
}


std::string session_range_text(const LintOptions& range) {
    return minutes_text(range.session_min_seconds) + "-" + minutes_text(range.session_max_seconds);
}

void note_weeks_used(const checked::Program& plan, std::vector<int>& weeks_used) {
    for (const auto& session : plan.sessions) {
        if (session.workout < 0 || static_cast<std::size_t>(session.workout) >= weeks_used.size()) continue;
        int& weeks = weeks_used[static_cast<std::size_t>(session.workout)];
        weeks = std::max(weeks, plan.weeks);
    }
}

void run_program_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, std::vector<int> weeks_used,
                       const LintOptions& options, Diagnostics& diagnostics) {
    // The weeks each workout is used in: the longest program that schedules it, else its progressions.
    weeks_used.resize(program.workouts.size(), 0);
    for (const auto& plan : program.programs) note_weeks_used(plan, weeks_used);
    const std::string range_text = session_range_text(options);
    for (std::size_t i = 0; i < program.workouts.size(); ++i) {
        const int weeks = weeks_used[i] > 0 ? weeks_used[i] : static_cast<int>(measures[i].week_seconds.size());
        lint_session_length(program.workouts[i], measures[i], weeks, options, range_text, diagnostics);
    }
    for (const auto& plan : program.programs) lint_schedule(plan, measures, diagnostics);
}

void run_program_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, const LintOptions& options,
                       Diagnostics& diagnostics) {
    run_program_lints(program, measures, {}, options, diagnostics);
}

void run_lints(const CheckedProgram& program, std::span<const WorkoutMeasure> measures, const LintOptions& options,
               Diagnostics& diagnostics) {
    WorkoutLints workout_lints(program.catalog);
    for (const auto& workout : program.workouts) workout_lints.run(workout, diagnostics);
    run_program_lints(program, measures, options, diagnostics);
}

void run_lints(const CheckedProgram& program, const LintOptions& options, Diagnostics& diagnostics) {
    run_lints(program, measure_workouts(program), options, diagnostics);
}

namespace {

constexpr std::string_view allow_marker = "# reps: allow ";

// Whether `line`'s allow comment (its marker at `marker`) names `code`. Codes separated by commas
// or spaces; the first word that is not a code ends the list, so "# reps: allow W0205 (a long
// session on purpose)" works.
bool allows(std::string_view line, std::size_t marker, Code code) {
    if (marker == std::string_view::npos) return false;
    std::string_view rest = line.substr(marker + allow_marker.size());
    while (true) {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == ',')) rest.remove_prefix(1);
        const auto end = rest.find_first_of(" \t,\r");
        const std::string_view word = rest.substr(0, end);
        const bool is_code = word.size() == 5 && (word[0] == 'W' || word[0] == 'E') &&
                             std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!is_code) return false;
        if (word == code_name(code)) return true;
        if (end == std::string_view::npos) return false;
        rest.remove_prefix(end);
    }
}

}  // namespace

std::function<bool(const Diagnostic&)> allow_comment_filter(const SourceManager& sources) {
    // Most files have no allow comment at all: each file is searched once, not each line; and the
    // marker of the line looked at last is kept: thousands of warnings on one long line (a
    // generated file's only line) must not each search it again.
    struct Searched {
        std::vector<std::int8_t> has_marker;  // by file id: -1 not yet searched
        std::string_view line;
        std::size_t marker = std::string_view::npos;
    };
    auto searched = std::make_shared<Searched>();
    return [&sources, searched](const Diagnostic& diagnostic) {
        if (!diagnostic.span.has_position() || diagnostic.span.file >= sources.size()) return false;
        const std::size_t file = diagnostic.span.file;
        if (searched->has_marker.size() <= file) searched->has_marker.resize(file + 1, -1);
        std::int8_t& known = searched->has_marker[file];
        if (known < 0) known = sources.file(diagnostic.span.file).text.find(allow_marker) != std::string_view::npos ? 1 : 0;
        if (known == 0) return false;
        const auto line = sources.line_text(diagnostic.span);
        if (line.data() != searched->line.data() || line.size() != searched->line.size()) {
            searched->line = line;
            searched->marker = line.find(allow_marker);
        }
        return allows(line, searched->marker, diagnostic.code);
    };
}

}  // namespace reps
