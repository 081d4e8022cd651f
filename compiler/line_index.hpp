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
    Position locate(std::size_t offset) const;

private:
    std::vector<std::uint32_t> starts_;  // offset of each line's first byte; starts_[0] == 0
    // Spans come mostly in source order: the line of the last forward lookup, to search from.
    mutable std::size_t hint_ = 0;
};

}  // namespace reps
