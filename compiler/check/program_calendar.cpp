// A program's calendar fields checked against the calendar and the time zone database (SPEC 7).
#include "compiler/check/program_calendar.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "runtime/calendar/time_zone.hpp"

namespace reps {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// The days from 9999-12-31 back to a date of year >= 9989 (520 weeks reach no further back).
// Calendar files (RFC 5545) and the timeline's YYYY-MM-DD dates end with year 9999.
int days_until_year_10000(int year, int month, int day) {
    int days = days_in_month(year, month) - day;
    for (int m = month + 1; m <= 12; ++m) days += days_in_month(year, m);
    for (int y = year + 1; y <= 9999; ++y) days += is_leap(y) ? 366 : 365;
    return days;
}

std::string timezone_help(const std::string& name) {
    if (name == "localtime") return "'localtime' is the zone of whichever machine compiles the file: name the zone, like \"Europe/Berlin\"";
    // Suggest a zone whose city matches, ignoring case and spaces ("europe/berlin", "Berlin").
    std::string city = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    std::replace(city.begin(), city.end(), ' ', '_');
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator("/usr/share/zoneinfo", error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const std::string file = it->path().filename().string();
        if (file.size() == city.size() && std::equal(file.begin(), file.end(), city.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
            const auto relative = it->path().lexically_relative("/usr/share/zoneinfo").string();
            if (relative.rfind("posix", 0) != 0 && relative.rfind("right", 0) != 0 && calendar::is_known_zone(relative)) {
                return fmt::format("did you mean '{}'?", relative);
            }
        }
    }
    return "use an IANA name like \"Europe/Berlin\" or \"America/New_York\"";
}

}  // namespace

void check_calendar(const ast::ProgramDecl& decl, checked::Program& program, Diagnostics& diagnostics) {
    if (!decl.start) {
        diagnostics.report(Code::E0403, decl.name.span, fmt::format("program '{}' has no start date", program.name),
                           "add a line like 'start 2026-12-01'");
    } else {
        const auto& start = *decl.start;
        if (start.month < 1 || start.month > 12 || start.day < 1 || start.day > days_in_month(start.year, start.month)) {
            diagnostics.report(Code::E0404, start.span,
                               fmt::format("{:04}-{:02}-{:02} is not a date on the calendar", start.year, start.month, start.day));
        } else if (start.year < 1970) {
            // SPEC 7: dates run from 1970 to 9999.
            diagnostics.report(Code::E0404, start.span,
                               fmt::format("{:04}-{:02}-{:02} is before 1970: a program starts from 1970 to 9999", start.year,
                                           start.month, start.day));
        } else {
            program.start_year = start.year;
            program.start_month = start.month;
            program.start_day = start.day;
        }
    }
    if (decl.weeks) {
        if (*decl.weeks >= 0 && (*decl.weeks < 1 || *decl.weeks > 520)) {
            diagnostics.report(Code::E0408, decl.weeks_span, fmt::format("{} weeks is out of range", *decl.weeks),
                               "a program runs from 1 to 520 weeks");
        } else if (*decl.weeks > 0) {
            program.weeks = static_cast<int>(*decl.weeks);
        }
    }
    // Its last day is start + 7 * weeks - 1: past 9999-12-31 no date can be written.
    if (program.start_year >= 9989) {
        const int days_left = days_until_year_10000(program.start_year, program.start_month, program.start_day);
        if (7 * program.weeks - 1 > days_left) {
            const SourceSpan where = decl.weeks ? decl.weeks_span : decl.start->span;
            diagnostics.report(Code::E0409, where,
                               fmt::format("program '{}' would end after 9999-12-31: {} week{} from {:04}-{:02}-{:02}",
                                           program.name, program.weeks, program.weeks == 1 ? "" : "s",
                                           program.start_year, program.start_month, program.start_day),
                               days_left >= 13 ? fmt::format("from this start it can run at most {} weeks", (days_left + 1) / 7)
                               : days_left >= 6 ? std::string("from this start it can run 1 week")
                                              : std::string("start it earlier"));
        }
    }
    program.timezone = decl.timezone ? decl.timezone->value : "UTC";
    if (decl.timezone && !calendar::is_known_zone(program.timezone)) {
        diagnostics.report(Code::E0407, decl.timezone->span, fmt::format("unknown time zone '{}'", program.timezone),
                           timezone_help(program.timezone));
    }
}

}  // namespace reps
