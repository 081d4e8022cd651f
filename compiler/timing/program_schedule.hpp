// When a program's sessions happen (SPEC 7): the dates they fall on, the instant each starts at in
// the program's time zone, and how long each lasts in a given week. The program lints (W0203,
// W0204) and the check that no session ends after 9999-12-31 (E0409) read them; lowering and the
// calendar export work out the same instants with the same calendar::instant.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "compiler/check/checked.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/timing/timeline_size.hpp"
#include "runtime/calendar/time_zone.hpp"

namespace reps {

// The dates a program's sessions fall on: week 1 runs from `start` for seven days, and each session
// occurs on its weekday within each week. Days count from `start` (day 0).
class ProgramDates {
public:
    explicit ProgramDates(const checked::Program& plan);
    // Days from `start` to the session's first occurrence (0-6).
    int first_day(const checked::Session& session) const { return (session.weekday - start_weekday_ + 7) % 7; }
    // The day the session falls on in `week` (1 for the first).
    int day_in_week(const checked::Session& session, int week) const { return first_day(session) + 7 * (week - 1); }
    std::chrono::year_month_day civil(int day) const { return std::chrono::year_month_day{start_ + std::chrono::days{day}}; }
    // "2026-12-01".
    std::string date(int day) const;
    std::int64_t days_since_1970(int day) const { return (start_ + std::chrono::days{day}).time_since_epoch().count(); }

private:
    std::chrono::sys_days start_;
    int start_weekday_;  // 0 = monday
};

// The program's zone; none for UTC, whose wall clock is elapsed time, and for a name the tz database
// cannot open (E0407 says so). Loading a zone costs millions of instructions the first time
// (libical): callers ask only when a lint or check needs instants.
std::optional<calendar::Zone> program_zone(const std::string& name);

// The instant (seconds since 1970, UTC) the session starts at on `day`: its written time in `zone`,
// a time the clocks skip read as RFC 5545 says (calendar::instant, as lowering and the calendar
// read it); with no zone, the wall clock read as UTC.
std::int64_t session_start(const checked::Session& session, const ProgramDates& dates, int day,
                           const std::optional<calendar::Zone>& zone);

// The wall clock at an instant, in `zone` or (none) UTC, to the second.
icaltimetype wall_clock_at(std::int64_t instant, const std::optional<calendar::Zone>& zone);

// How long the session lasts in `week`: its workout's timeline that week (`measures`: one per
// workout, measure_workout), or its run's duration. 0 for a workout that was not measured (one with
// errors, which gets neither lints nor a calendar).
std::int64_t session_seconds(const checked::Session& session, std::span<const WorkoutMeasure> measures, int week);

// "'legs'" or "run 'Long run'": a session as a message names it.
std::string session_label(const checked::Session& session);

// E0409 for each session whose calendar event would end after 9999-12-31, the last date a calendar
// holds: its start plus its length rounded up to the minute (calendar::event_seconds), on the wall
// clock of the program's zone, as the ICS export writes DTEND. The checker's E0409 has made sure
// that every session starts by then; this is the part that needs the sessions' lengths, which only
// the measures know.
void check_program_end(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics);

}  // namespace reps
