// Checking a file as it parses: each workout is checked, measured and linted as soon as it has
// parsed, then its AST and checked entries are dropped, so that a big file never exists whole in
// memory (issue #19). So is each program whose workouts have all been checked before it (the
// usual order); one that names a workout declared after it is checked at the end. What it
// reports is what the whole-file pipeline reports (pipeline.hpp); a file it cannot stream that
// way is compiled whole instead.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.hpp"
#include "compiler/check/checked.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/lint/lints.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/timing/timeline_size.hpp"

namespace reps {

struct LoadedProgram;

// Given to the parser of the main file (load_program's main_receiver, or parse_main_file_again's
// receiver when it is parsed a second time). The catalog must be complete before the first
// workout is checked: it is the file's catalog declarations (exercises, regions, profiles, ...)
// before its first workout, or, when a first parse found more after it or an import, every
// catalog declaration of the file and its imports (`whole_catalog`): the file is then parsed
// again (pipeline.cpp), and its imports' workouts are taken after its own. A small file that
// imports is held whole instead (hold_whole_below_bytes).
class StreamedCheck final : public WorkoutReceiver {
public:
    // A file smaller than this that imports is held whole and checked as one program with its
    // imports: its AST takes at most some 10 MB, where parsing it twice would cost a third more time.
    static constexpr std::size_t hold_whole_below_bytes = 256 * 1024;

    // whole_catalog: the files of a first parse (the main file and its imports); it must outlive
    // the first workout taken.
    StreamedCheck(const SourceManager& sources, const CheckOptions& options, Diagnostics& diagnostics,
                  std::span<const ast::File> whole_catalog = {});

    bool take(const ast::File& so_far, const ast::WorkoutDecl& workout) override;
    bool take_program(const ast::File& so_far, const ast::ProgramDecl& program) override;

    // The workouts the program named `program` schedules, as written, kept from its AST if it is
    // taken (reps build --program: PipelineOptions::keep_program).
    void keep_program_workouts(std::string_view program) { kept_program_ = program; }
    const std::optional<std::vector<std::string_view>>& program_workouts() const { return program_workouts_; }

    // True when no workout was taken: the AST is whole, for the whole-file pipeline to check.
    bool took_nothing() const { return refused_ || !took_any_; }  // refused at the first workout, before any
    // True when the loaded file declares catalog items (or imports) after its first workout, or
    // imports before it: its workouts were checked without them, or not at all after them, and it
    // must be parsed again with a StreamedCheck given the whole catalog.
    bool needs_whole_catalog(const LoadedProgram& loaded) const;
    // With the whole catalog: checks the workouts of the files the main file imports (loaded whole,
    // after it), as the parser's were, and leaves them out of their ASTs.
    void take_imported(LoadedProgram& loaded);

    // Checks the programs and the names declared twice; adds the checker's diagnostics to the
    // pipeline's (only now: they do not count when the load is not checkable, pipeline.cpp).
    CheckedProgram finish(const LoadedProgram& loaded);
    // One per workout, in order: what check_timeline_sizes and run_program_lints need.
    std::span<const WorkoutMeasure> measures() const { return measures_; }
    // The lints of each workout (WorkoutLints: W0201, W0202, W0105, W0207), found while its blocks
    // and entries were at hand: reported now.
    void report_workout_lints();
    // E0005 and E0409 (a session ending after 9999-12-31) of the programs checked as they streamed
    // (finish's programs are the others).
    void report_program_sizes();
    // W0203, W0204 and W0206 of the programs checked as they streamed.
    void report_program_lints();
    // Per workout, the weeks of the longest program checked as it streamed that schedules it.
    const std::vector<int>& weeks_used() const { return weeks_used_; }

private:
    const SourceManager& sources_;
    CheckOptions options_;
    Diagnostics& diagnostics_;
    std::span<const ast::File> whole_catalog_;
    bool second_parse_ = false;             // whole_catalog_ given: catalog declarations are not watched
    bool refused_ = false;                  // a small file that imports: held whole (hold_whole_below_bytes)
    bool took_any_ = false;
    bool check_again_ = false;              // an import, or a catalog declaration after a workout
    std::size_t catalog_declarations_ = 0;  // of the main file, before its first workout (or in whole_catalog_)
    std::size_t declarations_seen_ = 0;     // of the file so far, at the last workout taken
    std::optional<WorkoutByWorkoutChecker> checker_;
    std::optional<WorkoutLints> workout_lints_;
    Diagnostics checks_;                    // the checker's
    Diagnostics workout_warnings_;          // the workout lints'
    Diagnostics program_checks_;            // the checker's, of the streamed programs
    Diagnostics program_sizes_;             // E0005 and E0409 of the streamed programs
    Diagnostics program_warnings_;          // their lints
    std::vector<int> weeks_used_;
    std::string kept_program_;
    std::optional<std::vector<std::string_view>> program_workouts_;
    std::vector<WorkoutMeasure> measures_;  // one per workout taken (empty for one with errors)
};

}  // namespace reps
