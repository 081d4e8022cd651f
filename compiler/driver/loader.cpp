// Reads the stdlib and the user's files, following imports inside the root directory.
#include "compiler/driver/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/parse/parse.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"

namespace reps {
namespace {

namespace fs = std::filesystem;

// Closes a descriptor on every way out of read_file.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// The first line of an open file (at most 120 bytes of it), for a diagnostic's excerpt.
std::string first_line(int fd) {
    std::string head(120, '\0');
    const ssize_t got = ::pread(fd, head.data(), head.size(), 0);
    head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return head.substr(0, head.find('\n'));
}

}  // namespace

// Reads a regular file whole. One stat, one open and reads straight into the string: checking
// thousands of files spends its time here otherwise.
FileRead read_source_file(const fs::path& path) {
    FileRead result;
    // stat before open: opening a device can act (rewind a tape, arm a watchdog) and a FIFO
    // waits for a writer; neither is opened. O_NONBLOCK covers one swapped in meanwhile.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        result.reason = std::strerror(errno);
        return result;
    }
    if (S_ISDIR(info.st_mode)) {
        result.reason = "it is a directory";
        return result;
    }
    if (!S_ISREG(info.st_mode)) {
        result.reason = "it is not a regular file";
        return result;
    }
    result.identity = FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) {
        result.reason = std::strerror(errno);
        return result;
    }
    const auto too_large = [&] {
        result.too_large = true;
        result.reason = fmt::format("it is larger than the {} MiB limit", max_file_bytes / (1024 * 1024));
        result.head = first_line(file.fd);
        return result;
    };
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size > max_file_bytes) return too_large();
    // One byte more than its size, so that the end of the file is seen in the same read; a file
    // that has grown since the stat fills that byte and is read on to its end (still held to
    // the limit).
    std::string contents(size + 1, '\0');
    std::size_t filled = 0;
    for (;;) {
        if (filled == contents.size()) contents.resize(contents.size() * 2);
        const ssize_t got = ::read(file.fd, contents.data() + filled, contents.size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            result.reason = std::strerror(errno);
            return result;
        }
        if (got == 0) break;
        const bool short_read = static_cast<std::size_t>(got) < contents.size() - filled;
        filled += static_cast<std::size_t>(got);
        if (filled > max_file_bytes) return too_large();
        // A regular file reads short only at its end: no second read to be told so.
        if (short_read) break;
    }
    contents.resize(filled);
    result.text = std::move(contents);
    return result;
}

namespace {

bool is_inside(const fs::path& root, const fs::path& path) {
    const auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return mismatch.first == root.end();
}

class Loader {
public:
    Loader(SourceManager& sources, Diagnostics& diagnostics) : sources_(sources), diagnostics_(diagnostics) {}

    // The stdlib was parsed and checked when `reps` was built (stdlib_catalog.hpp): only its
    // sources are registered, for the positions its catalog's spans name.
    void load_stdlib(LoadedProgram&) { add_stdlib_sources(sources_); }

    // `location` is absolute; it is resolved to its canonical path (a stat per component) only when
    // the file imports something, since only imports need the root and cycle detection.
    void load_main(LoadedProgram& program, std::string display_path, std::string text, fs::path location) {
        main_location_ = std::move(location);
        const auto id = sources_.add(std::move(display_path), std::move(text));
        program.main_file = id;
        follow_imports(program, id);
    }

private:
    // A file whose imports are being followed; the chain of them is the import stack.
    struct OpenFile {
        fs::path canonical;  // empty for the main file until it imports something
        std::string name;    // display path
        std::vector<ast::ImportDecl> imports;
        std::size_t next = 0;
    };

    // Depth first, in import order, without recursion: a chain of 1000 imports must not stack
    // 1000 parsers' frames (it overflowed the stack under AddressSanitizer).
    void follow_imports(LoadedProgram& program, std::uint32_t main_id) {
        open(program, main_id, {});
        while (!open_.empty()) {
            OpenFile& top = open_.back();
            if (top.next == top.imports.size()) {
                open_.pop_back();
                continue;
            }
            const ast::ImportDecl import = std::move(top.imports[top.next++]);
            const fs::path directory = top.canonical.parent_path();
            const std::string importer = top.name;  // `top` may move when a file is opened below
            load_import(program, import, directory, importer);
        }
    }

    // Checks the encoding, parses, and opens the file for its imports.
    void open(LoadedProgram& program, std::uint32_t id, fs::path canonical) {
        if (!check_utf8(sources_, id, diagnostics_)) {
            program.files.push_back(ast::File{id, {}});
            return;
        }
        loaded_.push_back(canonical);
        ast::File file = parse_file(sources_, id, diagnostics_);
        std::vector<ast::ImportDecl> imports;
        for (const auto& declaration : file.declarations) {
            if (const auto* import = std::get_if<ast::ImportDecl>(&declaration)) imports.push_back(*import);
        }
        program.files.push_back(std::move(file));
        if (!imports.empty() && canonical.empty()) {  // the main file, not yet resolved
            std::error_code error;
            canonical = loaded_.back() = fs::weakly_canonical(main_location_, error);
            root_ = canonical.parent_path();
        }
        open_.push_back(OpenFile{std::move(canonical), sources_.file(id).path, std::move(imports)});
    }

    void load_import(LoadedProgram& program, const ast::ImportDecl& import, const fs::path& directory,
                     const std::string& importer) {
        const fs::path written(import.path.value);
        if (written.is_absolute() || import.path.value.empty()) {
            diagnostics_.report(Code::E0112, import.path.span,
                               fmt::format("import '{}' is an absolute path", import.path.value),
                               "import paths are relative to the importing file");
            return;
        }
        std::error_code error;
        const fs::path target = fs::weakly_canonical(directory / written, error);
        if (error || !is_inside(root_, target)) {
            diagnostics_.report(Code::E0112, import.path.span,
                               fmt::format("import '{}' leaves the directory of the file being built", import.path.value),
                               fmt::format("imports must stay inside '{}'", root_.string()));
            return;
        }
        const auto cycle = std::find_if(open_.begin(), open_.end(), [&](const OpenFile& f) { return f.canonical == target; });
        if (cycle != open_.end()) {
            // Name the whole chain: a.reps -> b.reps -> a.reps.
            std::vector<std::string> chain;
            for (auto it = cycle; it != open_.end(); ++it) chain.push_back(it->name);
            chain.push_back(cycle->name);
            auto& diagnostic = diagnostics_.report(Code::E0113, import.path.span,
                                                  fmt::format("import cycle: {}", fmt::join(chain, " -> ")));
            diagnostic.help = "move the shared declarations into a file that both import";
            return;
        }
        if (std::find(loaded_.begin(), loaded_.end(), target) != loaded_.end()) return;  // already loaded
        if (++import_count_ > max_imports) {
            diagnostics_.report(Code::E0003, import.path.span, fmt::format("more than {} imported files", max_imports));
            return;
        }
        auto read = read_source_file(target);
        if (read.identity != FileIdentity{}) program.inputs.push_back(read.identity);
        if (!read.text) {
            diagnostics_.report(read.too_large ? Code::E0003 : Code::E0111, import.path.span,
                               fmt::format("cannot import '{}': {}", import.path.value, read.reason));
            return;
        }
        const auto display = (fs::path(importer).parent_path() / written).lexically_normal().string();
        const auto id = sources_.add(display, std::move(*read.text));
        open(program, id, target);
    }

    SourceManager& sources_;
    Diagnostics& diagnostics_;
    fs::path main_location_;
    fs::path root_;
    std::vector<OpenFile> open_;
    std::vector<fs::path> loaded_;
    std::size_t import_count_ = 0;
};

}  // namespace

std::uint32_t report_too_large(std::string display_path, std::string head, SourceManager& sources,
                               Diagnostics& diagnostics) {
    const auto id = sources.add(std::move(display_path), std::move(head));
    diagnostics.report(Code::E0003, SourceSpan{id, 0, 1},
                      fmt::format("the file is larger than the {} MiB limit", max_file_bytes / (1024 * 1024)),
                      "split it into files that import each other");
    return id;
}

LoadedProgram load_program(const std::filesystem::path& path, SourceManager& sources, Diagnostics& diagnostics) {
    LoadedProgram program;
    auto read = read_source_file(path);
    if (read.identity != FileIdentity{}) program.inputs.push_back(read.identity);
    if (read.too_large) {
        // A limit of the input, not an I/O failure: a diagnostic at the file's start (exit 1),
        // with its first line as the excerpt.
        Loader(sources, diagnostics).load_stdlib(program);
        program.main_file = report_too_large(path.string(), std::move(read.head), sources, diagnostics);
        program.files.push_back(ast::File{program.main_file, {}});
        return program;
    }
    if (!read.text) {
        program.read_failed = true;
        program.read_error = fmt::format("cannot read '{}': {}", path.string(), read.reason);
        return program;
    }
    Loader loader(sources, diagnostics);
    loader.load_stdlib(program);
    std::error_code error;
    loader.load_main(program, path.string(), std::move(*read.text), fs::absolute(path, error));
    return program;
}

LoadedProgram load_program_text(std::string display_path, std::string text, const std::filesystem::path& directory,
                                SourceManager& sources, Diagnostics& diagnostics) {
    LoadedProgram program;
    Loader loader(sources, diagnostics);
    loader.load_stdlib(program);
    std::error_code error;
    auto location = fs::absolute(directory, error) / fs::path(display_path).filename();
    loader.load_main(program, std::move(display_path), std::move(text), std::move(location));
    return program;
}

void drop_into_arena(LoadedProgram& program) {
    if (!current_arena) return;
    using Declarations = ast::List<ast::Declaration>;
    for (ast::File& file : program.files) {
        if (!current_arena->owns(file.declarations.data())) continue;
        // Moved into arena memory that is never destroyed: the list's buffer and all it holds are
        // the arena's (see ast.hpp), so nothing is lost; what stays in `file` is an empty list.
        ::new (current_arena->allocate(sizeof(Declarations), alignof(Declarations))) Declarations(std::move(file.declarations));
    }
}

}  // namespace reps
