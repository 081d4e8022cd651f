// The iCalendar form of a program or of one dated workout (SPEC §7): `reps build --to ics`.
// Built with libical; one VEVENT per session occurrence, times in the program's time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/timeline.hpp"

namespace reps {

struct IcsOptions {
    // DTSTAMP of every event, seconds since 1970 UTC. Unset: the SOURCE_DATE_EPOCH environment
    // variable if set (reproducible builds), else the current time.
    std::optional<std::int64_t> dtstamp_epoch;
    // Adds a VALARM (ACTION:DISPLAY) this many seconds before each event.
    std::optional<std::int64_t> alarm_seconds;
};

// A VCALENDAR with the VTIMEZONE of `program.timezone` and one VEVENT per session:
//   UID      <program>-<index>-<YYYYMMDD>@reps (index = the session line's position), stable
//            across compilations and unique per occurrence;
//   SUMMARY  "<workout title> (week N)" or "Run: <title> (week N)";
//   DTSTART  the session's local date and time with TZID (UTC "Z" form for the zone "UTC"); a
//            time that a clock change skips is moved forward, as RFC 5545 reads it (02:30 -> 03:30);
//   DTEND    start + timeline length rounded up to the minute (a run: its duration);
//   DESCRIPTION the printable timeline (to_text), or for a run "Run: <title> (50:00, hard)".
// Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character.
// Throws std::invalid_argument for an unknown time zone, a malformed date or time, a
// negative alarm, or a SOURCE_DATE_EPOCH that is not a whole number.
std::string to_ics(const timeline::Program& program, const IcsOptions& options);

// One event for a single workout at local `date` ("2026-12-01") and `time` ("17:30") in
// `timezone` (an IANA name; "UTC" gives UTC times). UID <workout>-<YYYYMMDD>T<HHMM>@reps;
// SUMMARY the title, with " (week N)" when the timeline's week is above 1.
std::string to_ics(const timeline::Timeline& timeline, const std::string& date, const std::string& time,
                   const std::string& timezone, const IcsOptions& options);

}  // namespace reps
