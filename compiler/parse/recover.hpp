// Recovery inside blocks: after a syntax error in a statement the parser reports it, skips to the
// statement's end and goes on, so one run reports every independent error of a file. A declaration
// with an error is left out of the AST (the checker would only find follow-on errors in it); the
// names it may declare are kept as damaged_names. Only parse.cpp includes this file.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/parse/control.hpp"
#include "compiler/parse/state.hpp"
#include "compiler/parse/workout_limits.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file.
namespace {

// Reports one syntax error (E0001, or E0003 for a limit of the parser) with the note and fix-it its
// raise() left in the state. Past max_syntax_errors an error is only counted.
void report_syntax_error(const pegtl::parse_error& error, ParseState& state) {
    const std::size_t at = error.positions().front().byte;
    const std::string_view text = state.sources->file(state.file_id).text;
    const std::string_view rest = text.substr(at);
    std::uint32_t length = 1;
    if (!rest.empty() && rest[0] != '\n' && rest[0] != '\r') {
        while (length < rest.size() && length < 40 && rest[length] != ' ' && rest[length] != '\n' && rest[length] != '\r' &&
               rest[length] != '\t' && rest[length] != ';')
            ++length;
    }
    const SourceSpan span{state.file_id, static_cast<std::uint32_t>(at), length};
    SyntaxErrorCount& errors = *state.errors;
    if (errors.reported >= max_syntax_errors) {
        if (errors.hidden++ == 0) errors.first_hidden = span;
    } else {
        ++errors.reported;
        const bool limit = dynamic_cast<const limit_error*>(&error) != nullptr;
        auto& diagnostic = state.diagnostics->report(limit ? Code::E0003 : Code::E0001, span, std::string(error.message()));
        if (!state.pending_note.empty()) diagnostic.notes.push_back(state.pending_note);
        if (state.pending_fix) {
            diagnostic.help = state.pending_fix->help;
            if (state.pending_fix->joins_name) {
                state.out->spaced_names.push_back(ast::SpacedName{
                    span, SourceSpan{state.file_id, static_cast<std::uint32_t>(state.pending_fix->offset),
                                     static_cast<std::uint32_t>(state.pending_fix->length)}});
            }
            if (state.pending_fix->edit) diagnostic.fixes.push_back(FixIt{SourceSpan{state.file_id, static_cast<std::uint32_t>(state.pending_fix->offset),
                                                        static_cast<std::uint32_t>(state.pending_fix->length)},
                                             std::move(state.pending_fix->replacement)});
        }
    }
    state.pending_note.clear();
    state.pending_fix.reset();
}

// Keeps each word of `skipped` (a dropped statement of an exercise, like an `aka` line) as a name
// the damaged declaration may have declared.
void keep_words(std::string_view skipped, ParseState& state) {
    if (state.errors->hidden > 0) return;  // a file past the cap is not checked: no names needed
    const auto is_word_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    for (std::size_t i = 0; i < skipped.size();) {
        if (!is_word_char(skipped[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < skipped.size() && is_word_char(skipped[end])) ++end;
        const auto offset = static_cast<std::uint32_t>(skipped.data() + i - state.text);
        state.out->damaged_names.push_back(
            ast::Name{skipped.substr(i, end - i), SourceSpan{state.file_id, offset, static_cast<std::uint32_t>(end - i)}});
        i = end;
    }
}

// Drops the declaration just parsed, which had a statement dropped, keeping what it declared. A
// workout stays, marked damaged: its other statements are checked in the same run (a coach's
// first workout is one declaration, and its unknown names should not wait for the next run),
// while a catalog declaration missing a field line would only give follow-on errors.
void drop_damaged_declaration(ParseState& state) {
    auto& declarations = state.out->declarations;
    if (declarations.size() > state.declarations_before) {
        if (auto* workout = std::get_if<ast::WorkoutDecl>(&declarations.back())) {
            workout->damaged = true;
            state.declaration_damaged = false;
            return;
        }
        std::visit(
            [&](const auto& decl) {
                if constexpr (requires { decl.name.text; }) state.out->damaged_names.push_back(decl.name);
                if constexpr (requires { decl.aka; }) {
                    for (const auto& alias : decl.aka) state.out->damaged_names.push_back(alias);
                }
            },
            declarations.back());
        declarations.erase(declarations.begin() + static_cast<std::ptrdiff_t>(state.declarations_before), declarations.end());
    }
    state.declaration_damaged = false;
}

// A declaration that failed as a whole (its header, or a block left open): nothing of it is in the
// AST; its name is the word after its keyword, and a broken import may have declared anything.
void drop_failed_declaration(ParseState& state) {
    auto& declarations = state.out->declarations;
    if (declarations.size() > state.declarations_before) {
        declarations.erase(declarations.begin() + static_cast<std::ptrdiff_t>(state.declarations_before), declarations.end());
    }
    const std::string_view text(state.declaration_begin,
                                state.sources->file(state.file_id).text.size() - static_cast<std::size_t>(state.declaration_begin - state.text));
    if (text.starts_with("import")) state.out->import_damaged = true;
    std::size_t name = text.find_first_of(" \t");
    name = name == std::string_view::npos ? text.size() : text.find_first_not_of(" \t", name);
    if (name != std::string_view::npos) {
        std::size_t end = name;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r' &&
               text[end] != '{' && text[end] != '"' && text[end] != ';')
            ++end;
        keep_words(text.substr(name, end - name), state);
    }
    const bool exercise = text.starts_with("exercise");
    if (exercise && state.exercise.name.text.data() >= state.declaration_begin) {
        for (const auto& alias : state.exercise.aka) state.out->damaged_names.push_back(alias);
    }
    state.declaration_begin = nullptr;
    state.declaration_damaged = false;
}

// Moves the input past the rest of a statement: past its line end or ';', or up to the '}' that
// closes its block. Braces opened on the way nest; strings and comments are skipped whole (a '}'
// in a note closes nothing). A line that starts a declaration ends a block left open.
template <typename Input>
void skip_statement(Input& in) {
    const char* at = in.current();
    const char* const end = in.end();
    int depth = 0;
    while (at != end) {
        const char c = *at;
        if (c == '"') {
            for (++at; at != end && *at != '"' && *at != '\n'; ++at) {
                if (*at == '\\' && at + 1 != end && at[1] != '\n') ++at;
            }
            if (at != end && *at == '"') ++at;
            continue;
        }
        if (c == '#') {
            while (at != end && *at != '\n') ++at;
            continue;
        }
        ++at;
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth == 0) {
                --at;  // it closes the block: the block reads it
                break;
            }
            --depth;
        } else if (c == '\n' || c == ';') {
            if (depth == 0) break;
            if (c == '\n' && starts_declaration(std::string_view(at, static_cast<std::size_t>(end - at)), 0)) break;
        }
    }
    in.bump(static_cast<std::size_t>(at - in.current()));
}

// Past the end of the string that `failed_at` stands in (its closing '"', or its line end when it
// has none); `failed_at` itself when it is in no string. A bad escape or a control character fails
// inside a string, and skip_statement, starting there, would take the string's closing '"' for an
// opening one: the rest of the line, its ';' and '}' with it, would be skipped as a string, and
// the statements after it on the line never checked.
inline const char* past_string_around(const char* statement_begin, const char* failed_at, const char* end) {
    bool in_string = false;
    for (const char* at = statement_begin; at < failed_at; ++at) {
        if (*at == '\n') in_string = false;
        else if (*at == '"') in_string = !in_string;
        else if (!in_string && *at == '#') return failed_at;  // a comment runs to the line end
        else if (in_string && *at == '\\') ++at;  // an escape: may step onto failed_at, a bad escape's letter
    }
    if (!in_string) return failed_at;
    // The failing character is no '"' (a bad escape's letter, a control character, a line end).
    for (const char* at = failed_at; at != end; ++at) {
        if (*at == '\n') return at;
        if (*at == '"') return at + 1;
        if (*at == '\\' && at + 1 != end && at[1] != '\n') ++at;
    }
    return end;
}

// What a block had before the statement that failed: restored before the block goes on.
struct BlockScope {
    ParseState::Context context;
    bool in_phase;
    bool in_timed;
    std::size_t open_braces;
};

// How long each list a statement may add to was before it, so that a statement that fails leaves
// nothing of itself behind: a half-parsed `warm_up {` would be checked as the prescription
// `warm_up` and give a follow-on "unknown exercise". The workout's counts too (workout_limits.hpp),
// which its entries and alternatives add to as they parse: a statement dropped, or read again by
// the enclosing block, must not count toward E0003 or E0005.
struct StatementMark {
    std::size_t workout_body, phase_body, group_entries, timed_entries, intervals_entries;
    int workout_statements, workout_timed_statements;
};

StatementMark mark_statement(const ParseState& state) {
    return {state.workout.body.size(), state.phase.body.size(), state.group.entries.size(), state.timed.entries.size(),
            state.intervals.entries.size(), state.workout_statements, state.workout_timed_statements};
}

template <typename List>
void shorten(List& list, std::size_t size) {
    list.truncate(size);
}

void forget_statement(ParseState& state, const StatementMark& mark) {
    shorten(state.workout.body, mark.workout_body);
    shorten(state.phase.body, mark.phase_body);
    shorten(state.group.entries, mark.group_entries);
    shorten(state.timed.entries, mark.timed_entries);
    shorten(state.intervals.entries, mark.intervals_entries);
    state.workout_statements = mark.workout_statements;
    state.workout_timed_statements = mark.workout_timed_statements;
}

// Back to what the block had before the statement, without the scratch values a half-parsed
// statement may have left.
void restore_scope(ParseState& state, const BlockScope& scope) {
    state.context = scope.context;
    state.in_phase = scope.in_phase;
    state.in_timed = scope.in_timed;
    state.open_braces.resize(scope.open_braces);
    state.dose_parts.clear();
    state.pending_sets.reset();
    state.step.reset();
    state.equipment_stack.clear();
    state.paren_depth = 0;
    state.defaults = ast::DefaultsStatement{};
    state.focus = ast::FocusStatement{};
}

// The indentation (blanks) of the line `at` starts after them, or -1 when something else stands
// before it on its line.
int indentation_before(const char* at, const ParseState& state) {
    int blanks = 0;
    while (at > state.text && (at[-1] == ' ' || at[-1] == '\t')) {
        --at;
        ++blanks;
    }
    return at == state.text || at[-1] == '\n' ? blanks : -1;
}

// The indentation of the line that holds `at`.
int indentation_of_line(const char* at, const ParseState& state) {
    while (at > state.text && at[-1] != '\n') --at;
    int blanks = 0;
    while (at[blanks] == ' ' || at[blanks] == '\t') ++blanks;
    return blanks;
}

template <typename Input>
void recover_in_block(const pegtl::parse_error& error, Input& in, ParseState& state, const BlockScope& scope,
                      const StatementMark& mark, const char* statement_begin, bool keep_statement_words) {
    report_syntax_error(error, state);
    state.declaration_damaged = true;
    restore_scope(state, scope);
    forget_statement(state, mark);
    const char* const failed_at = state.text + error.positions().front().byte;
    const char* const resume_at = past_string_around(statement_begin, failed_at, in.end());
    if (resume_at > in.current()) in.bump(static_cast<std::size_t>(resume_at - in.current()));
    skip_statement(in);
    if (in.current() == statement_begin && !in.empty()) in.bump(1);  // always move on
    if (keep_statement_words) {
        keep_words(std::string_view(statement_begin, static_cast<std::size_t>(in.current() - statement_begin)), state);
    }
}

// block_body< Entry, must< Close > > is seq< seps, star< Entry, sp, must< statement_end >, seps >,
// must< Close > >, matched here with a handler around each statement. Without an error it does
// what the seq does, in the same order.
// A statement that fails in a block inside a workout (a phase, superset, emom, ...) and stands
// on its own line, less indented than the block's statements and no more than the line that
// opened the block, most likely belongs after the block, whose '}' is missing.
bool left_open(const char* statement_begin, int entry_indentation, const ParseState& state) {
    const int indentation = indentation_before(statement_begin, state);
    return indentation >= 0 && entry_indentation >= 0 && indentation < entry_indentation && !state.open_braces.empty() &&
           indentation <= indentation_of_line(state.text + state.open_braces.back().offset, state);
}

// Reports the missing '}' (once, at that statement) and ends the block before the statement's
// line, so that the enclosing block parses it: no error follows from the missing '}'.
template <typename Close, template <typename...> class Control, typename Input, typename... States>
void close_left_open_block(Input& in, ParseState& state, const BlockScope& scope, const StatementMark& mark,
                           States&&... st) {
    try {
        Control<Close>::raise(static_cast<const Input&>(in), st...);
    } catch (const pegtl::parse_error& close_error) {
        report_syntax_error(close_error, state);
    }
    state.declaration_damaged = true;
    restore_scope(state, scope);
    forget_statement(state, mark);
    state.open_braces.pop_back();  // what the '}' would have done
    const char* line_end = in.current();
    while (*(line_end - 1) != '\n') --line_end;
    in.iterator() = line_end - 1;
}

// The file ends, or a line starts a declaration, inside a workout's block: that block and each
// one around it end there, as if closed, and the workout stays, damaged. The statements a coach has
// typed so far are checked for names in the same run, and an editor can still hover over them and
// go to their definitions. The missing '}' is reported once, for the innermost block, unless it
// follows from an earlier error of the workout (a skipped statement may have taken the '}').
template <typename Close, template <typename...> class Control, typename Input, typename... States>
void end_block_left_open(Input& in, ParseState& state, States&&... st) {
    if (!state.ending_blocks_left_open) {
        state.ending_blocks_left_open = true;
        if (!state.declaration_damaged) {
            try {
                Control<Close>::raise(static_cast<const Input&>(in), st...);
            } catch (const pegtl::parse_error& close_error) {
                report_syntax_error(close_error, state);
            }
        }
    }
    state.declaration_damaged = true;
    if (!state.open_braces.empty()) state.open_braces.pop_back();  // what the '}' would have done
    // Before a declaration: back to the line end before it, which ends the enclosing statement.
    if (!in.empty()) in.iterator() = in.current() - 1;
}

template <typename Entry, typename Close>
struct control<g::block_body<Entry, pegtl::must<Close>>> : raising_control<g::block_body<Entry, pegtl::must<Close>>> {
    // Blocks inside a workout; a declaration's own block ends at the next declaration instead.
    static constexpr bool nested = !one_of<Entry, g::workout_statement, g::exercise_field, g::program_item>;
    static constexpr bool in_workout = nested || std::is_same_v<Entry, g::workout_statement>;
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
        using pegtl::rewind_mode;
        ParseState& state = (st, ...);
        (void)Control<g::seps>::template match<A, rewind_mode::dontcare, Action, Control>(in, st...);
        const BlockScope scope{state.context, state.in_phase, state.in_timed, state.open_braces.size()};
        int entry_indentation = -1;  // of the block's first statement that starts a line
        for (;;) {
            const char* const statement_begin = in.current();
            const StatementMark mark = mark_statement(state);
            try {
                if (Control<Entry>::template match<A, rewind_mode::required, Action, Control>(in, st...)) {
                    if constexpr (one_of<Entry, g::workout_statement, g::phase_statement>) count_workout_statement(in, state, takes_time(state.body()));
                    else if constexpr (!one_of<Entry, g::exercise_field, g::program_item>) count_workout_statement(in, state, true);
                    if constexpr (nested) {
                        if (entry_indentation < 0) entry_indentation = indentation_before(statement_begin, state);
                    }
                    (void)Control<g::sp>::template match<A, rewind_mode::dontcare, Action, Control>(in, st...);
                    (void)Control<pegtl::must<g::statement_end>>::template match<A, rewind_mode::dontcare, Action, Control>(in, st...);
                } else if (Control<Close>::template match<A, rewind_mode::required, Action, Control>(in, st...)) {
                    return true;
                } else {
                    // The file ends, or a declaration starts at a line's first column, before the block
                    // closed: a workout's blocks end there; any other declaration's error is reported
                    // once, by parse_file, which resumes at that declaration.
                    const std::size_t offset = static_cast<std::size_t>(in.current() - state.text);
                    const std::string_view text(state.text, offset + in.size(0));
                    const bool before_declaration = offset > 0 && text[offset - 1] == '\n' && starts_declaration(text, offset);
                    if constexpr (in_workout) {
                        if (in.empty() || before_declaration) {
                            end_block_left_open<Close, Control>(in, state, st...);
                            return true;
                        }
                    }
                    state.unrecoverable = in.empty() || before_declaration;
                    state.follows_earlier_error = state.unrecoverable && state.declaration_damaged;
                    Control<Close>::raise(static_cast<const ParseInput&>(in), st...);
                }
            } catch (const pegtl::parse_error& error) {
                if (state.unrecoverable) throw;
                if constexpr (nested) {
                    if (in.current() == statement_begin && left_open(statement_begin, entry_indentation, state)) {
                        close_left_open_block<Close, Control>(in, state, scope, mark, st...);
                        return true;
                    }
                }
                recover_in_block(error, in, state, scope, mark, statement_begin, std::is_same_v<Entry, g::exercise_field>);
            }
            (void)Control<g::seps>::template match<A, rewind_mode::dontcare, Action, Control>(in, st...);
        }
    }
};

// Streaming: the declaration list grows before the mark, never inside a workout's part of the
// arena, which is given back once the workout is handed over.
// The list itself is on the heap: grown in the arena it would leave each old buffer behind there.
void keep_room_for_declaration(ParseState& state) {
    auto& declarations = state.out->declarations;
    if (declarations.size() == declarations.capacity()) {
        ast::List<ast::Declaration> grown;
        {
            Arena* const arena = std::exchange(current_arena, nullptr);
            grown.reserve(std::max<std::size_t>(16, 2 * declarations.capacity()));
            current_arena = arena;
        }
        for (auto& declaration : declarations) grown.push_back(std::move(declaration));
        declarations.swap(grown);  // the old buffer goes as it came: to the arena, or to the heap
    }
    if (current_arena != nullptr) state.declaration_mark = current_arena->mark();
}

// A workout or program just parsed goes to the receiver, and when taken its AST goes away: the
// builders that may still hold lists of it (after a recovered error) are emptied first, then the
// arena comes back to before it.
void hand_over_declaration(ParseState& state) {
    auto& declarations = state.out->declarations;
    if (declarations.size() <= state.declarations_before) return;
    const ast::Declaration& last = declarations.back();
    if (const auto* workout = std::get_if<ast::WorkoutDecl>(&last)) {
        if (!state.receiver->take(*state.out, *workout)) return;
    } else if (const auto* program = std::get_if<ast::ProgramDecl>(&last)) {
        if (!state.receiver->take_program(*state.out, *program)) return;
    } else {
        return;
    }
    // Left in the arena, which the rewind below takes back, rather than destroyed node by node;
    // pop_back destroys the husk.
    if (current_arena != nullptr) current_arena->leave(std::move(declarations.back()));
    declarations.pop_back();
    state.workout = {};
    state.phase = {};
    state.group = {};
    state.intervals = {};
    state.timed = {};
    state.defaults = {};
    state.focus = {};
    state.program = {};
    state.session = {};
    state.prescription = nullptr;
    if (current_arena != nullptr) current_arena->rewind(state.declaration_mark);
}

// Where each declaration starts, and what is dropped when a statement of it was.
template <>
struct control<g::declaration> : raising_control<g::declaration> {
    template <typename Input>
    static void start(const Input& in, ParseState& state) {
        state.declaration_begin = in.current();
        state.declarations_before = state.out->declarations.size();
        state.declaration_damaged = false;
        state.ending_blocks_left_open = false;
        if (state.receiver != nullptr) keep_room_for_declaration(state);
    }
    template <typename Input>
    static void success(const Input& /*in*/, ParseState& state) {
        if (state.declaration_damaged) drop_damaged_declaration(state);
        if (state.receiver != nullptr) hand_over_declaration(state);
        state.declaration_begin = nullptr;
    }
    template <typename Input>
    static void failure(const Input& /*in*/, ParseState& state) {
        state.declaration_begin = nullptr;
    }
};

}  // namespace
}  // namespace reps
