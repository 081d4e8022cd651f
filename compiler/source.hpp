// Source files and spans: every AST node, diagnostic and timeline origin points back here.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reps {

struct SourceSpan {
    std::uint32_t file = 0;    // index into SourceManager
    std::uint32_t offset = 0;  // byte offset
    std::uint32_t line = 0;    // 1-based; 0 means "no position"
    std::uint32_t column = 0;  // 1-based byte column (the renderer counts characters)
    std::uint32_t length = 0;  // bytes

    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

struct SourceFile {
    std::string path;       // as shown in diagnostics
    std::string_view text;  // contents, BOM removed: in `storage`, or static (the embedded stdlib)
    bool embedded = false;  // part of the stdlib
    // Shared and immutable, so copying a SourceManager is cheap and its views stay valid.
    std::shared_ptr<const std::string> storage;
};

class SourceManager {
public:
    std::uint32_t add(std::string path, std::string text, bool embedded = false);
    // Text that outlives every SourceManager (the stdlib embedded in the binary): not copied.
    std::uint32_t add_static(std::string path, std::string_view text, bool embedded);
    // A file of another SourceManager, sharing its text.
    std::uint32_t add(const SourceFile& file);
    const SourceFile& file(std::uint32_t id) const { return files_[id]; }
    std::size_t size() const { return files_.size(); }

    // Keeps a string the AST refers to that is not in any file as written (a string literal with
    // its escapes resolved); the view stays valid as long as this manager or a copy of it lives.
    std::string_view keep(std::string text) const;

    // The text of the line a span starts on, without its line end.
    std::string_view line_text(const SourceSpan& span) const;
    // 1-based column counted in characters (UTF-8 code points), not bytes.
    std::uint32_t character_column(const SourceSpan& span) const;

private:
    std::vector<SourceFile> files_;
    // Made on the first keep(): most files have no escapes. A deque never moves what it holds.
    mutable std::shared_ptr<std::deque<std::string>> kept_;
};

}  // namespace reps
