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

}  // namespace reps::lsp
