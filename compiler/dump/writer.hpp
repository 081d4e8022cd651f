// The indented line writer and value formatting shared by the --dump printers (dump*.cpp).
#pragma once

#include <cstdint>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "compiler/base/source.hpp"

namespace reps::dump {

// A string as a double-quoted literal: quotes, backslashes and control bytes escaped, so that
// every dumped line stays one line. Appended to `out`.
inline void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += {'\\', c};
        else if (c == '\n') out += "\\n";
        else if (byte < 0x20 || byte == 0x7F) fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
        else out += c;
    }
    out += '"';
}
inline std::string quote(std::string_view text) {
    std::string out;
    append_quoted(out, text);
    return out;
}

// "@12:3" (line, byte column); a span with no position is "@-". Appended to `out`.
inline void append_at(std::string& out, const SourceSpan& span, const SourceManager& sources) {
    if (!span.has_position()) {
        out += "@-";
        return;
    }
    const LineColumn position = sources.position(span);
    fmt::format_to(std::back_inserter(out), "@{}:{}", position.line, position.column);
}
inline std::string at(const SourceSpan& span, const SourceManager& sources) {
    std::string out;
    append_at(out, span, sources);
    return out;
}

inline std::string seconds(std::int64_t value) { return std::to_string(value) + 's'; }

// Writes lines at the current depth, two spaces a level; a Nest raises the depth for its scope.
// Lines are gathered and go to the stream some 16 KiB at a time, and the rest when the writer
// goes: `reps fmt` dumps every declaration twice, and a stream write per piece of a line was a
// third of it.
class Writer {
public:
    explicit Writer(std::ostream& out, int depth = 0) : out_(out), depth_(depth) {}
    ~Writer() { flush(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void line(std::string_view text) {
        pending_.append(static_cast<std::size_t>(depth_) * 2, ' ');
        pending_.append(text);
        end_line();
    }
    void field(std::string_view key, std::string_view value) {
        pending_.append(static_cast<std::size_t>(depth_) * 2, ' ');
        pending_.append(key);
        pending_.append(": ");
        pending_.append(value);
        end_line();
    }

    // A line written in place, a piece at a time (no string made for it): begin_line() or
    // begin_field() gives the buffer to append to, end_line() ends the line.
    std::string& begin_line() {
        pending_.append(static_cast<std::size_t>(depth_) * 2, ' ');
        return pending_;
    }
    std::string& begin_field(std::string_view key) {
        begin_line().append(key).append(": ");
        return pending_;
    }
    void end_line() {
        pending_ += '\n';
        if (pending_.size() >= 16 * 1024) flush();
    }

    class Nest {
    public:
        explicit Nest(Writer& writer) : writer_(writer) { ++writer_.depth_; }
        ~Nest() { --writer_.depth_; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;

    private:
        Writer& writer_;
    };

private:
    void flush() {
        out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        pending_.clear();
    }

    std::ostream& out_;
    int depth_;
    std::string pending_;
};

}  // namespace reps::dump
