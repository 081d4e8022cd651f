// write_output_file by kind of target: links followed, devices and FIFOs written through, anything
// else refused; read-only files refused; owner and mode kept; no temporary file left by a signal.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "runtime/export/output.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path path;
    Scratch() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() / ("reps-targets-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::vector<std::string> names() const {
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(path)) found.push_back(entry.path().filename().string());
        std::sort(found.begin(), found.end());
        return found;
    }
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_plain(const fs::path& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

}  // namespace

TEST_CASE("a symbolic link is followed: its target is replaced and the link stays a link") {
    Scratch dir;
    fs::create_directory(dir.path / "real");
    write_plain(dir.path / "real" / "plan.json", "old");
    fs::create_symlink("real/plan.json", dir.path / "link.json");
    fs::create_symlink("link.json", dir.path / "chain.json");  // a chain of links
    std::string error;
    REQUIRE(write_output_file(dir.path / "chain.json", "new", error));
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(fs::is_symlink(dir.path / "chain.json"));
    CHECK(read_all(dir.path / "real" / "plan.json") == "new");
    CHECK(dir.names() == std::vector<std::string>{"chain.json", "link.json", "real"});
}

TEST_CASE("a dangling link creates its target") {
    Scratch dir;
    fs::create_symlink("made.json", dir.path / "link.json");
    std::string error;
    REQUIRE(write_output_file(dir.path / "link.json", "{}", error));
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(read_all(dir.path / "made.json") == "{}");
}

TEST_CASE("a loop of links, a directory and a socket are refused with what they are") {
    Scratch dir;
    fs::create_symlink("b", dir.path / "a");
    fs::create_symlink("a", dir.path / "b");
    fs::create_directory(dir.path / "folder");
    std::string error;
    CHECK_FALSE(write_output_file(dir.path / "a", "x", error));
    CHECK(error == "cannot write '" + (dir.path / "a").string() + "': too many levels of symbolic links (a loop?)");
    CHECK_FALSE(write_output_file(dir.path / "folder", "x", error));
    CHECK(error == "cannot write '" + (dir.path / "folder").string() + "': it is a directory");
    CHECK(fs::is_directory(dir.path / "folder"));

    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (dir.path / "sock").string();
    REQUIRE(socket_path.size() < sizeof address.sun_path);
    std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
    REQUIRE(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    CHECK_FALSE(write_output_file(dir.path / "sock", "x", error));
    CHECK(error == "cannot write '" + socket_path + "': it is not a regular file, a character device or a FIFO");
    ::close(sock);
    CHECK(dir.names() == std::vector<std::string>{"a", "b", "folder", "sock"});
}

TEST_CASE("a character device is written through, never replaced") {
    std::string error;
    REQUIRE(write_output_file("/dev/null", "discarded", error));
    struct stat info {};
    REQUIRE(::stat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
    // A device whose writes fail says so (and stays a device).
    CHECK_FALSE(write_output_file("/dev/full", "x", error));
    CHECK(error == "cannot write '/dev/full': No space left on device");
}

TEST_CASE("a FIFO is written through to its reader and stays a FIFO") {
    Scratch dir;
    const fs::path fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = read_all(fifo); });
    std::string error;
    const bool written = write_output_file(fifo, std::string(200000, 'z'), error);
    reader.join();
    CHECK(written);
    CHECK(received == std::string(200000, 'z'));
    CHECK(fs::is_fifo(fifo));
    CHECK(dir.names() == std::vector<std::string>{"pipe"});
}

TEST_CASE("a read-only file is refused, even for root, mode and owner of a writable one are kept") {
    Scratch dir;
    const fs::path locked = dir.path / "locked.reps";
    write_plain(locked, "keep");
    fs::permissions(locked, fs::perms::owner_read | fs::perms::group_read);
    std::string error;
    CHECK_FALSE(write_output_file(locked, "changed", error));
    CHECK(error == "cannot write '" + locked.string() + "': it is read-only");
    CHECK(read_all(locked) == "keep");

    const fs::path shared = dir.path / "shared.reps";
    write_plain(shared, "old");
    REQUIRE(::chmod(shared.c_str(), 0640) == 0);
    struct stat before {};
    REQUIRE(::stat(shared.c_str(), &before) == 0);
    if (::geteuid() == 0) REQUIRE(::chown(shared.c_str(), 12345, 54321) == 0);  // another user's file
    REQUIRE(::stat(shared.c_str(), &before) == 0);
    REQUIRE(write_output_file(shared, "new", error));
    struct stat after {};
    REQUIRE(::stat(shared.c_str(), &after) == 0);
    CHECK(read_all(shared) == "new");
    CHECK(after.st_ino != before.st_ino);  // replaced, not rewritten in place
    CHECK((after.st_mode & 07777) == 0640);
    CHECK(after.st_uid == before.st_uid);
    CHECK(after.st_gid == before.st_gid);
    CHECK(dir.names() == std::vector<std::string>{"locked.reps", "shared.reps"});
}

// The child writes a large file; the parent signals it as soon as its temporary file appears.
// The child must die of the signal, and leave nothing but what was there before.
TEST_CASE("SIGINT, SIGTERM and SIGHUP during a write leave no temporary file") {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        CAPTURE(signal);
        bool caught_mid_write = false;
        for (int attempt = 0; attempt < 20 && !caught_mid_write; ++attempt) {
            Scratch dir;
            const fs::path target = dir.path / "plan.json";
            write_plain(target, "previous");
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                std::signal(signal, SIG_DFL);  // as a fresh process has it (the test runner may differ)
                std::string error;
                const bool written = write_output_file(target, std::string(64u << 20, 'x'), error);
                ::_exit(written ? 0 : 3);
            }
            bool signalled = false;
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (!signalled && std::chrono::steady_clock::now() < deadline) {
                for (const std::string& name : dir.names()) {
                    if (name.rfind(".plan.json.tmp-" + std::to_string(child) + "-", 0) == 0) signalled = true;
                }
                if (signalled) ::kill(child, signal);
                else std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            int status = 0;
            REQUIRE(::waitpid(child, &status, 0) == child);
            if (!WIFSIGNALED(status)) continue;  // the write won the race: try again
            caught_mid_write = true;
            CHECK(WTERMSIG(status) == signal);
            CHECK(dir.names() == std::vector<std::string>{"plan.json"});
            CHECK(read_all(target) == "previous");
        }
        CHECK(caught_mid_write);
    }
}

TEST_CASE("an ignored signal stays ignored while writing") {
    Scratch dir;
    const auto previous = std::signal(SIGHUP, SIG_IGN);
    std::string error;
    CHECK(write_output_file(dir.path / "out.txt", "x", error));
    struct sigaction now {};
    ::sigaction(SIGHUP, nullptr, &now);
    CHECK((now.sa_handler == SIG_IGN));
    std::signal(SIGHUP, previous);
}
