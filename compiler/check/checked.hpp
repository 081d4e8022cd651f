// The checked program: workouts with every name resolved, options chosen and defaults applied.
// Lowering turns it into timelines with plain arithmetic; nothing here can fail any more.
// Its strings are views of the source text, which the SourceManager keeps (as the AST's are).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compiler/parse/ast.hpp"
#include "compiler/catalog/catalog.hpp"
#include "compiler/base/small_vector.hpp"

namespace reps::checked {

enum class SideMode { none, each, alt };

struct Amount {
    ast::Amount::Kind kind = ast::Amount::Kind::reps;
    std::int64_t value = 0;  // reps, range lower bound, or seconds
    std::int64_t upper = 0;  // range upper bound (= value otherwise)
};

struct DoseStep {
    std::int64_t sets = 1;
    Amount amount;
};

// An exercise to do (SPEC 4.1): a prescription, or one entry of a group, intervals, emom or
// amrap. It names the option chosen for the profile, how its sides are worked, how long a rep
// takes (SPEC 6: the exercise's rep time, or the tempo's sum, plus the hold), the rest between
// its sets, and one dose per week of a progression (SPEC 4.1); the rest is what the outputs show.
//
// Layout, for speed only: the fields every pass after checking reads (the timeline sizes, the
// lints, the timing of lowering) come first, in the entry's first cache lines; the constructor
// is provided so that emplace_back() sets the members' initial values without first zeroing
// every byte.
struct Entry {
    Entry() {}  // NOLINT(modernize-use-equals-default)

    int exercise = -1;                // the chosen option (catalog index)
    SideMode sides = SideMode::none;  // after "assuming each side"
    std::int64_t rep_seconds = 3;     // time per rep: rep (or tempo) + hold
    std::optional<std::int64_t> rest;  // per-exercise rest between sets
    std::int64_t hold = 0;
    SmallVector<DoseStep, 1> steps;   // one per progression step (one for a fixed dose); empty: no dose

    SmallVector<int, 2> options;      // the exercise and its `or` alternatives, in order
    // Each option's load and cue as it would be done (its own or inherited, SPEC 4.1), in the
    // order of `options`, for the sheet to print beside an alternative (empty without one).
    // Copies; their text views the source, as `load` and `cue` do. In place (200 of the entry's
    // 456 bytes): a list on the heap made each entry with an alternative an allocation, which
    // cost more time (1.5% of checking the mb corpus) than its room costs memory.
    struct OptionLook {
        std::optional<ast::Load> load;
        std::optional<std::string_view> cue;
    };
    SmallVector<OptionLook, 2> option_looks;
    SmallVector<int, 3> equipment;    // the equipment the chosen option uses (sorted indices)
    std::optional<ast::Load> load;
    std::optional<std::string_view> tempo;  // as written ("3-1-x-0"); its seconds are in rep_seconds
    std::optional<std::string_view> cue;  // a view of the AST's (see ast::Text)
    SourceSpan span;
};

struct Defaults {
    std::int64_t rest = 60;
    std::int64_t transition = 30;
    std::int64_t switch_ = 5;
};

struct Block {
    enum class Kind { prescription, superset, circuit, intervals, tabata, emom, amrap, rest, note };
    Kind kind = Kind::prescription;
    ast::PhaseKind phase_kind = ast::PhaseKind::warmup;
    bool in_phase = false;  // false: main
    Defaults defaults;      // in effect at this block
    // This block's entries, a view of the program's entry store (no list of its own to allocate).
    std::span<const Entry> entries;
    std::uint32_t first_entry = 0;  // where `entries` starts in CheckedProgram::entry_store
    // In a phase: the byte offset of its `warmup`/`cooldown` keyword, in the block's file. Tells
    // two phases of one kind apart, and places W0207. (In what was padding: no bigger a block.)
    std::uint32_t phase_at = 0;
    std::int64_t rounds = 1;          // superset/circuit/intervals rounds
    std::optional<std::int64_t> rest; // group rest between rounds; intervals rest
    std::int64_t work = 0;            // intervals work; emom/amrap/rest duration
    std::string_view text;            // note (a view of the AST's)
    SourceSpan span;
};

struct Workout {
    std::string_view name, title;  // views of the AST's (see ast::Name, ast::Text)
    // Views of the program's stores (CheckedProgram::block_store, entry_store).
    std::span<const Block> blocks;
    std::span<const Entry> entries;  // of every block, in order
    std::uint32_t first_block = 0, block_count = 0, first_entry = 0, entry_count = 0;  // where, in the stores
    // Its `focus` regions, each with where it was written (a vector: a big file keeps a record of
    // every workout to the end, and focus is rare).
    struct Focus {
        int region = 0;
        SourceSpan span;
    };
    std::vector<Focus> focus;
    std::shared_ptr<const std::string> file;  // the path, shared by the file's workouts and programs
    SourceSpan span;
    bool has_warmup = false;           // a warmup phase with work in it (SPEC 5.4)
    bool warmup_without_work = false;  // a warmup phase of rests and notes only
    bool full_body_focus = false;
};

struct Session {
    int weekday = 0;  // 0 = monday
    std::string weekday_name;
    int hour = 0, minute = 0;
    int workout = -1;  // index into Program::workouts' owner (Checked::workouts); -1 for a run
    std::string workout_name;  // as written, for messages (a streamed check keeps no workouts to look it up in)
    std::string run_title;
    std::int64_t run_seconds = 0;
    std::string run_intensity;
    int index = 0;
    SourceSpan span;
};

struct Program {
    std::string name, title;
    int start_year = 0, start_month = 0, start_day = 0;
    int weeks = 1;
    std::string timezone;
    std::vector<Session> sessions;
    std::shared_ptr<const std::string> file;  // as Workout::file
    SourceSpan span;
};

}  // namespace reps::checked

namespace reps {

struct CheckOptions {
    std::string profile;  // --profile NAME, empty for none
    // WorkoutByWorkoutChecker: the workout whose blocks and entries the result keeps (the one
    // `reps build --workout NAME` lowers); every other's go once it is checked.
    std::string keep_workout;
};

struct CheckedProgram {
    CheckedProgram() = default;
    // Move only: the workouts view the stores, which a move keeps where they are and a copy would not.
    CheckedProgram(CheckedProgram&&) = default;
    CheckedProgram& operator=(CheckedProgram&&) = default;
    CheckedProgram(const CheckedProgram&) = delete;
    CheckedProgram& operator=(const CheckedProgram&) = delete;

    Catalog catalog;
    // Every workout's blocks and entries, each workout viewing its part: two lists for all the
    // workouts of a check rather than two per workout.
    std::vector<checked::Block> block_store;
    std::vector<checked::Entry> entry_store;
    std::vector<checked::Workout> workouts;  // of the user's files, in declaration order
    std::vector<checked::Program> programs;
    int profile = -1;
};

// The workouts a program schedules, each once, in the order of their first session line.
std::vector<const checked::Workout*> scheduled_workouts(const CheckedProgram& program, const checked::Program& plan);

// Resolves and checks every workout and program in the user's files (not the stdlib's).
CheckedProgram check_program(std::span<const ast::File> files, const SourceManager& sources, const CheckOptions& options,
                             Diagnostics& diagnostics);

class Checker;

// The same check one workout at a time, for a file parsed as a stream (compiler/driver/
// streamed_check.hpp): each workout's blocks and entries are kept only until the next is checked,
// so that a big file's checked program never exists whole.
class WorkoutByWorkoutChecker {
public:
    // The catalog from the catalog declarations of `catalog_files`, over the stdlib's.
    WorkoutByWorkoutChecker(std::span<const ast::File> catalog_files, const SourceManager& sources, const CheckOptions& options,
                            Diagnostics& diagnostics);
    ~WorkoutByWorkoutChecker();
    WorkoutByWorkoutChecker(const WorkoutByWorkoutChecker&) = delete;
    WorkoutByWorkoutChecker& operator=(const WorkoutByWorkoutChecker&) = delete;

    const Catalog& catalog() const;
    // Checks the next workout; what it returns (blocks and entries included) lasts until the next call.
    const checked::Workout& check(const ast::WorkoutDecl& workout);
    // Room for the records of `count` workouts, made before the first (an estimate: more may come).
    void expect_workouts(std::size_t count);
    // Checks a program now if every workout it names has been checked (else nullopt: finish checks
    // it); the result does not go into finish's.
    std::optional<checked::Program> check_program(const ast::ProgramDecl& program);
    // Checks the programs of `files` against the workouts checked, and reports the names declared
    // twice. The result holds every workout without its blocks and entries, but the first named
    // options.keep_workout.
    CheckedProgram finish(std::span<const ast::File> files);

private:
    CheckOptions options_;
    std::unique_ptr<Checker> checker_;
};

}  // namespace reps
