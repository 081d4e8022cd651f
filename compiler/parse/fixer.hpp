// What the syntax helps share (suggest.cpp, string_fix.cpp, misspelt_keyword.hpp): the line a
// syntax error is on, the character tests that read it, and the help that shows it fixed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/parse/suggest.hpp"

namespace reps::syntax_help {

inline constexpr std::size_t npos = std::string_view::npos;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_letter(char c) { return is_lower(c) || is_upper(c); }
inline bool is_word_char(char c) { return is_letter(c) || is_digit(c) || c == '_'; }
inline bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the comment that the line of `end` has before `end` starts (its '#', outside strings);
// npos if none.
std::size_t comment_start(std::string_view text, std::size_t end);

// The line of a syntax error, read around the point of failure, and the help that shows a fix.
class Fixer {
public:
    Fixer(std::string_view text, std::size_t at);

    char at(std::size_t offset) const { return offset < line_end_ ? text_[offset] : '\n'; }
    std::string_view text() const { return text_; }
    std::size_t failure() const { return at_; }
    std::size_t line_begin() const { return line_begin_; }
    std::size_t line_end() const { return line_end_; }
    std::string_view line_from(std::size_t offset) const { return text_.substr(offset, line_end_ - offset); }
    std::size_t skip_spaces(std::size_t offset) const {
        while (at(offset) == ' ' || at(offset) == '\t') ++offset;
        return offset;
    }
    std::size_t word_end(std::size_t offset) const {
        while (is_word_char(at(offset))) ++offset;
        return offset;
    }
    std::size_t word_begin(std::size_t offset) const {
        while (offset > line_begin_ && is_word_char(text_[offset - 1])) --offset;
        return offset;
    }
    // The start of the number before `offset`, across spaces: `5 |min` -> `|5 min`; npos if none.
    std::size_t number_before(std::size_t offset) const;

    // "did you mean 'goblet_squat 5min'? REASON", the fixed line shown without its indentation.
    SyntaxFix make(std::size_t offset, std::size_t length, std::string replacement, std::string_view reason) const;

private:
    std::string_view text_;
    std::size_t at_;
    std::size_t line_begin_;
    std::size_t line_end_;
};

// "did you mean 'SHOWN'? REASON" for a fix that replaces `length` bytes at `offset`, where SHOWN
// is a piece of text rather than the fixed line: a long one as a window around `changed_at`.
SyntaxFix fix_showing(std::string shown, std::size_t changed_at, std::size_t offset, std::size_t length,
                      std::string replacement, std::string_view reason);

// A raw control character (site control_char) or an unknown escape (bad_escape) in a string:
// the fix makes the whole string valid (every control character and escape in it).
std::optional<SyntaxFix> fix_string_contents(const Fixer& f, SyntaxSite site);

}  // namespace reps::syntax_help
