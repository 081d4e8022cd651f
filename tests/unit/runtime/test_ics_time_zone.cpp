// Time zones in the calendar: event times across daylight-saving changes, the VTIMEZONE's
// observances, and which names are zones (is_known_zone for the checker, find_zone for export).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <libical/ical.h>

#include "ics_test_support.hpp"
#include "runtime/calendar/time_zone.hpp"
#include "runtime/export/ics/ics_export.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using namespace reps::test;

TEST_CASE("times follow the daylight-saving changes of the zone") {
    auto program = sample_program();
    program.sessions = {session_of(lasting(3600), "2027-03-23", "17:30", 4),
                        session_of(lasting(3600), "2027-03-30", "17:30", 5),
                        session_of(lasting(3600), "2027-10-26", "17:30", 1),
                        session_of(lasting(3600), "2027-11-02", "17:30", 2),
                        // 01:30 CET + 1h crosses 02:00 -> 03:00 on 2027-03-28: it ends at 03:30 CEST.
                        session_of(lasting(3600), "2027-03-28", "01:30", 4)};
    const std::string ics = to_ics(program, pinned());
    const Parsed calendar = parse(ics);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 5);
    CHECK(utc_clock(utc_of(events[0], false)) == "2027-03-23T16:30Z");
    CHECK(utc_clock(utc_of(events[1], false)) == "2027-03-30T15:30Z");
    CHECK(utc_clock(utc_of(events[2], false)) == "2027-10-26T15:30Z");
    CHECK(utc_clock(utc_of(events[3], false)) == "2027-11-02T16:30Z");
    CHECK(utc_clock(utc_of(events[4], false)) == "2027-03-28T00:30Z");
    CHECK(utc_clock(utc_of(events[4], true)) == "2027-03-28T01:30Z");
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20270328T033000"));

    SUBCASE("a skipped time reads with the offset before the gap, a repeated one is the first") {
        program.sessions = {session_of(lasting(600), "2027-03-28", "02:30", 4),
                            session_of(lasting(600), "2027-10-31", "02:30", 1)};
        const std::string edge = to_ics(program, pinned());
        CHECK(has_line(edge, "DTSTART;TZID=Europe/Berlin:20270328T033000"));  // 01:30Z
        CHECK(has_line(edge, "DTEND;TZID=Europe/Berlin:20270328T034000"));
        // 02:30 happens twice; the first is 00:30Z, written in UTC so that no client reads the second.
        CHECK(has_line(edge, "DTSTART:20271031T003000Z"));
        CHECK(has_line(edge, "DTEND:20271031T004000Z"));
    }
}

// The VTIMEZONE is the zone over the events: the offset in force before the first, then each
// change up to the last, every one an observance with its onset and nothing to expand (no RRULE,
// RDATE or TZUNTIL), which every client reads alike.
TEST_CASE("the VTIMEZONE holds every change over the events, the last day's too") {
    auto program = sample_program();
    // A change on the last day, at a time the clock shows once: 12:00 CET is 11:00Z. (libical's own
    // VTIMEZONE, cut to the events' years, ended the winter-time rule a year early.)
    program.sessions = {session_of(lasting(3600), "2026-10-19", "12:00", 1), session_of(lasting(3600), "2026-10-25", "12:00", 1)};
    const std::string ics = to_ics(program, pinned());
    const Parsed calendar = parse(ics);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 2);
    CHECK(utc_clock(utc_of(events[0], false)) == "2026-10-19T10:00Z");
    CHECK(utc_clock(utc_of(events[1], false)) == "2026-10-25T11:00Z");
    CHECK(utc_clock(utc_of(events[1], true)) == "2026-10-25T12:00Z");
    const auto zones = children(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
    REQUIRE(zones.size() == 1);
    // In force on 2026-10-19: summer time since 2026-03-29; then the change back on the 25th.
    REQUIRE(children(zones[0], ICAL_XDAYLIGHT_COMPONENT).size() == 1);
    REQUIRE(children(zones[0], ICAL_XSTANDARD_COMPONENT).size() == 1);
    CHECK(has_line(ics, "DTSTART:20260329T020000"));
    CHECK(has_line(ics, "DTSTART:20261025T030000"));
    CHECK(has_line(ics, "TZNAME:CEST"));
    CHECK(has_line(ics, "TZNAME:CET"));
    for (const char* expanded : {"RRULE:", "RDATE:", "TZUNTIL:"}) CHECK(ics.find(expanded) == std::string::npos);

    SUBCASE("a zone whose changes follow no yearly rule: each one where it happens") {
        // New York's summer time of 1974 began on January 6 (02:00 EST -> 03:00 EDT).
        program.timezone = "America/New_York";
        program.sessions = {session_of(lasting(1800), "1974-01-01", "17:30", 1), session_of(lasting(1800), "1974-01-08", "17:30", 2)};
        const std::string ny = to_ics(program, pinned());
        const Parsed parsed = parse(ny);
        const auto ny_events = children(parsed.get(), ICAL_VEVENT_COMPONENT);
        REQUIRE(ny_events.size() == 2);
        CHECK(utc_clock(utc_of(ny_events[0], false)) == "1974-01-01T22:30Z");
        CHECK(utc_clock(utc_of(ny_events[1], false)) == "1974-01-08T21:30Z");
        CHECK(has_line(ny, "DTSTART:19740106T020000"));
        for (const char* expanded : {"RRULE:", "RDATE:", "TZUNTIL:"}) CHECK(ny.find(expanded) == std::string::npos);
    }
}

// SPEC 7: dates run from 1970. East of UTC, 1970-01-01T00:00Z is already that day's morning; an
// observance starting then (09:00 in Tokyo) left a 06:00 event before every observance, which
// ical.js reads as UTC, nine hours late.
TEST_CASE("the VTIMEZONE is in force from the first local day a date can have, 1970-01-01") {
    auto program = sample_program();
    program.timezone = "Asia/Tokyo";
    program.sessions = {session_of(lasting(1800), "1970-01-01", "06:00", 1)};
    const std::string ics = to_ics(program, pinned());
    CHECK(has_line(ics, "DTSTART;TZID=Asia/Tokyo:19700101T060000"));
    const Parsed calendar = parse(ics);
    const auto zones = children(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
    REQUIRE(zones.size() == 1);
    const auto observances = children(zones[0], ICAL_XSTANDARD_COMPONENT);
    REQUIRE(observances.size() == 1);
    CHECK(has_line(ics, "DTSTART:19700101T000000"));
    CHECK(ics.find("DTSTART:19700101T090000") == std::string::npos);

    SUBCASE("west of UTC the observance starts at the epoch's local time, the evening before") {
        program.timezone = "America/New_York";
        const std::string ny = to_ics(program, pinned());
        CHECK(has_line(ny, "DTSTART:19691231T190000"));
        CHECK(has_line(ny, "DTSTART;TZID=America/New_York:19700101T060000"));
    }
}

// SPEC 7: an event's end is its start plus the session's length in elapsed time. After clocks go
// back (Europe/Berlin, 2026-10-25 03:00 CEST -> 02:00 CET) a local time between 02:00 and 03:00
// names two instants and clients differ on which; such a start or end is written in UTC.
TEST_CASE("events never end before they start across a clock change") {
    auto program = sample_program();
    program.sessions = {session_of(lasting(30 * 60), "2026-10-25", "02:30", 1),   // ends at the second 02:00
                        session_of(lasting(90 * 60), "2026-10-25", "01:45", 1),   // ends at the second 02:15
                        session_of(lasting(30 * 60), "2026-10-25", "03:30", 1),   // after the change: local
                        session_of(lasting(30 * 60), "2026-03-29", "01:45", 1)};  // across the spring gap: local
    const std::string ics = to_ics(program, pinned());
    CHECK(has_line(ics, "DTSTART:20261025T003000Z"));  // the first 02:30
    CHECK(has_line(ics, "DTEND:20261025T010000Z"));    // the second 02:00
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261025T014500"));  // 23:45Z the day before
    CHECK(has_line(ics, "DTEND:20261025T011500Z"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261025T040000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20260329T031500"));
    const Parsed calendar = parse(ics);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 4);
    CHECK(utc_of(events[0], true) - utc_of(events[0], false) == 30 * 60);
    CHECK(utc_of(events[1], true) - utc_of(events[1], false) == 90 * 60);
    CHECK(utc_of(events[2], true) - utc_of(events[2], false) == 30 * 60);
    CHECK(utc_of(events[3], true) - utc_of(events[3], false) == 30 * 60);

    SUBCASE("a single workout too") {
        const std::string one = to_ics(lasting(30 * 60), "2026-10-25", "02:30", "Europe/Berlin", pinned());
        CHECK(has_line(one, "DTSTART:20261025T003000Z"));
        CHECK(has_line(one, "DTEND:20261025T010000Z"));
        // America/New_York falls back on 2026-11-01 at 02:00 EDT -> 01:00 EST.
        const std::string american = to_ics(lasting(75 * 60), "2026-11-01", "01:15", "America/New_York", pinned());
        CHECK(has_line(american, "DTSTART:20261101T051500Z"));  // the first 01:15
        CHECK(has_line(american, "DTEND:20261101T063000Z"));  // 01:30 EST, the second 01:30
        const std::string before = to_ics(lasting(45 * 60), "2026-11-01", "00:45", "America/New_York", pinned());
        CHECK(has_line(before, "DTSTART;TZID=America/New_York:20261101T004500"));
        CHECK(has_line(before, "DTEND:20261101T053000Z"));  // the first 01:30, which happens twice
    }
}

TEST_CASE("zone names: the tz database's places, UTC and GMT, nothing else") {
    const auto workout = sample_timeline();
    SUBCASE("unknown names and paths are refused") {
        CHECK_THROWS_WITH_AS(to_ics(workout, "2026-12-01", "17:30", "Mars/Olympus", pinned()),
                             "unknown time zone 'Mars/Olympus'", std::invalid_argument);
        CHECK_THROWS_AS(to_ics(workout, "2026-12-01", "17:30", "../../etc/passwd", pinned()), std::invalid_argument);
        CHECK(calendar::is_known_zone("America/New_York"));
        CHECK(calendar::is_known_zone("UTC"));
        CHECK_FALSE(calendar::is_known_zone("Europe/Nowhere"));
        // In the tz database, but not a place's civil time: this machine's zone, the leap-second
        // copies, and tzdata's internals.
        // Nor the tables beside the zones, nor other spellings of a zone's path (libical loaded
        // those, and the TZID would be a name no calendar knows).
        for (const char* refused : {"localtime", "right/UTC", "right/Europe/Berlin", "posixrules", "Factory", "leapseconds",
                                    "posix/Factory", "posix/Europe/Berlin", "Europe//Berlin"}) {
            CAPTURE(refused);
            CHECK_FALSE(calendar::is_known_zone(refused));
            CHECK_THROWS_AS(to_ics(workout, "2026-12-01", "17:30", refused, pinned()), std::invalid_argument);
        }
    }
    SUBCASE("GMT is UTC, as the checker already took it") {
        CHECK(calendar::is_known_zone("GMT"));
        const std::string gmt = to_ics(workout, "2026-12-01", "17:30", "GMT", pinned());
        CHECK(has_line(gmt, "DTSTART:20261201T173000Z"));
        CHECK(gmt.find("VTIMEZONE") == std::string::npos);
    }
}

// The checker asks is_known_zone (a file of the tz database, no zone loaded); lowering and the
// calendar use find_zone (libical). They must agree on every name, or a program that checks
// fails to export (as "GMT" and "leapseconds" did).
TEST_CASE("is_known_zone agrees with find_zone on every file of the tz database") {
    namespace fs = std::filesystem;
    const auto loads = [](const std::string& name) {
        try {
            calendar::find_zone(name);
            return true;
        } catch (const std::invalid_argument&) {
            return false;
        }
    };
    std::size_t files = 0, zones = 0;
    for (const auto& entry : fs::recursive_directory_iterator("/usr/share/zoneinfo")) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().lexically_relative("/usr/share/zoneinfo").string();
        CAPTURE(name);
        const bool known = calendar::is_known_zone(name);
        CHECK(known == loads(name));
        ++files;
        if (known) ++zones;
    }
    CHECK(zones > 300);
    CHECK(files > zones);
    for (const char* name : {"localtime", "posixrules", "Factory", "right/UTC", "posix/Europe/Berlin", "posix/Factory",
                             "leapseconds", "zone.tab", "Europe//Berlin", "Europe/Berlin/", "Europe/", "UTC", "GMT"}) {
        CAPTURE(name);
        CHECK(calendar::is_known_zone(name) == loads(name));
    }
}

// libical works a zone's changes out up to 2582 only; later it answered with no summer time, and
// each lookup worked the whole zone out again (35 s to export one session of the year 9000). The
// tz database's yearly rule holds to 9999 (zdump, and ICU, which ical.js is checked against).
TEST_CASE("the zone's yearly rule holds after 2582, to 9999") {
    using namespace std::chrono;
    const auto at = [](sys_days day, int hour) { return day.time_since_epoch().count() * 86400 + hour * 3600; };
    for (const int y : {2026, 2581, 2582, 2583, 2584, 2982, 2983, 3000, 9000, 9999}) {
        CAPTURE(y);
        const year in{y};
        // The EU: the last Sundays of March and October at 01:00Z.
        const calendar::Zone berlin = calendar::find_zone("Europe/Berlin");
        const std::int64_t from = at(sys_days{in / January / 1}, 0), to = at(sys_days{in / December / 31}, 0);
        const auto eu = calendar::offset_changes(berlin, from, to);
        REQUIRE(eu.size() == 2);
        CHECK(eu[0].at == at(sys_days{in / March / Sunday[last]}, 1));
        CHECK(eu[0].before == calendar::Offset{3600, false});
        CHECK(eu[0].after == calendar::Offset{7200, true});
        CHECK(eu[1].at == at(sys_days{in / October / Sunday[last]}, 1));
        CHECK(eu[1].after == calendar::Offset{3600, false});
        // The US: the second Sunday of March at 07:00Z, the first of November at 06:00Z.
        const calendar::Zone new_york = calendar::find_zone("America/New_York");
        const auto us = calendar::offset_changes(new_york, from, to);
        REQUIRE(us.size() == 2);
        CHECK(us[0].at == at(sys_days{in / March / Sunday[2]}, 7));
        CHECK(us[0].after == calendar::Offset{-4 * 3600, true});
        CHECK(us[1].at == at(sys_days{in / November / Sunday[1]}, 6));
        CHECK(us[1].after == calendar::Offset{-5 * 3600, false});
    }
    // The last second a calendar holds.
    CHECK(calendar::offset_at(253402300799, calendar::find_zone("Europe/Berlin")) == calendar::Offset{3600, false});

    SUBCASE("a calendar of the year 9000") {
        auto program = sample_program();
        program.sessions = {session_of(lasting(3600), "9000-06-05", "17:30", 1),
                            session_of(lasting(1800), "9000-10-26", "02:30", 21)};
        const std::string ics = to_ics(program, pinned());
        // In force since 9000-03-30 (summer time), then back on 9000-10-26.
        CHECK(has_line(ics, "DTSTART:90000330T020000"));
        CHECK(has_line(ics, "TZOFFSETTO:+0200"));
        CHECK(has_line(ics, "DTSTART:90001026T030000"));
        CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:90000605T173000"));
        CHECK(has_line(ics, "DTSTART:90001026T003000Z"));  // the first 02:30, which happens twice
        CHECK(has_line(ics, "DTEND:90001026T010000Z"));
        CHECK(calendar::wall_time(calendar::instant("9000-06-05", "17:30", calendar::find_zone("Europe/Berlin")),
                                  calendar::Zone{"UTC", nullptr, true})
                  .time == "15:30");
    }
}

// TZNAME is the abbreviation in force from the observance's onset (zdump -v): libical's zones
// hold every observance of their history, and the first with the offset was taken, so that
// Madrid's summer of 2026 was WEMT (its summers of 1938) and Anchorage's winter YST (to 1967).
TEST_CASE("TZNAME is the abbreviation in force at each change") {
    auto program = sample_program();
    program.sessions = {session_of(lasting(3600), "2026-03-24", "17:30", 1),
                        session_of(lasting(3600), "2026-11-03", "17:30", 33)};
    program.timezone = "Europe/Madrid";
    const std::string madrid = to_ics(program, pinned());
    CHECK(unfolded(madrid).find("BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                                "DTSTART:20260329T020000\r\n") != std::string::npos);
    CHECK(unfolded(madrid).find("BEGIN:STANDARD\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                                "DTSTART:20261025T030000\r\n") != std::string::npos);
    CHECK(madrid.find("WEMT") == std::string::npos);

    program.timezone = "America/Anchorage";
    const std::string anchorage = to_ics(program, pinned());
    CHECK(unfolded(anchorage).find("BEGIN:DAYLIGHT\r\nTZNAME:AKDT\r\nTZOFFSETFROM:-0900\r\nTZOFFSETTO:-0800\r\n"
                                   "DTSTART:20260308T020000\r\n") != std::string::npos);
    CHECK(unfolded(anchorage).find("BEGIN:STANDARD\r\nTZNAME:AKST\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0900\r\n"
                                   "DTSTART:20261101T020000\r\n") != std::string::npos);
    CHECK(anchorage.find("YST") == std::string::npos);

    SUBCASE("in force before the first event, and in 1974 (New York's summer time from January 6)") {
        program.timezone = "America/Anchorage";
        program.sessions = {session_of(lasting(3600), "2026-01-13", "17:30", 1)};
        CHECK(has_line(to_ics(program, pinned()), "TZNAME:AKST"));
        program.timezone = "America/New_York";
        program.sessions = {session_of(lasting(3600), "1974-01-08", "17:30", 1)};
        const std::string ny = to_ics(program, pinned());
        CHECK(has_line(ny, "TZNAME:EST"));
        CHECK(has_line(ny, "TZNAME:EDT"));
        CHECK(ny.find("EWT") == std::string::npos);
    }
}

TEST_CASE("an instant from numbers is the instant from text, across both clock changes") {
    const calendar::Zone berlin = calendar::find_zone("Europe/Berlin");
    const calendar::Zone utc = calendar::find_zone("UTC");
    // The skipped 02:30 is 03:30 (01:30Z); the repeated 02:30 is its first (00:30Z).
    CHECK(calendar::instant(2026, 3, 29, 2, 30, berlin) == calendar::instant("2026-03-29", "01:30", utc));
    CHECK(calendar::instant(2026, 10, 25, 2, 30, berlin) == calendar::instant("2026-10-25", "00:30", utc));
    for (const auto& [date, time] : {std::pair{"1970-01-01", "00:00"}, {"2026-12-07", "17:30"}, {"9999-12-31", "23:59"}}) {
        CAPTURE(date);
        const int year = std::stoi(std::string(date).substr(0, 4));
        const int month = std::stoi(std::string(date).substr(5, 2));
        const int day = std::stoi(std::string(date).substr(8, 2));
        const int hour = std::stoi(std::string(time).substr(0, 2));
        const int minute = std::stoi(std::string(time).substr(3, 2));
        for (const calendar::Zone* zone : {&berlin, &utc}) {
            CHECK(calendar::instant(year, month, day, hour, minute, *zone) == calendar::instant(date, time, *zone));
        }
    }
}
