#include "compiler/driver/lsp/json_rpc.hpp"

#include <cerrno>
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

// The value of Content-Length in a header block, or nullopt when it is missing or not a number.
std::optional<std::size_t> content_length(std::string_view header) {
    while (!header.empty()) {
        const auto end = header.find("\r\n");
        const std::string_view line = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 2);
        constexpr std::string_view name = "content-length:";
        if (!starts_with_ignoring_case(line, name)) continue;
        std::string_view value = line.substr(name.size());
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        if (value.empty() || value.size() > 10) return std::nullopt;
        std::size_t length = 0;
        for (const char c : value) {
            if (c < '0' || c > '9') return std::nullopt;
            length = length * 10 + static_cast<std::size_t>(c - '0');
        }
        return length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Frame> take_frame(std::string& buffer) {
    const auto header_end = buffer.find("\r\n\r\n");
    if (header_end == std::string::npos) {
        // A header never grows this large: drop the bytes, so that garbage cannot fill the memory.
        if (buffer.size() > 64 * 1024) {
            buffer.clear();
            return Frame{{}, "a message header longer than 64 KiB"};
        }
        return std::nullopt;
    }
    const auto length = content_length(std::string_view(buffer).substr(0, header_end));
    if (!length || *length > max_message_bytes) {
        buffer.erase(0, header_end + 4);
        return Frame{{}, length ? "a message larger than the limit" : "a message header without a valid Content-Length"};
    }
    const std::size_t body_start = header_end + 4;
    if (buffer.size() - body_start < *length) return std::nullopt;
    Frame frame{buffer.substr(body_start, *length), {}};
    buffer.erase(0, body_start + *length);
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
    if (!pending_) pending_ = take_frame(buffer_);
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
        buffer_.append(chunk, static_cast<std::size_t>(got));
    }
}

}  // namespace reps::lsp
