// The open documents, their editor text (the loader's overlay), and the last analysis of each:
// the pipeline of `reps check` run on the document as the main file.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/base/source.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/driver/lsp/text_lines.hpp"
#include "compiler/driver/pipeline.hpp"

namespace reps::lsp {

// "file:///a%20b/x.reps" <-> "/a b/x.reps". A URI of another scheme gives an empty path.
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

// Where the stdlib's sources are written for an editor to open (read-only files under the user's
// cache directory, one folder per build of `reps`): the directory, made on first use; empty when
// it cannot be written.
const std::string& stdlib_directory();
// The file URI of a source file of an analysis: the file itself, or the stdlib's copy.
std::string uri_of(const SourceFile& file);

struct Document {
    std::string uri;
    std::string path;  // canonical absolute path: the overlay's key and the compiled file's name
    std::string text;
    int version = 0;
};

// One run of the pipeline with a document as the main file. The AST and checked program view the
// sources, which live as long as the analysis.
struct Analysis {
    SourceManager sources;
    Diagnostics diagnostics;
    Compilation compilation;
    std::uint32_t main_file = 0;
    // An "untitled:" buffer's URI when it is the main file: it is checked under a made-up path,
    // which a location must not give back. Empty for a file.
    std::string main_uri;
    std::vector<std::string> paths_read;  // the user's files it read (main file and imports)
    // Every path its files import, found or not: an import not found may be opened in the editor.
    std::vector<std::string> paths_imported;

    // Whether a change of the file at `path` (its text, or its being opened or closed) can change
    // this analysis.
    bool depends_on(std::string_view path) const;

    const ast::File* file(std::uint32_t id) const;
    const ast::File* main() const { return file(main_file); }
    // The URI of one of its files, for locations: the document's own for the main file.
    std::string uri_of(std::uint32_t file) const;
    // Checked results exist (no error stopped the pipeline before timing could be worked out).
    bool timed() const { return !diagnostics.has_errors(); }
};

class Workspace {
public:
    Document& open(std::string uri, std::string text, int version);
    void close(std::string_view uri);
    // Whole text, or edits in order (LSP incremental sync); marks the document and its importers.
    Document* find(std::string_view uri);
    void changed(Document& document);
    // A file changed on disk (workspace/didChangeWatchedFiles): the open documents that read or
    // import it are checked again. An open document itself is the editor's text, not the disk's.
    void changed_on_disk(std::string_view uri);

    // The analysis of an open document, made now if its text (or an import's) changed since.
    const Analysis* analysis(std::string_view uri);
    // Documents whose analysis is out of date, for the debounced re-check.
    const std::set<std::string, std::less<>>& stale() const { return stale_; }
    std::map<std::string, Document, std::less<>>& documents() { return documents_; }
    // The documents analysed since the last call, whose diagnostics are to be published.
    std::set<std::string, std::less<>> take_fresh() { return std::exchange(fresh_, {}); }

private:
    std::map<std::string, Document, std::less<>> documents_;
    SourceOverlay overlay_;
    std::map<std::string, std::unique_ptr<Analysis>, std::less<>> analyses_;
    std::set<std::string, std::less<>> stale_;
    std::set<std::string, std::less<>> fresh_;
};

// A compiled file's line table, with positions as the editor counts them in the file as it is
// written (a BOM the compiler dropped still counts on line 0). Every position of a compiled file
// goes through one.
TextLines lines_of(const SourceFile& file);

// Spans of an analysis as LSP ranges and locations; each file's line table is made once.
class Locator {
public:
    explicit Locator(const Analysis& analysis) : sources_(analysis.sources), analysis_(&analysis) {}
    const TextLines& lines(std::uint32_t file);
    Range range(const SourceSpan& span);
    nlohmann::json location(const SourceSpan& span);
    // The byte offset of a 1-based line and 1-based column in code points, in `file`.
    std::size_t offset_of_character(std::uint32_t file, std::uint32_t line, std::uint32_t column);

private:
    const SourceManager& sources_;
    const Analysis* analysis_;
    std::map<std::uint32_t, TextLines> lines_;
};

nlohmann::json to_json(const Position& position);
nlohmann::json to_json(const Range& range);
Position position_from_json(const nlohmann::json& position);
Range range_from_json(const nlohmann::json& range);

// Runs the pipeline on `path` with `overlay`, as `reps check` would on that file.
std::unique_ptr<Analysis> analyse(const std::string& path, const SourceOverlay& overlay);

}  // namespace reps::lsp
