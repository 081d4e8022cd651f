// The dates and instants of a program's sessions (SPEC 7), for the checks and lints that judge them.
#include "compiler/timing/program_schedule.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace reps {

ProgramDates::ProgramDates(const checked::Program& plan)
    : start_(std::chrono::year{plan.start_year} / plan.start_month / plan.start_day),
      start_weekday_(static_cast<int>(std::chrono::weekday{start_}.iso_encoding()) - 1) {}

std::string ProgramDates::date(int day) const {
    const std::chrono::year_month_day ymd{start_ + std::chrono::days{day}};
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
    return calendar::instant(dates.date(day), fmt::format("{:02}:{:02}", session.hour, session.minute), *zone);
}

}  // namespace reps
