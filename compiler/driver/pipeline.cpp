#include "compiler/driver/pipeline.hpp"

#include "compiler/lower/lower.hpp"
#include "compiler/timing/timeline_size.hpp"

namespace reps {

Compilation compile(const std::string& path, const PipelineOptions& options, SourceManager& sources,
                    Diagnostics& diagnostics) {
    Compilation result;
    result.loaded = load_program(path, sources, diagnostics, options.overlay);
    if (result.loaded.read_failed) {
        result.read_failed = true;
        // Printed like any diagnostic without a position: "reps: error: cannot read 'x.reps': ...".
        const std::string& reason = result.loaded.read_error;
        diagnostics.failure(SourceSpan{}, reason.empty() ? "cannot read '" + path + "'" : reason);
        return result;
    }
    if (!options.check || diagnostics.has_errors()) return result;

    result.checked = check_program(result.loaded.files, sources, CheckOptions{options.profile}, diagnostics);
    // Sizes and lints read every entry's checked dose: they need a program without errors.
    if (!diagnostics.has_errors()) check_timeline_sizes(result.checked, diagnostics);
    // Before looking at has_errors again: an allowed warning must not fail a --werror build.
    apply_allow_comments(diagnostics, sources);
    if (diagnostics.has_errors()) return result;
    run_lints(result.checked, options.lints, diagnostics);
    apply_allow_comments(diagnostics, sources);
    return result;
}

Lowered lower_target(const Compilation& compilation, const Target& target, int week, const SourceManager& sources) {
    Lowered lowered;
    if (target.workout != nullptr) lowered.workout = lower_workout(compilation.checked, *target.workout, week, sources);
    else lowered.program = lower_program(compilation.checked, *target.program, sources);
    return lowered;
}

}  // namespace reps
