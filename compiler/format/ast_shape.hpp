// What `reps fmt` must not change: a declaration's AST without its positions (a layout moves
// positions, never meaning), hashed. Two declarations have the same shape when `--dump ast` prints
// them alike but for their "@line:col"s; tests/unit/compiler/test_ast_shape.cpp holds the hash to
// that dump. A hash is compared within one run, never stored.
#pragma once

#include <cstdint>

#include "compiler/parse/ast.hpp"

namespace reps {

std::uint64_t shape_hash(const ast::Declaration& declaration);
// The same for the declarations the parser hands over as they complete (the same hash as above).
std::uint64_t shape_hash(const ast::WorkoutDecl& workout);
std::uint64_t shape_hash(const ast::ProgramDecl& program);

}  // namespace reps
