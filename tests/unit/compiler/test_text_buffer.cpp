// TextBuffer: the buffer a source file is read into, on the heap or, from 2 MiB, in pages mapped
// for it.
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

#include "compiler/base/source.hpp"
#include "compiler/base/text_buffer.hpp"

namespace {

reps::TextBuffer filled(std::size_t capacity, std::string_view text) {
    reps::TextBuffer buffer(capacity);
    std::memcpy(buffer.data(), text.data(), text.size());
    buffer.set_size(text.size());
    return buffer;
}

}  // namespace

TEST_CASE("text buffer: holds what is written into it, small or mapped") {
    for (const std::size_t capacity : {std::size_t{1}, std::size_t{4096}, std::size_t{2} << 20, (std::size_t{5} << 20) + 7}) {
        CAPTURE(capacity);
        reps::TextBuffer buffer(capacity);
        CHECK(buffer.capacity() == capacity);
        CHECK(buffer.size() == 0);
        std::memset(buffer.data(), 'x', capacity);  // every byte of it is writable
        buffer.set_size(capacity);
        CHECK(buffer.view() == std::string(capacity, 'x'));
    }
}

TEST_CASE("text buffer: growing keeps the bytes, across the step to mapped pages") {
    reps::TextBuffer buffer = filled(16, "workout a {}\n");
    buffer.grow(3u << 20);
    CHECK(buffer.capacity() == 3u << 20);
    CHECK(buffer.view() == "workout a {}\n");
    buffer.grow(8);  // never shrinks
    CHECK(buffer.capacity() == 3u << 20);
    std::memset(buffer.data() + buffer.size(), 'y', buffer.capacity() - buffer.size());
    buffer.set_size(buffer.capacity());
    buffer.grow(6u << 20);
    CHECK(buffer.view().substr(0, 13) == "workout a {}\n");
    CHECK(buffer.view().back() == 'y');
}

TEST_CASE("text buffer: a move hands the bytes over, the moved-from buffer is empty") {
    reps::TextBuffer first = filled(3u << 20, "plank 30s");
    const char* bytes = first.data();
    reps::TextBuffer second = std::move(first);
    CHECK(second.data() == bytes);
    CHECK(second.view() == "plank 30s");
    CHECK(first.size() == 0);  // NOLINT(bugprone-use-after-move): what a move leaves is the point
    first = std::move(second);
    CHECK(first.view() == "plank 30s");
}

TEST_CASE("source manager: a file from a buffer drops its BOM and outlives copies of the manager") {
    reps::SourceManager copy;
    {
        reps::SourceManager sources;
        const auto id = sources.add("big.reps", filled(3u << 20, "\xEF\xBB\xBFworkout a {}"));
        CHECK(sources.file(id).text == "workout a {}");
        CHECK(sources.position(reps::SourceSpan{id, 8, 1}).column == 9);
        copy = sources;
    }
    CHECK(copy.file(0).text == "workout a {}");
}

TEST_CASE("text buffer: read_to_end reads on past its room, and stops at a limit") {
    // A buffer too small for the file (as for a file that grew since its size was taken) grows
    // and reads on to the end; the loader's "larger than the limit" is EFBIG.
    char name[] = "/tmp/reps-text-buffer-XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    const std::string text(100000, 'x');
    REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    const auto from_start = [&] { REQUIRE(::lseek(fd, 0, SEEK_SET) == 0); };

    from_start();
    reps::TextBuffer buffer(16);
    CHECK(buffer.read_to_end(fd, text.size()) == 0);
    CHECK(buffer.view() == text);

    from_start();
    reps::TextBuffer limited(16);
    CHECK(limited.read_to_end(fd, 5000) == EFBIG);

    ::close(fd);
    ::unlink(name);
    reps::TextBuffer closed(4);
    CHECK(closed.read_to_end(-1, 100) == EBADF);
    CHECK(closed.size() == 0);
}
