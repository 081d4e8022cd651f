// `reps lsp`: a language server on a pair of file descriptors (stdin and stdout), LSP 3.17.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/lsp/json_rpc.hpp"
#include "compiler/driver/lsp/workspace.hpp"

namespace reps::lsp {

// How long the text must rest after a change before it is checked again (a request for the
// document checks it at once).
inline constexpr int debounce_ms = 100;

class Server {
public:
    Server(int in_fd, int out_fd) : reader_(in_fd), out_fd_(out_fd) {}
    // Serves until `exit` (0 after `shutdown`, 1 without) or the end of the input (1).
    int run();

    // What `initialize` advertises: exactly the features below.
    static nlohmann::json capabilities();

private:
    using Handler = std::function<nlohmann::json(const nlohmann::json& params)>;

    void handle(const std::string& body, const std::set<std::string>& cancelled);
    void notification(const std::string& method, const nlohmann::json& params);
    nlohmann::json request(const std::string& method, const nlohmann::json& params);
    // The first `initialize`: reads the settings, answers with the capabilities.
    nlohmann::json initialize(const nlohmann::json& params);
    // The "reps" settings section (initializationOptions, workspace/didChangeConfiguration).
    void apply_settings(const nlohmann::json& reps);
    void send(const nlohmann::json& message);
    void respond_error(const nlohmann::json& id, int code, const std::string& message);
    void publish_fresh();
    Document& document(const nlohmann::json& params);
    const Analysis& analysis_of(const nlohmann::json& params);
    // The byte offset of params.position in the document's analysed text.
    std::size_t offset_in(const nlohmann::json& params);
    std::vector<const Analysis*> open_analyses();

    MessageReader reader_;
    int out_fd_;
    Workspace workspace_;
    bool initialized_ = false;
    bool shut_down_ = false;
    bool exited_ = false;
    std::string profile_;  // the equipment profile completion offers exercises for (a setting)
};

// The error a handler throws for bad parameters: an error response, not a crash.
struct RequestError {
    int code;
    std::string message;
};

}  // namespace reps::lsp
