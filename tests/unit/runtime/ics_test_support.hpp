// Shared by the ICS exporter's tests: a pinned DTSTAMP, libical's parse of a calendar, its
// events' instants, its unfolded lines, and timelines of a given length as sessions.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <libical/ical.h>

#include "runtime/export/ics/ics_export.hpp"
#include "runtime/timeline.hpp"
#include "sample_timelines.hpp"

namespace reps::test {

constexpr std::int64_t pinned_dtstamp = 1700000000;  // 2023-11-14T22:13:20Z

inline IcsOptions pinned(std::optional<std::int64_t> alarm = std::nullopt) { return IcsOptions{pinned_dtstamp, alarm}; }

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentFree>;

inline Parsed parse(const std::string& text) { return Parsed(icalparser_parse_string(text.c_str())); }

inline std::vector<icalcomponent*> children(icalcomponent* parent, icalcomponent_kind kind) {
    std::vector<icalcomponent*> out;
    for (icalcomponent* c = icalcomponent_get_first_component(parent, kind); c != nullptr;
         c = icalcomponent_get_next_component(parent, kind)) {
        out.push_back(c);
    }
    return out;
}

// The UTC instant of DTSTART or DTEND, resolved through the VTIMEZONE the file carries.
inline std::int64_t utc_of(icalcomponent* vevent, bool end) {
    const icaltimetype t = end ? icalcomponent_get_dtend(vevent) : icalcomponent_get_dtstart(vevent);
    REQUIRE(t.zone != nullptr);
    return static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, t.zone));
}

inline std::string utc_clock(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%MZ", &tm);
    return buffer;
}

inline std::string unfolded(const std::string& ics) {
    std::string out;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += ics[i];
    }
    return out;
}

inline bool has_line(const std::string& ics, const std::string& line) {
    return ("\r\n" + unfolded(ics)).find("\r\n" + line + "\r\n") != std::string::npos;
}

inline timeline::Timeline lasting(std::int64_t seconds, std::string title = "Hour") {
    timeline::Timeline t;
    t.workout = "hour";
    t.title = std::move(title);
    auto segment = work(0, seconds, "easy_cardio", "Easy Cardio", 1, 1, "60min");
    segment.seconds = seconds;
    t.segments.push_back(segment);
    t.total_seconds = seconds;
    return t;
}

inline timeline::Session session_of(timeline::Timeline t, std::string date, std::string time, int week) {
    timeline::Session s;
    s.date = std::move(date);
    s.time = std::move(time);
    s.week = week;
    s.workout = t.workout;
    s.timeline = std::move(t);
    return s;
}

}  // namespace reps::test
