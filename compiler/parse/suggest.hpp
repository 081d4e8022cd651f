// What a syntax error most likely meant: the mistakes people make (`5 min`, `3 x 12`, `rest: 60s`,
// `warm_up {`, smart quotes, ...) recognised in the text around the point of failure, each as a
// help line showing the fixed text and the edit that makes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reps {

// Where the parser stood when it failed: what it expected there.
enum class SyntaxSite {
    other,
    declared_name,   // the name of a declaration (exercise NAME, workout NAME, ...)
    string,          // a quoted text: a title, cue, note, path
    run_title,       // a run's title, before its duration
    open_brace,      // the '{' that opens a block, after an optional title in some declarations
    exercise_title,  // the title every exercise needs
    dose,            // a prescription's dose or an entry's amount
    duration,        // a duration in seconds (rest, hold, transition, ...)
    minutes,         // a duration in whole minutes (emom, amrap, a run)
    load,            // after '@'
    tempo,           // after 'tempo'
    rounds,          // 'superset N rounds'
    statement_end,   // the end of a statement, or a statement or '}' in a block
    clock_seconds,   // the seconds of `m:ss`
    control_char,    // a raw control character inside a string
    bad_escape,      // an escape a string cannot hold (`\t`), at the letter after the backslash
    list_separator,  // ',' between the names of a list (a profile's equipment), or the list's '}'
    entry_end,       // the end of an entry of a block (superset, circuit, emom, amrap)
    interval_entry_end,  // the end of an entry of an intervals block (a name and modifiers, no amount)
};

struct SyntaxFix {
    std::string help;         // "a unit follows its number: `goblet_squat 5min`"
    std::size_t offset = 0;   // the bytes to replace
    std::size_t length = 0;
    std::string replacement;
    bool edit = true;         // false: the help says what is wrong, and no edit fixes it
    // A name written as two words (`goblet squat`), whose join is `replacement`: whether the join
    // is the fix depends on the names the files can use, known only once they have all parsed
    // (compiler/check/spaced_names.hpp). Until then the help edits nothing.
    bool joins_name = false;
};

// `text` is the whole file and `at` the offset where parsing failed. `name_at`/`name` are the
// name being declared or prescribed when the parser knows it (name_at == npos otherwise).
std::optional<SyntaxFix> suggest_syntax_fix(std::string_view text, std::size_t at, SyntaxSite site,
                                            std::size_t name_at, std::string_view name);

}  // namespace reps
