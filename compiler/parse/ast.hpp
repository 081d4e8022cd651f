// The typed AST: what a source file says, with a SourceSpan on every node. No PEGTL type reaches here.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "compiler/base/arena.hpp"
#include "compiler/base/boxed.hpp"
#include "compiler/base/chunked_list.hpp"
#include "compiler/base/source.hpp"

namespace reps::ast {

// A file is a list of declarations (SPEC 2-4, 7): catalog entries (SPEC 3: region, muscle, equipment,
// exercise, profile), workouts (phases and blocks of prescriptions, SPEC 4) and programs
// (weekly sessions, SPEC 7), each as written, names not yet resolved. The checker
// (compiler/check) gives them meaning.
//
// Memory, for speed only: the AST's lists come from the file's arena when there is one
// (ArenaScope): they are made in parse order, read back in that order, and freed all at once.
// An AST node owns no memory but its lists' and boxes' (Boxed): its strings are views of the
// sources, and there is no std::string, std::vector or SmallVector here. So an AST in an arena can
// be dropped without running its destructors (loader.hpp, drop_into_arena); a node that owned heap memory
// would leak there, and LeakSanitizer (the sanitizer build of the tests) would report it.
template <typename T>
using List = std::vector<T, ArenaAllocator<T>>;
// The lists that can be long (a workout's statements, a block's entries, a program's sessions)
// grow in chunks instead: a list of n nodes takes n nodes' memory, not up to 3n (chunked_list.hpp).
template <typename T>
using LongList = ChunkedList<T>;

// A name as written: a view of the source text, which the SourceManager keeps for as long as
// the AST is used (names are most of the AST's strings; copying each cost an allocation).
struct Name {
    std::string_view text;
    SourceSpan span;
};

struct Duration {
    std::int64_t seconds = 0;
    SourceSpan span;
};

// A string literal: a view of the source between the quotes, or of the SourceManager's copy with
// its escapes resolved (SourceManager::keep).
struct Text {
    std::string_view value;
    SourceSpan span;
};

// ---- Catalog ----

struct EquipmentExpr {
    enum class Kind { name, none, all_of, any_of };
    Kind kind = Kind::none;
    Name name;                           // Kind::name
    List<EquipmentExpr> operands;  // all_of (a + b), any_of (a | b)
    SourceSpan span;
};

struct RegionDecl {
    Name name;
    std::optional<Text> title;
    SourceSpan span;
};

struct MuscleDecl {
    Name name;
    std::optional<Text> title;
    Name region;
    SourceSpan span;
};

struct EquipmentDecl {
    Name name;
    std::optional<Text> title;
    bool loadable = false;
    bool pair = false;
    SourceSpan span;
};

enum class Sides { both, each };
enum class Measure { reps, time, reps_or_time };

struct ExerciseDecl {
    Name name;
    Text title;
    List<Name> aka;
    std::optional<Name> pattern;
    List<Name> primary;
    List<Name> secondary;
    std::optional<EquipmentExpr> equipment;
    std::optional<Sides> sides;
    std::optional<Measure> measure;
    std::optional<Duration> rep;
    List<Name> easier;
    List<Name> harder;
    std::optional<Name> fit_category;
    std::optional<Name> fit_name;
    List<Name> fields_seen;  // keyword and span of each field, to report a field given twice
    SourceSpan span;
};

struct ProfileDecl {
    Name name;
    std::optional<Text> title;
    List<Name> equipment;
    SourceSpan span;
};

// ---- Prescriptions ----

struct Amount {
    enum class Kind { reps, range, at_least, duration };
    Kind kind = Kind::reps;
    std::int64_t value = 0;  // reps, lower bound of a range, or seconds
    std::int64_t upper = 0;  // upper bound of a range
    SourceSpan span;
};

struct DosePart {
    std::optional<std::int64_t> sets;  // absent for a single amount ("5min")
    SourceSpan sets_span;
    Amount amount;
    SourceSpan span;
};

struct Dose {
    Dose() {}  // NOLINT(modernize-use-equals-default): as Prescription's, for dose.emplace()
    DosePart from;
    Boxed<DosePart> to;  // a progression "2x8 -> 3x12" (rare: kept off the node)
    Boxed<Amount> step;  // reps or duration per step
    SourceSpan span;
};

struct Load {
    enum class Kind { mass, pair, bodyweight, bodyweight_plus, percent_1rm, rpe, rir };
    Kind kind = Kind::mass;
    std::string_view text;  // as written, without '@' (views like Name's)
    double value = 0;
    std::string_view unit;  // "kg" / "lb"
    SourceSpan span;
    std::int32_t pair_count = 0;  // the N of @Nx10kg (a pair is 2); 0 for other loads (in the padding)
};

struct Tempo {
    std::array<std::int64_t, 4> phases{};  // seconds; 'x' counts 1
    std::string_view text;
    SourceSpan span;
};

struct Flag {
    bool set = false;
    SourceSpan span;
};

struct Alternative;

struct Modifiers {
    Flag each;
    Flag alt;
    std::optional<Load> load;
    std::optional<Duration> rest;
    Boxed<Tempo> tempo;  // rare: kept off the node
    std::optional<Duration> hold;
    // `or NAME`, in order; the modifiers written after one (up to the next `or`) are its own.
    List<Alternative> alternatives;
    std::optional<Text> cue;
    List<SourceSpan> repeated;  // modifiers given twice (error E0206)
};

// The modifiers written after a prescription or an alternative. Most entries have none, and all
// of them took 264 bytes of every node (of every statement, the largest kind of which sets a
// Statement's size): they are kept off the node (Boxed). Reading gives the empty set when none
// was written; the parser writes through edit().
class WrittenModifiers {
public:
    const Modifiers& operator*() const { return box_ ? *box_ : none; }
    const Modifiers* operator->() const { return &**this; }
    Modifiers& edit() {
        return box_ ? *box_ : box_.emplace();
    }

private:
    static const Modifiers none;
    Boxed<Modifiers> box_;
};
inline const Modifiers WrittenModifiers::none{};

// An `or` alternative with the modifiers written after it, which replace the prescription's of
// the same kind for it alone (SPEC 4.1). Its modifiers' own `alternatives` stay empty.
struct Alternative {
    Name name;
    WrittenModifiers modifiers;
};

// A prescription, or an entry of a superset/circuit/intervals/emom/amrap (which has no dose sets).
struct Prescription {
    // Provided, so that a new node (the parser's emplace_back()) only gets its members' initial
    // values: the implicit constructor made value-initialisation zero all its bytes first.
    Prescription() {}  // NOLINT(modernize-use-equals-default)
    Name exercise;
    std::optional<Dose> dose;  // absent for interval and tabata entries
    WrittenModifiers modifiers;
    SourceSpan span;
};

// ---- Statements ----

struct Statement;

struct RestStatement {
    Duration duration;
    SourceSpan span;
};

struct NoteStatement {
    Text text;
    SourceSpan span;
};

struct DefaultsStatement {
    std::optional<Duration> rest;
    std::optional<Duration> transition;
    std::optional<Duration> switch_;
    List<Name> repeated;  // a key given twice (its name, at the second value): error E0206
    SourceSpan span;
};

struct FocusStatement {
    bool full_body = false;
    List<Name> regions;
    SourceSpan span;
};

enum class PhaseKind { warmup, cooldown };

struct PhaseBlock {
    PhaseKind kind = PhaseKind::warmup;
    LongList<Statement> body;
    SourceSpan span;
};

enum class GroupKind { superset, circuit };

struct GroupBlock {
    GroupKind kind = GroupKind::superset;
    std::int64_t rounds = 0;
    SourceSpan rounds_span;
    std::optional<Duration> rest;
    LongList<Prescription> entries;
    SourceSpan span;
};

struct IntervalsBlock {
    bool tabata = false;
    std::int64_t rounds = 0;
    SourceSpan rounds_span;
    Duration work;
    Duration rest;
    LongList<Prescription> entries;
    SourceSpan span;
};

enum class TimedKind { emom, amrap };

struct TimedBlock {
    TimedKind kind = TimedKind::emom;
    Duration duration;
    LongList<Prescription> entries;
    SourceSpan span;
};

struct Statement {
    // Provided for the same reason as Prescription's (the variant starts as a Prescription).
    Statement() {}  // NOLINT(modernize-use-equals-default)
    template <typename Node>
        requires(!std::is_same_v<std::decay_t<Node>, Statement>)
    Statement(Node&& value) : node(std::forward<Node>(value)) {}  // NOLINT(google-explicit-constructor): Statement{RestStatement{...}}
    std::variant<Prescription, RestStatement, NoteStatement, DefaultsStatement, FocusStatement, PhaseBlock,
                 GroupBlock, IntervalsBlock, TimedBlock>
        node;
};

struct WorkoutDecl {
    Name name;
    std::optional<Text> title;
    LongList<Statement> body;
    SourceSpan span;
    // A statement of it had a syntax error and was left out: it is checked without that statement,
    // and without the errors that only its absence could cause (a block left with no entries).
    bool damaged = false;
};

// ---- Programs ----

struct CivilDate {
    int year = 0, month = 0, day = 0;
    SourceSpan span;
};

struct TimeOfDay {
    int hour = 0, minute = 0;
    SourceSpan span;
};

struct SessionDecl {
    Name weekday;  // "mon" .. "sun"
    TimeOfDay time;
    std::optional<Name> workout;
    // A run session when workout is absent.
    Text run_title;
    Duration run_duration;
    std::optional<Name> run_intensity;  // "easy" / "hard"
    SourceSpan span;
};

struct ProgramDecl {
    Name name;
    std::optional<Text> title;
    std::optional<CivilDate> start;
    std::optional<std::int64_t> weeks;
    SourceSpan weeks_span;
    std::optional<Text> timezone;
    LongList<SessionDecl> sessions;
    // A `start`, `weeks` or `timezone` given again: the keyword, at the later value (E0101).
    List<Name> repeated_fields;
    SourceSpan span;
};

struct ImportDecl {
    Text path;
    SourceSpan span;
};

using Declaration = std::variant<ImportDecl, RegionDecl, MuscleDecl, EquipmentDecl, ExerciseDecl, ProfileDecl,
                                 WorkoutDecl, ProgramDecl>;

// A name written as two words at a syntax error (`goblet squat 3x12`): whether their join is the
// fix depends on the names the files can use, known once they have all parsed
// (compiler/check/spaced_names.hpp settles the error's help then).
struct SpacedName {
    SourceSpan error;    // the syntax error's span
    SourceSpan written;  // `goblet squat`
};

struct File {
    std::uint32_t file_id = 0;
    List<Declaration> declarations;
    // A declaration with a syntax error is left out of `declarations` (so that it gives no
    // follow-on errors); the names it may declare (its own, the words of a dropped field of an
    // exercise, such as an `aka` line) are kept here, as written, so that a use of one is not
    // reported unknown.
    List<Name> damaged_names;
    bool import_damaged = false;  // an `import` with a syntax error: any name may come from it
    // On the heap, not in the arena: a big file's workouts are parsed into memory given back
    // after each (parse.hpp), and these must outlive them.
    std::vector<SpacedName> spaced_names;
    // The names of the workouts refused whole for their size as they parsed (E0003, E0005): the
    // file is checked without them, as after a syntax error (on the heap, as spaced_names).
    std::vector<SourceSpan> refused_workouts;
};

}  // namespace reps::ast
