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

#include "compiler/driver/open_beneath.hpp"
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

// Reads an open regular file whole, straight into the buffer it is kept in: checking thousands
// of files spends its time here otherwise. `expected` is the file that was checked before
// opening (zero: none); another file (a swap meanwhile), or one that is not regular, is refused.
FileRead read_open_file(int fd, FileIdentity expected) {
    FileRead result;
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        result.reason = std::strerror(errno);
        return result;
    }
    result.identity = FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
    if (!S_ISREG(info.st_mode) || (expected != FileIdentity{} && result.identity != expected)) {
        result.reason = "it was replaced while it was being opened";
        return result;
    }
    const auto too_large = [&]() -> FileRead {
        result.too_large = true;
        result.reason = fmt::format("it is larger than the {} MiB limit", max_file_bytes / (1024 * 1024));
        result.head = first_line(fd);
        return std::move(result);
    };
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size > max_file_bytes) return too_large();
    // One byte more than its size, so that the end of the file is seen in the same read; a file
    // that has grown since the stat fills that byte and is read on to its end (still held to
    // the limit).
    TextBuffer contents(size + 1);
    if (const int error = contents.read_to_end(fd, max_file_bytes); error == EFBIG) {
        return too_large();
    } else if (error != 0) {
        result.reason = std::strerror(error);
        return result;
    }
    result.text = std::move(contents);
    return result;
}

}  // namespace

FileRead read_source_file(const fs::path& path) {
    FileRead result;
    // stat before open: opening a device can act (rewind a tape, arm a watchdog) and a FIFO
    // waits for a writer; neither is opened. O_NONBLOCK covers one swapped in meanwhile, and the
    // fstat of what was opened must find the file the stat found.
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
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    if (file.fd < 0) {
        result.reason = std::strerror(errno);
        return result;
    }
    FileRead read = read_open_file(file.fd, FileIdentity{static_cast<std::uint64_t>(info.st_dev),
                                                         static_cast<std::uint64_t>(info.st_ino)});
    if (read.identity == FileIdentity{}) read.identity = FileIdentity{static_cast<std::uint64_t>(info.st_dev),
                                                                      static_cast<std::uint64_t>(info.st_ino)};
    return read;
}

namespace {

FileIdentity identity_of(const struct stat& info) {
    return FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

// A path as a message shows it: control characters (a newline, ESC) escaped as \xNN, so that an
// import path cannot break a line of the report or drive the terminal.
std::string shown(std::string_view path) {
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) out += fmt::format("\\x{:02x}", byte);
        else out += c;
    }
    return out;
}

// Why an import could not be opened, for an errno of open_beneath.
std::string open_failure(int error) {
    switch (error) {
    case ELOOP: return "too many levels of symbolic links (a loop?)";
    case ENAMETOOLONG: return "the path is too long";
    case EACCES: return "a directory on its path cannot be searched, or the file cannot be read (permission denied)";
    case ENOTSUP: return "it goes through a symbolic link, which this kernel cannot follow safely (openat2 needs Linux 5.6)";
    case ENOTDIR: return "a part of its path is not a directory";
    default: return std::strerror(error);
    }
}

class Loader {
public:
    Loader(SourceManager& sources, Diagnostics& diagnostics, const SourceOverlay* overlay = nullptr,
           WorkoutReceiver* main_receiver = nullptr)
        : sources_(sources), diagnostics_(diagnostics), overlay_(overlay), main_receiver_(main_receiver) {}
    ~Loader() {
        if (root_fd_ >= 0) ::close(root_fd_);
    }
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;

    // The stdlib was parsed and checked when `reps` was built (stdlib_catalog.hpp): only its
    // sources are registered, for the positions its catalog's spans name.
    void load_stdlib(LoadedProgram&) { add_stdlib_sources(sources_); }

    // `location` is absolute; it is resolved to its canonical path (a stat per component) and the
    // root directory opened only when the file imports something. `identity` is the main file's
    // when it was read from disk, for cycles back to it.
    template <typename Text>  // a std::string or a TextBuffer
    void load_main(LoadedProgram& program, std::string display_path, Text text, fs::path location,
                   FileIdentity identity = {}) {
        main_location_ = std::move(location);
        const auto id = sources_.add(std::move(display_path), std::move(text));
        program.main_file = id;
        follow_imports(program, id, identity);
    }

private:
    // A file whose imports are being followed; the chain of them is the import stack.
    struct OpenFile {
        FileIdentity identity;  // which file it is, for cycles (zero: not known)
        fs::path relative;      // its path from the root as written (links not resolved)
        std::string name;       // display path
        std::vector<ast::ImportDecl> imports;
        std::size_t next = 0;
    };

    // Depth first, in import order, without recursion: a chain of 1000 imports must not stack
    // 1000 parsers' frames (it overflowed the stack under AddressSanitizer).
    void follow_imports(LoadedProgram& program, std::uint32_t main_id, FileIdentity identity) {
        open(program, main_id, identity, {});
        while (!open_.empty()) {
            OpenFile& top = open_.back();
            if (top.next == top.imports.size()) {
                open_.pop_back();
                continue;
            }
            const ast::ImportDecl import = std::move(top.imports[top.next++]);
            const fs::path directory = top.relative.parent_path();
            const std::string importer = top.name;  // `top` may move when a file is opened below
            load_import(program, import, directory, importer);
        }
    }

    // Checks the encoding, parses, and opens the file for its imports.
    void open(LoadedProgram& program, std::uint32_t id, FileIdentity identity, fs::path relative) {
        if (!check_utf8(sources_, id, diagnostics_)) {
            program.files.push_back(ast::File{id, {}, {}, false, {}, {}});
            return;
        }
        // The main file is the one opened first, before any file is open for its imports.
        ast::File file = parse_file(sources_, id, diagnostics_, open_.empty() ? main_receiver_ : nullptr);
        std::vector<ast::ImportDecl> imports;
        for (const auto& declaration : file.declarations) {
            if (const auto* import = std::get_if<ast::ImportDecl>(&declaration)) imports.push_back(*import);
        }
        program.files.push_back(std::move(file));
        if (!imports.empty() && open_.empty()) open_root(identity, relative);  // the main file
        if (identity != FileIdentity{}) loaded_.push_back(identity);
        open_.push_back(OpenFile{identity, std::move(relative), sources_.file(id).path, std::move(imports)});
    }

    // The root is the directory of the main file (through any link to it); imports are opened
    // beneath its descriptor, so a path checked is the path read.
    void open_root(FileIdentity& main_identity, fs::path& main_relative) {
        std::error_code error;
        const fs::path canonical = fs::weakly_canonical(main_location_, error);
        root_ = canonical.parent_path();
        main_relative = canonical.filename();
        root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (root_fd_ < 0) root_error_ = errno;
        struct stat info {};
        if (main_identity == FileIdentity{} && root_fd_ >= 0 && ::fstatat(root_fd_, main_relative.c_str(), &info, 0) == 0) {
            main_identity = identity_of(info);
        }
    }

    void leaves_root(const ast::ImportDecl& import) {
        diagnostics_.report(Code::E0112, import.path.span,
                           fmt::format("import '{}' leaves the directory of the file being built", shown(import.path.value)),
                           fmt::format("imports must stay inside '{}'", shown(root_.string())));
    }

    void load_import(LoadedProgram& program, const ast::ImportDecl& import, const fs::path& directory,
                     const std::string& importer) {
        const std::string_view value = import.path.value;
        const fs::path written(value);
        if (value.empty()) {
            diagnostics_.report(Code::E0112, import.path.span, "the import path is empty",
                               "write the path of a .reps file, relative to the importing file");
            return;
        }
        if (written.is_absolute()) {
            diagnostics_.report(Code::E0112, import.path.span, fmt::format("import '{}' is an absolute path", shown(value)),
                               "import paths are relative to the importing file");
            return;
        }
        const fs::path relative = (directory / written).lexically_normal();
        if (relative.empty() || *relative.begin() == "..") return leaves_root(import);
        if (root_fd_ < 0) {
            return cannot_import(import, fmt::format("its directory '{}' cannot be opened: {}", shown(root_.string()),
                                                     std::strerror(root_error_)));
        }

        // A descriptor that only names the file (O_PATH: a device or a FIFO is not opened by it),
        // for what it is; then the file opened for reading must be that same file.
        int error = 0;
        const FileDescriptor named{open_beneath(root_fd_, relative, O_PATH | O_CLOEXEC, error)};
        struct stat info {};
        const std::string* edited = overlay_text(root_ / relative);
        FileIdentity identity;
        if (named.fd < 0 || ::fstat(named.fd, &info) != 0) {
            if (named.fd < 0 && error == EXDEV) return leaves_root(import);
            if (edited == nullptr) return cannot_import(import, open_failure(named.fd < 0 ? error : errno));
            // Never saved: known by its path alone (a device number no file system has).
            identity = FileIdentity{~std::uint64_t{0}, std::hash<std::string>{}((root_ / relative).string())};
            info.st_mode = S_IFREG;
        } else {
            identity = identity_of(info);
        }
        const auto cycle = std::find_if(open_.begin(), open_.end(), [&](const OpenFile& f) { return f.identity == identity; });
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
        if (std::find(loaded_.begin(), loaded_.end(), identity) != loaded_.end()) return;  // already loaded
        if (++import_count_ > max_imports) {
            diagnostics_.report(Code::E0003, import.path.span, fmt::format("more than {} imported files", max_imports));
            return;
        }
        if (S_ISDIR(info.st_mode)) return cannot_import(import, "it is a directory");
        if (!S_ISREG(info.st_mode)) return cannot_import(import, "it is not a regular file");
        program.inputs.push_back(identity);
        const auto display = (fs::path(importer).parent_path() / written).lexically_normal().string();
        if (edited != nullptr) {
            open(program, sources_.add(display, *edited), identity, relative);
            return;
        }
        const FileDescriptor file{open_beneath(root_fd_, relative, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, error)};
        if (file.fd < 0 && error == EXDEV) return leaves_root(import);  // swapped for a way out since
        if (file.fd < 0) return cannot_import(import, open_failure(error));
        FileRead read = read_open_file(file.fd, identity);
        if (!read.text) {
            diagnostics_.report(read.too_large ? Code::E0003 : Code::E0111, import.path.span,
                               fmt::format("cannot import '{}': {}", shown(value), read.reason));
            return;
        }
        const auto id = sources_.add(display, std::move(*read.text));
        open(program, id, identity, relative);
    }

    void cannot_import(const ast::ImportDecl& import, std::string_view reason) {
        diagnostics_.report(Code::E0111, import.path.span, fmt::format("cannot import '{}': {}", shown(import.path.value), reason));
    }

    // The editor's text of `path` (overlay_'s keys are canonical, as root_ is), or nullptr.
    const std::string* overlay_text(const fs::path& path) const {
        if (overlay_ == nullptr) return nullptr;
        const auto found = overlay_->find(path.lexically_normal().string());
        return found == overlay_->end() ? nullptr : &found->second;
    }

    SourceManager& sources_;
    Diagnostics& diagnostics_;
    const SourceOverlay* overlay_;
    WorkoutReceiver* main_receiver_;  // takes the main file's workouts as they parse (imports are held whole)
    fs::path main_location_;
    fs::path root_;
    int root_fd_ = -1;
    int root_error_ = 0;  // why root_fd_ could not be opened
    std::vector<OpenFile> open_;
    std::vector<FileIdentity> loaded_;
    std::size_t import_count_ = 0;
};

}  // namespace

bool is_input_file(const std::filesystem::path& path, const LoadedProgram& loaded) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return false;
    return std::find(loaded.inputs.begin(), loaded.inputs.end(), identity_of(info)) != loaded.inputs.end();
}

std::uint32_t report_too_large(std::string display_path, std::string head, SourceManager& sources,
                               Diagnostics& diagnostics) {
    const auto id = sources.add(std::move(display_path), std::move(head));
    diagnostics.report(Code::E0003, SourceSpan{id, 0, 1},
                      fmt::format("the file is larger than the {} MiB limit", max_file_bytes / (1024 * 1024)),
                      "split it into files that import each other");
    return id;
}

LoadedProgram load_program(const std::filesystem::path& path, SourceManager& sources, Diagnostics& diagnostics,
                           const SourceOverlay* overlay, WorkoutReceiver* main_receiver) {
    LoadedProgram program;
    if (overlay != nullptr) {
        std::error_code error;
        const auto found = overlay->find(fs::weakly_canonical(fs::absolute(path, error), error).string());
        if (found != overlay->end()) {
            Loader loader(sources, diagnostics, overlay);
            loader.load_stdlib(program);
            loader.load_main(program, path.string(), found->second, fs::absolute(path, error));
            return program;
        }
    }
    auto read = read_source_file(path);
    if (read.identity != FileIdentity{}) program.inputs.push_back(read.identity);
    if (read.too_large) {
        // A limit of the input, not an I/O failure: a diagnostic at the file's start (exit 1),
        // with its first line as the excerpt.
        Loader(sources, diagnostics).load_stdlib(program);
        program.main_file = report_too_large(path.string(), std::move(read.head), sources, diagnostics);
        program.files.push_back(ast::File{program.main_file, {}, {}, false, {}, {}});
        return program;
    }
    if (!read.text) {
        program.read_failed = true;
        program.read_error = fmt::format("cannot read '{}': {}", path.string(), read.reason);
        return program;
    }
    Loader loader(sources, diagnostics, overlay, main_receiver);
    loader.load_stdlib(program);
    std::error_code error;
    loader.load_main(program, path.string(), std::move(*read.text), fs::absolute(path, error), read.identity);
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

LoadedProgram parse_main_file_again(const LoadedProgram& first, const SourceManager& sources, Diagnostics& diagnostics,
                                    WorkoutReceiver* receiver) {
    LoadedProgram again;
    again.main_file = first.main_file;
    again.inputs = first.inputs;
    again.files.push_back(parse_file(sources, first.main_file, diagnostics, receiver));
    return again;
}

void drop_into_arena(LoadedProgram& program) {
    if (!current_arena) return;
    for (ast::File& file : program.files) {
        // The list's buffer and all it holds are the arena's, so nothing is lost; what stays in
        // `file` is an empty list.
        if (current_arena->owns(file.declarations.data())) current_arena->leave(std::move(file.declarations));
    }
}

}  // namespace reps
