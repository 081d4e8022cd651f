// Benchmark: plays a 30-second workout at real speed, once with --plain to /dev/null and once
// full screen on a pseudo-terminal, and prints the CPU time (user + sys) each child used next to
// the target of 0.1 s: a playing session should sleep, not spin. Exit 1 when over the target.
// Usage: play_cpu [plain|screen|both] (default both; each takes 30 s of wall time).
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <pty.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/player/player.hpp"

namespace {

using namespace reps;

constexpr double target_seconds = 0.1;

timeline::Segment segment(std::int64_t start, std::int64_t duration, timeline::SegmentKind kind, int set = 0,
                          timeline::Side side = timeline::Side::none) {
    timeline::Segment s;
    s.start = start;
    s.duration = duration;
    s.kind = kind;
    if (kind == timeline::SegmentKind::work) {
        s.exercise = "reverse_lunge";
        s.title = "Reverse Lunge";
        s.set = set;
        s.sets = 2;
        s.side = side;
        s.reps = 3;
        s.amount_text = "3";
        s.cue = "Knee over the toes";
    }
    return s;
}

// 30 s: left 8 s, switch 2 s, right 8 s, rest 4 s, left 8 s.
timeline::Timeline thirty_seconds() {
    using timeline::SegmentKind;
    using timeline::Side;
    timeline::Timeline t;
    t.workout = "bench";
    t.title = "Thirty Seconds";
    t.segments = {segment(0, 8, SegmentKind::work, 1, Side::left), segment(8, 2, SegmentKind::switch_),
                  segment(10, 8, SegmentKind::work, 1, Side::right), segment(18, 4, SegmentKind::rest),
                  segment(22, 8, SegmentKind::work, 2, Side::left)};
    t.total_seconds = 30;
    return t;
}

double cpu_seconds(const rusage& usage) {
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Waits for `pid` and returns the CPU seconds it used, or -1 when it failed.
double reap(pid_t pid) {
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    return cpu_seconds(usage);
}

double run_plain(const timeline::Timeline& t) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        PlayOptions options;
        options.plain = true;
        ::_exit(play(t, options, std::cout, std::cerr));
    }
    return reap(pid);
}

double run_screen(const timeline::Timeline& t) {
    int master = -1;
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 80;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0) return -1;
    if (pid == 0) {
        ::setenv("LANG", "C.UTF-8", 1);
        ::_exit(play(t, PlayOptions{}, std::cout, std::cerr));
    }
    // Drain the screen so the child never blocks on a full terminal; EIO once it has gone.
    char buffer[4096];
    while (true) {
        const ssize_t got = ::read(master, buffer, sizeof buffer);
        if (got > 0) continue;
        if (got < 0 && errno == EINTR) continue;
        break;
    }
    ::close(master);
    return reap(pid);
}

bool report(const char* mode, double seconds) {
    if (seconds < 0) {
        std::printf("%-7s failed\n", mode);
        return false;
    }
    const bool ok = seconds < target_seconds;
    std::printf("%-7s %.3f s CPU for a 30 s workout (target < %.1f s): %s\n", mode, seconds, target_seconds,
                ok ? "ok" : "OVER");
    return ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    const std::string mode = argc > 1 ? argv[1] : "both";
    if (mode != "plain" && mode != "screen" && mode != "both") {
        std::fprintf(stderr, "usage: play_cpu [plain|screen|both]\n");
        return 2;
    }
    const timeline::Timeline t = thirty_seconds();
    bool ok = true;
    if (mode != "screen") ok = report("plain", run_plain(t)) && ok;
    if (mode != "plain") ok = report("screen", run_screen(t)) && ok;
    return ok ? 0 : 1;
}
