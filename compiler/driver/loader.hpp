// Loading: the stdlib and a file with its imports, read, checked for encoding, and parsed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "compiler/parse/ast.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/source.hpp"

namespace reps {

struct LoadedProgram {
    std::vector<ast::File> files;  // the user's files in import order (the stdlib comes checked: stdlib_catalog.hpp)
    std::uint32_t main_file = 0;   // file id of the file named on the command line
    bool read_failed = false;      // the main file could not be read (an I/O error: exit 2)
    std::string read_error;        // "cannot read 'x.reps': No such file or directory"
};

// Leaves the program's AST in the current arena (ArenaScope) without destroying it, when it was
// allocated there: the arena's reset frees it at once, and destroying it was a walk over all of
// it. Without an arena (or for lists made outside it) nothing changes.
void drop_into_arena(LoadedProgram& program);

// Limits that keep hostile input cheap.
inline constexpr std::size_t max_file_bytes = 64u * 1024 * 1024;
inline constexpr std::size_t max_imports = 1000;

LoadedProgram load_program(const std::filesystem::path& path, SourceManager& sources, Diagnostics& diagnostics);
// Loads source text that did not come from a file (tests, stdin); imports resolve against `directory`.
LoadedProgram load_program_text(std::string display_path, std::string text, const std::filesystem::path& directory,
                                SourceManager& sources, Diagnostics& diagnostics);

}  // namespace reps
