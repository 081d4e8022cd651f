#include "compiler/driver/pipeline.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "compiler/check/spaced_names.hpp"
#include "compiler/driver/streamed_check.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/timing/timeline_size.hpp"

namespace reps {
namespace {

// With syntax errors (E0001) alone, the declarations that parsed whole are checked: the parser left
// out the damaged ones; so too after a workout refused whole as it parsed, for lowering to too
// many segments (E0005) or holding too many statements (E0003). Any other error of loading
// (encoding, imports, other limits, numbers, a broken import) leaves a program whose check would
// only add follow-on errors.
bool checkable_after_syntax_errors(const LoadedProgram& loaded, const Diagnostics& diagnostics) {
    // A workout too large to parse (E0003 or E0005 at its name) is left out, as a statement with a
    // syntax error is; any other E0003 (a file or import too large, too many errors) stops here.
    const auto refused = [&](const SourceSpan& span) {
        return std::any_of(loaded.files.begin(), loaded.files.end(), [&](const ast::File& file) {
            return std::find(file.refused_workouts.begin(), file.refused_workouts.end(), span) != file.refused_workouts.end();
        });
    };
    for (const auto& diagnostic : diagnostics.list()) {
        if (diagnostic.severity != Severity::error || diagnostic.code == Code::E0001 || diagnostic.code == Code::E0005) continue;
        if (diagnostic.code == Code::E0003 && refused(diagnostic.span)) continue;
        return false;
    }
    return std::none_of(loaded.files.begin(), loaded.files.end(), [](const ast::File& file) { return file.import_damaged; });
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// "unknown exercise 'x'" (and muscle, region, ...) where a declaration with a syntax error may
// have declared x: a follow-on of that syntax error, not an error of its own.
void drop_unknown_damaged_names(const LoadedProgram& loaded, const SourceManager& sources, Diagnostics& diagnostics) {
    std::vector<std::string_view> damaged;
    for (const auto& file : loaded.files) {
        for (const auto& name : file.damaged_names) damaged.push_back(name.text);
    }
    if (damaged.empty()) return;
    diagnostics.drop_errors_if([&](const Diagnostic& diagnostic) {
        constexpr Code unknown_name[] = {Code::E0102, Code::E0103, Code::E0104, Code::E0105, Code::E0106, Code::E0107, Code::E0108};
        if (std::find(std::begin(unknown_name), std::end(unknown_name), diagnostic.code) == std::end(unknown_name) ||
            !diagnostic.span.has_position())
            return false;
        const std::string_view written = sources.file(diagnostic.span.file).text.substr(diagnostic.span.offset, diagnostic.span.length);
        return std::any_of(damaged.begin(), damaged.end(), [&](std::string_view name) { return same_ignoring_case(name, written); });
    });
}

}  // namespace

Compilation compile(const std::string& path, const PipelineOptions& options, SourceManager& sources,
                    Diagnostics& diagnostics) {
    Compilation result;
    // Allowed warnings (`# reps: allow CODE`) are dropped as they are reported, so that they take no
    // place in the warning limit and count as no error under --werror.
    diagnostics.set_allowed(allow_comment_filter(sources));
    std::optional<StreamedCheck> stream;
    std::optional<Diagnostics> before_load;  // to start again, checking the file whole
    if (options.stream && options.check) {
        before_load = diagnostics;
        stream.emplace(sources, CheckOptions{options.profile, options.keep_workout}, diagnostics);
        stream->keep_program_workouts(options.keep_program);
    }
    result.loaded = load_program(path, sources, diagnostics, options.overlay, stream ? &*stream : nullptr);
    if (result.loaded.read_failed) {
        result.read_failed = true;
        // Printed like any diagnostic without a position: "reps: error: cannot read 'x.reps': ...".
        const std::string& reason = result.loaded.read_error;
        diagnostics.failure(SourceSpan{}, reason.empty() ? "cannot read '" + path + "'" : reason);
        return result;
    }
    if (!options.check) return result;
    const bool streamed = stream && !stream->took_nothing();
    const auto compile_whole = [&] {
        diagnostics = std::move(*before_load);
        PipelineOptions whole = options;
        whole.stream = false;
        return compile(path, whole, sources, diagnostics);
    };
    // A catalog declaration after a workout (which the workouts before it may use), or an import:
    // the first parse took the workouts from there on unchecked. The file is parsed again, from the
    // text already read, and streamed with the whole catalog of the first parse's files; then the
    // workouts of its imports (loaded whole) are taken. Held whole instead, a 20 MB file took 620 MB.
    // (`streamed` stays true: the second stream takes what the first took.)
    LoadedProgram first_parse;  // the second stream's catalog
    if (streamed && stream->needs_whole_catalog(result.loaded)) {
        // The load's errors are all known: one that leaves the files unchecked needs no second parse.
        if (diagnostics.has_errors() && !checkable_after_syntax_errors(result.loaded, diagnostics)) return result;
        first_parse = std::move(result.loaded);
        stream.emplace(sources, CheckOptions{options.profile, options.keep_workout}, diagnostics, first_parse.files);
        stream->keep_program_workouts(options.keep_program);
        // The parser's diagnostics are the first parse's, reported already.
        Diagnostics parsed_again = diagnostics.with_same_settings();
        result.loaded = parse_main_file_again(first_parse, sources, parsed_again, &*stream);
        if (stream->took_nothing() || stream->needs_whole_catalog(result.loaded)) return compile_whole();
        for (ast::File& file : first_parse.files) {
            if (file.file_id != first_parse.main_file) result.loaded.files.push_back(std::move(file));
        }
    }
    if (diagnostics.has_errors() && !checkable_after_syntax_errors(result.loaded, diagnostics)) return result;
    // Only now: an import's workouts are checked only when its errors are syntax errors alone.
    if (streamed) stream->take_imported(result.loaded);
    if (stream) result.program_workouts = stream->program_workouts();

    std::vector<WorkoutMeasure> measured;  // of the whole file's workouts (a stream measured its own)
    if (streamed) {
        result.checked = stream->finish(result.loaded);
        // Past max_errors, which errors are shown depends on the order they were found in (a
        // whole check finds every syntax error first): that order, then.
        if (diagnostics.error_count() >= max_errors) return compile_whole();
    } else result.checked = check_program(result.loaded.files, sources, CheckOptions{options.profile, {}}, diagnostics);
    settle_spaced_names(result.loaded.files, result.checked.catalog, sources, diagnostics);
    drop_unknown_damaged_names(result.loaded, sources, diagnostics);
    // Sizes and lints read every entry's checked dose: they need a program without errors.
    if (diagnostics.has_errors()) return result;
    if (!streamed) measured = measure_workouts(result.checked);
    check_timeline_sizes(result.checked, streamed ? stream->measures() : measured, diagnostics);
    if (streamed) stream->report_program_sizes();
    if (diagnostics.has_errors()) return result;
    if (streamed) {
        stream->report_workout_lints();
        run_program_lints(result.checked, stream->measures(), stream->weeks_used(), options.lints, diagnostics);
        stream->report_program_lints();
    } else {
        run_lints(result.checked, measured, options.lints, diagnostics);
    }
    return result;
}

namespace {

// Takes out of the ASTs, as they parse, every program but one and every workout but those named.
class ProgramSelector final : public WorkoutReceiver {
public:
    // workouts: sorted, for a binary search (a program may schedule thousands).
    ProgramSelector(std::string_view program, const std::vector<std::string_view>* workouts)
        : program_(program), workouts_(workouts) {}
    bool take(const ast::File&, const ast::WorkoutDecl& workout) override {
        return !std::binary_search(workouts_->begin(), workouts_->end(), workout.name.text);
    }
    bool take_program(const ast::File&, const ast::ProgramDecl& program) override { return program.name.text != program_; }

private:
    std::string_view program_;
    const std::vector<std::string_view>* workouts_;
};

// The files of `loaded` parsed again from their registered text, each through `selector`.
LoadedProgram parse_again(const LoadedProgram& loaded, const SourceManager& sources, Diagnostics& diagnostics,
                          WorkoutReceiver& selector) {
    LoadedProgram again;
    again.main_file = loaded.main_file;
    again.inputs = loaded.inputs;
    for (const ast::File& file : loaded.files) again.files.push_back(parse_file(sources, file.file_id, diagnostics, &selector));
    return again;
}

}  // namespace

std::optional<Compilation> compile_program_alone(const Compilation& streamed, std::string_view program,
                                                 const std::string& profile, SourceManager& sources) {
    // The stream reported every diagnostic of these files: the parses and check here report into
    // a list that is dropped.
    Diagnostics dropped;
    // The workouts it schedules: kept by the stream that took it, else read from the AST.
    std::vector<std::string_view> workouts;
    bool found = streamed.program_workouts.has_value();
    if (found) workouts = *streamed.program_workouts;
    for (const ast::File& file : streamed.loaded.files) {
        for (const ast::Declaration& declaration : file.declarations) {
            const auto* plan = std::get_if<ast::ProgramDecl>(&declaration);
            if (found || plan == nullptr || plan->name.text != program) continue;
            found = true;
            for (const ast::SessionDecl& session : plan->sessions) {
                if (session.workout) workouts.push_back(session.workout->text);
            }
        }
    }
    if (!found) return std::nullopt;
    std::sort(workouts.begin(), workouts.end());
    workouts.erase(std::unique(workouts.begin(), workouts.end()), workouts.end());
    ProgramSelector with_workouts(program, &workouts);
    Compilation result;
    result.loaded = parse_again(streamed.loaded, sources, dropped, with_workouts);
    result.checked = check_program(result.loaded.files, sources, CheckOptions{profile, {}}, dropped);
    return result;
}

Lowered lower_target(const Compilation& compilation, const Target& target, int week, const SourceManager& sources) {
    Lowered lowered;
    if (target.workout != nullptr) lowered.workout = lower_workout(compilation.checked, *target.workout, week, sources);
    else lowered.program = lower_program(compilation.checked, *target.program, sources);
    return lowered;
}

}  // namespace reps
