// `reps build --week all`: a workout's length week by week (SPEC 5.4), so a coach sees the whole
// block of a progression, or of a program, at once.
#pragma once

#include <string>

#include "compiler/check/checked.hpp"
#include "compiler/lint/lints.hpp"

namespace reps {

// A workout alone: one row per step of its progressions. A program: each workout it schedules,
// one row per week of the program. Each row says when the length is outside the session range.
std::string week_lengths_text(const checked::Workout& workout, const LintOptions& range);
std::string week_lengths_text(const CheckedProgram& program, const checked::Program& plan, const LintOptions& range);

// The same as JSON: {"workout", "title", "session_range": {"min_seconds", "max_seconds"},
// "weeks": [{"week", "seconds", "clock", "in_range"}]}; for a program {"program", "title",
// "session_range", "workouts": [{"workout", "title", "weeks"}]}.
std::string week_lengths_json(const checked::Workout& workout, const LintOptions& range);
std::string week_lengths_json(const CheckedProgram& program, const checked::Program& plan, const LintOptions& range);

}  // namespace reps
