#include "compiler/driver/streamed_check.hpp"

#include <algorithm>
#include <span>

#include "compiler/base/room_for_file.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/timing/program_schedule.hpp"

namespace reps {
namespace {

bool is_catalog_declaration(const ast::Declaration& declaration) {
    return !std::holds_alternative<ast::WorkoutDecl>(declaration) && !std::holds_alternative<ast::ProgramDecl>(declaration);
}

// Of the file `file_id` among `files`.
std::size_t catalog_declarations(std::uint32_t file_id, std::span<const ast::File> files) {
    const auto file = std::find_if(files.begin(), files.end(), [&](const ast::File& f) { return f.file_id == file_id; });
    if (file == files.end()) return 0;
    return static_cast<std::size_t>(std::count_if(file->declarations.begin(), file->declarations.end(), is_catalog_declaration));
}

// Errors of the input among `reported`. A warning made an error by --werror does not count: an
// allow comment may still drop it.
bool has_input_errors(std::span<const Diagnostic> reported) {
    return std::any_of(reported.begin(), reported.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error && !code_name(d.code).starts_with('W'); });
}

}  // namespace

StreamedCheck::StreamedCheck(const SourceManager& sources, const CheckOptions& options, Diagnostics& diagnostics,
                             std::span<const ast::File> whole_catalog)
    : sources_(sources), options_(options), diagnostics_(diagnostics), whole_catalog_(whole_catalog),
      second_parse_(!whole_catalog.empty()),
      checks_(diagnostics.with_same_settings()), workout_warnings_(diagnostics.with_same_settings()),
      program_checks_(diagnostics.with_same_settings()), program_sizes_(diagnostics.with_same_settings()),
      program_warnings_(diagnostics.with_same_settings()) {}

bool StreamedCheck::take(const ast::File& so_far, const ast::WorkoutDecl& workout) {
    if (refused_) return false;
    took_any_ = true;
    if (check_again_) return true;  // dropped unchecked: the file is parsed again (needs_whole_catalog)
    if (!checker_) {
        // The catalog must be whole before the first workout is checked: imports add to it, and
        // are loaded only once the file has parsed.
        const bool imports = std::any_of(so_far.declarations.begin(), so_far.declarations.end(), [](const ast::Declaration& declaration) {
            return std::holds_alternative<ast::ImportDecl>(declaration);
        });
        if (!second_parse_ && imports) {
            // A small file is held whole and checked as one program with its imports: its AST takes
            // a few MB, and a second parse would cost a directory of small files that each import a
            // catalog a third more time.
            if (sources_.file(so_far.file_id).text.size() < hold_whole_below_bytes) {
                refused_ = true;
                return false;
            }
            check_again_ = true;
            return true;
        }
        const std::span<const ast::File> catalog = second_parse_ ? whole_catalog_ : std::span(&so_far, 1);
        catalog_declarations_ = catalog_declarations(so_far.file_id, catalog);
        checker_.emplace(catalog, sources_, options_, checks_);
        // A record and a measure of every workout stay to the end (for programs and lints): room
        // for one per 512 bytes of the file, as library workouts take 300-1,000. Grown by doubling,
        // they touched twice their memory: 800 page faults more for a 20 MB file, each about 12 us
        // on a virtual machine. A file of smaller workouts grows them past that.
        if (workout.span.has_position()) {
            const std::size_t expected = sources_.file(workout.span.file).text.size() / 512;
            checker_->expect_workouts(expected);
            measures_.reserve(expected);
        }
        workout_lints_.emplace(checker_->catalog());
    } else if (!second_parse_ && so_far.declarations.size() > declarations_seen_) {
        // A declaration since the last workout (programs taken are not in so_far): a catalog one
        // (or an import) means the workouts so far were checked without it, and the rest need not be.
        check_again_ = std::any_of(so_far.declarations.begin() + static_cast<std::ptrdiff_t>(declarations_seen_),
                                   so_far.declarations.end(), is_catalog_declaration);
        if (check_again_) return true;
    }
    declarations_seen_ = so_far.declarations.size();
    // Its diagnostics are those from here on: none dropped for the warning limit till then.
    checks_.hold_positions(true);
    const std::size_t reported_before = checks_.list().size();
    const checked::Workout& checked = checker_->check(workout);
    // Sizes and lints are for workouts without errors; with one, the file gets neither. A workout
    // that recovery dropped a statement of has a syntax error (reported by the parser, not here),
    // and its blocks may have lost every entry: the walk of SPEC 6 is not for it.
    // Past max_errors the checker skips every workout without a word (Diagnostics::stop_here): its
    // entries are not resolved, and the file is checked again, whole (pipeline.cpp).
    const bool has_errors = workout.damaged || checks_.error_count() >= max_errors ||
                            has_input_errors(std::span(checks_.list()).subspan(reported_before));
    checks_.hold_positions(false);
    if (workout.span.has_position()) {
        make_room_for_rest_of_file(measures_, workout.span.offset + workout.span.length,
                                   sources_.file(workout.span.file).text.size());
    }
    if (!has_errors) {
        measures_.push_back(measure_workout(checked));
        workout_lints_->run(checked, workout_warnings_);
    } else {
        measures_.emplace_back();
    }
    return true;
}

bool StreamedCheck::take_program(const ast::File& /*so_far*/, const ast::ProgramDecl& program) {
    if (!kept_program_.empty() && program.name.text == kept_program_) {
        program_workouts_.emplace();
        for (const ast::SessionDecl& session : program.sessions) {
            if (session.workout) program_workouts_->push_back(session.workout->text);
        }
    }
    if (check_again_) return true;          // dropped unchecked, as the workouts
    if (refused_ || !checker_) return false;  // held whole, or before the first workout: checked at the end
    checks_.hold_positions(true);
    const std::size_t reported_before = checks_.list().size();
    const std::optional<checked::Program> checked = checker_->check_program(program);
    // Its errors go after the names taken twice, as in the whole check: E0403 (no start date) and
    // E0101 (a duplicate) are both at its name, and the order they are added in is the one shown.
    Diagnostics own = checked ? checks_.take_from(reported_before) : checks_.with_same_settings();
    checks_.hold_positions(false);
    if (!checked) return false;
    const bool has_errors = has_input_errors(own.list());
    program_checks_.append(std::move(own));
    // Its size and lints count only for a file without errors, as the workouts': held until then.
    // With an error of its own they never will, and it may have no dates to work out (no start).
    if (has_errors) return true;
    check_program_size(*checked, measures_, program_sizes_);
    check_program_end(*checked, measures_, program_sizes_);
    weeks_used_.resize(measures_.size(), 0);
    note_weeks_used(*checked, weeks_used_);
    lint_schedule(*checked, measures_, program_warnings_);
    return true;
}

bool StreamedCheck::needs_whole_catalog(const LoadedProgram& loaded) const {
    return check_again_ || catalog_declarations(loaded.main_file, loaded.files) != catalog_declarations_;
}

void StreamedCheck::take_imported(LoadedProgram& loaded) {
    const auto is_workout = [](const ast::Declaration& declaration) { return std::holds_alternative<ast::WorkoutDecl>(declaration); };
    std::size_t count = 0;
    for (const ast::File& file : loaded.files) {
        if (file.file_id != loaded.main_file) count += static_cast<std::size_t>(std::count_if(file.declarations.begin(), file.declarations.end(), is_workout));
    }
    if (count == 0 || !checker_) return;
    // Room for them all: the room made as a file streams projects from that file's size.
    checker_->expect_workouts(measures_.size() + count);
    measures_.reserve(measures_.size() + count);
    for (ast::File& file : loaded.files) {
        if (file.file_id == loaded.main_file) continue;
        for (const ast::Declaration& declaration : file.declarations) {
            if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration)) take(file, *workout);
        }
        // As the parser leaves a workout taken out of the main file's AST.
        std::erase_if(file.declarations, is_workout);
    }
}

CheckedProgram StreamedCheck::finish(const LoadedProgram& loaded) {
    CheckedProgram checked = checker_->finish(loaded.files);
    checks_.append(std::move(program_checks_));
    diagnostics_.append(std::move(checks_));
    return checked;
}

void StreamedCheck::report_workout_lints() { diagnostics_.append(std::move(workout_warnings_)); }

void StreamedCheck::report_program_sizes() { diagnostics_.append(std::move(program_sizes_)); }

void StreamedCheck::report_program_lints() { diagnostics_.append(std::move(program_warnings_)); }

}  // namespace reps
