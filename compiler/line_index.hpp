// Where each line of a source file starts, so that a byte offset gets its line and column.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace reps {

// The parser tracks only byte positions (PEGTL's lazy tracking): keeping line and column up to
// date at every character made matching a third slower. A span asks this index for both instead.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    struct Position {
        std::uint32_t line;    // 1-based
        std::uint32_t column;  // 1-based, in bytes
    };
    // Offsets past the end count as on the last line.
    Position locate(std::size_t offset) const {
        // Most spans start on the line of the previous one: inline, two compares.
        if (offset >= line_begin_ && offset < line_end_) return Position{hint_ + 1, static_cast<std::uint32_t>(offset - line_begin_ + 1)};
        return locate_elsewhere(offset);
    }

private:
    Position locate_elsewhere(std::size_t offset) const;

    std::vector<std::uint32_t> starts_;  // offset of each line's first byte; starts_[0] == 0
    // Spans come mostly in source order: the line of the last forward lookup (0-based), and
    // where it begins and ends, to answer from or to search on from.
    mutable std::uint32_t hint_ = 0;
    mutable std::size_t line_begin_ = 0, line_end_ = 0;
};

}  // namespace reps
