// A keyword misspelt at the start of a statement (`defualts rest 30s`, `warmpu {`, `tabta burpee`,
// `workotu x "X" {`, `primay quads`): the parser read the word as an exercise's name, or as nothing
// it knows, and failed further on. The help names the keyword when it is close (the edit distance
// of the names' "did you mean") and the statement, with the keyword written right, parses past the
// point where it failed: the rest of it reads as that keyword's statement. Only parse.cpp includes
// this file (it parses with the grammar, on error paths only).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/base/edit_distance.hpp"
#include "compiler/parse/fixer.hpp"
#include "compiler/parse/state.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file.
namespace {

// Where a statement that failed stands, which decides the keywords that may start it.
enum class StatementPlace { none, declarations, workout, phase, exercise, program };

std::span<const std::string_view> statement_keywords(StatementPlace place) {
    static constexpr std::string_view declarations[] = {"import", "region", "muscle", "equipment",
                                                        "exercise", "profile", "workout", "program"};
    static constexpr std::string_view workout[] = {"rest", "note", "defaults", "focus", "warmup", "cooldown", "superset",
                                                   "circuit", "intervals", "tabata", "emom", "amrap"};
    // A phase holds the workout's statements but phases and `focus` (grammar: phase_statement).
    static constexpr std::string_view phase[] = {"rest", "note", "defaults", "superset", "circuit",
                                                 "intervals", "tabata", "emom", "amrap"};
    static constexpr std::string_view exercise[] = {"aka", "pattern", "primary", "secondary", "equipment", "sides",
                                                    "measure", "rep", "easier", "harder", "fit"};
    static constexpr std::string_view program[] = {"start", "weeks", "timezone", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    switch (place) {
        case StatementPlace::declarations: return declarations;
        case StatementPlace::workout: return workout;
        case StatementPlace::phase: return phase;
        case StatementPlace::exercise: return exercise;
        case StatementPlace::program: return program;
        case StatementPlace::none: break;
    }
    return {};
}

// How far `trial` (a statement of the place, on one line) parses: all of it when it is one whole
// statement, else the point where it fails.
template <typename Statement>
std::size_t parses_up_to(std::string_view trial) {
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(trial.data(), trial.size(), "");
    try {
        const bool whole = pegtl::parse<pegtl::seq<Statement, g::sp, pegtl::must<g::statement_end>>>(in);
        return whole ? trial.size() : 0;
    } catch (const pegtl::parse_error& error) {
        return error.positions().front().byte;
    }
}

std::size_t place_parses_up_to(StatementPlace place, std::string_view trial) {
    switch (place) {
        case StatementPlace::declarations: return parses_up_to<g::declaration>(trial);
        case StatementPlace::workout: return parses_up_to<g::workout_statement>(trial);
        case StatementPlace::phase: return parses_up_to<g::phase_statement>(trial);
        case StatementPlace::exercise: return parses_up_to<g::exercise_field>(trial);
        case StatementPlace::program: return parses_up_to<g::program_item>(trial);
        case StatementPlace::none: break;
    }
    return 0;
}

// Why the word is not read as the keyword, and what it was read as.
std::string misspelt_keyword_reason(StatementPlace place, std::string_view word, std::string_view keyword) {
    switch (place) {
        case StatementPlace::workout:
        case StatementPlace::phase:
            return fmt::format("'{}' is not a keyword, so the statement was read as the exercise '{}'", word, word);
        case StatementPlace::declarations: return fmt::format("'{}' is not a keyword, and a declaration starts with one", word);
        case StatementPlace::exercise: return fmt::format("'{}' is not a keyword, and an exercise's field starts with one", word);
        case StatementPlace::program:
            if (keyword.size() == 3) return fmt::format("'{}' is not a weekday: mon, tue, wed, thu, fri, sat or sun", word);
            return fmt::format("'{}' is not a keyword, and a program's line starts with one or a weekday", word);
        case StatementPlace::none: break;
    }
    return {};
}

// The keywords of `place` close enough to `word`, closest first (in the list's order when as close).
std::vector<std::string_view> keywords_close_to(std::string_view word, StatementPlace place) {
    const std::size_t allowed = allowed_edits(word.size());
    std::vector<std::pair<std::size_t, std::string_view>> close;
    for (const std::string_view keyword : statement_keywords(place)) {
        const std::size_t gap = keyword.size() > word.size() ? keyword.size() - word.size() : word.size() - keyword.size();
        if (gap > allowed) continue;
        if (const std::size_t distance = edit_distance(word, keyword); distance <= allowed) close.emplace_back(distance, keyword);
    }
    std::stable_sort(close.begin(), close.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string_view> keywords;
    for (const auto& [distance, keyword] : close) keywords.push_back(keyword);
    return keywords;
}

// The statement that failed at `at` starts with the word at `word_at` (a name the parser read, or
// the word it could not read): the fix writes the closest keyword of `place` there, when the
// statement then parses past `at`.
std::optional<SyntaxFix> misspelt_keyword_fix(std::string_view text, std::size_t at, StatementPlace place,
                                              std::size_t word_at) {
    const syntax_help::Fixer f(text, at);
    if (place == StatementPlace::none || word_at < f.line_begin() || word_at > at || !syntax_help::is_lower(f.at(word_at))) {
        return std::nullopt;
    }
    const std::size_t word_end = f.word_end(word_at);
    const std::string_view word = text.substr(word_at, word_end - word_at);
    // No keyword has a '_' but full_body, which starts no statement; `warm_up` has a help of its own.
    if (g::is_reserved(word) || word.find('_') != std::string_view::npos) return std::nullopt;
    // The trial parses without the parser's actions, which bound the nesting of parentheses: a
    // line of them would recurse as deep as it is long. A statement shows what it is well before
    // this many bytes; a failure past them is not read this far.
    constexpr std::size_t max_trial = 256;
    const std::string_view rest = f.line_from(word_end).substr(0, max_trial);
    for (const std::string_view keyword : keywords_close_to(word, place)) {
        const std::string trial = std::string(keyword) + std::string(rest);
        // Where the statement failed, in the trial's text: a failure at the word itself is no progress.
        const std::size_t failed_at = at < word_end ? 0 : keyword.size() + (at - word_end);
        if (place_parses_up_to(place, trial) > failed_at) {
            return f.make(word_at, word.size(), std::string(keyword), misspelt_keyword_reason(place, word, keyword));
        }
    }
    return std::nullopt;
}

// Whether the name at `name_at` starts the statement that failed at `at`, on its line: only blanks,
// or a ';' or '{' that ended what came before, stand before it, and nothing that ends a statement
// or opens a string between it and `at`. (The name the parser last read may be an earlier
// statement's.)
bool starts_failed_statement(std::string_view text, std::size_t name_at, std::size_t name_end, std::size_t at) {
    if (name_at >= text.size() || name_end > at || at > text.size()) return false;
    std::size_t before = name_at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    if (before > 0 && text[before - 1] != '\n' && text[before - 1] != ';' && text[before - 1] != '{') return false;
    return text.substr(name_end, at - name_end).find_first_of(";{}\"#\n") == std::string_view::npos;
}

}  // namespace
}  // namespace reps
