// Time zone arithmetic in whole seconds. Dates are worked out here (Howard Hinnant's civil
// algorithms), not through libical's time_t conversions, which fail after the year 3000.
#include "runtime/calendar/time_zone.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

namespace reps::calendar {
namespace {

// Where Debian's libical (built against the system's tzdata) reads its zones.
constexpr const char* zoneinfo_directory = "/usr/share/zoneinfo";

// Names like "Europe/Berlin" or "America/Argentina/Buenos_Aires": libical opens them as paths
// under the zoneinfo directory, so anything that could climb out of it is refused first, and so
// are other spellings of a zone's path ("Europe//Berlin", "posix/Europe/Berlin": libical loads
// them, and the calendar's TZID would be a name no client knows).
bool plausible_zone_name(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.back() == '/' || name.find("..") != std::string::npos ||
        name.find("//") != std::string::npos) {
        return false;
    }
    if (name == "localtime" || name == "posixrules" || name == "Factory" || name.starts_with("right/") ||
        name.starts_with("posix/")) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
               c == '_' || c == '-' || c == '+';
    });
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
icaltimetype parse_local(const std::string& date, const std::string& time) {
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

// Seconds since 1970 of a wall time read as UTC (days_from_civil).
std::int64_t seconds_as_utc(const icaltimetype& t) {
    const std::int64_t y = t.year - (t.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (t.month > 2 ? t.month - 3 : t.month + 9) + 2) / 5 + t.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

// The last year whose changes libical works out, and the length of the Gregorian cycle.
constexpr int last_year_worked_out = 2582;
constexpr std::int64_t seconds_in_400_years = std::int64_t{146097} * 86400;

std::int64_t utc_offset_at(std::int64_t seconds, const Zone& zone) { return offset_at(seconds, zone).seconds; }

}  // namespace

Offset offset_at(std::int64_t seconds, const Zone& zone) {
    if (zone.utc) return {};
    icaltimetype t = utc_time(seconds);
    // libical works a zone's changes out up to the year 2582 only (ICALTIMEZONE_MAX_YEAR, not in
    // its headers): after it every lookup works the whole zone out again (12 ms each) and answers
    // with the last change of 2582, no daylight time. A zone's rules after its last listed change
    // (2087 at the latest) are a yearly rule, and the calendar with its weekdays repeats every
    // 400 years, so a later year is read as the year 400, 800, ... years before it, from 2182 on.
    if (t.year >= last_year_worked_out) {
        const int cycles = (t.year - last_year_worked_out) / 400 + 1;
        t = utc_time(seconds - cycles * seconds_in_400_years);
    }
    int is_daylight = 0;
    const int offset = icaltimezone_get_utc_offset_of_utc_time(zone.zone, &t, &is_daylight);
    return {offset, is_daylight != 0};
}

std::vector<OffsetChange> offset_changes(const Zone& zone, std::int64_t from, std::int64_t to) {
    std::vector<OffsetChange> changes;
    if (zone.utc) return changes;
    constexpr std::int64_t step = 6 * 3600;
    Offset current = offset_at(from, zone);
    for (std::int64_t probe = from; probe < to;) {
        const std::int64_t next = std::min(probe + step, to);
        const Offset then = offset_at(next, zone);
        if (then != current) {
            // The first second of the new offset, in (probe, next].
            std::int64_t low = probe, high = next;
            while (high - low > 1) {
                const std::int64_t middle = low + (high - low) / 2;
                (offset_at(middle, zone) == current ? low : high) = middle;
            }
            changes.push_back(OffsetChange{high, current, offset_at(high, zone)});
            current = changes.back().after;
            probe = high;
            continue;
        }
        probe = next;
    }
    return changes;
}

std::optional<OffsetChange> last_change(const Zone& zone, std::int64_t at, std::int64_t earliest) {
    // Back in windows of 90 days, the nearest first: most zones change twice a year.
    constexpr std::int64_t window = 90 * 24 * 3600;
    for (std::int64_t to = at; to > earliest; to -= window) {
        const std::vector<OffsetChange> changes = offset_changes(zone, std::max(earliest, to - window), to);
        if (!changes.empty()) return changes.back();
    }
    return std::nullopt;
}

Zone find_zone(const std::string& name) {
    if (name == "UTC") return Zone{name, icaltimezone_get_utc_timezone(), true};
    icaltimezone* zone = plausible_zone_name(name) ? icaltimezone_get_builtin_timezone(name.c_str()) : nullptr;
    // libical answers "UTC" and some of its aliases ("GMT") with its component-less UTC zone.
    if (zone != nullptr && zone == icaltimezone_get_utc_timezone()) return Zone{name, zone, true};
    if (zone == nullptr || icaltimezone_get_component(zone) == nullptr) {
        throw std::invalid_argument(fmt::format("unknown time zone '{}'", name));
    }
    return Zone{name, zone, false};
}

bool is_known_zone(const std::string& name) {
    if (name == "UTC") return true;
    if (!plausible_zone_name(name)) return false;
    static std::mutex mutex;
    static std::map<std::string, bool, std::less<>> known;
    const std::lock_guard lock(mutex);
    if (const auto found = known.find(name); found != known.end()) return found->second;
    // A zone's file starts with the TZif magic (RFC 8536); the tz database's other files
    // ("leapseconds", "zone.tab") are tables that libical refuses to load.
    std::error_code error;
    const std::filesystem::path path = std::filesystem::path(zoneinfo_directory) / name;
    bool zone = std::filesystem::is_regular_file(path, error);
    if (zone) {
        std::ifstream file(path, std::ios::binary);
        char magic[4] = {};
        zone = file.read(magic, sizeof magic) && std::string_view(magic, sizeof magic) == "TZif";
    }
    known.emplace(name, zone);
    return zone;
}

std::int64_t event_seconds(std::int64_t session_seconds) { return std::max<std::int64_t>(1, (session_seconds + 59) / 60) * 60; }

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

icaltimetype local_time_at(std::int64_t seconds, const Zone& zone) {
    icaltimetype t = utc_time(seconds + utc_offset_at(seconds, zone));
    t.zone = nullptr;
    return t;
}

namespace {

// Clock changes are months apart, so the offset two days earlier is the one "before" a gap.
// (libical's icaltime_as_timet_with_zone reads a skipped 02:30 with the offset after the gap.)
std::int64_t instant_of_wall_time(const icaltimetype& wall, const Zone& zone) {
    const std::int64_t as_utc = seconds_as_utc(wall);  // the wall clock read as UTC
    if (zone.utc) return as_utc;
    const auto shows_wall = [&](std::int64_t seconds) { return seconds + utc_offset_at(seconds, zone) == as_utc; };
    const std::int64_t before = as_utc - utc_offset_at(as_utc - 2 * 24 * 3600, zone);
    if (shows_wall(before)) return before;
    const std::int64_t after = as_utc - utc_offset_at(before, zone);
    return shows_wall(after) ? after : before;
}

}  // namespace

std::int64_t instant(const std::string& date, const std::string& time, const Zone& zone) {
    return instant_of_wall_time(parse_local(date, time), zone);
}

std::int64_t instant(int year, int month, int day, int hour, int minute, const Zone& zone) {
    icaltimetype wall = icaltime_null_time();
    wall.year = year;
    wall.month = month;
    wall.day = day;
    wall.hour = hour;
    wall.minute = minute;
    return instant_of_wall_time(wall, zone);
}

bool wall_time_is_unique(std::int64_t seconds, const Zone& zone) {
    if (zone.utc) return true;
    const std::int64_t as_utc = seconds + utc_offset_at(seconds, zone);
    // The offsets on either side of any change near it; each reading that shows the same wall
    // time is an instant with that wall time.
    for (const std::int64_t offset : {utc_offset_at(seconds - 2 * 24 * 3600, zone), utc_offset_at(seconds + 2 * 24 * 3600, zone)}) {
        const std::int64_t reading = as_utc - offset;
        if (reading != seconds && reading + utc_offset_at(reading, zone) == as_utc) return false;
    }
    return true;
}

WallTime wall_time(std::int64_t seconds, const Zone& zone) {
    const icaltimetype t = local_time_at(seconds, zone);
    return {fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day), fmt::format("{:02}:{:02}", t.hour, t.minute)};
}

}  // namespace reps::calendar
