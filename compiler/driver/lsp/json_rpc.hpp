// JSON-RPC 2.0 over the LSP base protocol: "Content-Length: N\r\n\r\n" and N bytes of JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace reps::lsp {

// One message cut out of the byte stream, or why the bytes before the next one were not a message.
struct Frame {
    std::string body;   // the JSON text
    std::string error;  // not empty: a header without a usable Content-Length (the header is dropped)
};

// Cuts messages out of the byte stream. Header names are case-insensitive; headers other than
// Content-Length (Content-Type) are ignored. Bytes that are no message (junk before a header, a
// header without a usable Content-Length, a body shorter than its header said) give one error, and
// the splitter starts again at the next "Content-Length: N" header line: a JSON body never holds
// one (a raw line break cannot stand in a string, nor the letters outside one), so it is a sure
// place to start, and a body is looked through for one as it arrives. A message over the limit is
// an error as soon as its header is read, and its body is skipped the same way, as it arrives.
class FrameSplitter {
public:
    void append(std::string_view bytes) { buffer_.append(bytes); }
    // The first whole message, or an error for bytes that were none; nullopt while more are needed.
    std::optional<Frame> take();

private:
    // Drops the first `count` bytes of the buffer.
    void drop(std::size_t count);
    // Reports `error` and drops bytes up to the next Content-Length line after the first `keep`.
    Frame start_again(std::size_t keep, std::string error);
    // Where a Content-Length line starts inside the body at [body_start, body_end) that has arrived
    // so far (npos: none yet); each byte is looked at once however many reads the body takes.
    std::size_t length_line_in_body(std::size_t body_start, std::size_t body_end);

    std::string buffer_;
    bool skipping_ = false;  // dropping bytes until a Content-Length line comes
    std::size_t looked_through_ = 0;  // how far the body being waited for was looked through
};

// A message with its header.
std::string frame(const nlohmann::json& message);

// The deepest nesting of arrays and objects a message may have. Copying or printing a JSON value
// recurses once per level, so a message nested some 50,000 deep overflowed the stack; an LSP
// message nests a dozen levels at most.
inline constexpr int max_message_depth = 512;

struct ParsedMessage {
    nlohmann::json value;    // with too_deep, what lies deeper than the limit is left out of it
    bool too_deep = false;
};

// Parses a message's body without ever building a value nested deeper than max_message_depth (the
// parser itself keeps its nesting on the heap). Throws nlohmann::json::parse_error if it is not JSON.
ParsedMessage parse_message(std::string_view body);

// The largest message read (a whole document is sent on open; 64 MiB is the loader's file limit too).
inline constexpr std::size_t max_message_bytes = 80u * 1024 * 1024;

// Reads frames from a file descriptor (stdin), waiting at most a given time for the next.
class MessageReader {
public:
    explicit MessageReader(int fd) : fd_(fd) {}

    enum class Status { frame, timeout, end };
    struct Result {
        Status status = Status::end;
        Frame frame;
    };
    // timeout_ms < 0: wait as long as it takes.
    Result next(int timeout_ms);
    // A whole message is already read and waiting (no system call needed to have it).
    bool has_buffered_frame();

private:
    int fd_;
    FrameSplitter splitter_;
    std::optional<Frame> pending_;
    bool ended_ = false;
};

// JSON-RPC error codes (the base protocol and LSP's).
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int request_cancelled = -32800;
inline constexpr int request_failed = -32803;
}  // namespace error_code

}  // namespace reps::lsp
