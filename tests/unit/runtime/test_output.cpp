// The atomic writer: whole files on success; on failure an error, the old file intact, no temp files.
#include <doctest/doctest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "runtime/export/output.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp directory, removed with everything in it.
struct ScratchDirectory {
    fs::path path;
    ScratchDirectory() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("reps-output-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_plain(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("writes the whole content, binary-safe, and leaves only the target") {
    ScratchDirectory dir;
    const auto target = dir.path / "out.fit";
    const std::string content("\x0e\x10\x00\x00fit\r\n\xff\x00tail", 15);
    std::string error;
    CHECK(write_file_atomically(target, content, error));
    CHECK(error.empty());
    CHECK(read_all(target) == content);
    CHECK(dir.entries() == 1);
}

TEST_CASE("an empty content gives an empty file") {
    ScratchDirectory dir;
    std::string error;
    CHECK(write_file_atomically(dir.path / "empty.txt", "", error));
    CHECK(fs::exists(dir.path / "empty.txt"));
    CHECK(fs::file_size(dir.path / "empty.txt") == 0);
}

TEST_CASE("replaces an existing file and keeps its permissions") {
    ScratchDirectory dir;
    const auto target = dir.path / "plan.ics";
    write_plain(target, "old content that is longer than the new one");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    std::string error;
    CHECK(write_file_atomically(target, "new", error));
    CHECK(read_all(target) == "new");
    CHECK((fs::status(target).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(dir.entries() == 1);
}

TEST_CASE("a relative path writes into the current directory") {
    ScratchDirectory dir;
    const auto previous = fs::current_path();
    fs::current_path(dir.path);
    std::string error;
    const bool written = write_file_atomically("relative.json", "{}\n", error);
    fs::current_path(previous);
    CHECK(written);
    CHECK(read_all(dir.path / "relative.json") == "{}\n");
    CHECK(dir.entries() == 1);
}

TEST_CASE("a missing directory fails with a clear message and creates nothing") {
    ScratchDirectory dir;
    const auto target = dir.path / "missing" / "x.json";
    std::string error;
    CHECK_FALSE(write_file_atomically(target, "{}", error));
    CHECK(error == "cannot write '" + target.string() + "': No such file or directory");
    CHECK_FALSE(fs::exists(dir.path / "missing"));
    CHECK(dir.entries() == 0);
}

TEST_CASE("a parent that is a regular file fails and leaves that file alone") {
    ScratchDirectory dir;
    const auto parent = dir.path / "notes.txt";
    write_plain(parent, "keep me");
    std::string error;
    CHECK_FALSE(write_file_atomically(parent / "x.json", "{}", error));
    CHECK(error == "cannot write '" + (parent / "x.json").string() + "': Not a directory");
    CHECK(read_all(parent) == "keep me");
    CHECK(dir.entries() == 1);
}

TEST_CASE("a target that is a directory survives, with no temp file left beside it") {
    ScratchDirectory dir;
    const auto target = dir.path / "out";
    fs::create_directory(target);
    write_plain(target / "inside.txt", "still here");
    std::string error;
    CHECK_FALSE(write_file_atomically(target, "data", error));
    CHECK(error == "cannot write '" + target.string() + "': Is a directory");
    CHECK(fs::is_directory(target));
    CHECK(read_all(target / "inside.txt") == "still here");
    CHECK(dir.entries() == 1);
}

TEST_CASE("a write that fails half-way leaves the existing file untouched") {
    ScratchDirectory dir;
    const auto target = dir.path / "week.txt";
    write_plain(target, "the old timeline");

    // A file-size limit makes write() fail after a few bytes, even for root.
    // SIGXFSZ is ignored so the failure comes back as EFBIG instead of killing the process.
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 8;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    const bool written = write_file_atomically(target, std::string(4096, 'x'), error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);

    CHECK_FALSE(written);
    CHECK(error == "cannot write '" + target.string() + "': File too large");
    CHECK(read_all(target) == "the old timeline");
    CHECK(dir.entries() == 1);
}
