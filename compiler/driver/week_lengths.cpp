// The rows of `reps build --week all`, measured by timeline_size exactly as lowering comes out.
#include "compiler/driver/week_lengths.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/timing/timeline_size.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps {
namespace {

struct WeekLength {
    int week = 1;
    std::int64_t seconds = 0;
};

std::vector<WeekLength> lengths_by_week(const checked::Workout& workout, int weeks) {
    std::vector<WeekLength> rows;
    for (int week = 1; week <= weeks; ++week) rows.push_back({week, timeline_size(workout, week).seconds});
    return rows;
}

std::string rows_text(const checked::Workout& workout, int weeks, const LintOptions& range) {
    std::string out = fmt::format("{} ({})\n", workout.title.empty() ? workout.name : workout.title, workout.name);
    for (const WeekLength& row : lengths_by_week(workout, weeks)) {
        const char* verdict = row.seconds < range.session_min_seconds   ? "  shorter than the session range"
                              : row.seconds > range.session_max_seconds ? "  longer than the session range"
                                                                        : "";
        out += fmt::format("  week {:>3}  {:>8}{}\n", row.week, format_clock(row.seconds), verdict);
    }
    return out;
}

nlohmann::ordered_json rows_json(const checked::Workout& workout, int weeks, const LintOptions& range) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const WeekLength& row : lengths_by_week(workout, weeks)) {
        rows.push_back({{"week", row.week},
                        {"seconds", row.seconds},
                        {"clock", format_clock(row.seconds)},
                        {"in_range", row.seconds >= range.session_min_seconds && row.seconds <= range.session_max_seconds}});
    }
    return {{"workout", std::string(workout.name)}, {"title", std::string(workout.title)}, {"weeks", std::move(rows)}};
}

nlohmann::ordered_json range_json(const LintOptions& range) {
    return {{"min_seconds", range.session_min_seconds}, {"max_seconds", range.session_max_seconds}};
}

}  // namespace

std::string week_lengths_text(const checked::Workout& workout, const LintOptions& range) {
    return fmt::format("Length by week (session range {})\n", session_range_text(range)) +
           rows_text(workout, progression_weeks(workout), range);
}

std::string week_lengths_text(const CheckedProgram& program, const checked::Program& plan, const LintOptions& range) {
    std::string out = fmt::format("{} ({}): length by week (session range {})\n", plan.title.empty() ? plan.name : plan.title,
                                  plan.name, session_range_text(range));
    for (const checked::Workout* workout : scheduled_workouts(program, plan)) out += rows_text(*workout, plan.weeks, range);
    return out;
}

// Named as the timeline's JSON forms are (SPEC 6.1: "reps-timeline/1", "reps-program/1").
constexpr const char* week_lengths_format = "reps-week-lengths/1";

std::string week_lengths_json(const checked::Workout& workout, const LintOptions& range) {
    nlohmann::ordered_json document = {{"format", week_lengths_format}};
    document.update(rows_json(workout, progression_weeks(workout), range));
    document["session_range"] = range_json(range);
    return document.dump(2) + "\n";
}

std::string week_lengths_json(const CheckedProgram& program, const checked::Program& plan, const LintOptions& range) {
    nlohmann::ordered_json workouts = nlohmann::ordered_json::array();
    for (const checked::Workout* workout : scheduled_workouts(program, plan)) workouts.push_back(rows_json(*workout, plan.weeks, range));
    const nlohmann::ordered_json document = {{"format", week_lengths_format},
                                     {"program", plan.name},
                                     {"title", plan.title},
                                     {"session_range", range_json(range)},
                                     {"workouts", std::move(workouts)}};
    return document.dump(2) + "\n";
}

}  // namespace reps
