// Raw mode, the alternate screen and signal handling for the player (see player_terminal.hpp).
#include "runtime/player/player_terminal.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <stdexcept>
#include <sys/ioctl.h>
#include <unistd.h>

namespace reps::player {

namespace {

// SIGUSR1, SIGUSR2 and SIGALRM end a process by default: they stop the session like SIGTERM, so
// that the terminal is restored.
constexpr std::array handled_signals = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,  SIGWINCH, SIGTSTP,
                                        SIGCONT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM};

// The handler only has a file descriptor to go by: one SignalPipe per process.
volatile sig_atomic_t signal_write_fd = -1;
std::array<struct sigaction, handled_signals.size()> previous_actions{};

extern "C" void on_signal(int signal) {
    const int saved_errno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    if (signal_write_fd >= 0) {
        const ssize_t ignored = ::write(signal_write_fd, &byte, 1);  // a full pipe already says enough
        (void)ignored;
    }
    errno = saved_errno;
}

// Leave the alternate screen last, so that the resets above it apply to the screen being drawn on.
constexpr std::string_view enter_screen = "\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[2J\x1b[H";
constexpr std::string_view leave_screen = "\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l";

}  // namespace

SignalPipe::SignalPipe() {
    if (signal_write_fd >= 0) throw std::logic_error("one SignalPipe at a time");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create the signal pipe");
    read_fd_ = fds[0];
    signal_write_fd = fds[1];
    for (std::size_t i = 0; i < handled_signals.size(); ++i) {
        struct sigaction action {};
        action.sa_handler = handled_signals[i] == SIGPIPE ? SIG_IGN : on_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(handled_signals[i], &action, &previous_actions[i]);
    }
}

SignalPipe::~SignalPipe() {
    for (std::size_t i = 0; i < handled_signals.size(); ++i) {
        ::sigaction(handled_signals[i], &previous_actions[i], nullptr);
    }
    ::close(read_fd_);
    ::close(signal_write_fd);
    signal_write_fd = -1;
}

std::vector<int> SignalPipe::drain() {
    std::vector<int> signals;
    unsigned char buffer[64];
    while (true) {
        const ssize_t count = ::read(read_fd_, buffer, sizeof buffer);
        if (count <= 0) break;
        signals.insert(signals.end(), buffer, buffer + count);
    }
    return signals;
}

void suspend_process() {
    struct sigaction stop {};
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    struct sigaction mine {};
    ::sigaction(SIGTSTP, &stop, &mine);
    ::raise(SIGTSTP);  // returns once the shell continues us
    ::sigaction(SIGTSTP, &mine, nullptr);
}

bool can_read_keys(int fd) {
    return ::isatty(fd) == 1 && ::tcgetpgrp(fd) == ::getpgrp();
}

Terminal::Terminal(int input_fd, int output_fd, bool raw_input, bool screen)
    : input_fd_(input_fd), output_fd_(output_fd), raw_input_(raw_input), screen_(screen) {
    if (raw_input_ && ::tcgetattr(input_fd_, &saved_) != 0) raw_input_ = false;
    enter();
}

Terminal::~Terminal() {
    restore();
}

void Terminal::enter() {
    if (raw_input_) {
        termios raw = saved_;
        // Keys arrive one at a time, unechoed; ISIG stays so that Ctrl-C is SIGINT, handled like
        // SIGTERM, and Ctrl-Z suspends.
        raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | IEXTEN));
        raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        ::tcsetattr(input_fd_, TCSANOW, &raw);
    }
    if (screen_) write(enter_screen);
    entered_ = true;
}

void Terminal::restore() noexcept {
    if (!entered_) return;
    entered_ = false;
    if (screen_) write(leave_screen);
    // TCSAFLUSH: unread key bytes (half an arrow key) must not reach the shell.
    if (raw_input_) ::tcsetattr(input_fd_, TCSAFLUSH, &saved_);
}

bool Terminal::write(std::string_view bytes) const {
    while (!bytes.empty()) {
        const ssize_t written = ::write(output_fd_, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

ScreenSize Terminal::size() const {
    winsize window{};
    if (::ioctl(output_fd_, TIOCGWINSZ, &window) != 0 || window.ws_col == 0 || window.ws_row == 0) return {};
    return ScreenSize{window.ws_col, window.ws_row};
}

}  // namespace reps::player
