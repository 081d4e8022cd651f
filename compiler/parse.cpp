// The one translation unit that runs the PEGTL grammar: actions build the typed AST directly.
#include "compiler/parse.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/error_messages.hpp"
#include "grammar/grammar.hpp"

namespace reps {
namespace {

namespace pegtl = tao::pegtl;
namespace g = reps::grammar;

// Parenthesised equipment expressions are the only recursion in the grammar; bound it.
constexpr int max_paren_depth = 32;
// Numbers above this cannot mean anything here; reported at parse time (E0004).
constexpr std::int64_t max_number = 1'000'000'000'000LL;

// A limit of the parser (not a grammar error): reported as E0003.
struct limit_error : tao::pegtl::parse_error {
    using tao::pegtl::parse_error::parse_error;
};

struct ParseState {
    std::uint32_t file_id = 0;
    ast::File* out = nullptr;
    Diagnostics* diagnostics = nullptr;

    // Context for messages.
    std::string context_name;
    std::string context_decl;
    std::string workout_context;  // restored when a block inside the workout closes

    // Scratch values, consumed by the enclosing rule's action.
    std::optional<ast::Text> title;
    ast::Name name;
    ast::Duration duration;
    ast::Amount amount;
    std::optional<std::int64_t> pending_sets;
    SourceSpan pending_sets_span;
    std::vector<ast::DosePart> dose_parts;
    std::optional<ast::Amount> step;
    ast::Load load;
    std::int64_t rounds = 0;
    SourceSpan rounds_span;
    std::vector<ast::EquipmentExpr> equipment_stack;
    int paren_depth = 0;
    bool loadable = false;
    bool pair = false;

    // Builders of the declaration being parsed.
    ast::ExerciseDecl exercise;
    ast::ProfileDecl profile;
    ast::WorkoutDecl workout;
    ast::ProgramDecl program;
    ast::SessionDecl session;

    // Builders of statements.
    bool in_phase = false;
    ast::PhaseBlock phase;
    // The prescription or entry being parsed, built in place in its list: once its name has
    // matched it either completes or the parse throws, and moving a finished one would copy a
    // large node twice.
    ast::Prescription* prescription = nullptr;
    ast::GroupBlock group;
    ast::IntervalsBlock intervals;
    ast::TimedBlock timed;
    bool in_timed = false;  // block entries go to `timed` rather than `group`
    ast::DefaultsStatement defaults;
    ast::FocusStatement focus;

    std::vector<SourceSpan> open_braces;  // for "the '{' opened here" notes
    std::string pending_note;             // a note for the parse error being raised

    std::vector<ast::Statement>& body() { return in_phase ? phase.body : workout.body; }
};

// From the input's iterator, which eager tracking keeps up to date: in.position() would copy
// the file name into every span's temporary.
template <typename Input>
SourceSpan span_of(const Input& in, const ParseState& state) {
    const auto& at = in.iterator();
    return SourceSpan{state.file_id, static_cast<std::uint32_t>(at.byte), static_cast<std::uint32_t>(at.line),
                      static_cast<std::uint32_t>(at.column), static_cast<std::uint32_t>(in.size())};
}

SourceSpan join(const SourceSpan& first, const SourceSpan& last) {
    SourceSpan span = first;
    span.length = last.offset + last.length - first.offset;
    return span;
}

// Parses a run of digits; reports E0004 and returns -1 when it is absurdly large.
std::int64_t parse_integer(std::string_view digits, const SourceSpan& span, ParseState& state) {
    std::int64_t value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || value > max_number) {
        state.diagnostics->error("E0004", span, fmt::format("number '{}' is too large", digits),
                                 "sets run 1-100, reps 1-1000, durations up to 24h");
        return -1;
    }
    return value;
}

// Parses a decimal (a load); reports E0004 and returns 0 when it is absurdly large, rather than
// letting from_chars' out-of-range result pass as 0kg.
double parse_decimal(std::string_view text, const SourceSpan& span, ParseState& state) {
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || value > static_cast<double>(max_number)) {
        state.diagnostics->error("E0004", span, fmt::format("number '{}' is too large", text),
                                 "loads are masses, percentages, RPE or RIR of everyday size");
        return 0;
    }
    return value;
}

// "1h30min", "90s", "1:30" -> seconds; -1 after reporting an absurd value.
std::int64_t parse_duration_text(std::string_view text, const SourceSpan& span, ParseState& state) {
    std::int64_t total = 0;
    std::size_t i = 0;
    bool overflow = false;
    auto add = [&](std::int64_t value, std::int64_t factor) {
        if (value > max_number) overflow = true;
        else total += value * factor;
        if (total > max_number) overflow = true;
    };
    while (i < text.size()) {
        std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        std::int64_t value = 0;
        if (std::from_chars(text.data() + start, text.data() + i, value).ec != std::errc()) overflow = true;
        if (i >= text.size()) break;
        if (text[i] == ':') {  // m:ss
            std::int64_t seconds = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
            add(value, 60);
            add(seconds, 1);
            i += 3;
        } else if (text[i] == 'h') {
            add(value, 3600);
            ++i;
        } else if (text.substr(i, 3) == "min") {
            add(value, 60);
            i += 3;
        } else {  // 's'
            add(value, 1);
            ++i;
        }
    }
    if (overflow) {
        state.diagnostics->error("E0004", span, fmt::format("duration '{}' is too large", text),
                                 "durations are at most 24h");
        return -1;
    }
    return total;
}

// The text between the quotes of a string literal, escapes resolved.
std::string unescape(std::string_view quoted) {
    std::string value;
    value.reserve(quoted.size());
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        if (quoted[i] == '\\') {
            ++i;
            value += quoted[i] == 'n' ? '\n' : quoted[i];
        } else {
            value += quoted[i];
        }
    }
    return value;
}

std::string_view trimmed_word(std::string_view text) {
    const auto end = text.find_first_of(" \t\r\n;");
    return text.substr(0, end);
}

void mark_repeated(bool already, const SourceSpan& span, ast::Modifiers& modifiers) {
    if (already) modifiers.repeated.push_back(span);
}

// ---- Actions --------------------------------------------------------------------------------

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Strings.
template <typename Input>
ast::Text text_of(const Input& in, const ParseState& state) {
    return ast::Text{unescape(in.string_view()), span_of(in, state)};
}

template <>
struct action<g::title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.title = text_of(in, state); }
};
template <>
struct action<g::exercise_title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.title = text_of(in, state); }
};
template <>
struct action<g::cue> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.cue.has_value(), span_of(in, state), modifiers);
        modifiers.cue = text_of(in, state);
    }
};
template <>
struct action<g::note_text> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.body().push_back(ast::Statement{ast::NoteStatement{text_of(in, state), span_of(in, state)}});
    }
};
template <>
struct action<g::import_path> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(ast::ImportDecl{text_of(in, state), span_of(in, state)});
    }
};
template <>
struct action<g::timezone_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.program.timezone = text_of(in, state); }
};
template <>
struct action<g::run_title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_title = text_of(in, state); }
};

// Names.
template <typename Input>
ast::Name name_of(const Input& in, const ParseState& state) {
    return ast::Name{in.string_view(), span_of(in, state)};
}

template <const char* Kind>
struct declaration_name_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.name = name_of(in, state);
        state.title.reset();
        state.context_name = state.name.text;
        // Built in place (its capacity is reused): this runs for every declaration and block.
        state.context_decl.assign(Kind).append(" '").append(state.name.text).append("'");
    }
};
inline constexpr char region_kind[] = "region";
inline constexpr char muscle_kind[] = "muscle";
inline constexpr char equipment_kind[] = "equipment";
inline constexpr char exercise_kind[] = "exercise";
inline constexpr char profile_kind[] = "profile";
inline constexpr char workout_kind[] = "workout";
inline constexpr char program_kind[] = "program";

template <> struct action<g::region_name> : declaration_name_action<region_kind> {};
template <> struct action<g::muscle_name> : declaration_name_action<muscle_kind> {};
template <>
struct action<g::equipment_name> : declaration_name_action<equipment_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<equipment_kind>::apply(in, state);
        state.loadable = state.pair = false;
    }
};
template <>
struct action<g::exercise_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<exercise_kind>::apply(in, state);
        state.exercise = ast::ExerciseDecl{};
        state.exercise.name = state.name;
    }
};
template <>
struct action<g::profile_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<profile_kind>::apply(in, state);
        state.profile = ast::ProfileDecl{};
        state.profile.name = state.name;
    }
};
template <>
struct action<g::workout_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<workout_kind>::apply(in, state);
        state.workout_context = state.context_decl;
        state.workout = ast::WorkoutDecl{};
        // Statements are large; growing the list one by one moved each of them several times.
        state.workout.body.reserve(16);
        state.workout.name = state.name;
        state.in_phase = false;
    }
};
template <>
struct action<g::program_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<program_kind>::apply(in, state);
        state.program = ast::ProgramDecl{};
        state.program.name = state.name;
    }
};

// Catalog declarations.
template <>
struct action<g::region_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(ast::RegionDecl{state.name, state.title, span_of(in, state)});
    }
};
template <>
struct action<g::region_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(
            ast::MuscleDecl{state.name, state.title, name_of(in, state), SourceSpan{}});
    }
};
template <>
struct action<g::muscle_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        std::get<ast::MuscleDecl>(state.out->declarations.back()).span = span_of(in, state);
    }
};
template <>
struct action<g::equipment_loadable> {
    static void apply0(ParseState& state) { state.loadable = true; }
};
template <>
struct action<g::equipment_pair> {
    static void apply0(ParseState& state) { state.pair = true; }
};
template <>
struct action<g::equipment_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(
            ast::EquipmentDecl{state.name, state.title, state.loadable, state.pair, span_of(in, state)});
    }
};

template <typename Input>
void see_field(const Input& in, ParseState& state) {
    state.exercise.fields_seen.push_back(ast::Name{trimmed_word(in.string_view()), span_of(in, state)});
}
template <>
struct action<g::alias_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.aka.push_back(name_of(in, state)); }
};
template <>
struct action<g::pattern_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.pattern = name_of(in, state); }
};
template <>
struct action<g::muscle_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.primary.push_back(name_of(in, state)); }
};
template <>
struct action<g::secondary_muscle> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.secondary.push_back(name_of(in, state)); }
};
template <>
struct action<g::easier_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.easier.push_back(name_of(in, state)); }
};
template <>
struct action<g::harder_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.harder.push_back(name_of(in, state)); }
};
template <>
struct action<g::fit_category> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.fit_category = name_of(in, state); }
};
template <>
struct action<g::fit_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.fit_name = name_of(in, state); }
};
template <>
struct action<g::sides_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.exercise.sides = in.string_view() == "each" ? ast::Sides::each : ast::Sides::both;
    }
};
template <>
struct action<g::measure_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const bool has_or = text.find(" or") != std::string_view::npos || text.find("\tor") != std::string_view::npos;
        state.exercise.measure = has_or ? ast::Measure::reps_or_time
                                        : (text == "time" ? ast::Measure::time : ast::Measure::reps);
    }
};
template <>
struct action<g::rep_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        state.exercise.rep = ast::Duration{parse_duration_text(in.string_view(), span, state), span};
    }
};
template <>
struct action<g::equipment_field> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        see_field(in, state);
        state.exercise.equipment = std::move(state.equipment_stack.back());
        state.equipment_stack.clear();
    }
};
// Every field records its keyword, so the checker can report a field given twice.
template <> struct action<g::aka_field> { template <typename I> static void apply(const I& in, ParseState& s) { see_field(in, s); } };
template <> struct action<g::pattern_field> : action<g::aka_field> {};
template <> struct action<g::primary_field> : action<g::aka_field> {};
template <> struct action<g::secondary_field> : action<g::aka_field> {};
template <> struct action<g::sides_field> : action<g::aka_field> {};
template <> struct action<g::measure_field> : action<g::aka_field> {};
template <> struct action<g::rep_field> : action<g::aka_field> {};
template <> struct action<g::easier_field> : action<g::aka_field> {};
template <> struct action<g::harder_field> : action<g::aka_field> {};
template <> struct action<g::fit_field> : action<g::aka_field> {};
template <>
struct action<g::exercise_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.exercise.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.exercise));
        state.exercise = ast::ExerciseDecl{};
    }
};

// Equipment expressions reduce on a stack as their rules succeed (post-order).
template <>
struct action<g::equipment_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::EquipmentExpr expr;
        expr.kind = ast::EquipmentExpr::Kind::name;
        expr.name = name_of(in, state);
        expr.span = expr.name.span;
        state.equipment_stack.push_back(std::move(expr));
    }
};
template <>
struct action<g::equipment_none> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::EquipmentExpr expr;
        expr.kind = ast::EquipmentExpr::Kind::none;
        expr.span = span_of(in, state);
        state.equipment_stack.push_back(std::move(expr));
    }
};
void combine_equipment(ParseState& state, ast::EquipmentExpr::Kind kind) {
    auto right = std::move(state.equipment_stack.back());
    state.equipment_stack.pop_back();
    auto& left = state.equipment_stack.back();
    if (left.kind != kind) {
        ast::EquipmentExpr combined;
        combined.kind = kind;
        combined.span = left.span;
        combined.operands.push_back(std::move(left));
        left = std::move(combined);
    }
    left.span = join(left.span, right.span);
    left.operands.push_back(std::move(right));
}
template <>
struct action<g::equipment_and> {
    static void apply0(ParseState& state) { combine_equipment(state, ast::EquipmentExpr::Kind::all_of); }
};
template <>
struct action<g::equipment_or> {
    static void apply0(ParseState& state) { combine_equipment(state, ast::EquipmentExpr::Kind::any_of); }
};
template <>
struct action<g::open_paren> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        if (++state.paren_depth > max_paren_depth) {
            throw limit_error(fmt::format("equipment expression nested more than {} parentheses deep", max_paren_depth), in);
        }
    }
};
template <>
struct action<g::equipment_group> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.equipment_stack.back().span = span_of(in, state); }
};
template <>
struct action<g::close_paren> {
    static void apply0(ParseState& state) { --state.paren_depth; }
};

template <>
struct action<g::profile_equipment> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.profile.equipment.push_back(name_of(in, state)); }
};
template <>
struct action<g::profile_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.profile.title = state.title;
        state.profile.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.profile));
    }
};

// Durations in their contexts.
template <typename Input>
ast::Duration duration_of(const Input& in, ParseState& state) {
    const auto span = span_of(in, state);
    return ast::Duration{parse_duration_text(in.string_view(), span, state), span};
}
template <>
struct action<g::rest_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.duration = duration_of(in, state); }
};
template <> struct action<g::hold_duration> : action<g::rest_duration> {};
template <> struct action<g::transition_duration> : action<g::rest_duration> {};
template <> struct action<g::switch_duration> : action<g::rest_duration> {};
template <>
struct action<g::group_rest_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.group.rest = duration_of(in, state); }
};
template <>
struct action<g::work_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.intervals.work = duration_of(in, state); }
};
template <>
struct action<g::off_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.intervals.rest = duration_of(in, state); }
};
template <>
struct action<g::block_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.timed.duration = duration_of(in, state); }
};
template <>
struct action<g::run_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_duration = duration_of(in, state); }
};

// Amounts and doses.
template <>
struct action<g::amount_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto duration = duration_of(in, state);
        state.amount = ast::Amount{ast::Amount::Kind::duration, duration.seconds, duration.seconds, duration.span};
    }
};
template <>
struct action<g::amount_range> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto text = in.string_view();
        const auto dash = text.find('-');
        state.amount = ast::Amount{ast::Amount::Kind::range, parse_integer(text.substr(0, dash), span, state),
                                   parse_integer(text.substr(dash + 1), span, state), span};
    }
};
template <>
struct action<g::amount_at_least> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto value = parse_integer(in.string_view().substr(0, in.size() - 1), span, state);
        state.amount = ast::Amount{ast::Amount::Kind::at_least, value, value, span};
    }
};
template <>
struct action<g::amount_reps> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto value = parse_integer(in.string_view(), span, state);
        state.amount = ast::Amount{ast::Amount::Kind::reps, value, value, span};
    }
};
template <>
struct action<g::sets_prefix> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto span = span_of(in, state);
        span.length -= 1;  // without the 'x'
        state.pending_sets = parse_integer(in.string_view().substr(0, in.size() - 1), span, state);
        state.pending_sets_span = span;
    }
};
struct dose_part_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.dose_parts.push_back(
            ast::DosePart{state.pending_sets, state.pending_sets_span, state.amount, span_of(in, state)});
        state.pending_sets.reset();
    }
};
template <> struct action<g::dose_part> : dose_part_action {};
template <> struct action<g::progression_target> : dose_part_action {};
template <>
struct action<g::step_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto text = in.string_view();
        if (text.back() >= '0' && text.back() <= '9') {
            const auto value = parse_integer(text, span, state);
            state.step = ast::Amount{ast::Amount::Kind::reps, value, value, span};
        } else {
            const auto seconds = parse_duration_text(text, span, state);
            state.step = ast::Amount{ast::Amount::Kind::duration, seconds, seconds, span};
        }
    }
};
template <>
struct action<g::prescription_dose> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::Dose dose;
        dose.from = state.dose_parts.at(0);
        if (state.dose_parts.size() > 1) dose.to = state.dose_parts[1];
        dose.step = state.step;
        dose.span = span_of(in, state);
        state.prescription->dose = std::move(dose);
        state.dose_parts.clear();
        state.step.reset();
    }
};
template <>
struct action<g::entry_amount> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::Dose dose;
        dose.from = ast::DosePart{std::nullopt, SourceSpan{}, state.amount, span_of(in, state)};
        dose.span = dose.from.span;
        state.prescription->dose = std::move(dose);
    }
};

// Loads.
template <typename Input>
void set_load(const Input& in, ParseState& state, ast::Load::Kind kind, double value, std::string unit) {
    state.load = ast::Load{kind, std::string(in.string_view()), value, std::move(unit), span_of(in, state)};
}
std::string_view mass_unit_of(std::string_view text) { return text.substr(text.size() - 2); }
template <typename Input>
double mass_value_of(std::string_view text, const Input& in, ParseState& state) {
    return parse_decimal(text.substr(0, text.size() - 2), span_of(in, state), state);
}

template <>
struct action<g::load_bodyweight> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        if (text.size() > 2) {
            const auto extra = text.substr(3);
            set_load(in, state, ast::Load::Kind::bodyweight_plus, mass_value_of(extra, in, state), std::string(mass_unit_of(extra)));
        } else {
            set_load(in, state, ast::Load::Kind::bodyweight, 0, "");
        }
    }
};
template <>
struct action<g::load_pair> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const auto mass = text.substr(text.find('x') + 1);
        set_load(in, state, ast::Load::Kind::pair, mass_value_of(mass, in, state), std::string(mass_unit_of(mass)));
    }
};
template <>
struct action<g::load_mass> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        set_load(in, state, ast::Load::Kind::mass, mass_value_of(text, in, state), std::string(mass_unit_of(text)));
    }
};
template <>
struct action<g::load_percent> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        set_load(in, state, ast::Load::Kind::percent_1rm, parse_decimal(text.substr(0, text.size() - 1), span_of(in, state), state), "");
    }
};
template <>
struct action<g::rpe_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.load = ast::Load{ast::Load::Kind::rpe, "rpe " + in.string(),
                               parse_decimal(in.string_view(), span_of(in, state), state), "",
                               span_of(in, state)};
    }
};
template <>
struct action<g::rir_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.load = ast::Load{ast::Load::Kind::rir, "rir " + in.string(),
                               parse_decimal(in.string_view(), span_of(in, state), state), "",
                               span_of(in, state)};
    }
};
template <>
struct action<g::load> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.load.has_value(), span_of(in, state), modifiers);
        state.load.span = span_of(in, state);
        modifiers.load = state.load;
    }
};

// Modifiers.
template <>
struct action<g::modifier_each> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.each.set, span_of(in, state), modifiers);
        modifiers.each = ast::Flag{true, span_of(in, state)};
    }
};
template <>
struct action<g::modifier_alt> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.alt.set, span_of(in, state), modifiers);
        modifiers.alt = ast::Flag{true, span_of(in, state)};
    }
};
template <>
struct action<g::modifier_rest> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.rest.has_value(), span_of(in, state), modifiers);
        modifiers.rest = state.duration;
    }
};
template <>
struct action<g::modifier_hold> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        mark_repeated(modifiers.hold.has_value(), span_of(in, state), modifiers);
        modifiers.hold = state.duration;
    }
};
template <>
struct action<g::tempo_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = state.prescription->modifiers;
        const auto span = span_of(in, state);
        mark_repeated(modifiers.tempo.has_value(), span, modifiers);
        ast::Tempo tempo;
        tempo.text = in.string();
        tempo.span = span;
        std::string_view rest = in.string_view();
        for (auto& phase : tempo.phases) {
            const auto dash = rest.find('-');
            const auto part = rest.substr(0, dash);
            phase = part == "x" ? 1 : parse_integer(part, span, state);
            rest = dash == std::string_view::npos ? std::string_view{} : rest.substr(dash + 1);
        }
        modifiers.tempo = tempo;
    }
};
template <>
struct action<g::alternative_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.prescription->modifiers.alternatives.push_back(name_of(in, state));
    }
};

// Prescriptions and entries.
template <typename Input>
void start_prescription(const Input& in, ParseState& state, ast::Prescription& prescription) {
    state.prescription = &prescription;
    prescription.exercise = name_of(in, state);
    state.context_name = prescription.exercise.text;
}
template <>
struct action<g::prescription_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, std::get<ast::Prescription>(state.body().emplace_back().node));
    }
};
template <>
struct action<g::entry_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, (state.in_timed ? state.timed.entries : state.group.entries).emplace_back());
    }
};
template <>
struct action<g::interval_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, state.intervals.entries.emplace_back());
    }
};
struct end_prescription_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.prescription->span = span_of(in, state); }
};
template <> struct action<g::prescription> : end_prescription_action {};
template <> struct action<g::entry> : end_prescription_action {};
template <> struct action<g::interval_entry> : end_prescription_action {};
template <>
struct action<g::tabata_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::Prescription entry;
        entry.exercise = name_of(in, state);
        entry.span = entry.exercise.span;
        state.intervals.entries.push_back(std::move(entry));
    }
};

// Statements.
template <>
struct action<g::rest_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.body().push_back(ast::Statement{ast::RestStatement{state.duration, span_of(in, state)}});
    }
};
template <>
struct action<g::defaults_rest> {
    static void apply0(ParseState& state) { state.defaults.rest = state.duration; }
};
template <>
struct action<g::defaults_transition> {
    static void apply0(ParseState& state) { state.defaults.transition = state.duration; }
};
template <>
struct action<g::defaults_switch> {
    static void apply0(ParseState& state) { state.defaults.switch_ = state.duration; }
};
template <>
struct action<g::defaults_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.defaults.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.defaults)});
        state.defaults = ast::DefaultsStatement{};
    }
};
template <>
struct action<g::focus_full_body> {
    static void apply0(ParseState& state) { state.focus.full_body = true; }
};
template <>
struct action<g::focus_region> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.focus.regions.push_back(name_of(in, state)); }
};
template <>
struct action<g::focus_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.focus.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.focus)});
        state.focus = ast::FocusStatement{};
    }
};
template <>
struct action<g::phase_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.phase = ast::PhaseBlock{};
        state.phase.body.reserve(8);
        state.phase.kind = in.string_view() == "warmup" ? ast::PhaseKind::warmup : ast::PhaseKind::cooldown;
        state.in_phase = true;
        state.context_decl.assign("the ").append(in.string_view());
    }
};
template <>
struct action<g::phase_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.phase.span = span_of(in, state);
        state.in_phase = false;
        state.workout.body.push_back(ast::Statement{std::move(state.phase)});
        state.context_decl = state.workout_context;
    }
};
template <>
struct action<g::round_count> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.rounds_span = span_of(in, state);
        state.rounds = parse_integer(in.string_view(), state.rounds_span, state);
    }
};
template <>
struct action<g::group_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.group = ast::GroupBlock{};
        state.group.entries.reserve(4);
        state.group.kind = in.string_view() == "superset" ? ast::GroupKind::superset : ast::GroupKind::circuit;
        state.in_timed = false;
        state.context_decl.assign("the ").append(in.string_view());
    }
};
template <>
struct action<g::group_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.group.rounds = state.rounds;
        state.group.rounds_span = state.rounds_span;
        state.group.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.group)});
        state.context_decl = state.workout_context;
    }
};
template <>
struct action<g::kw_intervals> {
    static void apply0(ParseState& state) {
        state.intervals = ast::IntervalsBlock{};
        state.intervals.entries.reserve(4);
        state.context_decl = "the intervals block";
    }
};
template <> struct action<g::kw_tabata> : action<g::kw_intervals> {};
template <>
struct action<g::intervals_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.intervals.rounds = state.rounds;
        state.intervals.rounds_span = state.rounds_span;
        state.intervals.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.intervals)});
        state.context_decl = state.workout_context;
    }
};
template <>
struct action<g::tabata_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        state.intervals.tabata = true;
        state.intervals.rounds = 8;
        state.intervals.rounds_span = span;
        state.intervals.work = ast::Duration{20, span};
        state.intervals.rest = ast::Duration{10, span};
        state.intervals.span = span;
        state.body().push_back(ast::Statement{std::move(state.intervals)});
    }
};
template <>
struct action<g::timed_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.timed = ast::TimedBlock{};
        state.timed.entries.reserve(4);
        state.timed.kind = in.string_view() == "emom" ? ast::TimedKind::emom : ast::TimedKind::amrap;
        state.in_timed = true;
        state.context_decl.assign("the ").append(in.string_view());
    }
};
template <>
struct action<g::timed_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.timed.span = span_of(in, state);
        state.in_timed = false;
        state.body().push_back(ast::Statement{std::move(state.timed)});
        state.context_decl = state.workout_context;
    }
};
template <>
struct action<g::workout_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.workout.title = state.title;
        state.workout.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.workout));
        state.workout = ast::WorkoutDecl{};
    }
};

// Programs.
template <>
struct action<g::date> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        auto number = [&](std::size_t at, std::size_t length) {
            int value = 0;
            std::from_chars(text.data() + at, text.data() + at + length, value);
            return value;
        };
        state.program.start = ast::CivilDate{number(0, 4), number(5, 2), number(8, 2), span_of(in, state)};
    }
};
template <>
struct action<g::week_count> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.program.weeks_span = span_of(in, state);
        state.program.weeks = parse_integer(in.string_view(), state.program.weeks_span, state);
    }
};
template <>
struct action<g::weekday> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.session = ast::SessionDecl{};
        state.session.weekday = name_of(in, state);
    }
};
template <>
struct action<g::time_of_day> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const auto colon = text.find(':');
        int hour = 0, minute = 0;
        std::from_chars(text.data(), text.data() + colon, hour);
        std::from_chars(text.data() + colon + 1, text.data() + text.size(), minute);
        state.session.time = ast::TimeOfDay{hour, minute, span_of(in, state)};
    }
};
template <>
struct action<g::session_workout> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.workout = name_of(in, state); }
};
template <>
struct action<g::run_intensity> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_intensity = name_of(in, state); }
};
template <>
struct action<g::session_item> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.session.span = span_of(in, state);
        state.program.sessions.push_back(std::move(state.session));
    }
};
template <>
struct action<g::program_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.program.title = state.title;
        state.program.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.program));
        state.program = ast::ProgramDecl{};
    }
};

// Braces: remember where each block opened, for the note on a missing '}'.
template <>
struct action<g::open_brace> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.open_braces.push_back(span_of(in, state)); }
};
struct close_brace_action {
    static void apply0(ParseState& state) {
        if (!state.open_braces.empty()) state.open_braces.pop_back();
    }
};
template <> struct action<g::group_close> : close_brace_action {};
template <> struct action<g::phase_close> : close_brace_action {};
template <> struct action<g::workout_close> : close_brace_action {};
template <> struct action<g::exercise_close> : close_brace_action {};
template <> struct action<g::profile_close> : close_brace_action {};
template <> struct action<g::program_close> : close_brace_action {};

// ---- Errors ---------------------------------------------------------------------------------

// What stands at the point of failure, for "found ..." in messages.
template <typename Input>
std::string found_at(const Input& in) {
    if (in.empty()) return "the end of the file";
    const char* begin = in.current();
    const std::size_t available = in.size(64);
    if (*begin == '\n' || *begin == '\r') return "the end of the line";
    std::size_t length = 0;
    while (length < available && length < 24) {
        const char c = begin[length];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') break;
        ++length;
    }
    while (length > 0 && length < available && (static_cast<unsigned char>(begin[length]) & 0xC0) == 0x80) --length;
    if (length == 0) length = 1;
    return fmt::format("'{}'", std::string_view(begin, length));
}

// The character at the point of failure (one UTF-8 sequence), for "unknown escape '\\t'".
template <typename Input>
std::string char_at(const Input& in) {
    if (in.empty()) return "";
    std::size_t length = 1;
    const std::size_t available = in.size(4);
    while (length < available && (static_cast<unsigned char>(in.current()[length]) & 0xC0) == 0x80) ++length;
    return std::string(in.current(), length);
}

std::string expand(std::string_view message, const std::vector<std::pair<std::string_view, std::string>>& values) {
    std::string text(message);
    for (const auto& [key, value] : values) {
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
            text.replace(at, key.size(), value);
        }
    }
    return text;
}

template <typename Rule>
inline constexpr bool closes_block =
    std::is_same_v<Rule, g::group_close> || std::is_same_v<Rule, g::phase_close> || std::is_same_v<Rule, g::workout_close> ||
    std::is_same_v<Rule, g::exercise_close> || std::is_same_v<Rule, g::profile_close> || std::is_same_v<Rule, g::program_close>;

template <typename Rule>
struct control : pegtl::normal<Rule> {
    template <typename Input, typename... States>
    [[noreturn]] static void raise(const Input& in, States&&... states) {
        static_assert(g::error_message<Rule> != nullptr, "every rule inside must<> needs an error message");
        ParseState& state = (states, ...);
        const std::string found = found_at(in);
        std::string message = expand(g::error_message<Rule>, {{"{name}", state.context_name},
                                                             {"{decl}", state.context_decl},
                                                             {"{found}", found},
                                                             {"{char}", char_at(in)}});
        // "expected X" messages say what stood there instead; the others name it themselves.
        if (message.rfind("expected", 0) == 0) message += ", found " + found;
        if constexpr (closes_block<Rule>) {
            if (!state.open_braces.empty()) {
                const auto& brace = state.open_braces.back();
                state.pending_note = fmt::format("the block opened with '{{' at line {}, column {}", brace.line, brace.column);
            }
        }
        throw pegtl::parse_error(message, in);
    }
};

// Where parsing can resume after a syntax error: the next line that starts a declaration.
std::size_t next_declaration(std::string_view text, std::size_t from) {
    static constexpr std::string_view keywords[] = {"import ", "region ", "muscle ", "equipment ", "exercise ",
                                                    "profile ", "workout ", "program "};
    for (auto line = text.find('\n', from); line != std::string_view::npos; line = text.find('\n', line + 1)) {
        const auto rest = text.substr(line + 1);
        for (auto keyword : keywords) {
            if (rest.rfind(keyword, 0) == 0) return line + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics) {
    const std::string_view text = sources.file(file_id).text;
    for (std::size_t i = 0; i < text.size();) {
        // Sixteen bytes at a time while they are ASCII without NUL (most files, most of the time);
        // line and column are worked out only for a bad byte, below.
        if (i + 16 <= text.size()) {
            constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
            // 0x80 in each byte of an ASCII word that is zero (and in any byte with its high bit set).
            const auto zero_or_high = [](std::uint64_t v) { return ~((v & low7) + low7) | v; };
            std::uint64_t first, second;
            std::memcpy(&first, text.data() + i, 8);
            std::memcpy(&second, text.data() + i + 8, 8);
            if (((zero_or_high(first) | zero_or_high(second)) & ~low7) == 0) {
                i += 16;
                continue;
            }
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        }
        if (valid && length > 1) {  // reject overlong forms and surrogates
            const auto next = static_cast<unsigned char>(text[i + 1]);
            valid = !(byte == 0xC0 || byte == 0xC1 || (byte == 0xE0 && next < 0xA0) || (byte == 0xED && next > 0x9F) ||
                      (byte == 0xF0 && next < 0x90) || byte > 0xF4 || (byte == 0xF4 && next > 0x8F));
        }
        if (!valid || byte == 0) {
            // The span's column counts bytes; diagnostics show the column in characters, from the offset.
            const std::string_view before = text.substr(0, i);
            const auto line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
            const auto line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
            const SourceSpan span{file_id, static_cast<std::uint32_t>(i), line,
                                  static_cast<std::uint32_t>(i - line_start + 1), 1};
            diagnostics.error("E0002", span,
                              byte == 0 ? std::string("unexpected NUL byte: this looks like a binary file, not a .reps text file")
                                        : fmt::format("invalid UTF-8 byte 0x{:02X}", byte),
                              "save the file as UTF-8 text");
            return false;
        }
        i += length;
    }
    return true;
}

ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics) {
    constexpr int max_syntax_errors = 20;
    const SourceFile& source = sources.file(file_id);
    const std::string_view text = source.text;
    ast::File file;
    file.file_id = file_id;
    std::size_t offset = 0;
    std::size_t line = 1;
    for (int errors = 0; errors < max_syntax_errors; ++errors) {
        ParseState state;
        state.file_id = file_id;
        state.out = &file;
        state.diagnostics = &diagnostics;
        pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> in(
            text.data() + offset, text.data() + text.size(), source.path, offset, line, 1);
        try {
            pegtl::parse<g::file, action, control>(in, state);
            return file;
        } catch (const pegtl::parse_error& error) {
            const auto& position = error.positions().front();
            const std::string_view rest = text.substr(position.byte);
            std::uint32_t length = 1;
            if (!rest.empty() && rest[0] != '\n' && rest[0] != '\r') {
                while (length < rest.size() && length < 40 && rest[length] != ' ' && rest[length] != '\n' &&
                       rest[length] != '\r' && rest[length] != '\t' && rest[length] != ';')
                    ++length;
            }
            const SourceSpan span{file_id, static_cast<std::uint32_t>(position.byte), static_cast<std::uint32_t>(position.line),
                                  static_cast<std::uint32_t>(position.column), length};
            const bool limit = dynamic_cast<const limit_error*>(&error) != nullptr;
            auto& diagnostic = diagnostics.error(limit ? "E0003" : "E0001", span, std::string(error.message()));
            if (!state.pending_note.empty()) diagnostic.notes.push_back(state.pending_note);
            // Resume at the next line that starts a declaration, so one run reports every broken declaration.
            const auto resume = next_declaration(text, std::max<std::size_t>(position.byte, offset));
            if (resume == std::string_view::npos) return file;
            line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(offset),
                                                        text.begin() + static_cast<std::ptrdiff_t>(resume), '\n'));
            offset = resume;
        }
    }
    return file;
}

}  // namespace reps
