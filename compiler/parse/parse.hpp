// Parsing: source text -> typed AST, with syntax errors as diagnostics.
#pragma once

#include "compiler/parse/ast.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/source.hpp"

namespace reps {

// Parses one file already registered in `sources`. Each syntax error is an E0001 diagnostic (at
// most 20, then one E0003 with how many more); the AST holds the declarations without one, and
// `damaged_names` the names the others may declare (compiler/parse/recover.hpp).
ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics);

// Checks that the text is valid UTF-8; reports the first bad byte (E0002) and returns false.
bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics);

}  // namespace reps
