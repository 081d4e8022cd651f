// The indented line writer and value formatting shared by the --dump printers (dump*.cpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "compiler/base/source.hpp"

namespace reps::dump {

// Text gathered for a stream, appended to inline: a dump is millions of short pieces, and
// std::string's out-of-line appends were a third of a dump's time.
class LineBuffer {
public:
    using value_type = char;  // for std::back_inserter
    LineBuffer() = default;
    LineBuffer(const LineBuffer&) = delete;  // data_ points into storage_
    LineBuffer& operator=(const LineBuffer&) = delete;
    void append(std::string_view text) {
        char* at = room(text.size());
        if (!text.empty()) std::memcpy(at, text.data(), text.size());
    }
    void append(std::size_t count, char c) { std::memset(room(count), c, count); }
    void push_back(char c) { *room(1) = c; }
    LineBuffer& operator+=(std::string_view text) {
        append(text);
        return *this;
    }
    LineBuffer& operator+=(char c) {
        push_back(c);
        return *this;
    }
    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    void clear() { size_ = 0; }

private:
    // Where `count` more characters go, counted in.
    char* room(std::size_t count) {
        if (size_ + count > storage_.size()) [[unlikely]] grow(size_ + count);
        char* at = data_ + size_;
        size_ += count;
        return at;
    }
    [[gnu::noinline]] void grow(std::size_t needed) {
        storage_.resize(std::max(2 * storage_.size(), needed + 64));
        data_ = storage_.data();
    }
    std::string storage_;  // its size is the capacity; size_ of it is used
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

// A string as a double-quoted literal: quotes, backslashes and control bytes escaped, so that
// every dumped line stays one line. Appended to `out` (a std::string or a LineBuffer).
template <typename Out>
void append_quoted(Out& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (byte < 0x20 || byte == 0x7F) {
            fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
        } else {
            out += c;
        }
    }
    out += '"';
}
inline std::string quote(std::string_view text) {
    std::string out;
    append_quoted(out, text);
    return out;
}

// "@12:3" (line, byte column); a span with no position is "@-". Appended to `out`.
template <typename Out>
void append_at(Out& out, const SourceSpan& span, const SourceManager& sources) {
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
// goes: a stream write per piece of a line was a third of a big file's dump.
class Writer {
public:
    explicit Writer(std::ostream& out, int depth = 0) : out_(out), depth_(depth) {}
    ~Writer() { flush(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void line(std::string_view text) {
        begin_line().append(text);
        end_line();
    }
    void field(std::string_view key, std::string_view value) {
        begin_field(key).append(value);
        end_line();
    }

    // A line written in place, a piece at a time (no string made for it): begin_line() or
    // begin_field() gives the buffer to append to, end_line() ends the line.
    LineBuffer& begin_line() {
        static constexpr std::string_view spaces = "                                                                ";
        const auto indent = static_cast<std::size_t>(depth_) * 2;
        if (indent <= spaces.size()) pending_.append(spaces.substr(0, indent));
        else pending_.append(indent, ' ');
        return pending_;
    }
    LineBuffer& begin_field(std::string_view key) {
        begin_line().append(key);
        pending_.append(": ");
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
    LineBuffer pending_;
};

}  // namespace reps::dump
