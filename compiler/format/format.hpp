// `reps fmt`: the canonical layout of a source file, comments kept.
#pragma once

#include <string>
#include <string_view>

namespace reps {

// Re-lays out a file: two-space indentation per block, one space between tokens, prescription
// names and exercise fields aligned in columns, at most one blank line in a row, "  # comment"
// trailing comments, one final newline. Strings and comments are kept as written. Any text gets
// an answer in one pass (it reads lines and braces, not the grammar); `reps fmt` keeps it only
// for a file that parses, to the same shape (ast_shape.hpp).
std::string format_source(std::string_view text);

}  // namespace reps
