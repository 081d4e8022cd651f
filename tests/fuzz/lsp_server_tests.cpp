// The fuzz corpus (the inputs the fuzzer once crashed or hung on, the examples, every golden file)
// through `reps lsp`: each opened, cut in half by an incremental edit, and asked for every feature
// at positions all over it. The server must answer every request and end normally.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "compiler/driver/lsp/json_rpc.hpp"
#include "compiler/driver/lsp/server.hpp"
#include "compiler/driver/lsp/text_lines.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (const fs::path& dir : {fs::path(REPS_FUZZ_DIR) / "regressions", fs::path(REPS_EXAMPLES_DIR),
                               fs::path(REPS_TEST_DATA_DIR) / "golden" / "ok", fs::path(REPS_TEST_DATA_DIR) / "golden" / "fail"}) {
        if (!fs::is_directory(dir)) continue;
        for (const auto& item : fs::directory_iterator(dir)) {
            if (item.is_regular_file() && item.path().extension() == ".reps") files.push_back(item.path());
        }
    }
    return files;
}

class Script {
public:
    void notify(const std::string& method, json params) {
        bytes_ += reps::lsp::frame({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    }
    void request(const std::string& method, json params) {
        bytes_ += reps::lsp::frame({{"jsonrpc", "2.0"}, {"id", next_id_}, {"method", method}, {"params", std::move(params)}});
        ++next_id_;
    }
    int last_id() const { return next_id_ - 1; }
    void raw(const std::string& bytes) { bytes_ += bytes; }
    int requests() const { return next_id_; }
    const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
    int next_id_ = 0;
};

// "Content-Length: N\r\n\r\n" and the body, for a body no json value could make.
std::string framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

struct Served {
    int status = -1;
    std::vector<json> messages;  // what the server wrote, in order
    // The response to request `id`, or null when there is none.
    json response(const json& id) const {
        for (const json& message : messages) {
            if (message.contains("id") && message["id"] == id && !message.contains("method")) return message;
        }
        return nullptr;
    }
};

// Runs a server in this process on the script's bytes (a file, read to its end) and reads back its output.
Served serve(const Script& script) {
    const fs::path work = fs::temp_directory_path() / ("reps_lsp_serve_" + std::to_string(::getpid()));
    fs::create_directories(work);
    const fs::path input = work / "input", output = work / "output";
    std::ofstream(input, std::ios::binary) << script.bytes();
    const int in_fd = ::open(input.c_str(), O_RDONLY);
    const int out_fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(in_fd >= 0);
    REQUIRE(out_fd >= 0);
    Served served;
    served.status = reps::lsp::Server(in_fd, out_fd).run();
    ::close(in_fd);
    ::close(out_fd);
    reps::lsp::FrameSplitter replies;
    replies.append(read_file(output));
    while (auto frame = replies.take()) served.messages.push_back(json::parse(frame->body));
    fs::remove_all(work);
    return served;
}

}  // namespace

TEST_CASE("lsp: a message nested deeper than the limit is refused without a crash, and the server goes on") {
    // 60,000 levels overflowed the stack (the value was copied recursively); the limit is 512.
    const auto arrays = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    const auto objects = [](std::size_t depth) {
        std::string nested;
        for (std::size_t level = 0; level < depth; ++level) nested += "{\"a\":";
        return nested + "1" + std::string(depth, '}');
    };
    Script script;
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    for (const auto& [kind, nested] : {std::pair{"arrays", arrays(60000)}, std::pair{"objects", objects(60000)}}) {
        script.raw(framed(R"({"jsonrpc":"2.0","method":"$/unknown","params":)" + nested + "}"));
        script.raw(framed(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":)" + nested + "}"));
        script.raw(framed(std::string(R"({"jsonrpc":"2.0","id":"deep )") + kind + R"(","method":"textDocument/hover","params":)" + nested + "}"));
        script.raw(framed(nested));  // not even a message
    }
    // The message itself is level 1: params nested 511 deep is at the limit, 512 deep over it.
    script.raw(framed(R"({"jsonrpc":"2.0","id":"at the limit","method":"workspace/symbol","params":)" + arrays(511) + "}"));
    script.raw(framed(R"({"jsonrpc":"2.0","id":"over the limit","method":"workspace/symbol","params":)" + arrays(512) + "}"));
    script.raw(framed(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":)" + objects(60000) + "}}"));
    script.request("workspace/symbol", {{"query", ""}});
    const int last = script.last_id();
    script.request("shutdown", nullptr);
    script.notify("exit", nullptr);

    const Served served = serve(script);
    CHECK(served.status == 0);
    for (const std::string id : {"deep arrays", "deep objects", "over the limit"}) {
        CAPTURE(id);
        const json response = served.response(id);
        REQUIRE(response.is_object());
        CHECK(response["error"]["code"] == reps::lsp::error_code::invalid_request);
        CHECK(response["error"]["message"] == "the message nests arrays and objects more than 512 deep");
    }
    // Within the limit the message is read: its params are wrong for the method, not too deep.
    CHECK(served.response("at the limit")["error"]["code"] == reps::lsp::error_code::invalid_params);
    // The two that are not messages get an error without an id; the notifications get nothing.
    int unaddressed = 0;
    for (const json& message : served.messages) unaddressed += message.contains("id") && message["id"].is_null();
    CHECK(unaddressed == 2);
    CHECK(served.response(last).contains("result"));
}

TEST_CASE("lsp: after a header that is no header, the server starts again at the next one") {
    // Each answered -32700 and then every later message too, so that shutdown was never answered.
    const std::string message = R"({"jsonrpc":"2.0","id":"lost","method":"workspace/symbol","params":{"query":""}})";
    const std::string length = std::to_string(message.size());
    const std::pair<std::string, std::string> damaged[] = {
        {"junk before a header", "xyz" + framed(message)},
        {"no Content-Length", "Content-Type: foo\r\n\r\n" + message},
        {"Content-Length too small", "Content-Length: 20\r\n\r\n" + message},
        {"Content-Length too large", "Content-Length: " + std::to_string(message.size() + 10) + "\r\n\r\n" + message},
        {"a length of 14 digits", "Content-Length: 99999999999999\r\n\r\n{}"},
        {"over the limit", "Content-Length: 2147483648\r\n\r\n{}"},
        {"a header ending in LF only", "Content-Length: " + length + "\n\n" + message},
    };
    Script script;
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    std::vector<std::pair<std::string, int>> after_damage;
    for (const auto& [kind, bytes] : damaged) {
        script.raw(bytes);
        script.request("workspace/symbol", {{"query", ""}});
        after_damage.emplace_back(kind, script.last_id());
    }
    script.request("shutdown", nullptr);
    const int shutdown = script.last_id();
    script.notify("exit", nullptr);

    const Served served = serve(script);
    CHECK(served.status == 0);
    for (const auto& [kind, id] : after_damage) {
        CAPTURE(kind);
        CHECK(served.response(id).contains("result"));
    }
    CHECK(served.response(shutdown).contains("result"));
}

namespace {

void write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
        REQUIRE(wrote > 0);
        bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

// A server on a pair of pipes, as an editor runs it: the input stays open, so a server waiting
// for bytes that never come would wait for ever. Each answer is waited for a few seconds at most.
class LiveServer {
public:
    LiveServer() {
        REQUIRE(::pipe(to_server_) == 0);
        REQUIRE(::pipe(from_server_) == 0);
        thread_ = std::thread([this] { status_ = reps::lsp::Server(to_server_[0], from_server_[1]).run(); });
    }
    ~LiveServer() { finish(); }
    void send(std::string_view bytes) { write_all(to_server_[1], bytes); }
    // The next message the server writes, or null when none comes within the time.
    json next(int timeout_ms = 5000) {
        for (;;) {
            if (auto frame = replies_.take()) return json::parse(frame->body);
            pollfd wanted{from_server_[0], POLLIN, 0};
            if (::poll(&wanted, 1, timeout_ms) <= 0) return nullptr;
            char chunk[4096];
            const ssize_t got = ::read(from_server_[0], chunk, sizeof chunk);
            if (got <= 0) return nullptr;
            replies_.append(std::string_view(chunk, static_cast<std::size_t>(got)));
        }
    }
    // Ends the input (a server still waiting sees its end) and waits for the server: its status.
    int finish() {
        if (thread_.joinable()) {
            ::close(to_server_[1]);
            thread_.join();
            for (const int fd : {to_server_[0], from_server_[0], from_server_[1]}) ::close(fd);
        }
        return status_;
    }

private:
    int to_server_[2] = {-1, -1};
    int from_server_[2] = {-1, -1};
    std::thread thread_;
    int status_ = -1;
    reps::lsp::FrameSplitter replies_;
};

}  // namespace

TEST_CASE("lsp: a Content-Length too large is answered at once, with the input still open, and the server goes on") {
    // A length larger than its body held the next message back until that many bytes had come:
    // with an editor waiting for an answer, for ever.
    const std::string request = R"({"jsonrpc":"2.0","id":"after","method":"workspace/symbol","params":{"query":""}})";
    const std::pair<std::string, std::string> too_large[] = {
        {"over the limit", "Content-Length: 90000000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,"},
        {"within the limit, larger than its body", "Content-Length: 1000000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1}"},
    };
    for (const auto& [kind, bytes] : too_large) {
        CAPTURE(kind);
        LiveServer server;
        server.send(framed(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})"));
        CHECK(server.next()["id"] == 0);
        server.send(bytes);
        server.send(framed(request));
        const json refused = server.next();
        REQUIRE(refused.is_object());
        CHECK(refused["id"].is_null());
        CHECK(refused["error"]["code"] == reps::lsp::error_code::parse_error);
        CHECK(server.next()["id"] == "after");
        server.send(framed(R"({"jsonrpc":"2.0","id":"shutdown","method":"shutdown"})"));
        CHECK(server.next()["id"] == "shutdown");
        server.send(framed(R"({"jsonrpc":"2.0","method":"exit"})"));
        CHECK(server.finish() == 0);
    }
}

TEST_CASE("lsp: a file that could not find its import is checked again when the import is opened or edited") {
    // Only imports that were found were remembered: the E0111 stayed until the importer was edited.
    const fs::path work = fs::temp_directory_path() / ("reps_lsp_import_" + std::to_string(::getpid()));
    fs::create_directories(work);
    const std::string main_uri = "file://" + (work / "main.reps").string();
    const std::string library_uri = "file://" + (work / "parts" / "never_saved.reps").string();  // not on the disk
    const std::string main_text =
        "import \"parts/never_saved.reps\"\nworkout w \"W\" {\n  warmup { easy_cardio 5min }\n  new_move 3x12\n}\n";
    const std::string library_text =
        "exercise new_move \"New Move\" {\n  primary quads\n  equipment none\n  sides both\n  measure reps\n}\n";
    const json main_document = {{"textDocument", {{"uri", main_uri}}}};
    Script script;
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    script.notify("textDocument/didOpen", {{"textDocument", {{"uri", main_uri}, {"languageId", "reps"}, {"version", 1}, {"text", main_text}}}});
    // The input is a file, so the debounce never runs out: a request has the documents checked.
    script.request("textDocument/documentSymbol", main_document);
    const std::size_t checked_alone = 0, checked_with_library = 1, checked_after_edit = 2;
    script.notify("textDocument/didOpen", {{"textDocument", {{"uri", library_uri}, {"languageId", "reps"}, {"version", 1}, {"text", library_text}}}});
    script.request("textDocument/documentSymbol", main_document);
    // The library renames its exercise: the importer's use of the old name is unknown now.
    script.notify("textDocument/didChange", {{"textDocument", {{"uri", library_uri}, {"version", 2}}},
                                             {"contentChanges", json::array({{{"range", {{"start", {{"line", 0}, {"character", 9}}}, {"end", {{"line", 0}, {"character", 17}}}}}, {"text", "old_move"}}})}});
    script.request("textDocument/documentSymbol", main_document);
    script.request("shutdown", nullptr);
    script.notify("exit", nullptr);

    const Served served = serve(script);
    fs::remove_all(work);
    CHECK(served.status == 0);
    std::vector<std::vector<std::string>> main_codes;  // the codes of each publication for the main file
    for (const json& message : served.messages) {
        if (message.value("method", "") != "textDocument/publishDiagnostics" || message["params"]["uri"] != main_uri) continue;
        std::vector<std::string> codes;
        for (const json& diagnostic : message["params"]["diagnostics"]) codes.push_back(diagnostic["code"].get<std::string>());
        main_codes.push_back(codes);
    }
    REQUIRE(main_codes.size() == 3);
    CHECK(main_codes[checked_alone] == std::vector<std::string>{"E0111"});
    CHECK(main_codes[checked_with_library] == std::vector<std::string>{"W0205"});  // found: a short workout is all
    CHECK(main_codes[checked_after_edit] == std::vector<std::string>{"E0102"});
}

TEST_CASE("lsp: a file changed on disk has its open importers checked again (workspace/didChangeWatchedFiles)") {
    // The VS Code extension watches *.reps and says so; the server did nothing with it, and an
    // importer kept the diagnostics of the file as it was.
    const fs::path work = fs::temp_directory_path() / ("reps_lsp_watched_" + std::to_string(::getpid()));
    fs::create_directories(work);
    std::ofstream(work / "library.reps") << "exercise new_move \"New Move\" {\n  primary quads\n  equipment none\n}\n";
    const std::string main_uri = "file://" + (work / "main.reps").string();
    const std::string main_text = "import \"library.reps\"\nworkout w \"W\" {\n  warmup { easy_cardio 5min }\n  new_move 3x12\n}\n";
    const json main_document = {{"textDocument", {{"uri", main_uri}}}};
    const auto watched = [&](const std::string& name) {
        return json{{"changes", json::array({{{"uri", "file://" + (work / name).string()}, {"type", 2}}})}};
    };
    Script script;
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    script.notify("textDocument/didOpen", {{"textDocument", {{"uri", main_uri}, {"languageId", "reps"}, {"version", 1}, {"text", main_text}}}});
    script.request("textDocument/documentSymbol", main_document);
    script.notify("workspace/didChangeWatchedFiles", watched("unrelated.reps"));  // nothing the main file reads
    script.request("textDocument/documentSymbol", main_document);
    script.notify("workspace/didChangeWatchedFiles", watched("library.reps"));
    script.request("textDocument/documentSymbol", main_document);
    script.request("shutdown", nullptr);
    script.notify("exit", nullptr);

    const Served served = serve(script);
    fs::remove_all(work);
    CHECK(served.status == 0);
    const auto publications = std::count_if(served.messages.begin(), served.messages.end(), [&](const json& message) {
        return message.value("method", "") == "textDocument/publishDiagnostics" && message["params"]["uri"] == main_uri;
    });
    CHECK(publications == 2);  // when opened, and after its import changed; not after the unrelated file
}

TEST_CASE("lsp: rename refuses a new name that is a keyword, no name, or already declared") {
    // They were all accepted, and the edit broke the file (E0001, or E0101 for a duplicate).
    const fs::path work = fs::temp_directory_path() / ("reps_lsp_rename_" + std::to_string(::getpid()));
    const std::string main_uri = "file://" + (work / "main.reps").string();
    const std::string library_uri = "file://" + (work / "library.reps").string();
    const std::string main_text =
        "import \"library.reps\"\n"
        "exercise my_squat \"My Squat\" {\n  aka msq\n  primary quads\n  equipment none\n  sides both\n  measure reps\n}\n"
        "exercise other_ex \"Other\" {\n  primary quads\n  equipment none\n  sides both\n  measure reps\n}\n"
        "equipment my_band \"My Band\"\n"
        "workout w \"W\" {\n  my_squat 3x10\n}\n";
    const std::string library_text =
        "exercise lib_move \"Library Move\" {\n  primary quads\n  equipment none\n  sides both\n  measure reps\n}\n";
    Script script;
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    script.notify("textDocument/didOpen", {{"textDocument", {{"uri", library_uri}, {"languageId", "reps"}, {"version", 1}, {"text", library_text}}}});
    script.notify("textDocument/didOpen", {{"textDocument", {{"uri", main_uri}, {"languageId", "reps"}, {"version", 1}, {"text", main_text}}}});
    const auto rename_my_squat = [&](const std::string& new_name) {
        script.request("textDocument/rename", {{"textDocument", {{"uri", main_uri}}}, {"position", {{"line", 1}, {"character", 10}}}, {"newName", new_name}});
        return script.last_id();
    };
    const std::map<std::string, std::string> refused = {
        {"each", "'each' is a keyword: it cannot be a name"},
        {"warmup", "'warmup' is a keyword: it cannot be a name"},
        {"rest", "'rest' is a keyword: it cannot be a name"},
        {"Tb", "'Tb' is not a name: lower-case letters, digits and _, starting with a letter"},
        {"9x", "'9x' is not a name: lower-case letters, digits and _, starting with a letter"},
        {"_x", "'_x' is not a name: lower-case letters, digits and _, starting with a letter"},
        {"", "'' is not a name: lower-case letters, digits and _, starting with a letter"},
        {"other_ex", "'other_ex' is already an exercise or alias (" + (work / "main.reps").string() + ":9)"},
        {"msq", "'msq' is already an exercise or alias (" + (work / "main.reps").string() + ":3)"},
        {"lib_move", "'lib_move' is already an exercise or alias (" + (work / "library.reps").string() + ":1)"},
    };
    std::map<std::string, int> refused_ids;
    for (const auto& [new_name, message] : refused) refused_ids[new_name] = rename_my_squat(new_name);
    const int to_a_fresh_name = rename_my_squat("my_squat2");
    const int to_the_same_name = rename_my_squat("my_squat");
    const int to_an_equipment_name = rename_my_squat("my_band");  // another namespace: allowed
    script.request("shutdown", nullptr);
    script.notify("exit", nullptr);

    fs::create_directories(work);
    const Served served = serve(script);
    fs::remove_all(work);
    CHECK(served.status == 0);
    for (const auto& [new_name, message] : refused) {
        CAPTURE(new_name);
        const json response = served.response(refused_ids[new_name]);
        REQUIRE(response.contains("error"));
        CHECK(response["error"]["message"] == message);
    }
    for (const int id : {to_a_fresh_name, to_the_same_name, to_an_equipment_name}) {
        CAPTURE(id);
        const json response = served.response(id);
        REQUIRE(response.contains("result"));
        CHECK(response["result"]["changes"][main_uri].size() == 2);  // the declaration and the use
    }
}

TEST_CASE("lsp: the fuzz corpus through the server, no crash, no hang, every request answered") {
    const fs::path work = fs::temp_directory_path() / ("reps_lsp_fuzz_" + std::to_string(::getpid()));
    fs::create_directories(work);
    Script script;
    script.request("textDocument/hover", json::object());  // before initialize: an error, not a crash
    script.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    script.notify("initialized", json::object());
    script.raw("Content-Length: 5\r\n\r\n{{{{{");       // not JSON
    script.raw("Content-Length: 2\r\n\r\n[]");          // JSON, not a message
    script.raw("X-Nothing: 1\r\n\r\n");                 // no Content-Length
    script.request("textDocument/hover", {{"textDocument", {{"uri", "file:///nowhere.reps"}}}, {"position", {{"line", 0}, {"character", 0}}}});
    // A request cancelled before the server gets to it is answered with RequestCancelled.
    script.request("workspace/symbol", {{"query", ""}});
    const int cancelled_id = script.last_id();
    script.notify("$/cancelRequest", {{"id", cancelled_id}});
    const std::vector<fs::path> files = corpus();
    REQUIRE(files.size() > 50);
    for (const fs::path& file : files) {
        const std::string text = read_file(file);
        const std::string uri = "file://" + (work / file.filename()).string();
        script.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "reps"}, {"version", 1}, {"text", text}}}});
        const reps::lsp::TextLines lines(text);
        const auto ask_all = [&](std::size_t line_count) {
            for (std::uint32_t line = 0; line < line_count + 1; line += 3) {
                for (const std::uint32_t character : {0u, 3u, 9u, 200u}) {
                    const json at = {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}};
                    script.request("textDocument/hover", at);
                    script.request("textDocument/completion", at);
                    script.request("textDocument/definition", at);
                    script.request("textDocument/references", {{"textDocument", {{"uri", uri}}}, {"position", at["position"]}, {"context", {{"includeDeclaration", true}}}});
                }
            }
            const json whole = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", line_count + 1}, {"character", 0}}}};
            script.request("textDocument/inlayHint", {{"textDocument", {{"uri", uri}}}, {"range", whole}});
            script.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", whole}, {"context", {{"diagnostics", json::array()}}}});
            script.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
            script.request("textDocument/formatting", {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
        };
        ask_all(std::min<std::size_t>(lines.line_count(), 60));
        // Cut in half (in the middle of a line, a string, a UTF-8 sequence: wherever it falls).
        const reps::lsp::Position middle = lines.position(text.size() / 2);
        script.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", middle.line}, {"character", middle.character}}}, {"end", {{"line", 100000}, {"character", 0}}}}}, {"text", ""}}})}});
        ask_all(std::min<std::size_t>(middle.line + 1, 30));
        script.request("textDocument/rename", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 9}}}, {"newName", "renamed"}});
        script.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
    }
    script.request("workspace/symbol", {{"query", ""}});
    script.request("shutdown", nullptr);
    script.notify("exit", nullptr);

    const fs::path input = work / "input", output = work / "output";
    std::ofstream(input, std::ios::binary) << script.bytes();
    const int in_fd = ::open(input.c_str(), O_RDONLY);
    const int out_fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(in_fd >= 0);
    REQUIRE(out_fd >= 0);
    const int status = reps::lsp::Server(in_fd, out_fd).run();
    ::close(in_fd);
    ::close(out_fd);
    CHECK(status == 0);

    reps::lsp::FrameSplitter replies;
    replies.append(read_file(output));
    std::set<int> answered;
    int parse_errors = 0, internal_errors = 0;
    bool cancelled = false;
    while (auto frame = replies.take()) {
        const json message = json::parse(frame->body);
        if (message.contains("id") && message["id"].is_number()) answered.insert(message["id"].get<int>());
        if (message.contains("error")) {
            const int code = message["error"]["code"].get<int>();
            if (message["id"] == cancelled_id && code == reps::lsp::error_code::request_cancelled) cancelled = true;
            if (code == reps::lsp::error_code::parse_error) ++parse_errors;
            if (code == reps::lsp::error_code::internal_error) {
                ++internal_errors;
                MESSAGE(message.dump());
            }
        }
    }
    CHECK(static_cast<int>(answered.size()) == script.requests());
    CHECK(parse_errors == 2);  // the one not JSON and the one without a length ([] is an invalid request)
    CHECK(internal_errors == 0);
    CHECK(cancelled);
    fs::remove_all(work);
}
