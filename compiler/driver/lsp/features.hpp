// The language features, one file each; every one reads an Analysis and answers in LSP's JSON.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/driver/lsp/workspace.hpp"

namespace reps::lsp {

// textDocument/publishDiagnostics' list for the analysis' main file: the diagnostics of
// `reps check` on that file, message for message (diagnostics.cpp).
nlohmann::json publish_diagnostics(const Analysis& analysis);

// textDocument/hover at a byte offset of the main file: null, or a Hover.
nlohmann::json hover(const Analysis& analysis, std::size_t offset);
// textDocument/inlayHint: the clock at each block's start and each workout's total (week 1).
nlohmann::json inlay_hints(const Analysis& analysis, const Range& range);

// The analysis' catalog (the stdlib's when checking did not get to build one).
const Catalog& catalog_of(const Analysis& analysis);
// A workout of the checked program, or nullptr (also when errors left no timing).
const checked::Workout* workout_named(const Analysis& analysis, std::string_view name);

// textDocument/formatting: one edit with the text `reps fmt` writes, or none.
nlohmann::json formatting(const Document& document);
// textDocument/codeAction: a quick fix per diagnostic in `range` with fix-its (or a "did you mean").
nlohmann::json code_actions(const Analysis& analysis, const std::string& uri, const Range& range);
// textDocument/rename: a WorkspaceEdit over the open documents' analyses.
nlohmann::json rename(const std::vector<const Analysis*>& analyses, const Analysis& analysis, std::size_t offset,
                      const std::string& new_name);

// textDocument/completion at a byte offset of `text` (the document as the editor has it now);
// exercises only those the equipment profile `profile` (a setting; empty: none) allows.
nlohmann::json completion(const Analysis& analysis, std::string_view text, std::size_t offset, const std::string& profile);

}  // namespace reps::lsp
