// The atomic file writer: temp file in the target's directory, fsync, rename.
// The temp file must share the target's directory because rename() is atomic only
// within one file system, and a reader (an editor, a calendar app watching the file)
// must see either the old file or the whole new one.
#include "runtime/export/output.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace reps {

namespace {

std::string describe_failure(const std::filesystem::path& path, int error_number) {
    return fmt::format("cannot write '{}': {}", path.string(), std::strerror(error_number));
}

// A name no other writer in this process or another process picks at the same time.
std::filesystem::path temporary_path_for(const std::filesystem::path& path) {
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
void sync_directory(const std::filesystem::path& directory) {
    const auto name = directory.empty() ? std::string(".") : directory.string();
    const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error) {
    if (!path.has_filename()) {
        error = describe_failure(path, EISDIR);
        return false;
    }
    const auto temporary = temporary_path_for(path);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        error = describe_failure(path, errno);
        return false;
    }

    // A replaced file keeps its permissions, as it would if it had been overwritten in place.
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
        ::fchmod(fd, existing.st_mode & 07777);
    }

    int failure = 0;
    if (!write_all(fd, content) || ::fsync(fd) != 0) failure = errno;
    if (::close(fd) != 0 && failure == 0) failure = errno;
    if (failure == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) failure = errno;
    if (failure != 0) {
        ::unlink(temporary.c_str());
        error = describe_failure(path, failure);
        return false;
    }
    sync_directory(path.parent_path());
    return true;
}

}  // namespace reps
