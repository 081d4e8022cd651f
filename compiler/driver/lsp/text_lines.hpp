// Positions in a text as LSP counts them: 0-based lines, and columns in UTF-16 code units (an
// emoji is two, "Ü" one), while the compiler counts bytes. Every conversion goes through here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reps::lsp {

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;  // UTF-16 code units
    friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
    Position start, end;
    friend bool operator==(const Range&, const Range&) = default;
};

// U+FEFF in UTF-8. The compiler drops it from the start of a file (SPEC: a leading BOM is ignored),
// but the editor's first line still holds it, as one UTF-16 code unit before the first character.
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// `text` without a leading BOM: what the compiler reads of an editor's text.
std::string_view without_byte_order_mark(std::string_view text);

// A text's line starts, made once; the text must outlive it. Lines end at "\n" (a "\r" before it
// belongs to the line end, not to a column).
class TextLines {
public:
    // `bom_removed`: `text` is a file's text without the BOM it began with (as the compiler holds
    // it). Positions on line 0 still count the BOM, so that they name the characters the editor
    // shows there; the position before the BOM is the text's start.
    explicit TextLines(std::string_view text, bool bom_removed = false);

    // The position of a byte offset (past the end: the end; inside a UTF-8 sequence: its start).
    Position position(std::size_t offset) const;
    // The byte offset of a position; a line past the last is the end of the text, a character past
    // the line's end is its end (clients may send either), the middle of a surrogate pair is the
    // character's start.
    std::size_t offset(Position position) const;
    std::size_t line_count() const { return starts_.size(); }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
    std::uint32_t first_line_lead_ = 0;  // UTF-16 units on line 0 that `text_` no longer holds
};

// Replaces `range` of `text` with `replacement` (textDocument/didChange with a range).
void apply_edit(std::string& text, const Range& range, std::string_view replacement);

}  // namespace reps::lsp
