// The source files of one compilation and the line/column arithmetic diagnostics need.
#include "compiler/base/source.hpp"

#include <algorithm>

namespace reps {

namespace {

// A UTF-8 continuation byte (0b10xxxxxx) never starts a character.
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Spans from any phase may be stale or hand-made; never index past the text.
std::size_t clamped_offset(std::string_view text, const SourceSpan& span) {
    return std::min<std::size_t>(span.offset, text.size());
}

std::size_t line_start(std::string_view text, std::size_t offset) {
    if (offset == 0) return 0;
    const auto newline = text.rfind('\n', offset - 1);
    return newline == std::string_view::npos ? 0 : newline + 1;
}

}  // namespace

std::uint32_t SourceManager::add(std::string path, std::string text, bool embedded) {
    // Strip the BOM here too, so every phase sees the same offsets whoever read the file.
    const bool byte_order_mark = text.starts_with("\xEF\xBB\xBF");
    if (byte_order_mark) text.erase(0, 3);
    auto storage = std::make_shared<const std::string>(std::move(text));
    files_.push_back(SourceFile{std::move(path), std::string_view(*storage), embedded, storage, byte_order_mark});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t SourceManager::add(std::string path, TextBuffer text) {
    text.seal();
    auto storage = std::make_shared<const TextBuffer>(std::move(text));
    std::string_view view = storage->view();
    const bool byte_order_mark = view.starts_with("\xEF\xBB\xBF");
    if (byte_order_mark) view.remove_prefix(3);
    files_.push_back(SourceFile{std::move(path), view, false, storage, byte_order_mark});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t SourceManager::add_static(std::string path, std::string_view text, bool embedded) {
    const bool byte_order_mark = text.starts_with("\xEF\xBB\xBF");
    if (byte_order_mark) text.remove_prefix(3);
    files_.push_back(SourceFile{std::move(path), text, embedded, nullptr, byte_order_mark});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t SourceManager::add(const SourceFile& file) {
    files_.push_back(file);
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string_view SourceManager::keep(std::string text) const {
    if (!kept_) kept_ = std::make_shared<std::deque<std::string>>();
    return kept_->emplace_back(std::move(text));
}

const LineIndex& SourceManager::LineCursors::of(std::uint32_t file, std::string_view text) {
    if (cursors_.size() <= file) cursors_.resize(file + 1);
    if (!cursors_[file]) cursors_[file].emplace(text);
    return *cursors_[file];
}

LineColumn SourceManager::position(const SourceSpan& span) const {
    if (span.file >= files_.size()) return {};
    const std::string_view text = files_[span.file].text;
    const auto at = line_cursors_.of(span.file, text).locate(clamped_offset(text, span));
    return LineColumn{at.line, at.column};
}

SourceManager::LastLine& SourceManager::line_around(std::uint32_t file, std::size_t offset) const {
    LastLine& last = last_line_;
    if (last.file == file && last.begin <= offset && offset <= last.end) return last;
    const std::string_view text = files_[file].text;
    last.file = file;
    last.begin = line_start(text, offset);
    last.end = std::min(text.find('\n', offset), text.size());
    last.counted_to = last.begin;
    last.column = 1;
    return last;
}

std::string_view SourceManager::line_text(const SourceSpan& span) const {
    if (span.file >= files_.size()) return {};
    const std::string_view text = files_[span.file].text;
    const LastLine& line = line_around(span.file, clamped_offset(text, span));
    std::size_t end = line.end;
    if (end > line.begin && text[end - 1] == '\r') --end;
    return text.substr(line.begin, end - line.begin);
}

std::uint32_t SourceManager::character_column(const SourceSpan& span) const {
    if (span.file >= files_.size()) return 0;
    const std::string_view text = files_[span.file].text;
    const std::size_t offset = clamped_offset(text, span);
    LastLine& line = line_around(span.file, offset);
    const auto characters = [&](std::size_t from, std::size_t to) {
        return static_cast<std::uint32_t>(std::count_if(text.begin() + static_cast<std::ptrdiff_t>(from),
                                                        text.begin() + static_cast<std::ptrdiff_t>(to),
                                                        [](char c) { return !is_continuation(c); }));
    };
    // From the column counted last, forwards or backwards, or from the line's start if nearer.
    if (offset >= line.counted_to) line.column += characters(line.counted_to, offset);
    else if (offset - line.begin < line.counted_to - offset) line.column = 1 + characters(line.begin, offset);
    else line.column -= characters(offset, line.counted_to);
    line.counted_to = offset;
    return line.column;
}

}  // namespace reps
