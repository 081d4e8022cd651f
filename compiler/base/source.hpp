// Source files and spans: every AST node, diagnostic and timeline origin points back here.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/line_index.hpp"
#include "compiler/base/text_buffer.hpp"

namespace reps {

// Where a node, diagnostic or timeline step comes from: a byte range of one file. Line and
// column are worked out only when something is shown (SourceManager::position): computing them
// for every span the parser makes was a tenth of checking.
struct SourceSpan {
    static constexpr std::uint32_t no_file = 0xFFFFFFFF;
    std::uint32_t file = no_file;  // index into SourceManager; no_file: no position
    std::uint32_t offset = 0;      // byte offset
    std::uint32_t length = 0;      // bytes

    bool has_position() const { return file != no_file; }
    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

// A span's start as shown: 1-based line and 1-based column in bytes (character_column counts
// characters); {0, 0} for a span with no position.
struct LineColumn {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct SourceFile {
    std::string path;       // as shown in diagnostics
    std::string_view text;  // contents, BOM removed: in `storage`, or static (the embedded stdlib)
    bool embedded = false;  // part of the stdlib
    // What holds `text` (a string or a TextBuffer); shared and immutable, so copying a
    // SourceManager is cheap and its views stay valid.
    std::shared_ptr<const void> storage;
    // The file began with a BOM, which `text` leaves out (SPEC: a leading BOM is ignored); an
    // editor still shows it, so the language server counts it on the first line.
    bool byte_order_mark = false;
};

class SourceManager {
public:
    std::uint32_t add(std::string path, std::string text, bool embedded = false);
    // A file as read from disk (loader.hpp), kept in the buffer it was read into.
    std::uint32_t add(std::string path, TextBuffer text);
    // Text that outlives every SourceManager (the stdlib embedded in the binary): not copied.
    std::uint32_t add_static(std::string path, std::string_view text, bool embedded);
    // A file of another SourceManager, sharing its text.
    std::uint32_t add(const SourceFile& file);
    const SourceFile& file(std::uint32_t id) const { return files_[id]; }
    std::size_t size() const { return files_.size(); }

    // Keeps a string the AST refers to that is not in any file as written (a string literal with
    // its escapes resolved); the view stays valid as long as this manager or a copy of it lives.
    std::string_view keep(std::string text) const;

    // Line and byte column of a span's start, counted from the file's previous answer (see
    // LineIndex). A SourceManager answers on one thread at a time (as for keep()).
    LineColumn position(const SourceSpan& span) const;
    // The text of the line a span starts on, without its line end.
    std::string_view line_text(const SourceSpan& span) const;
    // 1-based column counted in characters (UTF-8 code points), not bytes.
    std::uint32_t character_column(const SourceSpan& span) const;

private:
    // The line cursors position() makes, one per file asked about; a copy of the manager starts
    // without them (they are a cache, and must not be shared between threads).
    class LineCursors {
    public:
        LineCursors() = default;
        LineCursors(const LineCursors&) {}
        LineCursors& operator=(const LineCursors&) {
            cursors_.clear();
            return *this;
        }
        LineCursors(LineCursors&&) = default;
        LineCursors& operator=(LineCursors&&) = default;
        const LineIndex& of(std::uint32_t file, std::string_view text);

    private:
        std::vector<std::optional<LineIndex>> cursors_;
    };

    // The line asked about last, and a character column counted on it: diagnostics are asked
    // about in source order, and thousands on one long line (a generated file's only line) must
    // cost its length once, not once each.
    struct LastLine {
        std::uint32_t file = std::numeric_limits<std::uint32_t>::max();
        std::size_t begin = 0, end = 0;  // its bytes, up to (not with) the '\n'
        std::size_t counted_to = 0;      // an offset on it, and the character column there
        std::uint32_t column = 1;
    };
    // The line holding `offset` of `file`: the last one when it is the same.
    LastLine& line_around(std::uint32_t file, std::size_t offset) const;

    std::vector<SourceFile> files_;
    mutable LineCursors line_cursors_;
    mutable LastLine last_line_;
    // Made on the first keep(): most files have no escapes. A deque never moves what it holds.
    mutable std::shared_ptr<std::deque<std::string>> kept_;
};

}  // namespace reps
