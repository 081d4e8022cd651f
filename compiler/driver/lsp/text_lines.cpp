#include "compiler/driver/lsp/text_lines.hpp"

#include <algorithm>

namespace reps::lsp {

namespace {

// The bytes of the UTF-8 sequence that `lead` starts (1 for a stray byte, counted as one unit).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    if (lead >= 0xC2) return 2;
    return 1;
}

}  // namespace

std::string_view without_byte_order_mark(std::string_view text) {
    if (text.starts_with(byte_order_mark)) text.remove_prefix(byte_order_mark.size());
    return text;
}

TextLines::TextLines(std::string_view text, bool bom_removed) : text_(text), first_line_lead_(bom_removed ? 1 : 0) {
    starts_.push_back(0);
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
        starts_.push_back(at + 1);
    }
}

Position TextLines::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(after - starts_.begin()) - 1;
    std::uint32_t units = line == 0 ? first_line_lead_ : 0;
    for (std::size_t at = starts_[line]; at < offset;) {
        const std::size_t length = sequence_length(static_cast<unsigned char>(text_[at]));
        if (at + length > offset) break;  // inside a sequence: its start
        units += length == 4 ? 2 : 1;
        at += length;
    }
    return Position{static_cast<std::uint32_t>(line), units};
}

std::size_t TextLines::offset(Position position) const {
    if (position.line >= starts_.size()) return text_.size();
    std::size_t end = position.line + 1 < starts_.size() ? starts_[position.line + 1] - 1 : text_.size();
    // "\r\n": the "\r" is part of the line end.
    if (end > starts_[position.line] && end < text_.size() && text_[end - 1] == '\r') --end;
    std::size_t at = starts_[position.line];
    // Line 0 starts, for the editor, with the BOM the text no longer holds: a position on it or
    // before it is the text's start.
    std::uint32_t units = position.line == 0 ? first_line_lead_ : 0;
    while (at < end && units < position.character) {
        const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(text_[at])), end - at);
        const std::uint32_t width = length == 4 ? 2 : 1;
        if (units + width > position.character) break;  // the middle of a surrogate pair
        units += width;
        at += length;
    }
    return at;
}

void apply_edit(std::string& text, const Range& range, std::string_view replacement) {
    const TextLines lines(text);
    std::size_t start = lines.offset(range.start);
    std::size_t end = lines.offset(range.end);
    if (end < start) std::swap(start, end);
    text.replace(start, end - start, replacement);
}

}  // namespace reps::lsp
