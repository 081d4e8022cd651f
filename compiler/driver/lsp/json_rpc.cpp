#include "compiler/driver/lsp/json_rpc.hpp"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <string_view>

#include <poll.h>
#include <unistd.h>

namespace reps::lsp {

namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(text[i]) != lower(prefix[i])) return false;
    }
    return true;
}

constexpr std::string_view length_name = "content-length:";
// A Content-Length line is shorter than this (the name, a few blanks, ten digits): while skipping,
// the bytes kept in case one is still arriving.
constexpr std::size_t longest_length_line = 64;
constexpr std::size_t longest_header = 64 * 1024;
const std::string too_large_error = "a message over the limit of " + std::to_string(max_message_bytes) +
                                    " bytes (80 MiB): refused, and its body skipped";

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a Content-Length header; too many digits count as too large.
std::size_t length_value(std::string_view digits) {
    if (digits.size() > 10) return std::numeric_limits<std::size_t>::max();
    std::size_t length = 0;
    for (const char c : digits) length = length * 10 + static_cast<std::size_t>(c - '0');
    return length;
}

// The value of Content-Length in a header block, or nullopt when it is missing or not a number.
std::optional<std::size_t> content_length(std::string_view header) {
    while (!header.empty()) {
        const auto end = header.find("\r\n");
        const std::string_view line = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 2);
        if (!starts_with_ignoring_case(line, length_name)) continue;
        std::string_view value = line.substr(length_name.size());
        while (!value.empty() && is_blank(value.front())) value.remove_prefix(1);
        while (!value.empty() && is_blank(value.back())) value.remove_suffix(1);
        if (value.empty() || !std::all_of(value.begin(), value.end(), is_digit)) return std::nullopt;
        return length_value(value);
    }
    return std::nullopt;
}

// Where the line ending at `line_end` (its "\r\n") starts when it is a whole "Content-Length: N"
// line starting at or after `from`; npos when it is not one.
std::size_t length_line_start(std::string_view text, std::size_t line_end, std::size_t from) {
    std::size_t at = line_end;
    while (at > from && is_blank(text[at - 1])) --at;
    const std::size_t digits_end = at;
    while (at > from && is_digit(text[at - 1])) --at;
    if (at == digits_end) return std::string_view::npos;
    while (at > from && is_blank(text[at - 1])) --at;
    if (at - from < length_name.size()) return std::string_view::npos;
    at -= length_name.size();
    return starts_with_ignoring_case(text.substr(at), length_name) ? at : std::string_view::npos;
}

// The start of the first whole "Content-Length: N\r\n" line at or after `from` whose line break
// is at or after `breaks_from` (the lines before were looked at already), or npos.
std::size_t find_length_line(std::string_view text, std::size_t from, std::size_t breaks_from) {
    for (auto line_end = text.find("\r\n", breaks_from); line_end != std::string_view::npos;
         line_end = text.find("\r\n", line_end + 2)) {
        const std::size_t start = length_line_start(text, line_end, from);
        if (start != std::string_view::npos) return start;
    }
    return std::string_view::npos;
}

std::size_t find_length_line(std::string_view text, std::size_t from) { return find_length_line(text, from, from); }

}  // namespace

void FrameSplitter::drop(std::size_t count) {
    buffer_.erase(0, count);
    looked_through_ = 0;
}

Frame FrameSplitter::start_again(std::size_t keep, std::string error) {
    drop(keep);
    skipping_ = true;
    return Frame{{}, std::move(error)};
}

std::size_t FrameSplitter::length_line_in_body(std::size_t body_start, std::size_t body_end) {
    // Up to a line that starts in the body and ends just after it.
    const std::size_t until = std::min(buffer_.size(), body_end + longest_length_line);
    // One byte back: a "\r\n" may have been cut between two reads.
    const std::size_t breaks_from = looked_through_ > body_start ? looked_through_ - 1 : body_start;
    const std::size_t found = find_length_line(std::string_view(buffer_).substr(0, until), body_start, breaks_from);
    looked_through_ = until;
    return found;
}

std::optional<Frame> FrameSplitter::take() {
    if (skipping_) {
        const std::size_t next = find_length_line(buffer_, 0);
        if (next == std::string::npos) {
            if (buffer_.size() > longest_length_line) drop(buffer_.size() - longest_length_line);
            return std::nullopt;
        }
        drop(next);
        skipping_ = false;
    }
    const auto header_end = buffer_.find("\r\n\r\n");
    if (header_end == std::string::npos) {
        // A header never grows this large: garbage, which must not fill the memory.
        if (buffer_.size() > longest_header) return start_again(1, "a message header longer than 64 KiB");
        return std::nullopt;
    }
    const std::size_t body_start = header_end + 4;
    const auto length = content_length(std::string_view(buffer_).substr(0, header_end));
    // Dropping the first byte is enough: the next header is looked for after this one's start.
    if (!length) return start_again(1, "a message header without a valid Content-Length");
    // Refused before a byte of its body is read: no message is waited for that would not be kept.
    if (*length > max_message_bytes) return start_again(body_start, too_large_error);
    const std::size_t body_end = body_start + *length;
    // A Content-Length line inside the body: the length was too large, and the next message has
    // begun. The body is looked through as it arrives: a length too large for its body would
    // otherwise hold the next message back until that many bytes had come.
    const std::size_t next_header = length_line_in_body(body_start, body_end);
    if (next_header < body_end) {
        drop(next_header);
        return Frame{{}, "a message shorter than its Content-Length (the next header came first)"};
    }
    if (buffer_.size() < body_end) return std::nullopt;
    Frame frame{buffer_.substr(body_start, *length), {}};
    drop(body_end);
    return frame;
}

ParsedMessage parse_message(std::string_view body) {
    ParsedMessage parsed;
    // The callback sees each array and object before it is built, with the depth it opens at
    // (0 for the message itself); returning false leaves it, and all inside it, out.
    const auto within_limit = [&parsed](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                           event == nlohmann::json::parse_event_t::array_start;
        if (opens && depth >= max_message_depth) {
            parsed.too_deep = true;
            return false;
        }
        return true;
    };
    parsed.value = nlohmann::json::parse(body, within_limit);
    return parsed;
}

std::string frame(const nlohmann::json& message) {
    // Text from the sources may not be valid UTF-8: replaced rather than thrown on.
    const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool MessageReader::has_buffered_frame() {
    if (!pending_) pending_ = splitter_.take();
    return pending_.has_value();
}

MessageReader::Result MessageReader::next(int timeout_ms) {
    for (;;) {
        if (has_buffered_frame()) {
            Result result{Status::frame, std::move(*pending_)};
            pending_.reset();
            return result;
        }
        if (ended_) return {};
        pollfd wanted{fd_, POLLIN, 0};
        const int ready = ::poll(&wanted, 1, timeout_ms);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return Result{Status::timeout, {}};
        char chunk[65536];
        const ssize_t got = ::read(fd_, chunk, sizeof chunk);
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (got <= 0) {
            ended_ = true;
            continue;
        }
        splitter_.append(std::string_view(chunk, static_cast<std::size_t>(got)));
    }
}

}  // namespace reps::lsp
