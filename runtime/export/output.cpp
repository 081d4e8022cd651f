// The output writer: what a user names with -o (or `reps fmt` rewrites) is written according to
// what it is. A regular file is replaced atomically: temp file in the target's directory, fsync,
// rename. The temp file must share the target's directory because rename() is atomic only within
// one file system, and a reader (an editor, a calendar app watching the file) must see either the
// old file or the whole new one. Devices and FIFOs are written through, since renaming over them
// would replace the node itself (as root, `-o /dev/null` would become a regular file).
#include "runtime/export/output.hpp"

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace reps {

namespace {

namespace fs = std::filesystem;

std::string describe_failure(const fs::path& path, std::string_view reason) {
    return fmt::format("cannot write '{}': {}", path.string(), reason);
}

std::string describe_failure(const fs::path& path, int error_number) {
    return describe_failure(path, std::strerror(error_number));
}

// A name no other writer in this process or another process picks at the same time. Its pattern,
// ".NAME.tmp-PID-N", is in the README: a process killed by SIGKILL leaves it behind.
fs::path temporary_path_for(const fs::path& path) {
    static std::atomic<unsigned> counter{0};
    const auto name = fmt::format(".{}.tmp-{}-{}", path.filename().string(),
                                  static_cast<long>(::getpid()), counter.fetch_add(1));
    return path.parent_path() / name;
}

bool write_all(int fd, std::string_view content) {
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

// Best effort: makes the rename itself durable. Failure here loses nothing already written.
void sync_directory(const fs::path& directory) {
    const auto name = directory.empty() ? std::string(".") : directory.string();
    const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// The temporary file being written, for the signal handler: a fixed buffer, since a handler may
// only call async-signal-safe functions (unlink, raise) and read what is already there.
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
char pending_temporary[PATH_MAX];
volatile std::sig_atomic_t temporary_pending = 0;

extern "C" void remove_temporary_and_die(int signal) {
    if (temporary_pending != 0) ::unlink(pending_temporary);
    // SA_RESETHAND put back the default action; the signal, blocked while this handler runs,
    // ends the process as soon as it returns, with the status the sender expects.
    ::raise(signal);
}

// While it lives, SIGINT, SIGTERM and SIGHUP remove the temporary file before the process dies.
// A signal the process ignores (nohup, a background job's SIGINT) stays ignored. One write at a
// time: the handler knows one file.
class TemporaryFileCleanup {
public:
    explicit TemporaryFileCleanup(const fs::path& temporary) : lock_(mutex()) {
        const std::string& name = temporary.native();
        if (name.size() >= sizeof pending_temporary) return;  // open() fails with ENAMETOOLONG anyway
        std::memcpy(pending_temporary, name.c_str(), name.size() + 1);
        std::atomic_signal_fence(std::memory_order_seq_cst);
        temporary_pending = 1;
        for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
            struct sigaction action {};
            action.sa_handler = remove_temporary_and_die;
            action.sa_flags = SA_RESETHAND;
            sigemptyset(&action.sa_mask);
            for (int other : cleanup_signals) sigaddset(&action.sa_mask, other);
            installed_[i] = ::sigaction(cleanup_signals[i], nullptr, &previous_[i]) == 0 &&
                            previous_[i].sa_handler != SIG_IGN &&
                            ::sigaction(cleanup_signals[i], &action, nullptr) == 0;
        }
    }
    ~TemporaryFileCleanup() {
        temporary_pending = 0;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
            if (installed_[i]) ::sigaction(cleanup_signals[i], &previous_[i], nullptr);
        }
    }
    TemporaryFileCleanup(const TemporaryFileCleanup&) = delete;
    TemporaryFileCleanup& operator=(const TemporaryFileCleanup&) = delete;

private:
    static std::mutex& mutex() {
        static std::mutex one;
        return one;
    }
    std::lock_guard<std::mutex> lock_;
    struct sigaction previous_[std::size(cleanup_signals)] {};
    bool installed_[std::size(cleanup_signals)] = {};
};

// Follows symbolic links from `path` to what it finally names (which may not exist yet: a
// dangling link creates its target, as a shell's `>` does). Relative links are relative to the
// link's directory. Sets `info` from lstat of the result, or leaves `exists` false.
bool resolve_links(fs::path& path, struct stat& info, bool& exists, int& error_number) {
    for (int links = 0; links <= 40; ++links) {  // the kernel's own limit (MAXSYMLINKS)
        if (::lstat(path.c_str(), &info) != 0) {
            exists = false;
            error_number = errno;
            return errno == ENOENT;
        }
        exists = true;
        if (!S_ISLNK(info.st_mode)) return true;
        char target[PATH_MAX];
        const ssize_t length = ::readlink(path.c_str(), target, sizeof target);
        if (length < 0 || static_cast<std::size_t>(length) >= sizeof target) {
            error_number = length < 0 ? errno : ENAMETOOLONG;
            return false;
        }
        const fs::path link(std::string(target, static_cast<std::size_t>(length)));
        path = link.is_absolute() ? link : path.parent_path() / link;
    }
    error_number = ELOOP;
    return false;
}

// A character device or a FIFO: written in place (a FIFO waits for its reader, as `>` does).
bool write_through(const fs::path& shown, const fs::path& target, std::string_view content, std::string& error) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error = describe_failure(shown, errno);
        return false;
    }
    int failure = write_all(fd, content) ? 0 : errno;
    if (::close(fd) != 0 && failure == 0 && errno != EINTR) failure = errno;
    if (failure != 0) {
        error = describe_failure(shown, failure);
        return false;
    }
    return true;
}

// The regular-file case; `existing` is the target's stat when there is one. Errors name `shown`,
// the path as the user wrote it.
bool replace_atomically(const fs::path& shown, const fs::path& path, const struct stat* existing,
                        std::string_view content, std::string& error) {
    if (!path.has_filename()) {
        error = describe_failure(shown, EISDIR);
        return false;
    }
    // rename() would replace a file the user cannot write (root can write any): say so instead.
    if (existing != nullptr && ((existing->st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0)) {
        error = describe_failure(shown, "it is read-only");
        return false;
    }
    const auto temporary = temporary_path_for(path);
    TemporaryFileCleanup cleanup(temporary);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        error = describe_failure(shown, errno);
        return false;
    }
    int failure = 0;
    if (existing != nullptr) {
        // The replacement keeps the file's owner and mode, as an overwrite in place would. An
        // owner that cannot be kept (another user's group-writable file) is a refusal, not a
        // silent change of hands.
        const bool other_owner = existing->st_uid != ::geteuid() || existing->st_gid != ::getegid();
        if (other_owner && ::fchown(fd, existing->st_uid, existing->st_gid) != 0) failure = errno;
        if (failure == 0 && ::fchmod(fd, existing->st_mode & 07777) != 0) failure = errno;
        if (failure != 0) {
            ::close(fd);
            ::unlink(temporary.c_str());
            error = describe_failure(shown, fmt::format("its owner and mode cannot be kept ({})", std::strerror(failure)));
            return false;
        }
    }
    if (!write_all(fd, content) || ::fsync(fd) != 0) failure = errno;
    if (::close(fd) != 0 && failure == 0) failure = errno;
    if (failure == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) failure = errno;
    if (failure != 0) {
        ::unlink(temporary.c_str());
        error = describe_failure(shown, failure);
        return false;
    }
    sync_directory(path.parent_path());
    return true;
}

}  // namespace

bool write_file_atomically(const fs::path& path, std::string_view content, std::string& error) {
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
    return replace_atomically(path, path, exists ? &existing : nullptr, content, error);
}

bool write_output_file(const fs::path& path, std::string_view content, std::string& error) {
    fs::path target = path;
    struct stat info {};
    bool exists = false;
    int error_number = 0;
    if (!resolve_links(target, info, exists, error_number)) {
        error = error_number == ELOOP ? describe_failure(path, "too many levels of symbolic links (a loop?)")
                                      : describe_failure(path, error_number);
        return false;
    }
    if (!exists) return replace_atomically(path, target, nullptr, content, error);
    if (S_ISREG(info.st_mode)) return replace_atomically(path, target, &info, content, error);
    if (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode)) return write_through(path, target, content, error);
    error = describe_failure(path, S_ISDIR(info.st_mode) ? "it is a directory"
                                                         : "it is not a regular file, a character device or a FIFO");
    return false;
}

}  // namespace reps
