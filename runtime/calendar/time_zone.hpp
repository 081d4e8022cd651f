// Local wall times and UTC instants in an IANA time zone, from the system's tz database through
// libical. Lowering dates a program's sessions with it and the ICS exporter writes its times with
// it, so the text, JSON and calendar outputs agree on every session's start.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <libical/ical.h>

namespace reps::calendar {

// Where events happen: a zone with a VTIMEZONE, or UTC (times written with "Z", no VTIMEZONE).
struct Zone {
    std::string name;
    icaltimezone* zone = nullptr;  // libical's builtin copy; owned by libical
    bool utc = false;
};

// "UTC" or an IANA name ("Europe/Berlin"); throws std::invalid_argument for an unknown zone.
// Names the tz database holds that are not a place's civil time are refused: "localtime" (this
// machine's, so the output would depend on where it is compiled), "posixrules", "Factory", the
// leap-second "right/..." copies (their wall clocks run seconds off civil time), and other
// spellings of a zone's path ("posix/Europe/Berlin", "Europe//Berlin").
Zone find_zone(const std::string& name);

// Whether find_zone knows the name, without loading the zone (libical's first zone costs millions
// of instructions, more than checking a file): a name find_zone accepts, of a file of the system's
// tz database (a TZif file: the database's tables are not zones), which is where libical reads
// zones from. Safe to call from several threads at once,
// and each name is looked up once per process.
bool is_known_zone(const std::string& name);

// The UTC instant (seconds since 1970) of a local date ("2026-12-01") and time ("17:30").
// RFC 5545 §3.3.5: a time a clock change skips is read with the offset before the gap (02:30
// becomes 03:30), and a time that occurs twice is its first occurrence. Throws
// std::invalid_argument for a malformed date or time.
std::int64_t instant(const std::string& date, const std::string& time, const Zone& zone);
// The same for a date and time given as numbers that are already valid (a checked program's
// session): the text the other form formats and parses was two thirds of the cost of an instant.
std::int64_t instant(int year, int month, int day, int hour, int minute, const Zone& zone);

// The wall clock in `zone` at an instant: date "2026-12-01", time "17:30" (seconds dropped).
struct WallTime {
    std::string date;
    std::string time;
};
WallTime wall_time(std::int64_t seconds, const Zone& zone);

// True when the wall clock of `zone` shows its time at `seconds` at no other instant: false in the
// hour a clock going back repeats (clients disagree on which of the two such a time means).
bool wall_time_is_unique(std::int64_t seconds, const Zone& zone);

// The zone's UTC offset at an instant, and whether it is daylight-saving time.
struct Offset {
    std::int64_t seconds = 0;
    bool daylight = false;

    friend bool operator==(const Offset&, const Offset&) = default;
};
Offset offset_at(std::int64_t seconds, const Zone& zone);

// A change of the zone's offset: from the instant `at` on, `after` holds instead of `before`.
struct OffsetChange {
    std::int64_t at = 0;
    Offset before, after;
};
// Every change in (from, to], in order; none for UTC. Changes are found six hours apart at the
// closest (no zone has changed its clock twice in six hours), each to the second.
std::vector<OffsetChange> offset_changes(const Zone& zone, std::int64_t from, std::int64_t to);
// The last change in (earliest, at], found looking back from `at` only as far as it: none when
// the offset held all that time.
std::optional<OffsetChange> last_change(const Zone& zone, std::int64_t at, std::int64_t earliest);

// How long a session's calendar event lasts: its length rounded up to the minute, at least one.
// Calendar apps show whole minutes, and a session that runs over by a second still needs the slot.
// The ICS export ends its events so, and the checker (E0409) measures with it that they end by
// 9999-12-31.
std::int64_t event_seconds(std::int64_t session_seconds);

// The UTC date and time of an instant as libical's structure (its own conversion gives a null
// time after the year 3000, and dates run to 9999).
icaltimetype utc_time(std::int64_t seconds);
// The same instant as the wall clock of `zone` (a floating time: no zone set).
icaltimetype local_time_at(std::int64_t seconds, const Zone& zone);

}  // namespace reps::calendar
