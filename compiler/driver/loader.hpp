// Loading: the stdlib and a file with its imports, read, checked for encoding, and parsed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/parse/ast.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/source.hpp"
#include "compiler/base/text_buffer.hpp"

namespace reps {

// Which file a path names, as the kernel knows it: two paths name the same file when these match.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
};

struct LoadedProgram {
    std::vector<ast::File> files;  // the user's files in import order (the stdlib comes checked: stdlib_catalog.hpp)
    std::uint32_t main_file = 0;   // file id of the file named on the command line
    bool read_failed = false;      // the main file could not be read (an I/O error: exit 2)
    std::string read_error;        // "cannot read 'x.reps': No such file or directory"
    std::vector<FileIdentity> inputs;  // every file read: the main file and each import
};

// The main file of `first` parsed again from the text it was read from (not read again: the same
// text, the same positions), with `receiver` taking its workouts. Its imports are not followed
// again (the first load's files hold them), nor its encoding checked.
LoadedProgram parse_main_file_again(const LoadedProgram& first, const SourceManager& sources, Diagnostics& diagnostics,
                                    WorkoutReceiver* receiver);

// Leaves the program's AST in the current arena (ArenaScope) without destroying it, when it was
// allocated there: the arena's reset frees it at once, and destroying it was a walk over all of
// it. Without an arena (or for lists made outside it) nothing changes.
void drop_into_arena(LoadedProgram& program);

// Limits that keep hostile input cheap.
inline constexpr std::size_t max_file_bytes = 64u * 1024 * 1024;
inline constexpr std::size_t max_imports = 1000;

// What reading a source file gave: its text, or why not.
struct FileRead {
    std::optional<TextBuffer> text;
    std::string reason;      // why there is no text ("it is a directory")
    bool too_large = false;  // over max_file_bytes: `head` then holds its first line, for the excerpt
    std::string head;
    FileIdentity identity;
};

// The one reader of source files, for every command: regular files only (a FIFO or a device is
// never opened), at most max_file_bytes.
FileRead read_source_file(const std::filesystem::path& path);

// A file over max_file_bytes is a limit of the input, not an I/O failure: E0003 at its start (exit
// 1), its first line (`head`) as the excerpt. Returns the file id it registers.
std::uint32_t report_too_large(std::string display_path, std::string head, SourceManager& sources,
                               Diagnostics& diagnostics);

// Whether `path` names a file the program was read from (the main file or an import, through any
// link or hard link): writing there (-o, --log) would destroy the input.
bool is_input_file(const std::filesystem::path& path, const LoadedProgram& loaded);

// Text an editor holds for files it has not saved (`reps lsp`): canonical absolute path -> text.
// The loader reads a file from here before the disk, the main file and every import alike; a file
// only here (never saved) can be imported too.
using SourceOverlay = std::map<std::string, std::string, std::less<>>;

// With `main_receiver`, the main file's workouts go to it as they parse (parse.hpp) and are not in
// its AST; its imports are parsed whole.
LoadedProgram load_program(const std::filesystem::path& path, SourceManager& sources, Diagnostics& diagnostics,
                           const SourceOverlay* overlay = nullptr, WorkoutReceiver* main_receiver = nullptr);
// Loads source text that did not come from a file (tests, stdin); imports resolve against `directory`.
LoadedProgram load_program_text(std::string display_path, std::string text, const std::filesystem::path& directory,
                                SourceManager& sources, Diagnostics& diagnostics);

}  // namespace reps
