// `--dump ast|checked|timeline`: each phase's output as indented, stable text (goldens are taken).
#pragma once

#include <iosfwd>

#include "compiler/parse/ast.hpp"
#include "compiler/check/checked.hpp"
#include "compiler/base/source.hpp"
#include "runtime/timeline.hpp"

namespace reps {

// One node per line ("Kind @line:col"), its fields indented below as "key: value @line:col".
void dump_ast(std::ostream& out, const ast::File& file, const SourceManager& sources);
// One declaration as dump_ast shows it, without positions (each "@LINE:COL" a bare "@"): the
// meaning `reps fmt` keeps. Its shape_hash (compiler/format/ast_shape.hpp) is what fmt compares;
// tests hold that hash to this dump.
void dump_ast_shape(std::ostream& out, const ast::Declaration& declaration, const SourceManager& sources);
// The user's workouts and programs with every name resolved, option chosen and default applied.
void dump_checked(std::ostream& out, const CheckedProgram& program, const SourceManager& sources);
// The header, the blocks with their entries, and one line per segment.
void dump_timeline(std::ostream& out, const timeline::Timeline& timeline);
// The program's header and each session occurrence, with its timeline or run.
void dump_timeline(std::ostream& out, const timeline::Program& program);

}  // namespace reps
