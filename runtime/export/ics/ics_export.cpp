// Builds the VCALENDAR of a program or a dated workout with libical, then re-folds the text
// (ics_fold.cpp). Local times are turned into UTC instants through libical's copy of the
// system tz database, so DTEND and the VTIMEZONE agree with what calendar apps compute.
#include "runtime/export/ics/ics_export.hpp"

#include "runtime/export/safe_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <libical/ical.h>

#include "runtime/export/ics/ics_description.hpp"
#include "runtime/export/ics/ics_fold.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps {

namespace {

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// Where events happen: a zone with a VTIMEZONE, or UTC (times written with "Z", no VTIMEZONE).
struct Zone {
    std::string name;
    icaltimezone* zone = nullptr;  // libical's builtin copy; owned by libical
    bool utc = false;
};

// What one VEVENT says, computed before any libical object is made.
struct Event {
    std::string uid;
    std::string summary;
    std::string description;
    std::int64_t start = 0;   // UTC instant, seconds since 1970
    std::int64_t length = 0;  // seconds, a whole number of minutes
};

// Names like "Europe/Berlin" or "America/Argentina/Buenos_Aires": libical opens them as paths
// under the zoneinfo directory, so anything that could climb out of it is refused first.
bool plausible_zone_name(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
               c == '_' || c == '-' || c == '+';
    });
}

Zone find_zone(const std::string& name) {
    if (name == "UTC") return Zone{name, icaltimezone_get_utc_timezone(), true};
    icaltimezone* zone = plausible_zone_name(name) ? icaltimezone_get_builtin_timezone(name.c_str()) : nullptr;
    if (zone == nullptr || icaltimezone_get_component(zone) == nullptr) {
        throw std::invalid_argument(fmt::format("unknown time zone '{}'", name));
    }
    // libical answers "UTC" and its aliases with its component-less UTC zone.
    return Zone{name, zone, zone == icaltimezone_get_utc_timezone()};
}

int digits(const std::string& text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "2026-12-01" and "17:30" as a floating local time; throws when either is malformed.
icaltimetype local_time(const std::string& date, const std::string& time) {
    icaltimetype t = icaltime_null_time();
    const bool date_shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
    t.year = date_shape ? digits(date, 0, 4) : -1;
    t.month = date_shape ? digits(date, 5, 2) : -1;
    t.day = date_shape ? digits(date, 8, 2) : -1;
    if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > icaltime_days_in_month(t.month, t.year)) {
        throw std::invalid_argument(fmt::format("invalid date '{}', expected YYYY-MM-DD", date));
    }
    const bool time_shape = time.size() == 5 && time[2] == ':';
    t.hour = time_shape ? digits(time, 0, 2) : -1;
    t.minute = time_shape ? digits(time, 3, 2) : -1;
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59) {
        throw std::invalid_argument(fmt::format("invalid time '{}', expected HH:MM", time));
    }
    return t;
}

// The UTC date and time of seconds since 1970, worked out here (Howard Hinnant's civil_from_days):
// libical's icaltime_from_timet_with_zone gives a null time (DTSTART:00000000T000000) after the
// year 3000, and dates run to 9999.
icaltimetype utc_time(std::int64_t seconds) {
    const std::int64_t days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
    const std::int64_t of_day = seconds - days * 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    icaltimetype t = icaltime_null_time();
    t.year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    t.month = static_cast<int>(month);
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.hour = static_cast<int>(of_day / 3600);
    t.minute = static_cast<int>(of_day / 60 % 60);
    t.second = static_cast<int>(of_day % 60);
    t.zone = icaltimezone_get_utc_timezone();
    return t;
}

// Seconds since 1970 of a wall time read as UTC (days_from_civil), for the same reason.
std::int64_t seconds_as_utc(const icaltimetype& t) {
    const std::int64_t y = t.year - (t.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (t.month > 2 ? t.month - 3 : t.month + 9) + 2) / 5 + t.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

// The UTC instant of a local date and time. RFC 5545 §3.3.5: a time skipped by a clock change
// is read with the offset before the gap, and a time that occurs twice is the first occurrence.
// (libical's icaltime_as_timet_with_zone reads a skipped 02:30 with the offset after the gap.)
// Clock changes are months apart, so the offset two days earlier is the one "before".
std::int64_t instant(const std::string& date, const std::string& time, const Zone& zone) {
    const icaltimetype wall = local_time(date, time);
    const std::int64_t as_utc = seconds_as_utc(wall);  // the wall clock read as UTC
    if (zone.utc) return as_utc;
    const auto offset_at = [&](std::int64_t seconds) {
        icaltimetype t = utc_time(seconds);
        int is_daylight = 0;
        return static_cast<std::int64_t>(icaltimezone_get_utc_offset_of_utc_time(zone.zone, &t, &is_daylight));
    };
    const auto shows_wall = [&](std::int64_t seconds) { return seconds + offset_at(seconds) == as_utc; };
    const std::int64_t before = as_utc - offset_at(as_utc - 2 * 24 * 3600);
    if (shows_wall(before)) return before;
    const std::int64_t after = as_utc - offset_at(before);
    return shows_wall(after) ? after : before;
}

// Calendar apps show whole minutes; a session that runs over by a second still needs the slot.
std::int64_t rounded_to_minute(std::int64_t seconds) { return std::max<std::int64_t>(1, (seconds + 59) / 60) * 60; }

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
// through time_t and writes 00000000T000000 for years after 3000.
icalproperty* datetime_property(icalproperty_kind kind, const icaltimetype& t) {
    if (t.year > 9999) throw std::invalid_argument("an event would end after 9999-12-31, the last date a calendar holds");
    const std::string text = fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}{}", t.year, t.month, t.day, t.hour, t.minute,
                                         t.second, t.zone != nullptr ? "Z" : "");
    icalproperty* property = icalproperty_new(kind);
    icalproperty_set_value(property, icalvalue_new_from_string(ICAL_DATETIME_VALUE, text.c_str()));
    return property;
}

// DTSTART or DTEND: local wall time with TZID, or "Z" time in UTC. libical 3.0.16 does not
// add the TZID parameter by itself, so the value is written floating and the parameter added.
icalproperty* time_property(icalproperty_kind kind, std::int64_t seconds, const Zone& zone) {
    icaltimetype t = utc_time(seconds);
    if (!zone.utc) {
        int is_daylight = 0;
        t = utc_time(seconds + icaltimezone_get_utc_offset_of_utc_time(zone.zone, &t, &is_daylight));
        t.zone = nullptr;
    }
    icalproperty* property = datetime_property(kind, t);
    if (!zone.utc) icalproperty_add_parameter(property, icalparameter_new_tzid(zone.name.c_str()));
    return property;
}

// The zone's rules cut to the span of the events (a year of margin each side), so the file
// carries a few observances instead of the zone's whole history. ms_compatible keeps the
// RRULE form (with its original DTSTART) that Outlook expects.
Component vtimezone(const Zone& zone, std::int64_t first, std::int64_t last) {
    Component component(icalcomponent_new_clone(icaltimezone_get_component(zone.zone)));
    constexpr std::int64_t year = 366 * 24 * 3600;
    icaltimezone_truncate_vtimezone(component.get(), utc_time(first - year), utc_time(last + year), 1);
    // libical names its zones "/freeassociation.sourceforge.net/Europe/Berlin"; apps that map
    // TZIDs to their own database (Google, Apple) recognise the bare IANA name.
    if (icalproperty* tzid = icalcomponent_get_first_property(component.get(), ICAL_TZID_PROPERTY)) {
        icalproperty_set_tzid(tzid, zone.name.c_str());
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

std::string calendar(const std::vector<Event>& events, const Zone& zone, const std::string& name,
                     const IcsOptions& options) {
    if (options.alarm_seconds && (*options.alarm_seconds < 0 || *options.alarm_seconds > 7 * 24 * 3600)) {
        throw std::invalid_argument("an alarm must be between 0 and 7 days before the event");
    }
    const std::int64_t dtstamp = dtstamp_of(options);
    Component root(icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_prodid("-//Reps//reps 0.1//EN"),
                                       icalproperty_new_version("2.0"), icalproperty_new_calscale("GREGORIAN"),
                                       nullptr));
    if (!name.empty()) {
        // Not RFC 5545, but the name Apple, Google and Outlook give a subscribed calendar.
        icalproperty* calendar_name = icalproperty_new_x(name.c_str());
        icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
        icalcomponent_add_property(root.get(), calendar_name);
    }
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

Event session_event(const timeline::Program& program, const timeline::Session& session, const Zone& zone) {
    Event event;
    event.uid = fmt::format("{}-{}-{}@reps", program.name, session.index, compact_date(session.date));
    event.start = instant(session.date, session.time, zone);
    if (session.run) {
        const timeline::RunSession& run = *session.run;
        event.summary = "Run: " + run.title + week_suffix(session.week);
        event.description = fmt::format("Run: {} ({}{}{})", run.title, format_clock(run.duration),
                                        run.intensity.empty() ? "" : ", ", run.intensity);
        event.length = rounded_to_minute(run.duration);
    } else if (session.timeline) {
        const timeline::Timeline& t = *session.timeline;
        event.summary = (t.title.empty() ? session.workout : t.title) + week_suffix(session.week);
        event.description = session_description(t);
        event.length = rounded_to_minute(t.total_seconds);
    } else {
        throw std::invalid_argument(
            fmt::format("session {} on {} has neither a workout timeline nor a run", session.index, session.date));
    }
    return event;
}

}  // namespace

bool is_known_timezone(const std::string& name) {
    try {
        find_zone(name);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

std::string to_ics(const timeline::Program& program, const IcsOptions& options) {
    const Zone zone = find_zone(program.timezone.empty() ? std::string("UTC") : program.timezone);
    std::vector<Event> events;
    events.reserve(program.sessions.size());
    for (const timeline::Session& session : program.sessions) events.push_back(session_event(program, session, zone));
    return calendar(events, zone, program.title.empty() ? program.name : program.title, options);
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
    event.length = rounded_to_minute(timeline.total_seconds);
    return calendar({event}, zone, "", options);
}

}  // namespace reps
