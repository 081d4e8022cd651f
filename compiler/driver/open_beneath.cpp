// openat2(RESOLVE_BENEATH), with a link-refusing walk for older kernels.
#include "compiler/driver/open_beneath.hpp"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace reps {
namespace {

// Whether openat2 exists; learnt from the first call (ENOSYS, or EPERM from a seccomp filter of a
// container that does not know the call).
std::atomic<bool> openat2_missing{false};

int open_with_openat2(int root_fd, const std::filesystem::path& relative, int flags) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    for (;;) {
        const long fd = ::syscall(SYS_openat2, root_fd, relative.c_str(), &how, sizeof how);
        if (fd < 0 && (errno == EINTR || errno == EAGAIN)) continue;  // EAGAIN: a rename raced the walk
        return static_cast<int>(fd);
    }
}

}  // namespace

// One component at a time from the root, no link followed: a link anywhere is ENOTSUP.
int open_beneath_walking(int root_fd, const std::filesystem::path& relative, int flags, int& error) {
    int directory = ::dup(root_fd);
    if (directory < 0) {
        error = errno;
        return -1;
    }
    auto component = relative.begin();
    while (component != relative.end()) {
        const auto next = std::next(component);
        const bool last = next == relative.end();
        const int fd = ::openat(directory, component->c_str(),
                                last ? flags | O_NOFOLLOW : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int open_error = errno;
        struct stat info {};
        const bool is_link = fd < 0 && (open_error == ELOOP || open_error == ENOTDIR) &&
                             ::fstatat(directory, component->c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
                             S_ISLNK(info.st_mode);
        ::close(directory);
        if (fd < 0) {
            error = is_link ? ENOTSUP : open_error;
            return -1;
        }
        if (last && (flags & O_PATH) != 0 && ::fstat(fd, &info) == 0 && S_ISLNK(info.st_mode)) {
            ::close(fd);  // O_PATH | O_NOFOLLOW opened the link itself
            error = ENOTSUP;
            return -1;
        }
        if (last) return fd;
        directory = fd;
        component = next;
    }
    ::close(directory);
    error = EISDIR;
    return -1;
}

int open_beneath(int root_fd, const std::filesystem::path& relative, int flags, int& error) {
    if (!openat2_missing.load(std::memory_order_relaxed)) {
        const int fd = open_with_openat2(root_fd, relative, flags);
        if (fd >= 0) return fd;
        if (errno != ENOSYS && errno != EPERM) {
            error = errno;
            return -1;
        }
        openat2_missing.store(true, std::memory_order_relaxed);
    }
    return open_beneath_walking(root_fd, relative, flags, error);
}

}  // namespace reps
