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
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    auto storage = std::make_shared<const std::string>(std::move(text));
    files_.push_back(SourceFile{std::move(path), std::string_view(*storage), embedded, storage});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t SourceManager::add(std::string path, TextBuffer text) {
    text.seal();
    auto storage = std::make_shared<const TextBuffer>(std::move(text));
    std::string_view view = storage->view();
    if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    files_.push_back(SourceFile{std::move(path), view, false, storage});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t SourceManager::add_static(std::string path, std::string_view text, bool embedded) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    files_.push_back(SourceFile{std::move(path), text, embedded, nullptr});
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

std::string_view SourceManager::line_text(const SourceSpan& span) const {
    if (span.file >= files_.size()) return {};
    const std::string_view text = files_[span.file].text;
    const std::size_t offset = clamped_offset(text, span);
    const std::size_t begin = line_start(text, offset);
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return text.substr(begin, end - begin);
}

std::uint32_t SourceManager::character_column(const SourceSpan& span) const {
    if (span.file >= files_.size()) return 0;
    const std::string_view text = files_[span.file].text;
    const std::size_t offset = clamped_offset(text, span);
    std::uint32_t column = 1;
    for (std::size_t i = line_start(text, offset); i < offset; ++i) {
        if (!is_continuation(text[i])) ++column;
    }
    return column;
}

}  // namespace reps
