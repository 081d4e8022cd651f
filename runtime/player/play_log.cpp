// The --log writer: whole JSON lines only, however the process ends.
#include "runtime/player/play_log.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace reps::player {

namespace {

std::int64_t whole_seconds(Millis millis) {
    return millis / 1000;
}

}  // namespace

std::string play_log_line(const timeline::Timeline& timeline, const Summary& summary, const std::string& started,
                          double speed) {
    nlohmann::ordered_json line;
    line["format"] = "reps-play/1";
    line["workout"] = timeline.workout;
    line["title"] = timeline.title;
    line["week"] = timeline.week;
    line["started"] = started;
    line["completed"] = summary.completed;
    line["planned_seconds"] = timeline.total_seconds;
    line["worked_seconds"] = whole_seconds(summary.worked);
    line["rested_seconds"] = whole_seconds(summary.rested);
    line["paused_seconds"] = whole_seconds(summary.paused);
    line["sets_done"] = summary.sets_done;
    line["sets_total"] = summary.sets_total;
    line["skipped_segments"] = summary.skipped;
    line["speed"] = speed;
    // dump() escapes control characters, so the line has no newline of its own; bad UTF-8 in a
    // title is replaced rather than thrown on at the very end of a workout.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool append_play_log(const std::string& path, const std::string& line, std::string& error) {
    const auto fail = [&](int code) {
        error = "cannot write '" + path + "': " + std::strerror(code);
        return false;
    };
    // O_NONBLOCK: a FIFO that no process reads would hang the open for ever (ENXIO instead).
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ENXIO) {
        error = "cannot write '" + path + "': no process reads this FIFO";
        return false;
    }
    if (fd < 0) return fail(errno);
    // The line is then written as to any file: all of it, waiting for a full pipe to drain.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    struct stat before {};
    if (::fstat(fd, &before) != 0) {
        const int code = errno;
        ::close(fd);
        return fail(code);
    }
    std::string bytes;
    if (before.st_size > 0) {
        char last = '\n';
        const int reader = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (reader >= 0) {
            if (::pread(reader, &last, 1, before.st_size - 1) != 1) last = '\n';
            ::close(reader);
        }
        if (last != '\n') bytes += '\n';
    }
    bytes += line;
    bytes += '\n';
    ssize_t written = -1;
    do {
        written = ::write(fd, bytes.data(), bytes.size());
    } while (written < 0 && errno == EINTR);
    const int code = errno;
    if (written != static_cast<ssize_t>(bytes.size())) {
        // A short write (a full disk) is taken back, unless someone else has appended since.
        struct stat after {};
        if (written > 0 && ::fstat(fd, &after) == 0 && after.st_size == before.st_size + written) {
            if (::ftruncate(fd, before.st_size) != 0) {
                // Nothing more can be done; the error below says the line is not whole.
            }
        }
        ::close(fd);
        return fail(written < 0 ? code : ENOSPC);
    }
    if (::close(fd) != 0) return fail(errno);
    return true;
}

}  // namespace reps::player
