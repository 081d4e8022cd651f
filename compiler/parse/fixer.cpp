// The line of a syntax error and the help that shows it fixed (compiler/parse/fixer.hpp).
#include "compiler/parse/fixer.hpp"

#include <utility>

#include <fmt/format.h>

namespace reps::syntax_help {

std::size_t comment_start(std::string_view text, std::size_t end) {
    std::size_t k = end == 0 ? 0 : text.rfind('\n', end - 1);
    k = k == npos ? 0 : k + 1;
    bool in_string = false;
    for (; k < end; ++k) {
        if (in_string && text[k] == '\\') ++k;
        else if (text[k] == '"') in_string = !in_string;
        else if (!in_string && text[k] == '#') return k;
    }
    return npos;
}

Fixer::Fixer(std::string_view text, std::size_t at) : text_(text), at_(std::min(at, text.size())) {
    // (rfind from npos would search the whole text: a failure at offset 0 is on the first line.)
    line_begin_ = at_ == 0 ? npos : text_.rfind('\n', at_ - 1);
    line_begin_ = line_begin_ == npos ? 0 : line_begin_ + 1;
    line_end_ = text_.find('\n', at_);
    if (line_end_ == npos) line_end_ = text_.size();
    if (line_end_ > line_begin_ && text_[line_end_ - 1] == '\r') --line_end_;
}

std::size_t Fixer::number_before(std::size_t offset) const {
    std::size_t end = offset;
    while (end > line_begin_ && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    std::size_t begin = end;
    while (begin > line_begin_ && (is_digit(text_[begin - 1]) || text_[begin - 1] == '.')) --begin;
    return begin < end && is_digit(text_[begin]) ? begin : npos;
}

SyntaxFix Fixer::make(std::size_t offset, std::size_t length, std::string replacement, std::string_view reason) const {
    if (offset < line_begin_ || offset > line_end_) {  // not on the line that failed: the replacement alone
        return SyntaxFix{fmt::format("did you mean '{}'? {}", replacement, reason), offset, length, std::move(replacement)};
    }
    std::string fixed(text_.substr(line_begin_, offset - line_begin_));
    fixed += replacement;
    if (offset + length < line_end_) fixed += text_.substr(offset + length, line_end_ - offset - length);
    std::size_t changed_at = offset - line_begin_;
    const auto first = fixed.find_first_not_of(" \t");
    fixed = first == std::string::npos ? std::string() : fixed.substr(first);
    changed_at -= std::min(changed_at, first == std::string::npos ? 0 : first);
    while (!fixed.empty() && (fixed.back() == ' ' || fixed.back() == '\t')) fixed.pop_back();
    return fix_showing(std::move(fixed), changed_at, offset, length, std::move(replacement), reason);
}

SyntaxFix fix_showing(std::string shown, std::size_t changed_at, std::size_t offset, std::size_t length,
                      std::string replacement, std::string_view reason) {
    // A long text is shown as a window around the change, cut between UTF-8 characters.
    constexpr std::size_t before = 30, window = 80;
    if (shown.size() > window) {
        std::size_t from = changed_at > before ? changed_at - before : 0;
        std::size_t to = std::min(shown.size(), from + window);
        while (from > 0 && (static_cast<unsigned char>(shown[from]) & 0xC0) == 0x80) --from;
        while (to < shown.size() && (static_cast<unsigned char>(shown[to]) & 0xC0) == 0x80) ++to;
        shown = (from > 0 ? "..." : "") + shown.substr(from, to - from) + (to < shown.size() ? "..." : "");
    }
    return SyntaxFix{fmt::format("did you mean '{}'? {}", shown, reason), offset, length, std::move(replacement)};
}

}  // namespace reps::syntax_help
