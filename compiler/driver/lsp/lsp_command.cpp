// `reps lsp [--stdio]`: the language server on stdin and stdout (README "reps lsp").
#include <unistd.h>

#include "compiler/driver/cli_internal.hpp"
#include "compiler/driver/lsp/server.hpp"

namespace reps::cli {

int run_lsp(const Options&, std::ostream& out, std::ostream&) {
    out.flush();  // nothing else may reach stdout: it carries the protocol
    lsp::Server server(STDIN_FILENO, STDOUT_FILENO);
    return server.run();
}

}  // namespace reps::cli
