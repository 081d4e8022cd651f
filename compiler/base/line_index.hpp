// Line and column of a byte offset, counted from the last offset asked for.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace reps {

// The parser tracks only byte positions (PEGTL's lazy tracking): keeping line and column up to
// date at every character made matching a third slower. Only what is shown (a diagnostic, a
// dump, a timeline's origins) needs them, and it asks mostly in source order, so this keeps a
// cursor and counts the line ends between it and each offset asked for, sixteen bytes a step: a
// file with one warning near its top is not read to its end. Lookups that jump to and fro (the
// origins of a program's sessions, then of their workout, week after week) would count the same
// bytes again and again; once the counting has covered twice the text, a table of the lines before
// each 4 KiB of the text is made, and a lookup counts from the start of its 4 KiB only: no file
// costs more than a few passes over it, and the table takes a thousandth of the text (a table of
// every line's start took a fifth of a file of short lines).
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {}

    struct Position {
        std::uint32_t line;    // 1-based
        std::uint32_t column;  // 1-based, in bytes
    };
    // Offsets past the end count as at the end.
    Position locate(std::size_t offset) const;

private:
    std::string_view text_;
    // The last offset located and its line (1-based), and the bytes counted from it so far.
    mutable std::size_t cursor_ = 0;
    mutable std::uint32_t cursor_line_ = 1;
    mutable std::size_t cursor_line_begin_ = 0;  // where that line starts
    mutable std::size_t counted_ = 0;
    // Line ends before each block of the text, made once counting has cost too much.
    static constexpr std::size_t block_bytes = 4096;
    mutable std::vector<std::uint32_t> lines_before_block_;
};

}  // namespace reps
