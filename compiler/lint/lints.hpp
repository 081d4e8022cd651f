// Coaching lints (SPEC 5.4): warnings from the domain notes, run on a checked program.
#pragma once

#include <cstdint>
#include <string>

#include "compiler/check/checked.hpp"

namespace reps {

struct LintOptions {
    std::int64_t session_min_seconds = 30 * 60;  // --session-range
    std::int64_t session_max_seconds = 60 * 60;
};

// "30min-60min", as the session-length warning names the range.
std::string session_range_text(const LintOptions& range);

// Adds W02xx warnings. Needs a program without errors (it measures each workout's length in every
// week it is used with timeline_size, exactly as lowering would come out).
void run_lints(const CheckedProgram& program, const LintOptions& options, Diagnostics& diagnostics);

// Drops warnings whose source line carries `# reps: allow CODE` (several codes: comma-separated).
void apply_allow_comments(Diagnostics& diagnostics, const SourceManager& sources);

}  // namespace reps
