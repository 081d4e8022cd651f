// Parsing: source text -> typed AST, with syntax errors as diagnostics.
#pragma once

#include "compiler/parse/ast.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/source.hpp"

namespace reps {

// Parses one file already registered in `sources`. On a syntax error the AST holds what was
// complete before it, and one E0001 diagnostic is added.
ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics);

// Checks that the text is valid UTF-8; reports the first bad byte (E0002) and returns false.
bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics);

}  // namespace reps
