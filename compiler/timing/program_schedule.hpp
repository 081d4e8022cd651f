// When a program's sessions happen (SPEC 7): the dates they fall on and the instant each starts at
// in the program's time zone. The program lints (W0203, W0204) read them; lowering and the calendar
// export work out the same instants with the same calendar::instant.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "compiler/check/checked.hpp"
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

}  // namespace reps
