// The help of a name written as two words (`goblet squat 3x12`), settled once the names the files
// can use are known: the parser saw only the syntax error, and a join that is no name (`foo bar`
// -> `foo_bar`, `defualts rest` -> `defualts_rest`) would be a fix that leads to a new error.
#pragma once

#include <span>

#include "compiler/base/source.hpp"
#include "compiler/catalog/catalog.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/parse/ast.hpp"

namespace reps {

// For each ast::SpacedName of `files`, the help of its syntax error becomes: the fixed line with
// the words joined, and the edit, when the join is an exercise or alias of `catalog` (or one a
// declaration with a syntax error may declare); else the same with the name closest to the join
// (the "did you mean" of an unknown exercise); else that there is no such name, with no edit.
void settle_spaced_names(std::span<const ast::File> files, const Catalog& catalog, const SourceManager& sources,
                         Diagnostics& diagnostics);

}  // namespace reps
