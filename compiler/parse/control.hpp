// Syntax errors: brace tracking, control<> and its messages, where to resume; only parse.cpp includes it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/parse/actions_names.hpp"
#include "compiler/parse/misspelt_keyword.hpp"
#include "compiler/parse/suggest.hpp"
#include "grammar/error_messages.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

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

// What the parser expected where a rule fails, for suggest_syntax_fix.
template <typename Rule, typename... Candidates>
inline constexpr bool one_of = (std::is_same_v<Rule, Candidates> || ...);
template <typename Rule>
constexpr SyntaxSite site_of() {
    if constexpr (one_of<Rule, g::region_name, g::muscle_name, g::equipment_name, g::exercise_name, g::profile_name,
                         g::workout_name, g::program_name>)
        return SyntaxSite::declared_name;
    else if constexpr (one_of<Rule, g::note_text, g::import_path, g::timezone_name>)
        return SyntaxSite::string;
    else if constexpr (one_of<Rule, g::run_title>)
        return SyntaxSite::run_title;
    else if constexpr (one_of<Rule, g::open_brace>)
        return SyntaxSite::open_brace;
    else if constexpr (one_of<Rule, g::exercise_title>)
        return SyntaxSite::exercise_title;
    else if constexpr (one_of<Rule, g::prescription_dose, g::entry_amount, g::sets_amount, g::progression_target>)
        return SyntaxSite::dose;
    else if constexpr (one_of<Rule, g::rest_duration, g::hold_duration, g::rep_duration, g::work_duration,
                              g::transition_duration, g::switch_duration, g::group_rest_duration>)
        return SyntaxSite::duration;
    else if constexpr (one_of<Rule, g::block_duration, g::run_duration>)
        return SyntaxSite::minutes;
    else if constexpr (one_of<Rule, g::load_value>)
        return SyntaxSite::load;
    else if constexpr (one_of<Rule, g::tempo_value>)
        return SyntaxSite::tempo;
    else if constexpr (one_of<Rule, g::group_rounds>)
        return SyntaxSite::rounds;
    else if constexpr (one_of<Rule, g::clock_seconds>)
        return SyntaxSite::clock_seconds;
    else if constexpr (one_of<Rule, g::raw_control_char>)
        return SyntaxSite::control_char;
    else if constexpr (one_of<Rule, g::escape_code>)
        return SyntaxSite::bad_escape;
    else if constexpr (one_of<Rule, g::profile_close>)
        return SyntaxSite::list_separator;
    else if constexpr (one_of<Rule, g::statement_end, g::group_close, g::phase_close, g::workout_close, g::exercise_close,
                              g::program_close>)
        return SyntaxSite::statement_end;
    else
        return SyntaxSite::other;
}

// Whose entries the parser is among, by the context an open block sets (a phase's statements are
// a workout's): none, a superset's, circuit's, emom's or amrap's (an amount each), or an intervals
// block's (no amount). Asked on error paths only.
enum class BlockEntries { none, with_amount, intervals };
inline BlockEntries block_entries(const ParseState& state) {
    static constexpr std::string_view with_amount[] = {"the superset", "the circuit", "the emom", "the amrap"};
    if (state.context.kind == "the intervals block") return BlockEntries::intervals;
    const bool found = std::find(std::begin(with_amount), std::end(with_amount), state.context.kind) != std::end(with_amount);
    return found ? BlockEntries::with_amount : BlockEntries::none;
}

// Where the statement that failed at Rule stands, for a misspelt keyword at its start: only
// where keywords start statements (a block's entries are exercises).
template <typename Rule>
StatementPlace statement_place(const ParseState& state) {
    if constexpr (one_of<Rule, g::file_end>) {
        return StatementPlace::declarations;
    } else if constexpr (one_of<Rule, g::exercise_close>) {
        return StatementPlace::exercise;
    } else if constexpr (one_of<Rule, g::program_close>) {
        return StatementPlace::program;
    } else if constexpr (one_of<Rule, g::prescription_dose, g::statement_end>) {
        if (block_entries(state) != BlockEntries::none) return StatementPlace::none;
        if (state.in_phase) return StatementPlace::phase;
        return state.context.kind == workout_kind ? StatementPlace::workout : StatementPlace::none;
    } else {
        return StatementPlace::none;
    }
}

// A misspelt keyword at the start of the statement that failed at `at`. A workout's or phase's
// statement was read as a prescription, whose name the parser holds; any other failed where its
// statement starts, at the word it could not read.
template <typename Rule>
std::optional<SyntaxFix> misspelt_keyword_at(std::string_view text, std::size_t at, const ParseState& state) {
    const StatementPlace place = statement_place<Rule>(state);
    if (place != StatementPlace::workout && place != StatementPlace::phase) return misspelt_keyword_fix(text, at, place, at);
    const std::string_view name = state.context_name;  // the prescription's, set as its name was read
    if (name.data() < state.text || name.data() >= state.text + text.size()) return std::nullopt;
    const auto name_at = static_cast<std::size_t>(name.data() - state.text);
    if (!starts_failed_statement(text, name_at, name_at + name.size(), at)) return std::nullopt;
    return misspelt_keyword_fix(text, at, place, name_at);
}

// Raises every must<> failure with its message; recovery (recover.hpp) specialises `control` for
// the rules it wraps, which raise the same way.
template <typename Rule>
struct raising_control : pegtl::normal<Rule> {
    template <typename Input, typename... States>
    [[noreturn]] static void raise(const Input& in, States&&... states) {
        static_assert(g::error_message<Rule> != nullptr, "every rule inside must<> needs an error message");
        ParseState& state = (states, ...);
        const std::size_t at = static_cast<std::size_t>(in.current() - state.text);
        if (state.errors != nullptr && state.errors->reported >= max_syntax_errors) {
            // Only counted (recover.hpp): no message, and a position without the line, which the
            // input would count from its start at every error of a file of many.
            if (state.errors->hidden >= max_hidden_errors) state.errors->gave_up = state.unrecoverable = true;
            throw pegtl::parse_error("", pegtl::position(at, 1, 1, in.source()));
        }
        const std::string found = found_at(in);
        std::string message = expand(g::error_message<Rule>, {{"{name}", std::string(state.context_name)},
                                                             {"{decl}", state.decl()},
                                                             {"{found}", found},
                                                             {"{char}", char_at(in)},
                                                             // an entry as the open block takes it: intervals give no amount
                                                             {"{entry}", block_entries(state) == BlockEntries::intervals ? "'burpee'" : "'burpee 10'"},
                                                             {"{code_point}", in.empty() ? std::string() : fmt::format("U+{:04X}", static_cast<unsigned char>(*in.current()))}});
        // "expected X" messages say what stood there instead; the others name it themselves.
        if (message.rfind("expected", 0) == 0) message += ", found " + found;
        if constexpr (closes_block<Rule>) {
            if (!state.open_braces.empty()) {
                const auto brace = state.sources->position(state.open_braces.back());
                state.pending_note = fmt::format("the block opened with '{{' at line {}, column {}", brace.line, brace.column);
            }
        }
        const std::string_view text(state.text, state.sources->file(state.file_id).text.size());
        const bool name_in_text = state.context_name.data() >= state.text && state.context_name.data() < state.text + text.size();
        // The end of a statement inside a block's braces is the end of one of its entries.
        SyntaxSite site = site_of<Rule>();
        if (const BlockEntries entries = block_entries(state); site == SyntaxSite::statement_end && entries != BlockEntries::none) {
            site = entries == BlockEntries::intervals ? SyntaxSite::interval_entry_end : SyntaxSite::entry_end;
        }
        // A misspelt keyword explains the failure before the mistakes the words after it may show.
        state.pending_fix = misspelt_keyword_at<Rule>(text, at, state);
        if (!state.pending_fix) {
            const std::size_t name_at = name_in_text ? static_cast<std::size_t>(state.context_name.data() - state.text)
                                                     : std::string_view::npos;
            state.pending_fix = suggest_syntax_fix(text, at, site, name_at, state.context_name);
        }
        throw pegtl::parse_error(message, in);
    }
};
template <typename Rule>
struct control : raising_control<Rule> {};

// Whether the line at `at` (a line start) starts a declaration: a keyword at its first column.
bool starts_declaration(std::string_view text, std::size_t at) {
    static constexpr std::string_view keywords[] = {"import ", "region ", "muscle ", "equipment ", "exercise ",
                                                    "profile ", "workout ", "program "};
    const auto rest = text.substr(at);
    for (auto keyword : keywords) {
        if (rest.starts_with(keyword)) return true;
    }
    return false;
}

// Where parsing can resume after a syntax error: the next line that starts a declaration, or the
// line at `from` itself when `here` allows it (a block left open before that declaration).
std::size_t next_declaration(std::string_view text, std::size_t from, bool here = false) {
    if (here && (from == 0 || text[from - 1] == '\n') && starts_declaration(text, from)) return from;
    for (auto line = text.find('\n', from); line != std::string_view::npos; line = text.find('\n', line + 1)) {
        if (starts_declaration(text, line + 1)) return line + 1;
    }
    return std::string_view::npos;
}

}  // namespace
}  // namespace reps
