// The parser's state, limits and helpers (spans, numbers, durations, strings); only parse.cpp includes it.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/parse/ast.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/parse/suggest.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/duration_text.hpp"
#include "compiler/base/source.hpp"
#include "grammar/grammar.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
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

// At most this many syntax errors are reported per file; the rest are counted, and one line says
// how many were not shown (README, Diagnostics).
constexpr int max_syntax_errors = 20;
// Past that, errors are counted up to this many; then the parse stops (each costs an exception,
// and a file of garbage must not take a minute to say so).
constexpr int max_hidden_errors = 1000;
// Statements of one workout (of every block in it, notes included): a limit of the input's size,
// as the file's is, that keeps one workout's AST small (E0003).
constexpr int max_workout_statements = 1'000'000;
// Exercises, rests and entries of one workout, each lowering to a segment at least: more cannot
// lower to a timeline (compiler/timing/timeline_size.hpp: max_timeline_segments), E0005.
constexpr int max_timeline_segments_parsed = 100'000;
struct SyntaxErrorCount {
    int reported = 0;
    int hidden = 0;
    bool gave_up = false;  // more than max_hidden_errors hidden: the parse stopped
    SourceSpan first_hidden;
};

struct ParseState {
    std::uint32_t file_id = 0;
    const char* text = nullptr;         // the file's first byte: spans hold offsets from it
    const SourceManager* sources = nullptr;  // keeps the strings that are not in the source as written
    ast::File* out = nullptr;
    Diagnostics* diagnostics = nullptr;

    // Context for messages, as views (spelled out only when a message needs them, in decl()):
    // what is being declared ("workout") and its name, or a block ("the superset") and no name.
    struct Context {
        std::string_view kind;
        std::string_view name;
    };
    std::string_view context_name;  // the declaration's or the prescription's name
    Context context;
    Context workout_context;  // restored when a block inside the workout closes

    std::string decl() const {
        return context.name.empty() ? std::string(context.kind) : fmt::format("{} '{}'", context.kind, context.name);
    }

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
    std::optional<SyntaxFix> pending_fix; // what the parse error being raised most likely meant

    // Recovery (control.hpp): the file's syntax errors so far, kept by parse_file across restarts.
    SyntaxErrorCount* errors = nullptr;
    // The error being raised cannot be recovered from inside its block (the file ends, or a line
    // starts a declaration before the block closed): it goes up to parse_file.
    bool unrecoverable = false;
    // ... and it follows from an earlier error of the declaration (an unterminated string that took
    // the '}' with it): not reported, as it would go once that error is fixed.
    bool follows_earlier_error = false;
    // The file ended, or a declaration started, inside a workout's blocks: each block still open
    // ends there (recover.hpp), the missing '}' reported once.
    bool ending_blocks_left_open = false;
    // The declaration being parsed: where it starts, and whether a statement of it was dropped
    // after a syntax error (then it is left out of the AST: see control<g::declaration>).
    const char* declaration_begin = nullptr;
    std::size_t declarations_before = 0;
    bool declaration_damaged = false;
    int workout_statements = 0;        // of the workout being parsed (max_workout_statements)
    int workout_timed_statements = 0;  // of those, the ones that take time (max_timeline_segments_parsed)

    // Streaming (parse.hpp): where each workout goes, and the arena's state before the declaration,
    // to come back to once the workout is handed over.
    WorkoutReceiver* receiver = nullptr;
    Arena::Mark declaration_mark;

    ast::LongList<ast::Statement>& body() { return in_phase ? phase.body : workout.body; }
};

// The input tracks bytes only: a span is an offset, and its line and column are worked out when
// it is shown (SourceManager::position).
template <typename Input>
SourceSpan span_of(const Input& in, const ParseState& state) {
    return SourceSpan{state.file_id, static_cast<std::uint32_t>(in.begin() - state.text), static_cast<std::uint32_t>(in.size())};
}

SourceSpan join(const SourceSpan& first, const SourceSpan& last) {
    SourceSpan span = first;
    span.length = last.offset + last.length - first.offset;
    return span;
}

// A short run of decimal digits, as numbers in workouts are: a plain loop (from_chars was a
// measurable share of parsing). nullopt for anything else: empty, too long, or not digits.
std::optional<std::int64_t> short_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 18) return std::nullopt;  // 18 digits cannot overflow
    std::int64_t value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Parses a run of digits; reports E0004 and returns -1 when it is absurdly large.
// Out of line, as are the rare paths of the duration reader below: inlined, their formatting
// weighed on the call for every number of a file.
[[gnu::cold, gnu::noinline]] std::int64_t integer_too_large(std::string_view digits, const SourceSpan& span, ParseState& state) {
    state.diagnostics->report(Code::E0004, span, fmt::format("number '{}' is too large", digits),
                             "sets run 1-100, reps 1-1000, durations up to 24h");
    return -1;
}

std::int64_t parse_integer(std::string_view digits, const SourceSpan& span, ParseState& state) {
    std::int64_t value = 0;
    std::errc error = std::errc();
    if (const auto quick = short_number(digits)) {
        value = *quick;
    } else {
        error = std::from_chars(digits.data(), digits.data() + digits.size(), value).ec;
    }
    if (error != std::errc() || value > max_number) return integer_too_large(digits, span, state);
    return value;
}

// Parses a decimal (a load); reports E0004 and returns 0 when it is absurdly large, rather than
// letting from_chars' out-of-range result pass as 0kg.
double parse_decimal(std::string_view text, const SourceSpan& span, ParseState& state) {
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || value > static_cast<double>(max_number)) {
        state.diagnostics->report(Code::E0004, span, fmt::format("number '{}' is too large", text),
                                 "loads are masses, percentages, RPE or RIR of everyday size");
        return 0;
    }
    return value;
}

// W0106: the duration is what it adds up to, but a coach who writes "1min90s" most likely meant
// something else, or will be misread; SPEC 1 writes durations largest-first, and m:ss refuses
// seconds over 59 (E0003), so the combined form is told too, as a warning: it still compiles.
[[gnu::cold, gnu::noinline]] void report_part_over_its_unit(std::string_view text, std::string_view part, std::string_view unit,
                                                            std::int64_t total, const SourceSpan& span, ParseState& state) {
    const std::string written = short_duration(total);
    auto& diagnostic = state.diagnostics->report(
        Code::W0106, span, fmt::format("in '{}', '{}' is {} or more: the duration adds up to {}", text, part, unit, written),
        fmt::format("write {}", written));
    diagnostic.fixes.push_back(FixIt{span, written});
}

// Any duration ("1h30min", "1:30"), and a too large one reported; out of line (see
// integer_too_large), as most durations are one number and a unit.
[[gnu::noinline]] std::int64_t parse_compound_duration(std::string_view text, const SourceSpan& span, ParseState& state) {
    std::int64_t total = 0;
    std::size_t i = 0;
    bool overflow = false;
    // A part after a larger unit that makes a whole one of the next unit up or more ("1min90s",
    // "1h60min"): where it starts, and its unit's factor.
    std::size_t part_start = 0;
    std::optional<std::pair<std::size_t, std::int64_t>> part_over_its_unit;
    std::int64_t previous_factor = 0;
    auto add = [&](std::int64_t value, std::int64_t factor) {
        if (previous_factor > factor && value >= 60 && !part_over_its_unit) part_over_its_unit = {part_start, factor};
        previous_factor = factor;
        if (value > max_number) overflow = true;
        else total += value * factor;
        if (total > max_number) overflow = true;
    };
    while (i < text.size()) {
        std::size_t start = i;
        part_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        std::int64_t value = 0;
        const std::string_view digits = text.substr(start, i - start);
        if (const auto quick = short_number(digits)) {
            value = *quick;
        } else if (std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc()) {
            overflow = true;
        }
        if (i >= text.size()) break;
        if (text[i] == ':') {  // m:ss (its seconds 00-59: the grammar sees to it)
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
        state.diagnostics->report(Code::E0004, span, fmt::format("duration '{}' is too large", text),
                                 "durations are at most 24h");
        return -1;
    }
    if (part_over_its_unit) {
        const auto [at, factor] = *part_over_its_unit;
        const std::size_t end = text.find_first_of(factor == 1 ? "s" : "n", at) + 1;  // after "s" or "min"
        report_part_over_its_unit(text, text.substr(at, end - at), factor == 1 ? "a minute" : "an hour", total, span, state);
    }
    return total;
}

// "1h30min", "90s", "1:30" -> seconds; -1 after reporting an absurd value.
std::int64_t parse_duration_text(std::string_view text, const SourceSpan& span, ParseState& state) {
    // Most durations are one number and one unit ("45s", "5min", "2h"): read at once.
    std::size_t digit_count = 0;
    while (digit_count < text.size() && digit_count < 9 && text[digit_count] >= '0' && text[digit_count] <= '9') ++digit_count;
    if (digit_count > 0) {
        const std::string_view unit = text.substr(digit_count);
        const std::int64_t factor = unit == "s" ? 1 : unit == "min" ? 60 : unit == "h" ? 3600 : 0;
        if (factor != 0) {
            std::int64_t value = 0;
            for (std::size_t i = 0; i < digit_count; ++i) value = value * 10 + (text[i] - '0');
            if (value * factor <= max_number) return value * factor;  // else reported by the general reading
        }
    }
    return parse_compound_duration(text, span, state);
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

// Where a modifier being parsed goes: after `or NAME` it belongs to that alternative (SPEC 4.1).
ast::Modifiers& current_modifiers(ParseState& state) {
    ast::Modifiers& modifiers = state.prescription->modifiers.edit();
    return modifiers.alternatives.empty() ? modifiers : modifiers.alternatives.back().modifiers.edit();
}

void mark_repeated(bool already, const SourceSpan& span, ast::Modifiers& modifiers) {
    if (already) modifiers.repeated.push_back(span);
}

}  // namespace
}  // namespace reps
