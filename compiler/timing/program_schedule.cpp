// The dates, instants and lengths of a program's sessions (SPEC 7), for the checks and lints that
// judge them, and the check that each ends by 9999-12-31.
#include "compiler/timing/program_schedule.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace reps {
namespace {

// A calendar's DATE-TIME has four digits of year (RFC 5545), and the timeline's dates too.
constexpr int last_calendar_year = 9999;
// A session that ends after 9999-12-31 starts within this many days of it: a timeline lasts 7 days
// at most (E0005) and a zone's offset is less than a day. Programs that end earlier than that need
// no zone and no instant.
constexpr int days_a_session_reaches = 9;

std::int64_t days_since_1970_of_last_calendar_day() {
    return std::chrono::sys_days{std::chrono::year{last_calendar_year} / 12 / 31}.time_since_epoch().count();
}

}  // namespace

ProgramDates::ProgramDates(const checked::Program& plan)
    : start_(std::chrono::year{plan.start_year} / plan.start_month / plan.start_day),
      start_weekday_(static_cast<int>(std::chrono::weekday{start_}.iso_encoding()) - 1) {}

std::string ProgramDates::date(int day) const {
    const std::chrono::year_month_day ymd = civil(day);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::optional<calendar::Zone> program_zone(const std::string& name) {
    try {
        if (calendar::Zone zone = calendar::find_zone(name.empty() ? std::string("UTC") : name); !zone.utc) return zone;
    } catch (const std::invalid_argument&) {
    }
    return std::nullopt;
}

std::int64_t session_start(const checked::Session& session, const ProgramDates& dates, int day,
                           const std::optional<calendar::Zone>& zone) {
    const int minute_of_day = session.hour * 60 + session.minute;
    if (!zone) return dates.days_since_1970(day) * 86400 + minute_of_day * 60;
    const std::chrono::year_month_day ymd = dates.civil(day);
    return calendar::instant(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                             static_cast<int>(static_cast<unsigned>(ymd.day())), session.hour, session.minute, *zone);
}

icaltimetype wall_clock_at(std::int64_t instant, const std::optional<calendar::Zone>& zone) {
    return zone ? calendar::local_time_at(instant, *zone) : calendar::utc_time(instant);
}

std::int64_t session_seconds(const checked::Session& session, std::span<const WorkoutMeasure> measures, int week) {
    if (session.workout < 0) return session.run_seconds;
    if (static_cast<std::size_t>(session.workout) >= measures.size()) return 0;
    // Weeks after the longest progression repeat its last step.
    const auto& weeks = measures[static_cast<std::size_t>(session.workout)].week_seconds;
    if (weeks.empty()) return 0;
    return weeks[std::min(static_cast<std::size_t>(week), weeks.size()) - 1];
}

std::string session_label(const checked::Session& session) {
    if (session.workout < 0 && !session.run_title.empty()) return fmt::format("run '{}'", session.run_title);
    return fmt::format("'{}'", session.workout_name);
}

void check_program_end(const checked::Program& plan, std::span<const WorkoutMeasure> measures, Diagnostics& diagnostics) {
    const ProgramDates dates(plan);
    const std::int64_t first_day_reaching = days_since_1970_of_last_calendar_day() - days_a_session_reaches;
    if (dates.days_since_1970(7 * plan.weeks - 1) < first_day_reaching) return;
    const std::optional<calendar::Zone> zone = program_zone(plan.timezone);
    for (const checked::Session& session : plan.sessions) {
        for (int week = 1; week <= plan.weeks; ++week) {
            const int day = dates.day_in_week(session, week);
            if (dates.days_since_1970(day) < first_day_reaching) continue;
            const std::int64_t seconds = session_seconds(session, measures, week);
            const std::int64_t end = session_start(session, dates, day, zone) + calendar::event_seconds(seconds);
            if (wall_clock_at(end, zone).year <= last_calendar_year) continue;
            diagnostics.report(Code::E0409, session.span,
                               fmt::format("program '{}' would end after 9999-12-31: {} at {:02}:{:02} on {} lasts {}", plan.name,
                                           session_label(session), session.hour, session.minute, dates.date(day), clock_text(seconds)),
                               "a calendar holds no date after 9999-12-31: move the session earlier, or start the program earlier");
            break;  // its first such week; a later one says the same
        }
    }
}

}  // namespace reps
