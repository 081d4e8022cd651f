// The phases of compiling one file, in order, as one function. Each command (check, build, play)
// calls compile() and keeps only its options and its input and output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.hpp"
#include "compiler/check/checked.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/lint/lints.hpp"
#include "runtime/timeline.hpp"

namespace reps {

struct PipelineOptions {
    bool check = true;     // false: stop once parsed (`--dump ast` shows what was parsed)
    std::string profile;   // --profile NAME, empty for none
    LintOptions lints;     // the session range
    const SourceOverlay* overlay = nullptr;  // an editor's unsaved text (`reps lsp`), read before the disk
    // Check each workout as it parses and drop it (streamed_check.hpp): for a command that keeps
    // nothing of the file but its diagnostics and at most one workout (keep_workout). The result
    // then holds no other workout's blocks or entries, and the ASTs no workouts (the main file's
    // nor, once checked, its imports').
    bool stream = false;
    // With stream: the workout whose blocks and entries the result keeps, to lower it.
    std::string keep_workout;
    // With stream: the program whose scheduled workouts' names the result keeps, should the
    // stream take it (Compilation::program_workouts), for compile_program_alone.
    std::string keep_program;
};

// One input file taken through the phases that ran.
struct Compilation {
    LoadedProgram loaded;
    CheckedProgram checked;
    bool read_failed = false;  // the file could not be read (an I/O error: exit 2)
    // options.keep_program's sessions' workouts, as written, when the stream took it out of the
    // AST (views of the source text).
    std::optional<std::vector<std::string_view>> program_workouts;
};

// 1. load: read the file and its imports, parse them (a read failure ends here);
// 2. check: resolve names, check doses and options against the catalog (not after a syntax error:
//    a partial AST would only add follow-on errors);
// 3. bound sizes: refuse (E0005) what would lower to too large a timeline, before it is lowered;
// 4. lint: the coaching warnings of SPEC 5.4, on a program without errors;
// 5. apply `# reps: allow CODE` comments.
// With options.stream, steps 2 to 4 run for each workout as soon as it has parsed.
// Every phase reports into `diagnostics`; lowering is asked for separately (lower_target).
Compilation compile(const std::string& path, const PipelineOptions& options, SourceManager& sources,
                    Diagnostics& diagnostics);

// `reps build --program NAME` of a file compiled as a stream (options.stream): the program and the
// workouts it schedules, parsed again from the text read and checked whole, every other workout
// and program of the file and its imports left out as they parse. The stream gave the
// diagnostics; the result is for lowering only. nullopt when the program is not declared there
// (the caller compiles the file whole, for its suggestions). For a compilation without errors.
std::optional<Compilation> compile_program_alone(const Compilation& streamed, std::string_view program,
                                                 const std::string& profile, SourceManager& sources);

// What a command builds from a checked file: one workout or one program.
struct Target {
    const checked::Workout* workout = nullptr;
    const checked::Program* program = nullptr;
};

// The target lowered: one of the two is set.
struct Lowered {
    std::optional<timeline::Timeline> workout;  // in the week asked for
    std::optional<timeline::Program> program;   // every week's dated sessions
};

// 6. lower, on request: the target's timeline IR.
Lowered lower_target(const Compilation& compilation, const Target& target, int week, const SourceManager& sources);

}  // namespace reps
