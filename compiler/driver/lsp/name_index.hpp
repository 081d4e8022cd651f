// Every name a file writes, declared or used, with its kind: what hover, definition, references,
// rename, document symbols and completion look up. Built from the AST alone.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "compiler/parse/ast.hpp"

namespace reps::lsp {

enum class NameKind { exercise, equipment, muscle, region, profile, workout, program };

struct Occurrence {
    NameKind kind = NameKind::exercise;
    std::string_view text;
    SourceSpan span;
    bool declaration = false;
    SourceSpan declaration_span;  // a declaration's whole extent (for the outline)
};

std::vector<Occurrence> collect_names(const ast::File& file);

// The occurrence at a byte offset of `file` (its end counts too: the cursor after a name), or nullptr.
const Occurrence* occurrence_at(const std::vector<Occurrence>& names, std::size_t offset);

}  // namespace reps::lsp
