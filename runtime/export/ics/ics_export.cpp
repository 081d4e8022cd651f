// Builds the VCALENDAR of a program or a dated workout with libical, then re-folds the text
// (ics_fold.cpp). Local times are turned into UTC instants through libical's copy of the
// system tz database, so DTEND and the VTIMEZONE agree with what calendar apps compute.
#include "runtime/export/ics/ics_export.hpp"

#include "runtime/export/safe_text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <libical/ical.h>

#include "runtime/calendar/time_zone.hpp"
#include "runtime/export/ics/ics_description.hpp"
#include "runtime/export/ics/ics_fold.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps {

namespace {

using calendar::event_seconds;
using calendar::find_zone;
using calendar::instant;
using calendar::local_time_at;
using calendar::utc_time;
using calendar::wall_time_is_unique;
using calendar::Zone;

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// What one VEVENT says, computed before any libical object is made.
struct Event {
    std::string uid;
    std::string summary;
    std::string description;
    std::int64_t start = 0;   // UTC instant, seconds since 1970
    std::int64_t length = 0;  // seconds, a whole number of minutes
};

std::string compact_date(const std::string& date) {
    std::string out;
    std::copy_if(date.begin(), date.end(), std::back_inserter(out), [](char c) { return c != '-'; });
    return out;
}

// DATE-TIME has four year digits: 1970-01-01 up to 9999-12-31T23:59:59Z.
constexpr std::int64_t last_second = 253402300799;

std::int64_t dtstamp_of(const IcsOptions& options) {
    if (options.dtstamp_epoch) {
        if (*options.dtstamp_epoch < 0 || *options.dtstamp_epoch > last_second) {
            throw std::invalid_argument(fmt::format("DTSTAMP {} is outside 1970-9999", *options.dtstamp_epoch));
        }
        return *options.dtstamp_epoch;
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
        const std::string text = epoch;
        const bool number = !text.empty() && text.size() <= 12 &&
                            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                            std::stoll(text) <= last_second;
        if (!number) {
            throw std::invalid_argument(
                fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds, not '{}'", text));
        }
        return std::stoll(text);
    }
    return static_cast<std::int64_t>(std::time(nullptr));
}

// A DATE-TIME property from its text: libical's icalproperty_new_dtstart(t) normalises `t`
// through time_t and writes 00000000T000000 for years after 3000. A program whose session would end
// after 9999 is refused before it gets here (E0409); this guard is what catches a single workout's
// `--at`, and the last defence for anything the checker missed.
icalproperty* datetime_property(icalproperty_kind kind, const icaltimetype& t) {
    if (t.year > 9999) throw std::invalid_argument("an event would end after 9999-12-31, the last date a calendar holds");
    const std::string text = fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}{}", t.year, t.month, t.day, t.hour, t.minute,
                                         t.second, t.zone != nullptr ? "Z" : "");
    icalproperty* property = icalproperty_new(kind);
    icalproperty_set_value(property, icalvalue_new_from_string(ICAL_DATETIME_VALUE, text.c_str()));
    return property;
}

// DTSTART or DTEND, so that every client reads the same instant (SPEC 7: an event's end is its
// start plus its length in elapsed time): the local wall time with TZID, or the "Z" time in UTC
// when the zone is UTC or the wall time is one the clock shows twice. After clocks go back,
// clients disagree on which of the two a local time means (ical.js reads 02:30 in Berlin as the
// first and 01:15 in New York as the second), and an end at the second 02:00 would read as
// before its start. RFC 5545 allows a UTC time beside a TZID one. libical 3.0.16 does not add the
// TZID parameter by itself, so the value is written floating and the parameter added.
icalproperty* time_property(icalproperty_kind kind, std::int64_t seconds, const Zone& zone) {
    if (zone.utc || !wall_time_is_unique(seconds, zone)) return datetime_property(kind, utc_time(seconds));
    icalproperty* property = datetime_property(kind, local_time_at(seconds, zone));
    icalproperty_add_parameter(property, icalparameter_new_tzid(zone.name.c_str()));
    return property;
}

// A floating time's fields in order, to compare them (icaltime_compare goes through time_t,
// which fails after the year 3000).
std::tuple<int, int, int, int, int, int> fields(const icaltimetype& t) {
    return {t.year, t.month, t.day, t.hour, t.minute, t.second};
}

// The last time at or before `when` that an observance of the zone's own rules began, by its
// DTSTART, RDATEs and RRULE (a rule running at `when` counts as beginning then): null if none.
icaltimetype latest_onset(icalcomponent* observance, const icaltimetype& when) {
    icaltimetype latest = icaltime_null_time();
    const auto consider = [&](icaltimetype onset) {
        onset.zone = nullptr;
        if (!icaltime_is_null_time(onset) && fields(onset) <= fields(when) && fields(onset) > fields(latest)) latest = onset;
    };
    const icaltimetype start = icalcomponent_get_dtstart(observance);
    consider(start);
    for (icalproperty* rdate = icalcomponent_get_first_property(observance, ICAL_RDATE_PROPERTY); rdate != nullptr;
         rdate = icalcomponent_get_next_property(observance, ICAL_RDATE_PROPERTY)) {
        consider(icalproperty_get_rdate(rdate).time);
    }
    if (icalproperty* rule = icalcomponent_get_first_property(observance, ICAL_RRULE_PROPERTY);
        rule != nullptr && fields(start) <= fields(when)) {
        const icaltimetype until = icalproperty_get_rrule(rule).until;
        consider(icaltime_is_null_time(until) || fields(until) > fields(when) ? when : until);
    }
    return latest;
}

// The name the zone's own rules give an offset ("CEST") from the wall time `onset` on, or none:
// of their observances with that offset, the one that began last by then. The zone's history
// has others with the same offset: Madrid's summers of 1938 were WEMT, Anchorage's winters
// before 1967 YST.
std::string observance_name(const Zone& zone, const calendar::Offset& offset, const icaltimetype& onset) {
    icalcomponent* rules = icaltimezone_get_component(zone.zone);
    const icalcomponent_kind kind = offset.daylight ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT;
    std::string name;
    icaltimetype began = icaltime_null_time();
    for (icalcomponent* observance = icalcomponent_get_first_component(rules, kind); observance != nullptr;
         observance = icalcomponent_get_next_component(rules, kind)) {
        icalproperty* to = icalcomponent_get_first_property(observance, ICAL_TZOFFSETTO_PROPERTY);
        icalproperty* tzname = icalcomponent_get_first_property(observance, ICAL_TZNAME_PROPERTY);
        if (to == nullptr || tzname == nullptr || icalproperty_get_tzoffsetto(to) != offset.seconds) continue;
        const icaltimetype latest = latest_onset(observance, onset);
        if (!icaltime_is_null_time(latest) && (name.empty() || fields(latest) > fields(began))) {
            name = icalproperty_get_tzname(tzname);
            began = latest;
        }
    }
    return name;
}

// The wall clock just before a change: the instant read in the offset before it (a floating time).
icaltimetype onset_of(const calendar::OffsetChange& change) {
    icaltimetype onset = utc_time(change.at + change.before.seconds);
    onset.zone = nullptr;
    return onset;
}

// One observance: from the wall time `onset` on (in the offset before it), `after` holds.
icalcomponent* observance(const Zone& zone, const icaltimetype& onset, const calendar::Offset& before,
                          const calendar::Offset& after) {
    icalcomponent* component = icalcomponent_new(after.daylight ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);
    if (const std::string name = observance_name(zone, after, onset); !name.empty()) {
        icalcomponent_add_property(component, icalproperty_new_tzname(name.c_str()));
    }
    icalcomponent_add_property(component, icalproperty_new_tzoffsetfrom(static_cast<int>(before.seconds)));
    icalcomponent_add_property(component, icalproperty_new_tzoffsetto(static_cast<int>(after.seconds)));
    icalcomponent_add_property(component, datetime_property(ICAL_DTSTART_PROPERTY, onset));
    return component;
}

// The zone as it is over the events (a week of margin each side): the offset in force before
// them, then each change of offset as an observance of its own, with its onset and no RRULE or
// RDATE. Every client reads that form alike, and it is what the events' times were computed
// with. libical's own VTIMEZONE, cut to the events' years, dropped a change on an event's day
// (its last yearly rule ended a year early: 2026-10-25 in Berlin read an hour off), and it
// writes a zone's irregular changes as an RDATE in UTC beside a DTSTART, of which ical.js
// (Thunderbird) reads only the RDATE.
Component vtimezone(const Zone& zone, std::int64_t first, std::int64_t last) {
    constexpr std::int64_t week = 7 * 24 * 3600;
    constexpr std::int64_t two_years = 2 * 366 * 24 * 3600;
    const std::int64_t from = std::max<std::int64_t>(0, first - week);
    const std::int64_t to = std::min(last_second, last + week);
    Component component(icalcomponent_new(ICAL_VTIMEZONE_COMPONENT));
    // The bare IANA name: apps that map TZIDs to their own database (Google, Apple) know it.
    icalcomponent_add_property(component.get(), icalproperty_new_tzid(zone.name.c_str()));
    // In force at `from`: since the last change before it, or (none in two years) since `from`.
    const std::int64_t earliest = std::max<std::int64_t>(0, from - two_years);
    if (const std::optional<calendar::OffsetChange> change = calendar::last_change(zone, from, earliest)) {
        icalcomponent_add_component(component.get(), observance(zone, onset_of(*change), change->before, change->after));
    } else {
        const calendar::Offset offset = calendar::offset_at(from, zone);
        icaltimetype onset = local_time_at(from, zone);
        // `from` stops at 1970-01-01T00:00Z, which east of UTC is already that day's morning: the
        // observance starts at its midnight, so that the events of the first day a date can have
        // (SPEC 7: from 1970) are in it; a client reads an event before every observance as UTC.
        if (from == 0 && offset.seconds > 0) {
            onset = utc_time(0);
            onset.zone = nullptr;
        }
        icalcomponent_add_component(component.get(), observance(zone, onset, offset, offset));
    }
    for (const calendar::OffsetChange& change : calendar::offset_changes(zone, from, to)) {
        icalcomponent_add_component(component.get(), observance(zone, onset_of(change), change.before, change.after));
    }
    return component;
}

icalcomponent* alarm(std::int64_t before, const std::string& summary) {
    icaltriggertype trigger{};
    trigger.time = icaltime_null_time();
    trigger.duration = icaldurationtype_from_int(static_cast<int>(-before));
    return icalcomponent_vanew(ICAL_VALARM_COMPONENT, icalproperty_new_action(ICAL_ACTION_DISPLAY),
                               icalproperty_new_trigger(trigger), icalproperty_new_description(summary.c_str()),
                               nullptr);
}

// RFC 5545 §3.3.11: a TEXT value as written, its backslashes, ';', ',' and line ends escaped, by
// libical's own writer of TEXT values.
std::string escaped_text(const std::string& text) {
    icalvalue* value = icalvalue_new_text(text.c_str());
    std::string escaped = icalvalue_as_ical_string(value);  // libical's ring buffer: copied at once
    icalvalue_free(value);
    return escaped;
}

// X-WR-CALNAME: not RFC 5545, but the name Apple, Google and Outlook give a subscribed calendar,
// and TEXT to them (the program's title, a user's line: no control character). libical 3.0.16
// (Debian 12) leaves ',' and ';' unescaped in every x-property, where a reader of TEXT takes them
// for separators (libical's own parser reads "Strength, Runners" in a TEXT value as "Strength"),
// and escapes '\' and line ends; 3.0.17 on escapes ',' and ';' too, in a TEXT value only. So the
// value is escaped here and handed over as a STRING, which libical writes as it is, and VALUE=TEXT
// says what it is: without it ical.js (Thunderbird) reads an x-property as raw text, escapes and all.
icalproperty* calendar_name(const std::string& title) {
    icalproperty* property = icalproperty_new(ICAL_X_PROPERTY);
    icalproperty_set_x_name(property, "X-WR-CALNAME");
    icalproperty_set_value(property, icalvalue_new_string(escaped_text(without_control_characters(title)).c_str()));
    icalproperty_add_parameter(property, icalparameter_new_value(ICAL_VALUE_TEXT));
    return property;
}

struct PropertyFree {
    void operator()(icalproperty* property) const { icalproperty_free(property); }
};
using Property = std::unique_ptr<icalproperty, PropertyFree>;

icalcomponent* vevent(const Event& event, const Zone& zone, std::int64_t dtstamp, const IcsOptions& options) {
    // The dates first, each owned until the event takes it: a date past 9999 throws, and what
    // was made before it must not leak.
    Property stamp(datetime_property(ICAL_DTSTAMP_PROPERTY, utc_time(dtstamp)));
    Property start(time_property(ICAL_DTSTART_PROPERTY, event.start, zone));
    Property end(time_property(ICAL_DTEND_PROPERTY, event.start + event.length, zone));
    icalcomponent* component = icalcomponent_vanew(
        ICAL_VEVENT_COMPONENT, icalproperty_new_uid(event.uid.c_str()), stamp.release(), start.release(), end.release(),
        // User text, and the description's lines: no control character but the line ends (RFC 5545
        // TEXT allows none, and a terminal showing the file would obey them).
        icalproperty_new_summary(without_control_characters(event.summary).c_str()),
        icalproperty_new_description(without_control_characters(event.description, true).c_str()),
        nullptr);
    if (options.alarm_seconds) {
        icalcomponent_add_component(component, alarm(*options.alarm_seconds, without_control_characters(event.summary)));
    }
    return component;
}

std::string calendar_text(const std::vector<Event>& events, const Zone& zone, const std::string& name,
                     const IcsOptions& options) {
    if (options.alarm_seconds && (*options.alarm_seconds < 0 || *options.alarm_seconds > 7 * 24 * 3600)) {
        throw std::invalid_argument("an alarm must be between 0 and 7 days before the event");
    }
    const std::int64_t dtstamp = dtstamp_of(options);
    Component root(icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_prodid("-//Reps//reps 0.1//EN"),
                                       icalproperty_new_version("2.0"), icalproperty_new_calscale("GREGORIAN"),
                                       nullptr));
    if (!name.empty()) icalcomponent_add_property(root.get(), calendar_name(name));
    if (!zone.utc && !events.empty()) {
        std::int64_t first = events.front().start;
        std::int64_t last = events.front().start + events.front().length;
        for (const Event& event : events) {
            first = std::min(first, event.start);
            last = std::max(last, event.start + event.length);
        }
        icalcomponent_add_component(root.get(), vtimezone(zone, first, last).release());
    }
    for (const Event& event : events) icalcomponent_add_component(root.get(), vevent(event, zone, dtstamp, options));

    std::unique_ptr<char, decltype(&std::free)> text(icalcomponent_as_ical_string_r(root.get()), &std::free);
    if (!text) throw std::runtime_error("libical could not serialize the calendar");
    return refold_ics(text.get());
}

std::string week_suffix(int week) { return fmt::format(" (week {})", week); }

// What a session is, for its UID: its workout's name, or "run-" and the run's title in lower case
// ASCII letters and digits, other characters as '-' and bytes beyond ASCII as %XX.
std::string session_key(const timeline::Session& session) {
    if (!session.run) return session.workout;
    std::string key = "run-";
    for (const char c : session.run->title) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) key += fmt::format("%{:02X}", byte);
        else if (std::isalnum(byte)) key += static_cast<char>(std::tolower(byte));
        else if (key.back() != '-') key += '-';
    }
    while (key.size() > 4 && key.back() == '-') key.pop_back();
    return key;
}

// SPEC 7: a session's UID is keyed on what it is, the program, its date and its workout (or run),
// not on its line's position, so adding, removing or re-timing another session, or re-timing this
// one, keeps it. The same key again on one date gets ".2", ".3" in the order of the session lines
// (the first line keeps the plain UID, so a line added after it changes nothing); '.' is in no key.
std::vector<std::string> session_uids(const timeline::Program& program) {
    std::vector<std::string> keys;
    for (const timeline::Session& session : program.sessions) keys.push_back(session_key(session));
    // Each session's place among the sessions of its date and key, by line.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> same;
    for (std::size_t i = 0; i < program.sessions.size(); ++i) same[{program.sessions[i].date, keys[i]}].push_back(i);
    std::vector<int> ordinal(program.sessions.size(), 1);
    for (auto& [key, indices] : same) {
        std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
            const timeline::Origin& x = program.sessions[a].origin;
            const timeline::Origin& y = program.sessions[b].origin;
            return std::tie(x.line, x.column) < std::tie(y.line, y.column);
        });
        for (std::size_t n = 0; n < indices.size(); ++n) ordinal[indices[n]] = static_cast<int>(n) + 1;
    }
    std::vector<std::string> uids;
    for (std::size_t i = 0; i < program.sessions.size(); ++i) {
        uids.push_back(fmt::format("{}-{}-{}{}@reps", program.name, compact_date(program.sessions[i].date), keys[i],
                                   ordinal[i] > 1 ? fmt::format(".{}", ordinal[i]) : std::string()));
    }
    return uids;
}

Event session_event(const timeline::Session& session, std::string uid, const Zone& zone) {
    Event event;
    event.uid = std::move(uid);
    event.start = instant(session.date, session.time, zone);
    if (session.run) {
        const timeline::RunSession& run = *session.run;
        event.summary = "Run: " + run.title + week_suffix(session.week);
        event.description = fmt::format("Run: {} ({}{}{})", run.title, format_clock(run.duration),
                                        run.intensity.empty() ? "" : ", ", run.intensity);
        event.length = event_seconds(run.duration);
    } else if (session.timeline) {
        const timeline::Timeline& t = *session.timeline;
        event.summary = (t.title.empty() ? session.workout : t.title) + week_suffix(session.week);
        event.description = session_description(t);
        event.length = event_seconds(t.total_seconds);
    } else {
        throw std::invalid_argument(
            fmt::format("the session at {} on {} has neither a workout timeline nor a run", session.time, session.date));
    }
    return event;
}

}  // namespace

std::string to_ics(const timeline::Program& program, const IcsOptions& options) {
    const Zone zone = find_zone(program.timezone.empty() ? std::string("UTC") : program.timezone);
    std::vector<Event> events;
    events.reserve(program.sessions.size());
    const std::vector<std::string> uids = session_uids(program);
    for (std::size_t i = 0; i < program.sessions.size(); ++i) events.push_back(session_event(program.sessions[i], uids[i], zone));
    return calendar_text(events, zone, program.title.empty() ? program.name : program.title, options);
}

std::string to_ics(const timeline::Timeline& timeline, const std::string& date, const std::string& time,
                   const std::string& timezone, const IcsOptions& options) {
    const Zone zone = find_zone(timezone.empty() ? std::string("UTC") : timezone);
    Event event;
    const std::string time_digits = time.size() == 5 ? time.substr(0, 2) + time.substr(3, 2) : time;
    event.uid = fmt::format("{}-{}T{}@reps", timeline.workout, compact_date(date), time_digits);
    event.start = instant(date, time, zone);
    event.summary = timeline.title.empty() ? timeline.workout : timeline.title;
    if (timeline.week > 1) event.summary += week_suffix(timeline.week);
    event.description = session_description(timeline);
    event.length = event_seconds(timeline.total_seconds);
    return calendar_text({event}, zone, "", options);
}

}  // namespace reps
