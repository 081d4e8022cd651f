#include "compiler/driver/lsp/server.hpp"

#include <cerrno>
#include <vector>

#include <unistd.h>

#include "compiler/driver/lsp/features.hpp"
#include "compiler/driver/lsp/navigation.hpp"

namespace reps::lsp {

namespace {

std::string id_key(const nlohmann::json& id) { return id.dump(); }

}  // namespace

nlohmann::json Server::capabilities() {
    return {
        {"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
        {"hoverProvider", true},
        {"inlayHintProvider", true},
        {"definitionProvider", true},
        {"referencesProvider", true},
        {"documentSymbolProvider", true},
        {"workspaceSymbolProvider", true},
        {"documentFormattingProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
        {"renameProvider", true},
        {"completionProvider", {{"triggerCharacters", {" "}}}},
    };
}

void Server::send(const nlohmann::json& message) {
    const std::string bytes = frame(message);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t wrote = ::write(out_fd_, bytes.data() + written, bytes.size() - written);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            exited_ = true;  // the client is gone: nobody to serve
            return;
        }
        written += static_cast<std::size_t>(wrote);
    }
}

void Server::respond_error(const nlohmann::json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

Document& Server::document(const nlohmann::json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    Document* found = workspace_.find(uri);
    if (found == nullptr) throw RequestError{error_code::invalid_params, "the document '" + uri + "' is not open"};
    return *found;
}

const Analysis& Server::analysis_of(const nlohmann::json& params) {
    const Document& open = document(params);
    return *workspace_.analysis(open.uri);
}

std::size_t Server::offset_in(const nlohmann::json& params) {
    const Analysis& analysis = analysis_of(params);
    return lines_of(analysis.sources.file(analysis.main_file)).offset(position_from_json(params.at("position")));
}

std::vector<const Analysis*> Server::open_analyses() {
    std::vector<const Analysis*> analyses;
    std::vector<std::string> uris;
    for (const auto& [uri, open] : workspace_.documents()) uris.push_back(uri);
    for (const std::string& uri : uris) analyses.push_back(workspace_.analysis(uri));
    return analyses;
}

void Server::publish_fresh() {
    for (const std::string& uri : workspace_.take_fresh()) {
        const Document* open = workspace_.find(uri);
        const Analysis* analysis = open != nullptr ? workspace_.analysis(uri) : nullptr;
        if (analysis == nullptr) continue;
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", {{"uri", uri}, {"version", open->version}, {"diagnostics", publish_diagnostics(*analysis)}}}});
    }
}

void Server::notification(const std::string& method, const nlohmann::json& params) {
    if (method == "exit") {
        exited_ = true;
        return;
    }
    if (!initialized_ || shut_down_) return;  // dropped, as the protocol says
    if (method == "textDocument/didOpen") {
        const auto& item = params.at("textDocument");
        workspace_.open(item.at("uri").get<std::string>(), item.at("text").get<std::string>(),
                        item.value("version", 0));
    } else if (method == "textDocument/didChange") {
        Document& changed = document(params);
        for (const auto& change : params.at("contentChanges")) {
            const std::string text = change.at("text").get<std::string>();
            if (change.contains("range")) apply_edit(changed.text, range_from_json(change.at("range")), text);
            else changed.text = text;
        }
        changed.version = params.at("textDocument").value("version", changed.version);
        workspace_.changed(changed);
    } else if (method == "textDocument/didClose") {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        workspace_.close(uri);
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", {{"uri", uri}, {"diagnostics", nlohmann::json::array()}}}});
    }
    else if (method == "workspace/didChangeWatchedFiles") {
        // {"changes": [{"uri": ..., "type": 1|2|3}]}: created, changed or deleted on disk.
        for (const auto& change : params.value("changes", nlohmann::json::array())) {
            if (change.is_object() && change.value("uri", nlohmann::json()).is_string()) {
                workspace_.changed_on_disk(change["uri"].get<std::string>());
            }
        }
    }
    else if (method == "workspace/didChangeConfiguration") {
        // {"settings": {"reps": {"profile": "home"}}}. Settings without a "reps" section are
        // some other tool's (or a client's "ask me", as null), and change nothing.
        const auto& settings = params.value("settings", nlohmann::json::object());
        if (settings.is_object() && settings.contains("reps")) apply_settings(settings["reps"]);
    }
    // Anything else ($/setTrace, initialized, didSave, ...) needs nothing from us.
}

nlohmann::json Server::initialize(const nlohmann::json& params) {
    initialized_ = true;
    // initializationOptions are the "reps" settings: {"profile": "home"}.
    apply_settings(params.value("initializationOptions", nlohmann::json()));
    return {{"capabilities", capabilities()}, {"serverInfo", {{"name", "reps"}, {"version", "0.1.0"}}}};
}

void Server::apply_settings(const nlohmann::json& reps) {
    // Only a key that is there changes anything: a client may send the whole "reps" section with
    // other keys and no profile (VS Code's reps.server.path), and that must not clear the profile
    // initializationOptions gave. "" or null clears it.
    if (!reps.is_object() || !reps.contains("profile")) return;
    const nlohmann::json& profile = reps["profile"];
    if (profile.is_string()) {
        // Spaces around the name, as a settings editor may leave them, are not part of it.
        const std::string name = profile.get<std::string>();
        const auto first = name.find_first_not_of(" \t");
        profile_ = first == std::string::npos ? std::string() : name.substr(first, name.find_last_not_of(" \t") - first + 1);
    } else if (profile.is_null()) {
        profile_.clear();
    }
}

nlohmann::json Server::request(const std::string& method, const nlohmann::json& params) {
    if (method == "initialize") {
        // LSP: initialize is sent once. Answering a second would read its options over the
        // settings the client has changed since.
        if (initialized_) throw RequestError{error_code::invalid_request, "the server is already initialized: initialize is sent once"};
        return initialize(params);
    }
    if (!initialized_) throw RequestError{error_code::server_not_initialized, "the server is not initialized yet"};
    if (shut_down_) throw RequestError{error_code::invalid_request, "the server is shut down"};
    if (method == "shutdown") {
        shut_down_ = true;
        return nullptr;
    }
    if (method == "textDocument/hover") {
        return hover(analysis_of(params), offset_in(params));
    }
    if (method == "textDocument/completion") {
        const Document& open = document(params);
        const Analysis& analysis = *workspace_.analysis(open.uri);
        // The editor's text as the compiler reads it (a first declaration after a BOM is still
        // the first word of its line), and the editor's position on it.
        const std::string_view text = without_byte_order_mark(open.text);
        const TextLines lines(text, text.size() != open.text.size());
        return completion(analysis, text, lines.offset(position_from_json(params.at("position"))), profile_);
    }
    if (method == "textDocument/definition") return definition(analysis_of(params), offset_in(params));
    if (method == "textDocument/references") {
        const Analysis& analysis = analysis_of(params);
        const ast::File* main = analysis.main();
        const std::vector<Occurrence> names = main != nullptr ? collect_names(*main) : std::vector<Occurrence>{};
        const Occurrence* name = occurrence_at(names, offset_in(params));
        const auto target = name != nullptr ? place_of(analysis, *name) : std::nullopt;
        nlohmann::json locations = nlohmann::json::array();
        if (!target) return locations;
        const bool with_declaration = params.value("context", nlohmann::json::object()).value("includeDeclaration", true);
        for (const NameUse& use : uses_of(open_analyses(), name->kind, name->text, *target)) {
            if (use.declaration && !with_declaration) continue;
            locations.push_back({{"uri", use.uri}, {"range", to_json(use.range)}});
        }
        if (target->stdlib && with_declaration) locations.push_back(definition(analysis, offset_in(params)));
        return locations;
    }
    if (method == "textDocument/documentSymbol") return document_symbols(analysis_of(params));
    if (method == "workspace/symbol") return workspace_symbols(open_analyses(), params.value("query", ""));
    if (method == "textDocument/formatting") return formatting(document(params));
    if (method == "textDocument/codeAction") {
        return code_actions(analysis_of(params), document(params).uri, range_from_json(params.at("range")));
    }
    if (method == "textDocument/rename") {
        const Analysis& analysis = analysis_of(params);
        return rename(open_analyses(), analysis, offset_in(params), params.at("newName").get<std::string>());
    }
    if (method == "textDocument/inlayHint") return inlay_hints(analysis_of(params), range_from_json(params.at("range")));
    throw RequestError{error_code::method_not_found, "no method '" + method + "'"};
}

void Server::handle(const std::string& body, const std::set<std::string>& cancelled) {
    ParsedMessage parsed;
    try {
        parsed = parse_message(body);
    } catch (const nlohmann::json::exception&) {
        respond_error(nullptr, error_code::parse_error, "the message is not JSON");
        return;
    }
    nlohmann::json& message = parsed.value;
    if (parsed.too_deep) {
        // A notification is not answered, as JSON-RPC asks; a request gets its error by its id.
        const bool notification = message.is_object() && message.contains("method") && !message.contains("id");
        if (notification) return;
        const bool usable_id = message.is_object() && message.contains("id") &&
                               (message["id"].is_string() || message["id"].is_number());
        respond_error(usable_id ? message["id"] : nlohmann::json(), error_code::invalid_request,
                      "the message nests arrays and objects more than " + std::to_string(max_message_depth) + " deep");
        return;
    }
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
        // A response to us (we send no requests) is ignored; anything else is not a message.
        if (message.is_object() && (message.contains("result") || message.contains("error"))) return;
        const nlohmann::json id = message.is_object() && message.contains("id") ? message["id"] : nlohmann::json();
        respond_error(id, error_code::invalid_request, "not a JSON-RPC request or notification");
        return;
    }
    const std::string method = message["method"].get<std::string>();
    const nlohmann::json params = message.contains("params") ? message["params"] : nlohmann::json::object();
    const bool is_request = message.contains("id");
    const nlohmann::json id = is_request ? message["id"] : nlohmann::json();
    if (is_request && cancelled.contains(id_key(id))) {
        respond_error(id, error_code::request_cancelled, "cancelled");
        return;
    }
    try {
        if (!is_request) {
            notification(method, params);
            return;
        }
        nlohmann::json result = request(method, params);
        send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
    } catch (const RequestError& error) {
        if (is_request) respond_error(id, error.code, error.message);
    } catch (const nlohmann::json::exception& error) {
        if (is_request) respond_error(id, error_code::invalid_params, std::string("bad parameters: ") + error.what());
    } catch (const std::exception& error) {
        if (is_request) respond_error(id, error_code::internal_error, error.what());
    }
}

int Server::run() {
    std::deque<Frame> queue;
    while (!exited_) {
        const bool waiting = !workspace_.stale().empty();
        MessageReader::Result next = reader_.next(waiting ? debounce_ms : -1);
        if (next.status == MessageReader::Status::timeout) {
            // The text has rested: check what changed, and tell the editor.
            const std::set<std::string, std::less<>> stale = workspace_.stale();
            for (const std::string& uri : stale) workspace_.analysis(uri);
            publish_fresh();
            continue;
        }
        if (next.status == MessageReader::Status::end) break;
        queue.push_back(std::move(next.frame));
        // Whatever else has arrived: a $/cancelRequest among it cancels a request before it.
        for (;;) {
            MessageReader::Result more = reader_.next(0);
            if (more.status != MessageReader::Status::frame) break;
            queue.push_back(std::move(more.frame));
        }
        std::set<std::string> cancelled;
        for (const Frame& waiting_frame : queue) {
            if (waiting_frame.body.find("$/cancelRequest") == std::string::npos) continue;
            try {
                const ParsedMessage cancel = parse_message(waiting_frame.body);
                if (!cancel.too_deep && cancel.value.value("method", "") == "$/cancelRequest") {
                    cancelled.insert(id_key(cancel.value.at("params").at("id")));
                }
            } catch (const nlohmann::json::exception&) {
            }
        }
        while (!queue.empty() && !exited_) {
            Frame current = std::move(queue.front());
            queue.pop_front();
            if (!current.error.empty()) respond_error(nullptr, error_code::parse_error, current.error);
            else handle(current.body, cancelled);
            publish_fresh();
        }
    }
    return shut_down_ && exited_ ? 0 : 1;
}

}  // namespace reps::lsp
