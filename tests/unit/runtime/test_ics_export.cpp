// The ICS exporter: events, UIDs, the header and event times, descriptions read back by
// libical's parser, alarms, DTSTAMP sources, and the bytes (CRLF, 75-octet folds on UTF-8
// boundaries). Time zones and clock changes are in test_ics_time_zone.cpp.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "ics_test_support.hpp"
#include "runtime/export/ics/ics_description.hpp"
#include "runtime/export/ics/ics_export.hpp"
#include "runtime/export/ics/ics_fold.hpp"
#include "runtime/export/text/text_export.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using namespace reps::test;

namespace {

// Every X-LIC-ERROR the parser attached, anywhere in the tree, as "component: message".
void collect_errors(icalcomponent* component, std::vector<std::string>& errors) {
    for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        errors.push_back(std::string(icalcomponent_kind_to_string(icalcomponent_isa(component))) + ": " +
                         icalproperty_get_xlicerror(p));
    }
    for (icalcomponent* c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c != nullptr;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        collect_errors(c, errors);
    }
}

// A complete UTF-8 sequence starts at `at`: its length, or 0.
std::size_t utf8_length(const std::string& s, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(at);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > s.size()) return 0;
    for (std::size_t i = at + 1; i < at + length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
    }
    return length;
}

// RFC 5545 §3.1 on bytes: every line ends in CRLF, no bare CR or LF, at most 75 octets a line,
// and each physical line is valid UTF-8 by itself (a fold never splits a character).
void check_bytes(const std::string& ics) {
    REQUIRE(ics.size() >= 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        const std::string line = ics.substr(start, end - start);
        INFO("line: " << line);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.size() <= 75);
        for (std::size_t i = 0; i < line.size();) {
            const std::size_t length = utf8_length(line, i);
            REQUIRE_MESSAGE(length > 0, "a fold split a UTF-8 sequence");
            i += length;
        }
        start = end + 2;
    }
}

// A scoped SOURCE_DATE_EPOCH, restored afterwards.
struct EnvironmentVariable {
    std::string name;
    std::optional<std::string> saved;
    EnvironmentVariable(std::string variable, const char* value) : name(std::move(variable)) {
        if (const char* old = std::getenv(name.c_str())) saved = old;
        if (value != nullptr) ::setenv(name.c_str(), value, 1);
        else ::unsetenv(name.c_str());
    }
    ~EnvironmentVariable() {
        if (saved) ::setenv(name.c_str(), saved->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("a program gives one event per session with stable, unique UIDs") {
    const auto program = test::sample_program();
    const std::string ics = to_ics(program, pinned());
    CHECK(ics == to_ics(program, pinned()));

    const Parsed calendar = parse(ics);
    REQUIRE(calendar);
    CHECK(icalcomponent_isa(calendar.get()) == ICAL_VCALENDAR_COMPONENT);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 3);
    std::vector<std::string> uids;
    for (icalcomponent* event : events) uids.push_back(icalcomponent_get_uid(event));
    CHECK(uids == std::vector<std::string>{"runner_strength-20261201-run-intervals@reps", "runner_strength-20261201-sample@reps",
                                           "runner_strength-20261212-run-long-run@reps"});

    SUBCASE("the same session in another week gets another UID") {
        auto weekly = program;
        auto next = weekly.sessions[1];
        next.date = "2026-12-08";
        next.week = 2;
        weekly.sessions.insert(weekly.sessions.begin() + 2, next);
        const Parsed again = parse(to_ics(weekly, pinned()));
        std::set<std::string> distinct;
        for (icalcomponent* event : children(again.get(), ICAL_VEVENT_COMPONENT)) distinct.insert(icalcomponent_get_uid(event));
        CHECK(distinct.size() == 4);
        CHECK(distinct.count("runner_strength-20261208-sample@reps") == 1);
    }
}

// SPEC 7: a UID is keyed on program, date and what the session is, so a re-import updates the
// right events whatever else changed in the program.
TEST_CASE("UIDs survive adding, removing and re-timing sessions") {
    const auto uids_of = [](const timeline::Program& program) {
        std::vector<std::string> uids;
        const Parsed calendar = parse(to_ics(program, pinned()));
        for (icalcomponent* event : children(calendar.get(), ICAL_VEVENT_COMPONENT)) uids.push_back(icalcomponent_get_uid(event));
        return uids;
    };
    const auto program = test::sample_program();
    const auto before = uids_of(program);

    auto added = program;  // a session line added before the others
    timeline::Session mobility = added.sessions[1];
    mobility.time = "06:00";
    mobility.workout = "mobility";
    mobility.timeline->workout = "mobility";
    added.sessions.insert(added.sessions.begin(), mobility);
    const auto after_adding = uids_of(added);
    CHECK(after_adding == std::vector<std::string>{"runner_strength-20261201-mobility@reps", before[0], before[1], before[2]});

    auto removed = program;
    removed.sessions.erase(removed.sessions.begin());
    CHECK(uids_of(removed) == std::vector<std::string>{before[1], before[2]});

    auto retimed = program;  // the strength session moved to the morning: same UID, the event moves
    retimed.sessions[1].time = "07:30";
    CHECK(uids_of(retimed) == before);

    // The same workout twice on one date: an ordinal, in the order of the session lines, so that a
    // line added after the first keeps the first's UID even when it comes earlier in the day.
    auto twice = program;
    twice.sessions[1].origin = {"plan.reps", 10, 3};
    timeline::Session morning = twice.sessions[1];
    morning.time = "05:00";
    morning.origin = {"plan.reps", 12, 3};
    twice.sessions.insert(twice.sessions.begin(), morning);
    const auto with_ordinal = uids_of(twice);
    CHECK(with_ordinal[0] == "runner_strength-20261201-sample.2@reps");
    CHECK(with_ordinal[2] == "runner_strength-20261201-sample@reps");
    // A run whose title ends in a number cannot take another session's ordinal.
    auto tempo = program;
    tempo.sessions[0].run->title = "Intervals 2";
    timeline::Session again = program.sessions[0];
    again.time = "19:00";
    tempo.sessions.push_back(again);
    timeline::Session third = program.sessions[0];
    third.time = "20:00";
    tempo.sessions.push_back(third);
    const auto runs = uids_of(tempo);
    CHECK(runs[0] == "runner_strength-20261201-run-intervals-2@reps");
    CHECK(std::set<std::string>(runs.begin(), runs.end()).size() == runs.size());

    auto titled = program;  // run titles: lower case, '-' between words, bytes beyond ASCII as %XX
    titled.sessions[0].run->title = "Läufe: 6 x 400m!";
    CHECK(uids_of(titled)[0] == "runner_strength-20261201-run-l%C3%A4ufe-6-x-400m@reps");
}

TEST_CASE("the calendar header, time zone and event times") {
    const std::string ics = to_ics(test::sample_program(), pinned());
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    CHECK(ics.ends_with("END:VCALENDAR\r\n"));
    CHECK(has_line(ics, "PRODID:-//Reps//reps 0.1//EN"));
    CHECK(has_line(ics, "VERSION:2.0"));
    CHECK(has_line(ics, "CALSCALE:GREGORIAN"));
    CHECK(has_line(ics, "X-WR-CALNAME;VALUE=TEXT:Strength for Runners"));
    CHECK(has_line(ics, "TZID:Europe/Berlin"));
    // The offset in force over the events (December): since the change of 2026-10-25.
    CHECK(has_line(ics, "TZOFFSETFROM:+0200"));
    CHECK(has_line(ics, "TZOFFSETTO:+0100"));
    CHECK(has_line(ics, "DTSTART:20261025T030000"));
    CHECK(has_line(ics, "DTSTAMP:20231114T221320Z"));

    // Run 06:30 + 50min; workout 17:30 + 17:52 rounded up to 18min; long run 08:00 + 90min.
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261201T063000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261201T072000"));
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261201T173000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261201T174800"));
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261212T080000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261212T093000"));

    const Parsed calendar = parse(ics);
    const auto zones = children(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
    REQUIRE(zones.size() == 1);
    CHECK(children(zones[0], ICAL_XSTANDARD_COMPONENT).size() == 1);
    CHECK(children(zones[0], ICAL_XDAYLIGHT_COMPONENT).empty());  // no change near December
    // December in Berlin is UTC+1.
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    CHECK(utc_clock(utc_of(events[1], false)) == "2026-12-01T16:30Z");
}

// A title's ',' and ';' left bare were separators to a reader of TEXT (libical's parser kept
// "Strength" of "Strength, Runners"); ical.js reads the name back too (tests/ics/ics_test.sh).
TEST_CASE("the calendar's name is TEXT, escaped as RFC 5545 says, and reads back exactly") {
    auto program = test::sample_program();
    program.title = "Strength, Runners; Winter \\ Spring";
    const std::string ics = to_ics(program, pinned());
    CHECK(has_line(ics, "X-WR-CALNAME;VALUE=TEXT:Strength\\, Runners\\; Winter \\\\ Spring"));
    const Parsed calendar = parse(ics);
    REQUIRE(calendar);
    icalproperty* name = icalcomponent_get_first_property(calendar.get(), ICAL_X_PROPERTY);
    REQUIRE(name != nullptr);
    CHECK(std::string(icalproperty_get_x_name(name)) == "X-WR-CALNAME");
    REQUIRE(icalvalue_isa(icalproperty_get_value(name)) == ICAL_TEXT_VALUE);
    CHECK(std::string(icalvalue_get_text(icalproperty_get_value(name))) == program.title);

    SUBCASE("a line end or another control character is a space, as in SUMMARY") {
        program.title = "Two\nLines\x1b[31m";
        CHECK(has_line(to_ics(program, pinned()), "X-WR-CALNAME;VALUE=TEXT:Two Lines [31m"));
    }
}

TEST_CASE("DTEND is the timeline length rounded up to the minute") {
    auto program = test::sample_program();
    program.sessions = {session_of(lasting(3600), "2026-12-03", "17:30", 1),
                        session_of(lasting(3601), "2026-12-04", "17:30", 1),
                        session_of(lasting(59), "2026-12-05", "17:30", 1)};
    const std::string ics = to_ics(program, pinned());
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261203T183000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261204T183100"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261205T173100"));
}

TEST_CASE("summaries and descriptions read back through libical's parser") {
    const auto program = test::sample_program();
    const std::string ics = to_ics(program, pinned());
    const Parsed calendar = parse(ics);
    REQUIRE(calendar);
    std::vector<std::string> errors;
    collect_errors(calendar.get(), errors);
    CHECK(errors.empty());
    CHECK(icalcomponent_count_errors(calendar.get()) == 0);

    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 3);
    CHECK(std::string(icalcomponent_get_summary(events[0])) == "Run: Intervals (week 1)");
    CHECK(std::string(icalcomponent_get_description(events[0])) == "Run: Intervals (50:00, hard)");
    CHECK(std::string(icalcomponent_get_summary(events[1])) == "Sample Session (week 1)");
    std::string sheet = to_text(*program.sessions[1].timeline);
    while (!sheet.empty() && sheet.back() == '\n') sheet.pop_back();
    CHECK(std::string(icalcomponent_get_description(events[1])) == sheet);
    CHECK(std::string(icalcomponent_get_summary(events[2])) == "Run: Long run (week 2)");
    CHECK(std::string(icalcomponent_get_description(events[2])) == "Run: Long run (1:30:00)");
    CHECK(children(events[0], ICAL_VALARM_COMPONENT).empty());
}

TEST_CASE("--alarm adds a display alarm before each event") {
    const std::string ics = to_ics(test::sample_program(), pinned(15 * 60));
    CHECK(has_line(ics, "TRIGGER:-PT15M"));
    const Parsed calendar = parse(ics);
    for (icalcomponent* event : children(calendar.get(), ICAL_VEVENT_COMPONENT)) {
        const auto alarms = children(event, ICAL_VALARM_COMPONENT);
        REQUIRE(alarms.size() == 1);
        CHECK(icalproperty_get_action(icalcomponent_get_first_property(alarms[0], ICAL_ACTION_PROPERTY)) ==
              ICAL_ACTION_DISPLAY);
        const icaltriggertype trigger =
            icalproperty_get_trigger(icalcomponent_get_first_property(alarms[0], ICAL_TRIGGER_PROPERTY));
        CHECK(icaldurationtype_as_int(trigger.duration) == -900);
        CHECK(std::string(icalcomponent_get_description(alarms[0])) == icalcomponent_get_summary(event));
    }
    CHECK_THROWS_AS(to_ics(test::sample_program(), pinned(-60)), std::invalid_argument);
}

TEST_CASE("DTSTAMP comes from the option, else SOURCE_DATE_EPOCH, else the clock") {
    SUBCASE("SOURCE_DATE_EPOCH") {
        EnvironmentVariable epoch("SOURCE_DATE_EPOCH", "1800000000");
        CHECK(has_line(to_ics(test::sample_program(), IcsOptions{}), "DTSTAMP:20270115T080000Z"));
        CHECK(has_line(to_ics(test::sample_program(), pinned()), "DTSTAMP:20231114T221320Z"));
        CHECK_THROWS_AS(to_ics(test::sample_program(), IcsOptions{-1, std::nullopt}), std::invalid_argument);
    }
    SUBCASE("a malformed SOURCE_DATE_EPOCH is an error") {
        EnvironmentVariable epoch("SOURCE_DATE_EPOCH", "yesterday");
        CHECK_THROWS_WITH_AS(to_ics(test::sample_program(), IcsOptions{}),
                             "SOURCE_DATE_EPOCH must be a whole number of seconds, not 'yesterday'",
                             std::invalid_argument);
    }
    SUBCASE("the clock") {
        EnvironmentVariable epoch("SOURCE_DATE_EPOCH", nullptr);
        const std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        char year[8];
        std::strftime(year, sizeof year, "%Y", &tm);
        CHECK(unfolded(to_ics(test::sample_program(), IcsOptions{})).find(std::string("DTSTAMP:") + year) !=
              std::string::npos);
    }
}

TEST_CASE("a single workout at a date, time and zone") {
    const auto workout = test::sample_timeline();  // week 2
    const std::string ics = to_ics(workout, "2026-12-01", "17:30", "Europe/Berlin", pinned());
    const Parsed calendar = parse(ics);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 1);
    CHECK(std::string(icalcomponent_get_uid(events[0])) == "sample-20261201T1730@reps");
    CHECK(std::string(icalcomponent_get_summary(events[0])) == "Sample Session (week 2)");
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261201T173000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Berlin:20261201T174800"));
    CHECK(ics.find("X-WR-CALNAME") == std::string::npos);

    SUBCASE("UTC times carry Z and need no VTIMEZONE") {
        const std::string utc = to_ics(workout, "2026-12-01", "17:30", "UTC", pinned());
        CHECK(has_line(utc, "DTSTART:20261201T173000Z"));
        CHECK(has_line(utc, "DTEND:20261201T174800Z"));
        CHECK(utc.find("VTIMEZONE") == std::string::npos);
        CHECK(to_ics(workout, "2026-12-01", "17:30", "", pinned()) == utc);
    }
    SUBCASE("bad dates and times are refused (zones: test_ics_time_zone.cpp)") {
        CHECK_THROWS_WITH_AS(to_ics(workout, "2026-02-30", "17:30", "UTC", pinned()),
                             "invalid date '2026-02-30', expected YYYY-MM-DD", std::invalid_argument);
        CHECK_THROWS_AS(to_ics(workout, "2026-12-01", "24:00", "UTC", pinned()), std::invalid_argument);
    }
}

TEST_CASE("long lines fold at 75 octets and never inside a UTF-8 character") {
    timeline::Timeline t = test::sample_timeline();
    std::string title = "Übung für Läufer ";
    for (int i = 0; i < 40; ++i) title += i % 2 ? "é" : "💪";
    t.title = title;
    for (auto& segment : t.segments) {
        std::string cue;
        for (int i = 0; i < 90; ++i) cue += i % 3 == 0 ? "💪" : i % 3 == 1 ? "é" : "a";
        if (segment.kind == timeline::SegmentKind::work) segment.cue = cue;
    }
    for (const char* time : {"17:30", "17:31"}) {
        const std::string ics = to_ics(t, "2026-12-01", time, "Europe/Berlin", pinned(900));
        check_bytes(ics);
        const Parsed calendar = parse(ics);
        std::vector<std::string> errors;
        collect_errors(calendar.get(), errors);
        CHECK(errors.empty());
        const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
        REQUIRE(events.size() == 1);
        CHECK(std::string(icalcomponent_get_summary(events[0])) == title + " (week 2)");
        std::string sheet = to_text(t);
        sheet.pop_back();
        CHECK(std::string(icalcomponent_get_description(events[0])) == sheet);
    }
    check_bytes(to_ics(test::sample_program(), pinned(900)));
}

TEST_CASE("refold_ics") {
    SUBCASE("75 octets stay on one line, 76 fold") {
        const std::string exact = "X-A:" + std::string(71, 'a');
        CHECK(refold_ics(exact + "\r\n") == exact + "\r\n");
        CHECK(refold_ics(exact + "b\r\n") == exact + "\r\n b\r\n");
    }
    SUBCASE("a fold moves back to the start of a character") {
        const std::string line = "X-A:" + std::string(70, 'a') + "é";  // é is octets 75 and 76
        CHECK(refold_ics(line + "\r\n") == "X-A:" + std::string(70, 'a') + "\r\n é\r\n");
        const std::string emoji = "X-A:" + std::string(69, 'a') + "💪";  // octets 74-77
        CHECK(refold_ics(emoji + "\n") == "X-A:" + std::string(69, 'a') + "\r\n 💪\r\n");
    }
    SUBCASE("continuation lines hold 74 octets after the space") {
        const std::string folded = refold_ics("X-A:" + std::string(71 + 74 + 3, 'a') + "\r\n");
        CHECK(folded == "X-A:" + std::string(71, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " +
                            std::string(3, 'a') + "\r\n");
    }
    SUBCASE("libical's split line end comes out whole") {
        // libical 3.0.16 writes a value that ends exactly at a fold as "...\r" CRLF-SPACE "\n".
        icalproperty* property = icalproperty_new_description(std::string(73, 'a').c_str());
        const std::string serialized = icalproperty_as_ical_string(property);
        icalproperty_free(property);
        const std::string fixed = refold_ics(serialized);
        check_bytes(fixed);
        CHECK(unfolded(fixed) == "DESCRIPTION:" + std::string(73, 'a') + "\r\n");
        CHECK(refold_ics("DESCRIPTION:aaa\r\r\n \n") == "DESCRIPTION:aaa\r\n");
    }
    SUBCASE("existing folds are undone first") {
        CHECK(refold_ics("SUMMARY:ab\r\n cd\r\n\tef\r\n") == "SUMMARY:abcdef\r\n");
    }
}

// SPEC 7: the description holds the printable timeline of that week's session; a summary a
// calendar shows in a few readable lines comes first.
TEST_CASE("a workout's DESCRIPTION: a readable session summary, then the printable timeline") {
    auto t = test::sample_timeline();
    // The sample's blocks: the warm-up, the squats (with a cue and a hold), a note, the split
    // squats each side, a superset, and the cool-down.
    const auto entry = [](std::string exercise, std::string title, std::string amount) {
        timeline::BlockEntry e;
        e.exercise = std::move(exercise);
        e.title = std::move(title);
        e.amount_text = std::move(amount);
        return e;
    };
    const auto block = [](timeline::Block::Kind kind, timeline::Phase phase, int sets, std::int64_t rest,
                          std::int64_t start, std::int64_t duration) {
        timeline::Block b;
        b.kind = kind;
        b.phase = phase;
        b.sets = sets;
        b.rest = rest;
        b.start = start;
        b.duration = duration;
        return b;
    };
    using Kind = timeline::Block::Kind;
    using timeline::Phase;
    t.blocks.push_back(block(Kind::prescription, Phase::warmup, 1, 0, 0, 300));
    t.blocks.back().entries.push_back(entry("easy_cardio", "Easy Cardio", "5min"));
    t.blocks.push_back(block(Kind::prescription, Phase::main, 2, 60, 330, 132));
    auto squat = entry("goblet_squat", "Kettlebell Goblet Squat", "12");
    squat.load = timeline::Load{timeline::Load::Kind::mass, "16kg", 16, "kg", 1};
    squat.hold = 2;
    squat.cue = "Chest up";
    t.blocks.back().entries.push_back(squat);
    t.blocks.push_back(block(Kind::note, Phase::main, 1, 0, 462, 0));
    t.blocks.back().text = "Breathe out\non the way up";
    t.blocks.push_back(block(Kind::prescription, Phase::main, 2, 60, 492, 190));
    auto split = entry("bulgarian_split_squat", "Bulgarian Split Squat", "8-10");
    split.sides = "each";
    split.tempo = "3-1-1-0";
    t.blocks.back().entries.push_back(split);
    t.blocks.push_back(block(Kind::superset, Phase::main, 3, 90, 712, 30));
    t.blocks.back().entries.push_back(entry("plank", "Plank", "30s"));
    t.blocks.back().entries.push_back(entry("push_up", "Push-Up", "10"));
    t.blocks.push_back(block(Kind::prescription, Phase::cooldown, 1, 0, 772, 300));
    t.blocks.back().entries.push_back(entry("static_stretching", "Static Stretching", "5min"));

    std::string timeline_text = to_text(t);
    REQUIRE(timeline_text.ends_with("\n"));
    timeline_text.pop_back();
    // The phases last what their segments do, the transition into each included, as in the text
    // timeline and the JSON: 5:30 + 6:52 + 5:30 is the total.
    CHECK(session_description(t) ==
          "Sample Session, week 2: 17:52\n"
          "Equipment: Bench, Dumbbells, Kettlebell\n"
          "\n"
          "Warm-up (5:30)\n"
          "- Easy Cardio: 5min\n"
          "\n"
          "Main work (6:52)\n"
          "- Kettlebell Goblet Squat: 2 x 12 @16kg, hold 2s, rest 1:00 \"Chest up\"\n"
          "Note: Breathe out on the way up\n"
          "- Bulgarian Split Squat: 2 x 8-10 each side, tempo 3-1-1-0, rest 1:00\n"
          "- Superset, 3 rounds, rest 1:30: Plank 30s / Push-Up 10 reps\n"
          "\n"
          "Cool-down (5:30)\n"
          "- Static Stretching: 5min\n"
          "\n" +
              timeline_text);

    // Through the calendar and libical's parser, line breaks and all.
    const std::string ics = to_ics(t, "2026-12-01", "17:30", "UTC", pinned());
    const Parsed calendar = parse(ics);
    REQUIRE(calendar);
    const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(events.size() == 1);
    CHECK(std::string(icalcomponent_get_description(events[0])) == session_description(t));
}
