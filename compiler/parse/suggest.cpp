// The mistakes people make in workouts, recognised at a syntax error, each with its fix.
#include "compiler/parse/suggest.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "compiler/parse/fixer.hpp"
#include "grammar/lexical.hpp"

namespace reps {

namespace {

using namespace syntax_help;

// The canonical unit for a way people write it: "secs" -> "s"; empty when it is no unit.
std::string_view canonical_unit(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> units{{
        {"s", "s"}, {"sec", "s"}, {"secs", "s"}, {"second", "s"}, {"seconds", "s"}, {"S", "s"},
        {"m", "min"}, {"min", "min"}, {"mins", "min"}, {"minute", "min"}, {"minutes", "min"}, {"MIN", "min"},
        {"h", "h"}, {"hr", "h"}, {"hrs", "h"}, {"hour", "h"}, {"hours", "h"},
        {"kg", "kg"}, {"kgs", "kg"}, {"kilo", "kg"}, {"kilos", "kg"}, {"KG", "kg"}, {"Kg", "kg"},
        {"lb", "lb"}, {"lbs", "lb"}, {"pounds", "lb"},
    }};
    for (const auto& [written, unit] : units) {
        if (written == word) return unit;
    }
    return {};
}

// Text a straight-quoted string: smart quotes and ASCII single quotes on the failing line.
std::optional<SyntaxFix> fix_quotes(const Fixer& f) {
    static constexpr std::string_view smart[] = {"\u201C", "\u201D", "\u2018", "\u2019", "\u201E"};
    const std::string_view line = f.line_from(f.line_begin());
    std::size_t first = npos, last = npos, last_length = 0;
    for (auto quote : smart) {
        for (auto at = line.find(quote); at != npos; at = line.find(quote, at + 1)) {
            first = std::min(first, at);
            if (last == npos || at > last) last = at, last_length = quote.size();
        }
    }
    if (first == npos && f.at(f.failure()) == '\'') {
        const auto close = line.find('\'', f.failure() - f.line_begin() + 1);
        if (close == npos) return std::nullopt;
        first = f.failure() - f.line_begin();
        last = close;
        last_length = 1;
    }
    if (first == npos) return std::nullopt;
    std::string replaced(line.substr(first, last + last_length - first));
    for (auto quote : smart) {
        for (auto at = replaced.find(quote); at != std::string::npos; at = replaced.find(quote)) replaced.replace(at, quote.size(), "\"");
    }
    if (replaced.front() == '\'') replaced.front() = '"', replaced.back() = '"';
    return f.make(f.line_begin() + first, last + last_length - first, replaced, "Text goes in straight double quotes \"...\"");
}

// A character from a word processor: '×' for 'x', '→' for '->'.
std::optional<SyntaxFix> fix_typographic(const Fixer& f) {
    const std::string_view line = f.line_from(f.line_begin());
    if (const auto times = line.find("\u00D7"); times != npos) {
        return f.make(f.line_begin() + times, 2, "x", "Sets are written with the letter x, like 3x12");
    }
    if (const auto arrow = line.find("\u2192"); arrow != npos) {
        return f.make(f.line_begin() + arrow, 3, "->", "A progression is written with '->', like 2x8 -> 3x12");
    }
    return std::nullopt;
}

// `warm_up {`, `cool-down {`: the phase keywords are one word.
// Only when the name is on the line that failed: the fix is shown as that line, changed (a string
// left open after `warm_up {` fails lines later).
std::optional<SyntaxFix> fix_phase_name(const Fixer& f, std::size_t name_at) {
    if (name_at == npos || name_at < f.line_begin()) return std::nullopt;
    for (const auto& [written, keyword] : std::array<std::pair<std::string_view, std::string_view>, 6>{
             {{"warm_up", "warmup"}, {"warm-up", "warmup"}, {"warm up", "warmup"},
              {"cool_down", "cooldown"}, {"cool-down", "cooldown"}, {"cool down", "cooldown"}}}) {
        if (f.line_from(name_at).starts_with(written) && !is_word_char(f.at(name_at + written.size()))) {
            return f.make(name_at, written.size(), std::string(keyword), fmt::format("The phase is the one word '{}'", keyword));
        }
    }
    return std::nullopt;
}

// A number and its unit: `5 min`, `30sec`, `1 hr`, `@16 kg`, `3 x 12`, `3X12`.
std::optional<SyntaxFix> fix_number(const Fixer& f, SyntaxSite site) {
    std::size_t begin = is_digit(f.at(f.failure())) ? f.failure() : f.number_before(f.failure());
    if (begin == npos) return std::nullopt;
    if (!is_digit(f.at(f.failure())) && f.skip_spaces(begin) == f.failure()) return std::nullopt;
    std::size_t digits_end = begin;
    while (is_digit(f.at(digits_end)) || f.at(digits_end) == '.') ++digits_end;
    const std::string digits(f.line_from(begin).substr(0, digits_end - begin));
    const std::size_t word_at = f.skip_spaces(digits_end);
    const std::size_t word_end = f.word_end(word_at);
    // Sets: `3 x 12`, `3X12`, `3 x12`.
    const bool sets_x = f.at(word_at) == 'x' || f.at(word_at) == 'X';
    if (sets_x && (word_end == word_at + 1 || is_digit(f.at(word_at + 1)))) {
        const std::size_t amount_at = f.skip_spaces(word_at + 1);
        if (!is_digit(f.at(amount_at))) return std::nullopt;
        std::size_t amount_end = amount_at;
        while (is_word_char(f.at(amount_end)) || f.at(amount_end) == '.' || f.at(amount_end) == '-' || f.at(amount_end) == '+') ++amount_end;
        if (word_at == digits_end && amount_at == word_at + 1 && f.at(word_at) == 'x') return std::nullopt;
        return f.make(begin, amount_end - begin, digits + "x" + std::string(f.line_from(amount_at).substr(0, amount_end - amount_at)),
                      "Sets and amount are one word: SETSxAMOUNT, with a lower-case x and no spaces");
    }
    const std::string_view word = f.line_from(word_at).substr(0, word_end - word_at);
    if (site == SyntaxSite::load && word == "x") return std::nullopt;
    const std::string_view unit = canonical_unit(word);
    if (!unit.empty() && (word_at != digits_end || word != unit)) {
        return f.make(begin, word_end - begin, digits + std::string(unit),
                      fmt::format("A unit follows its number directly and is written '{}': s, min, h, kg or lb", unit));
    }
    if (word_at == digits_end && word.empty() && f.at(word_at) != ':') {
        // A bare number where a duration or mass belongs.
        switch (site) {
            case SyntaxSite::duration:
                return f.make(begin, digits_end - begin, digits + "s", "A duration needs its unit: s, min or h");
            case SyntaxSite::minutes:
                return f.make(begin, digits_end - begin, digits + "min", "A duration needs its unit: min");
            case SyntaxSite::load:
                return f.make(begin, digits_end - begin, digits + "kg", "A load needs its unit: kg or lb");
            case SyntaxSite::tempo:
                if (digits.size() == 4) {
                    return f.make(begin, 4, fmt::format("{}-{}-{}-{}", digits[0], digits[1], digits[2], digits[3]),
                                  "The four phases of a tempo are separated by '-'");
                }
                return std::nullopt;
            case SyntaxSite::rounds:
                if (f.at(f.skip_spaces(digits_end)) == '{' || f.line_from(f.skip_spaces(digits_end)).starts_with("rest")) {
                    return f.make(begin, digits_end - begin, digits + " rounds", "The count is followed by 'rounds'");
                }
                return std::nullopt;
            default: break;
        }
    }
    return std::nullopt;
}

// What stands at a statement's end that should not: `2x8 to 3x12`, a stray ',', `each side`.
std::optional<SyntaxFix> fix_statement_end(const Fixer& f) {
    const std::size_t at = f.failure();
    const std::string_view rest = f.line_from(at);
    if ((rest.starts_with("to ") || rest.starts_with("=>")) && at > f.line_begin() && f.number_before(at) != npos) {
        return f.make(at, 2, "->", "A progression is written with '->', like 2x8 -> 3x12");
    }
    if (rest.starts_with(",")) {
        const std::size_t next = f.skip_spaces(at + 1);
        if (next == f.line_end() || f.at(next) == '#') return f.make(at, 1, "", "Statements are not separated by ','");
        return f.make(at, 1, ";", "Statements are separated by a new line or ';', not ','");
    }
    if (rest.starts_with("side") && f.word_end(at) - at <= 5 && f.line_from(f.line_begin()).substr(0, at - f.line_begin()).ends_with("each ")) {
        return f.make(at - 1, f.word_end(at) - at + 1, "", "'each' says it already: every set once per side");
    }
    return std::nullopt;
}

// `tempo X-1-X-0`, `tempo 3-1-X-0`: the explosive phase is a lower-case 'x', in every phase.
std::optional<SyntaxFix> fix_tempo(const Fixer& f) {
    const std::size_t at = f.failure();
    std::size_t end = at;
    while (is_word_char(f.at(end)) || f.at(end) == '-') ++end;
    std::string tempo(f.line_from(at).substr(0, end - at));
    if (tempo.find('X') == std::string::npos) return std::nullopt;
    for (char& c : tempo) {
        if (c == 'X') c = 'x';
    }
    // `X1X0`: the four phases, one character each, written without their '-'.
    if (tempo.size() == 4 && std::all_of(tempo.begin(), tempo.end(), [](char c) { return is_digit(c) || c == 'x'; })) {
        tempo = fmt::format("{}-{}-{}-{}", tempo[0], tempo[1], tempo[2], tempo[3]);
    }
    // Only when it is then a valid tempo: four phases, each one digit or x (`12-1-x-0` would still
    // be an error, a phase above 9 seconds).
    int phases = 0;
    for (std::size_t begin = 0; begin <= tempo.size(); ++phases) {
        const std::size_t dash = std::min(tempo.find('-', begin), tempo.size());
        const std::string_view phase = std::string_view(tempo).substr(begin, dash - begin);
        if (phase.size() != 1 || (!is_digit(phase[0]) && phase[0] != 'x')) return std::nullopt;
        begin = dash + 1;
    }
    if (phases != 4) return std::nullopt;
    return f.make(at, end - at, tempo, "An explosive phase of a tempo is a lower-case 'x' (1s)");
}

// `focus full_body, legs`, `focus legs, full_body`: full_body stands alone, and it covers every
// region the list names.
std::optional<SyntaxFix> fix_focus(const Fixer& f) {
    const std::size_t statement = f.skip_spaces(f.line_begin());
    if (!f.line_from(statement).starts_with("focus ")) return std::nullopt;
    const std::size_t list = f.skip_spaces(statement + 5);
    std::size_t end = list;
    bool full_body = false;
    while (is_word_char(f.at(end)) || f.at(end) == ',' || f.at(end) == ' ' || f.at(end) == '\t') {
        if (f.line_from(end).starts_with("full_body") && !is_word_char(f.at(end + 9)) && (end == list || !is_word_char(f.at(end - 1)))) {
            full_body = true;
        }
        ++end;
    }
    if (!full_body || f.failure() < list || f.failure() > end) return std::nullopt;
    while (end > list && (f.at(end - 1) == ' ' || f.at(end - 1) == '\t')) --end;
    if (f.line_from(list).substr(0, end - list) == "full_body") return std::nullopt;  // the mistake is elsewhere
    return f.make(list, end - list, "full_body",
                  "'full_body' covers every region and stands alone; to name regions, leave it out: 'focus legs, core'");
}

// What stands at the end of a block's entry that only a prescription takes.
std::optional<SyntaxFix> fix_entry_end(const Fixer& f) {
    const std::size_t at = f.failure();
    if (f.line_from(at).starts_with("->")) {
        return SyntaxFix{"a progression ('->') is only for a prescription outside blocks: an entry of a block takes one "
                         "amount, the same every week",
                         at, 2, "", false};
    }
    return std::nullopt;
}

// `burpee 10` in an intervals block: its entries take no amount (the work is the block's); the
// amount goes, the modifiers after it stay.
std::optional<SyntaxFix> fix_interval_amount(const Fixer& f) {
    const std::size_t at = f.failure();
    if (!is_digit(f.at(at))) return std::nullopt;
    std::size_t begin = at;
    while (begin > f.line_begin() && (f.at(begin - 1) == ' ' || f.at(begin - 1) == '\t')) --begin;
    if (begin == at || begin == f.line_begin() || !is_word_char(f.at(begin - 1))) return std::nullopt;
    // The amount's words, up to a modifier, a cue, a comment or the statement's end.
    static constexpr std::string_view modifiers[] = {"each", "alt", "rest", "tempo", "hold", "or"};
    std::size_t end = at;
    for (std::size_t word = at;;) {
        const char c = f.at(word);
        if (c == '\n' || c == '@' || c == '"' || c == '#' || c == ';' || c == '}') break;
        std::size_t word_end = word;
        while (f.at(word_end) != ' ' && f.at(word_end) != '\t' && f.at(word_end) != '\n' && f.at(word_end) != ';' &&
               f.at(word_end) != '}') {
            ++word_end;
        }
        const std::string_view text = f.line_from(word).substr(0, word_end - word);
        if (std::find(std::begin(modifiers), std::end(modifiers), text) != std::end(modifiers)) break;
        end = word_end;
        word = f.skip_spaces(word_end);
    }
    return f.make(begin, end - begin, "",
                  "An entry of intervals takes no amount: the work is the block's, as many reps as fit in it");
}

// `exercise foo {` without a title, or a title without quotes.
std::optional<SyntaxFix> fix_missing_text(const Fixer& f, SyntaxSite site, std::string_view name) {
    const std::size_t at = f.failure();
    if (site == SyntaxSite::exercise_title && f.at(at) == '{' && !name.empty()) {
        std::string title;
        bool word_start = true;
        for (char c : name) {
            if (c == '_') {
                title += ' ';
                word_start = true;
                continue;
            }
            title += word_start && is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
            word_start = false;
        }
        return f.make(at, 0, fmt::format("\"{}\" ", title), "Every exercise has a title in quotes after its name");
    }
    if (is_letter(f.at(at))) {
        // The text runs to the statement's end: a '{', a comment, a string, or the ';' or '}' that
        // ends a statement on a one-line block (SPEC 1).
        std::size_t end = at;
        while (end < f.line_end() && f.at(end) != '{' && f.at(end) != '#' && f.at(end) != '"' && f.at(end) != ';' &&
               f.at(end) != '}') {
            ++end;
        }
        const auto trim = [&](std::size_t to) {
            while (to > at && (f.at(to - 1) == ' ' || f.at(to - 1) == '\t')) --to;
            return to;
        };
        end = trim(end);
        // A run's title is followed by its duration and intensity (SPEC 7), which stay outside.
        if (site == SyntaxSite::run_title) {
            const auto last_word = [&](std::size_t to) {
                std::size_t from = to;
                while (from > at && f.at(from - 1) != ' ' && f.at(from - 1) != '\t') --from;
                return from;
            };
            std::size_t word = last_word(end);
            if (const auto text = f.line_from(word).substr(0, end - word); word > at && (text == "easy" || text == "hard")) {
                end = trim(word);
                word = last_word(end);
            }
            if (word > at && is_digit(f.at(word))) end = trim(word);
        }
        return f.make(at, end - at, fmt::format("\"{}\"", f.line_from(at).substr(0, end - at)), "Text goes in double quotes");
    }
    return std::nullopt;
}

// `workout legs Leg Day {`: a title without its quotes, where a workout, program or profile may
// have one before its '{'.
std::optional<SyntaxFix> fix_unquoted_title(const Fixer& f) {
    const std::string_view line = f.line_from(f.skip_spaces(f.line_begin()));
    if (!line.starts_with("workout ") && !line.starts_with("program ") && !line.starts_with("profile ")) return std::nullopt;
    const std::size_t at = f.failure();
    std::size_t end = at;
    while (end < f.line_end() && f.at(end) != '{' && f.at(end) != '#' && f.at(end) != '"') ++end;
    if (f.at(end) != '{') return std::nullopt;
    while (end > at && (f.at(end - 1) == ' ' || f.at(end - 1) == '\t')) --end;
    return f.make(at, end - at, fmt::format("\"{}\"", f.line_from(at).substr(0, end - at)), "A title goes in double quotes");
}

// Whether `at` follows a ',' (across white space) in the '{ ... }' list of a profile.
bool in_profile_list_after_comma(std::string_view text, std::size_t at) {
    std::size_t k = at;
    while (k > 0 && is_white(text[k - 1])) --k;
    if (k == 0 || text[k - 1] != ',') return false;
    const std::size_t open = text.rfind('{', at);
    if (open == npos || text.find('}', open) < at) return false;
    const std::size_t line = text.rfind('\n', open);
    std::string_view declaration = text.substr(line == npos ? 0 : line + 1);
    declaration.remove_prefix(std::min(declaration.find_first_not_of(" \t"), declaration.size()));
    return declaration.starts_with("profile ");
}

// 'none' in a profile's list: removed with one ',' next to it, the one after it, or before it
// when it is the last name (`{ none, bench }` and `{ bench, none }` -> `{ bench }`).
SyntaxFix fix_none_in_profile(const Fixer& f, std::string_view text) {
    constexpr std::string_view reason =
        "'none' is a keyword, not equipment: a profile lists the equipment it has, and one without any is written '{ }'";
    const std::size_t at = f.failure();
    const std::size_t end = at + 4;
    // Across lines (a list written one name a line) the help cannot show the fixed line.
    const auto removal = [&](std::size_t from, std::size_t to) {
        if (from >= f.line_begin() && to <= f.line_end()) return f.make(from, to - from, "", reason);
        return SyntaxFix{fmt::format("remove 'none' and its ','. {}", reason), from, to - from, ""};
    };
    std::size_t after = end;
    while (after < text.size() && is_white(text[after])) ++after;
    if (after < text.size() && text[after] == ',') {
        ++after;
        while (after < text.size() && is_white(text[after])) ++after;
        return removal(at, after);
    }
    std::size_t before = at;
    while (before > 0 && is_white(text[before - 1])) --before;
    if (before > 0 && text[before - 1] == ',') return removal(before - 1, end);
    return f.make(at, f.skip_spaces(end) - at, "", reason);
}

// `{ bench\n dumbbell }`: a name where ',' or '}' was expected is the list's next, without its ','.
std::optional<SyntaxFix> fix_list_separator(const Fixer& f, std::string_view text) {
    const std::size_t at = f.failure();
    // Back over white space and over the comments of earlier lines: the ',' goes after the name.
    std::size_t end_of_previous = at;
    for (;;) {
        while (end_of_previous > 0 && is_white(text[end_of_previous - 1])) --end_of_previous;
        const std::size_t comment = comment_start(text, end_of_previous);
        if (comment == npos) break;
        end_of_previous = comment;
    }
    const std::string_view word = f.line_from(at).substr(0, f.word_end(at) - at);
    if (word == "none") return fix_none_in_profile(f, text);
    if (grammar::is_reserved(word)) {
        return SyntaxFix{fmt::format("'{}' is a keyword and cannot name equipment", word), at, word.size(), "", false};
    }
    // After '{' or ',' a name was expected: a ',' there would not help.
    if (end_of_previous == 0 || text[end_of_previous - 1] == '{' || text[end_of_previous - 1] == ',') return std::nullopt;
    return f.make(end_of_previous, 0, ",", "Names in a list are separated by ','");
}

}  // namespace

std::optional<SyntaxFix> suggest_syntax_fix(std::string_view text, std::size_t at, SyntaxSite site, std::size_t name_at,
                                            std::string_view name) {
    const Fixer f(text, at);
    if (site == SyntaxSite::clock_seconds) {
        const std::size_t minutes_at = f.number_before(at - 1);
        std::size_t seconds_end = at;
        while (is_digit(f.at(seconds_end))) ++seconds_end;
        if (minutes_at == npos || seconds_end == at || seconds_end - at > 2 || at - 1 - minutes_at > 6) return std::nullopt;
        const int minutes = std::stoi(std::string(text.substr(minutes_at, at - 1 - minutes_at)));
        const int seconds = std::stoi(std::string(text.substr(at, seconds_end - at)));
        const std::string fixed = seconds_end - at == 1 ? fmt::format("{}:0{}", minutes, seconds)
                                                        : fmt::format("{}:{:02}", minutes + seconds / 60, seconds % 60);
        return f.make(minutes_at, seconds_end - minutes_at, fixed, "The seconds of m:ss are two digits, 00 to 59");
    }
    if (site == SyntaxSite::control_char || site == SyntaxSite::bad_escape) return fix_string_contents(f, site);
    if (auto fix = fix_quotes(f)) return fix;
    if (auto fix = fix_typographic(f)) return fix;
    // `{ bench, none }`: an equipment name was expected after ','.
    if (site == SyntaxSite::other && f.line_from(at).substr(0, f.word_end(at) - at) == "none" &&
        in_profile_list_after_comma(text, at)) {
        return fix_none_in_profile(f, text);
    }
    if (site == SyntaxSite::list_separator && is_lower(f.at(at))) return fix_list_separator(f, text);
    if (site == SyntaxSite::declared_name && is_lower(f.at(at))) {
        const std::string_view word = f.line_from(at).substr(0, f.word_end(at) - at);
        if (grammar::is_reserved(word)) {
            return f.make(at, word.size(), fmt::format("my_{}", word),
                          fmt::format("'{}' is a keyword and cannot name anything; choose another name", word));
        }
    }
    const bool entry_end = site == SyntaxSite::entry_end || site == SyntaxSite::interval_entry_end;
    if (site == SyntaxSite::dose || site == SyntaxSite::statement_end || entry_end) {
        if (auto fix = fix_phase_name(f, name_at)) return fix;
    }
    if (site == SyntaxSite::interval_entry_end) {
        if (auto fix = fix_interval_amount(f)) return fix;
    }
    // `rest: 60s`, `hold=2s`: a keyword takes its value after a space.
    if ((f.at(at) == ':' || f.at(at) == '=') && at > f.line_begin() && is_lower(text[at - 1])) {
        const std::size_t value = f.skip_spaces(at + 1);
        return f.make(at, value - at, " ", "A keyword is followed by its value, with no ':' or '='");
    }
    if (site == SyntaxSite::load && (f.at(at) == ' ' || f.at(at) == '\t')) {
        return f.make(at, f.skip_spaces(at) - at, "", "The load follows '@' directly");
    }
    if (site == SyntaxSite::load && f.line_from(at).starts_with("bodyweight")) {
        return f.make(at, 10, "bw", "Bodyweight is written 'bw' (with an added load: bw+10kg)");
    }
    if (site == SyntaxSite::tempo) {
        if (auto fix = fix_tempo(f)) return fix;
    }
    if (auto fix = fix_focus(f)) return fix;
    if (auto fix = fix_number(f, site)) return fix;
    if (entry_end) {
        if (auto fix = fix_entry_end(f)) return fix;
    }
    if (site == SyntaxSite::statement_end || entry_end) {
        if (auto fix = fix_statement_end(f)) return fix;
    }
    if (site == SyntaxSite::string || site == SyntaxSite::run_title || site == SyntaxSite::exercise_title) {
        return fix_missing_text(f, site, name);
    }
    // A word where '{' belongs is a title without quotes, never a name to write in lower case.
    if (site == SyntaxSite::open_brace && is_letter(f.at(at))) return fix_unquoted_title(f);
    // `goblet squat 3x12`: a name with a space in it. Joined, it may be no name at all (`foo bar`);
    // the help says so only conditionally until the names are known (compiler/check/spaced_names).
    if (site == SyntaxSite::dose && name_at != npos && name_at >= f.line_begin() && is_lower(f.at(at))) {
        const std::size_t word_end = f.word_end(at);
        if (is_digit(f.at(f.skip_spaces(word_end))) && f.skip_spaces(word_end) > word_end) {
            const std::string_view written = f.line_from(name_at).substr(0, word_end - name_at);
            std::string joined = fmt::format("{}_{}", name, f.line_from(at).substr(0, word_end - at));
            std::string help = fmt::format("names have no spaces: if '{}' is one name, it is written '{}'", written, joined);
            return SyntaxFix{std::move(help), name_at, word_end - name_at, std::move(joined), false, true};
        }
    }
    // An upper-case letter in a name: names are lower case.
    if (is_letter(f.at(at)) && site != SyntaxSite::string && site != SyntaxSite::tempo) {
        const std::size_t begin = f.word_begin(at);
        const std::size_t end = f.word_end(at);
        std::string lower(f.line_from(begin).substr(0, end - begin));
        bool changed = false;
        for (char& c : lower) {
            if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a'), changed = true;
        }
        if (changed && !grammar::is_reserved(lower)) return f.make(begin, end - begin, lower, "Names are lower case");
    }
    return std::nullopt;
}

}  // namespace reps
