// The terminal for the player: raw keys, the alternate screen and a hidden cursor, all undone on
// every way out; and the signals that matter to a player, turned into bytes on a self-pipe so
// that the poll() loop sees them like keys.
#pragma once

#include <string_view>
#include <termios.h>
#include <vector>

#include "runtime/player/player_screen.hpp"

namespace reps::player {

// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (stop), SIGWINCH (resize), SIGTSTP
// (suspend) and SIGCONT (resumed), and ignores SIGPIPE; the destructor puts the previous
// dispositions back. One at a time per process.
class SignalPipe {
public:
    SignalPipe();
    ~SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

    // Readable when a signal has arrived.
    int fd() const { return read_fd_; }
    // The signals that arrived since the last call, oldest first.
    std::vector<int> drain();

private:
    int read_fd_ = -1;
};

// While alive, `input_fd` gives keys one by one without echo (Ctrl-C still signals) and, with
// `screen`, `output_fd` shows the alternate screen with the cursor hidden and no line wrap.
// restore() (also run by the destructor, so by exceptions) puts everything back as it was.
class Terminal {
public:
    Terminal(int input_fd, int output_fd, bool raw_input, bool screen);
    ~Terminal();
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // Undoes enter(); safe to call twice and after the terminal has gone away.
    void restore() noexcept;
    // Sets the modes again (after a suspend, or when something else changed them).
    void enter();
    // Writes all of `bytes` to the output; false when the terminal is gone.
    bool write(std::string_view bytes) const;
    // The output's size, or 80x24 when it cannot be asked.
    ScreenSize size() const;
    bool raw_input() const { return raw_input_; }

private:
    int input_fd_;
    int output_fd_;
    bool raw_input_;
    bool screen_;
    bool entered_ = false;
    termios saved_{};
};

// Stops the process as Ctrl-Z would without our handler, returning when it is continued; the
// caller restores the terminal before and sets it up again after.
void suspend_process();

// Whether the process may take `fd` into raw mode: a terminal, and we are in its foreground
// (a background job changing the modes would be stopped by SIGTTOU).
bool can_read_keys(int fd);

}  // namespace reps::player
