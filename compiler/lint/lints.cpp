// The coaching lints of SPEC 5.4 and the `# reps: allow CODE` comments that silence them.
#include "compiler/lint/lints.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "compiler/timing/timeline_size.hpp"

namespace reps {
namespace {

// "29:18", "1:07:46": exact, so a 29:18 session never reads as "30min, outside 30min-60min".
std::string clock_text(std::int64_t seconds) {
    if (seconds >= 3600) return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}
std::string minutes_text(std::int64_t seconds) {
    return seconds % 60 == 0 ? fmt::format("{}min", seconds / 60) : clock_text(seconds);
}

// The regions (by catalog index) that the primary muscles of the workout's chosen exercises
// reach, into `regions` (reused from workout to workout: no allocation each).
void regions_reached(const CheckedProgram& program, const checked::Workout& workout, std::vector<bool>& regions) {
    const auto& catalog = program.catalog;
    regions.assign(catalog.regions.size(), false);
    for (const auto& entry : workout.entries) {
        if (entry.exercise < 0) continue;
        for (int muscle : catalog.exercises[entry.exercise].primary) {
            const int region = catalog.muscles[muscle].region;
            if (region >= 0) regions[static_cast<std::size_t>(region)] = true;
        }
    }
}

// Full body: lower body, an upper push, a pull and the core.
struct BodyPart {
    const char* label;
    std::array<const char*, 2> regions;  // either reaches it; nullptr: no second
};
constexpr BodyPart full_body_parts[] = {
    {"lower body (legs or hips)", {"legs", "hips"}},
    {"upper-body push (chest or shoulders)", {"chest", "shoulders"}},
    {"pull (back)", {"back", nullptr}},
    {"core", {"core", nullptr}},
};
constexpr std::size_t body_part_count = std::size(full_body_parts);

// What the workout lints share, worked out once per program rather than once per workout.
struct WorkoutLintState {
    std::vector<bool> reached;  // regions_reached, reused from workout to workout
    // The catalog index of each full-body part's regions, -1 where the catalog has none.
    std::array<std::array<int, 2>, body_part_count> part_regions{};
};

void lint_workout(const CheckedProgram& program, const checked::Workout& workout, const LintOptions& options,
                  Diagnostics& diagnostics, WorkoutLintState& state) {
    std::vector<bool>& reached = state.reached;
    if (!workout.has_warmup) {
        diagnostics.report(Code::W0201, workout.span, fmt::format("workout '{}' has no warm-up", workout.name),
                            "add 'warmup { easy_cardio 5min; dynamic_stretching 5min }'");
    }
    regions_reached(program, workout, reached);
    for (std::size_t i = 0; i < workout.focus_regions.size(); ++i) {
        const auto& region = program.catalog.regions[workout.focus_regions[i]];
        if (!reached[static_cast<std::size_t>(workout.focus_regions[i])]) {
            diagnostics.report(Code::W0202, workout.focus_spans[i],
                                fmt::format("focus '{}' is not reached: no exercise has a primary muscle in {}", region.name, region.title),
                                "add an exercise for it, or drop it from the focus");
        }
    }
    if (workout.full_body_focus) {
        std::vector<std::string> missing;
        for (std::size_t part = 0; part < body_part_count; ++part) {
            bool any = false, known = false;
            for (const int index : state.part_regions[part]) {
                known = known || index >= 0;
                any = any || (index >= 0 && reached[static_cast<std::size_t>(index)]);
            }
            const char* label = full_body_parts[part].label;
            if (known && !any) missing.push_back(label);
        }
        if (!missing.empty()) {
            diagnostics.report(Code::W0202, workout.span,
                                fmt::format("workout '{}' claims full_body but misses the {}", workout.name, fmt::join(missing, ", the ")),
                                "add exercises for them, or name the regions it covers: 'focus legs, core'");
        }
    }
    const std::int64_t total_seconds = timeline_size(workout, options.week).seconds;
    if (total_seconds < options.session_min_seconds || total_seconds > options.session_max_seconds) {
        const bool too_long = total_seconds > options.session_max_seconds;
        diagnostics.report(Code::W0205, workout.span,
                            fmt::format("workout '{}' lasts {}, {} than the {}-{} a session should take", workout.name,
                                        clock_text(total_seconds), too_long ? "longer" : "shorter",
                                        minutes_text(options.session_min_seconds), minutes_text(options.session_max_seconds)),
                            too_long ? "cut sets or rests, or allow longer sessions with --session-range 30min-75min"
                                     : "add work, or allow shorter sessions with --session-range 15min-60min");
    }
}

void lint_program(const CheckedProgram& program, const checked::Program& plan, Diagnostics& diagnostics) {
    // Strength on consecutive days, the week wrapping from sunday to monday.
    std::vector<const checked::Session*> strength, runs;
    for (const auto& session : plan.sessions) (session.workout >= 0 ? strength : runs).push_back(&session);
    for (const auto* later : strength) {
        for (const auto* earlier : strength) {
            if ((earlier->weekday + 1) % 7 == later->weekday && later != earlier) {
                diagnostics.report(Code::W0203, later->span,
                                    fmt::format("strength on consecutive days: {} and {}", earlier->weekday_name, later->weekday_name),
                                    "leave a recovery day between strength sessions");
                break;
            }
        }
    }
    for (const auto* session : strength) {
        const int start = session->hour * 60 + session->minute;
        for (const auto* run : runs) {
            if (run->weekday != session->weekday) continue;
            const int run_start = run->hour * 60 + run->minute;
            const int run_end = run_start + static_cast<int>((run->run_seconds + 59) / 60);
            if (start < run_start) {
                diagnostics.report(Code::W0204, session->span,
                                    fmt::format("strength at {:02}:{:02} comes before the run at {:02}:{:02}", session->hour,
                                                session->minute, run->hour, run->minute),
                                    "run first, then strength 4-6 hours later");
            } else if (start - run_end < 4 * 60) {
                diagnostics.report(Code::W0204, session->span,
                                    fmt::format("strength at {:02}:{:02} is {}h{:02} after the run ends; leave at least 4h",
                                                session->hour, session->minute, (start - run_end) / 60, (start - run_end) % 60),
                                    "move the strength session later in the day");
            }
        }
    }
    (void)program;
}

}  // namespace

void run_lints(const CheckedProgram& program, const LintOptions& options, Diagnostics& diagnostics) {
    WorkoutLintState state;
    for (std::size_t part = 0; part < body_part_count; ++part) {
        for (std::size_t i = 0; i < 2; ++i) {
            const char* name = full_body_parts[part].regions[i];
            // The stdlib's regions, which its muscles are in, even where a user's region shadows one.
            const Catalog& anatomy = program.catalog.base() ? *program.catalog.base() : program.catalog;
            state.part_regions[part][i] = name ? anatomy.find_region(name) : -1;
        }
    }
    for (const auto& workout : program.workouts) lint_workout(program, workout, options, diagnostics, state);
    for (const auto& plan : program.programs) lint_program(program, plan, diagnostics);
}

void apply_allow_comments(Diagnostics& diagnostics, const SourceManager& sources) {
    diagnostics.drop_warnings_if([&](const Diagnostic& diagnostic) {
        if (!diagnostic.span.has_position()) return false;
        const auto line = sources.line_text(diagnostic.span);
        const auto marker = line.find("# reps: allow ");
        if (marker == std::string_view::npos) return false;
        // Codes separated by commas or spaces; the first word that is not a code ends the list,
        // so "# reps: allow W0205 (a long session on purpose)" works.
        std::string_view rest = line.substr(marker + 14);
        while (true) {
            while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == ',')) rest.remove_prefix(1);
            const auto end = rest.find_first_of(" \t,\r");
            const std::string_view word = rest.substr(0, end);
            const bool is_code = word.size() == 5 && (word[0] == 'W' || word[0] == 'E') &&
                                 std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!is_code) return false;
            if (word == code_name(diagnostic.code)) return true;
            if (end == std::string_view::npos) return false;
            rest.remove_prefix(end);
        }
    });
}

}  // namespace reps
