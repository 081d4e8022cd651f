// `reps fmt`: the canonical layout of a source file, comments kept.
#pragma once

#include <string>
#include <string_view>

namespace reps {

// Re-lays out a file that parses: two-space indentation per block, one space between tokens,
// prescription names and exercise fields aligned in columns, at most one blank line in a row,
// "  # comment" trailing comments, one final newline. Strings and comments are kept as written.
// It reads lines and braces, not the grammar; the callers parse first (any text would be indented
// as deep as its braces) and keep the result only when its shape is the same (ast_shape.hpp).
std::string format_source(std::string_view text);

}  // namespace reps
