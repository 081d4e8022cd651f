// The indented line writer and value formatting shared by the --dump printers (dump*.cpp).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "compiler/base/source.hpp"

namespace reps::dump {

// A string as a double-quoted literal: quotes, backslashes and control bytes escaped, so that
// every dumped line stays one line.
inline std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += {'\\', c};
        else if (c == '\n') out += "\\n";
        else if (byte < 0x20 || byte == 0x7F) out += fmt::format("\\x{:02x}", byte);
        else out += c;
    }
    return out + '"';
}

// "@12:3" (line, byte column); a span with no position is "@-".
inline std::string at(const SourceSpan& span, const SourceManager& sources) {
    if (!span.has_position()) return "@-";
    const LineColumn position = sources.position(span);
    return fmt::format("@{}:{}", position.line, position.column);
}

inline std::string seconds(std::int64_t value) { return std::to_string(value) + 's'; }

// Writes lines at the current depth, two spaces a level; a Nest raises the depth for its scope.
// Lines are gathered and go to the stream some 16 KiB at a time, and the rest when the writer
// goes: a stream write per piece of a line was a third of a big file's dump.
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
    void end_line() {
        pending_ += '\n';
        if (pending_.size() >= 16 * 1024) flush();
    }
    void flush() {
        out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        pending_.clear();
    }

    std::ostream& out_;
    int depth_;
    std::string pending_;
};

}  // namespace reps::dump
