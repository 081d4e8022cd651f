// Line and column of a byte offset, counted from the last offset asked for.
#pragma once

#include <cstdint>
#include <string_view>

namespace reps {

// The parser tracks only byte positions (PEGTL's lazy tracking): keeping line and column up to
// date at every character made matching a third slower. Only what is shown (a diagnostic, a
// dump, a timeline's origins) needs them, and it asks mostly in source order, so this keeps a
// cursor and counts the line ends between it and each offset asked for, sixteen bytes a step. No
// table of every line is made: a file with one warning near its top is not read to its end.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {}

    struct Position {
        std::uint32_t line;    // 1-based
        std::uint32_t column;  // 1-based, in bytes
    };
    // Offsets past the end count as at the end. The cost is the distance from the last lookup.
    Position locate(std::size_t offset) const;

private:
    std::string_view text_;
    // The last offset located and its line (1-based).
    mutable std::size_t cursor_ = 0;
    mutable std::uint32_t cursor_line_ = 1;
};

}  // namespace reps
