#include "compiler/driver/lsp/workspace.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include <sys/stat.h>

#include <fmt/format.h>

#include "compiler/catalog/stdlib.hpp"

namespace reps::lsp {

namespace fs = std::filesystem;

std::string uri_to_path(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (!uri.starts_with(scheme)) return {};
    uri.remove_prefix(scheme.size());
    // "file://host/path": only the local host is ours.
    const auto slash = uri.find('/');
    if (slash == std::string_view::npos) return {};
    uri.remove_prefix(slash);
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        const auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
            path += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
            i += 2;
        } else {
            path += uri[i];
        }
    }
    return path;
}

std::string path_to_uri(std::string_view path) {
    std::string uri = "file://";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        uri += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
    }
    return uri;
}

namespace {

// The stdlib's files written into `folder` (those there already are kept); false when one cannot be.
bool write_stdlib_copy(const fs::path& folder) {
    std::error_code error;
    fs::create_directories(folder / "stdlib", error);
    for (const EmbeddedFile& file : stdlib_files()) {
        const fs::path target = folder / file.path;
        if (fs::exists(target, error)) continue;
        const fs::path temporary = target.string() + ".tmp";
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << file.text;
            if (!out) return false;
        }
        ::chmod(temporary.c_str(), 0444);  // read-only: the stdlib is not edited here
        fs::rename(temporary, target, error);
        if (error) return false;
    }
    return true;
}

}  // namespace

const std::string& stdlib_directory() {
    static const std::string directory = [] {
        // The XDG cache (an absolute path only, as the XDG spec says), else ~/.cache, else the
        // temporary directory: the first that takes the copy. A link into a folder that could not
        // be written would lead nowhere.
        std::vector<fs::path> bases;
        const char* cache = std::getenv("XDG_CACHE_HOME");
        if (cache != nullptr && fs::path(cache).is_absolute()) bases.emplace_back(cache);
        const char* home = std::getenv("HOME");
        if (home != nullptr && fs::path(home).is_absolute()) bases.push_back(fs::path(home) / ".cache");
        std::error_code error;
        if (const fs::path temporary = fs::temp_directory_path(error); !error) bases.push_back(temporary);
        // One folder per stdlib text: an older `reps` keeps its own.
        std::size_t hash = 0;
        for (const EmbeddedFile& file : stdlib_files()) hash = hash * 31 + std::hash<std::string_view>{}(file.text);
        for (const fs::path& base : bases) {
            const fs::path folder = base / "reps" / fmt::format("stdlib-{:016x}", hash);
            if (write_stdlib_copy(folder)) return folder.string();
        }
        return std::string();
    }();
    return directory;
}

std::string uri_of(const SourceFile& file) {
    if (file.embedded) return path_to_uri((fs::path(stdlib_directory()) / file.path).string());
    return path_to_uri(file.path);
}

std::string Analysis::uri_of(std::uint32_t file) const {
    if (file == main_file && !main_uri.empty()) return main_uri;
    return lsp::uri_of(sources.file(file));
}

const ast::File* Analysis::file(std::uint32_t id) const {
    for (const ast::File& file : compilation.loaded.files) {
        if (file.file_id == id) return &file;
    }
    return nullptr;
}

namespace {

std::string canonical_path(const std::string& path) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
    return error ? fs::path(path).lexically_normal().string() : canonical.string();
}

}  // namespace

std::unique_ptr<Analysis> analyse(const std::string& path, const SourceOverlay& overlay) {
    auto analysis = std::make_unique<Analysis>();
    PipelineOptions options;
    options.overlay = &overlay;
    analysis->compilation = compile(path, options, analysis->sources, analysis->diagnostics);
    analysis->diagnostics.sort_by_position();
    analysis->main_file = analysis->compilation.loaded.main_file;
    for (std::uint32_t id = 0; id < analysis->sources.size(); ++id) {
        const SourceFile& file = analysis->sources.file(id);
        if (!file.embedded) analysis->paths_read.push_back(canonical_path(file.path));
    }
    // As the loader resolves them: relative to the importing file (absolute paths it refuses).
    for (const ast::File& file : analysis->compilation.loaded.files) {
        const fs::path directory = fs::path(analysis->sources.file(file.file_id).path).parent_path();
        for (const ast::Declaration& declaration : file.declarations) {
            const auto* import = std::get_if<ast::ImportDecl>(&declaration);
            if (import == nullptr || import->path.value.empty() || fs::path(import->path.value).is_absolute()) continue;
            analysis->paths_imported.push_back(canonical_path((directory / import->path.value).string()));
        }
    }
    return analysis;
}

bool Analysis::depends_on(std::string_view path) const {
    return std::find(paths_read.begin(), paths_read.end(), path) != paths_read.end() ||
           std::find(paths_imported.begin(), paths_imported.end(), path) != paths_imported.end();
}

Document& Workspace::open(std::string uri, std::string text, int version) {
    std::string path = uri_to_path(uri);
    // A document that is no file (an "untitled:" buffer) is checked as if it were in the current
    // directory, under a name of its own: it can import nothing that is not there.
    if (path.empty()) path = fmt::format("untitled-{:016x}.reps", std::hash<std::string>{}(uri));
    path = canonical_path(path);
    Document& document = documents_[uri];
    document = Document{uri, std::move(path), std::move(text), version};
    changed(document);
    return document;
}

void Workspace::close(std::string_view uri) {
    const auto found = documents_.find(uri);
    if (found == documents_.end()) return;
    const std::string path = found->second.path;
    overlay_.erase(path);
    analyses_.erase(std::string(uri));
    stale_.erase(std::string(uri));
    documents_.erase(found);
    // Its importers now read it from the disk again.
    for (const auto& [other_uri, analysis] : analyses_) {
        if (analysis->depends_on(path)) stale_.insert(other_uri);
    }
}

Document* Workspace::find(std::string_view uri) {
    const auto found = documents_.find(uri);
    return found == documents_.end() ? nullptr : &found->second;
}

void Workspace::changed(Document& document) {
    overlay_[document.path] = document.text;
    stale_.insert(document.uri);
    // Its importers, and the files that could not find it before it was opened.
    for (const auto& [uri, analysis] : analyses_) {
        if (uri != document.uri && analysis->depends_on(document.path)) stale_.insert(uri);
    }
}

void Workspace::changed_on_disk(std::string_view uri) {
    std::string path = uri_to_path(uri);
    if (path.empty()) return;
    path = canonical_path(path);
    if (overlay_.contains(path)) return;  // open: its buffer is what its importers read
    for (const auto& [other_uri, analysis] : analyses_) {
        if (analysis->depends_on(path)) stale_.insert(other_uri);
    }
}

const Analysis* Workspace::analysis(std::string_view uri) {
    Document* document = find(uri);
    if (document == nullptr) return nullptr;
    auto& slot = analyses_[document->uri];
    if (!slot || stale_.contains(uri)) {
        slot = analyse(document->path, overlay_);
        // Only a buffer that is no file keeps its URI: a file's locations name its resolved path,
        // as its imports' do, so that one file never comes back under two URIs (a project opened
        // through a linked directory would list each place twice).
        if (uri_to_path(document->uri).empty()) slot->main_uri = document->uri;
        stale_.erase(std::string(uri));
        fresh_.insert(document->uri);
    }
    return slot.get();
}

TextLines lines_of(const SourceFile& file) { return TextLines(file.text, file.byte_order_mark); }

const TextLines& Locator::lines(std::uint32_t file) {
    auto found = lines_.find(file);
    if (found == lines_.end()) found = lines_.emplace(file, lines_of(sources_.file(file))).first;
    return found->second;
}

Range Locator::range(const SourceSpan& span) {
    if (!span.has_position() || span.file >= sources_.size()) return {};
    const TextLines& table = lines(span.file);
    return Range{table.position(span.offset), table.position(std::size_t{span.offset} + span.length)};
}

nlohmann::json Locator::location(const SourceSpan& span) {
    return {{"uri", analysis_->uri_of(span.file)}, {"range", to_json(range(span))}};
}

std::size_t Locator::offset_of_character(std::uint32_t file, std::uint32_t line, std::uint32_t column) {
    const std::string_view text = sources_.file(file).text;
    const TextLines& table = lines(file);
    std::size_t at = table.offset(Position{line - 1, 0});
    for (std::uint32_t character = 1; character < column && at < text.size() && text[at] != '\n'; ++character) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
}

nlohmann::json to_json(const Position& position) {
    return {{"line", position.line}, {"character", position.character}};
}

nlohmann::json to_json(const Range& range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

Position position_from_json(const nlohmann::json& position) {
    return Position{position.at("line").get<std::uint32_t>(), position.at("character").get<std::uint32_t>()};
}

Range range_from_json(const nlohmann::json& range) {
    return Range{position_from_json(range.at("start")), position_from_json(range.at("end"))};
}

}  // namespace reps::lsp
