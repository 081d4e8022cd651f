// The player's loop: sleeps in poll() on the keys and the signal pipe until the next tick (a
// second on screen, a segment change in --plain), feeds what happened to the state machine, and
// announces its effects with bells, spoken cues, frames or --plain lines.
#include "runtime/player/player.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <poll.h>

#include <fmt/format.h>

#include "runtime/player/play_log.hpp"
#include "runtime/player/player_screen.hpp"
#include "runtime/player/player_speech.hpp"
#include "runtime/player/player_state.hpp"
#include "runtime/player/player_terminal.hpp"
#include "runtime/player/player_text.hpp"

namespace reps {

namespace {

using player::Millis;

// Wall time since the start, scaled by --speed into session milliseconds.
class SessionClock {
public:
    explicit SessionClock(double speed) : speed_(speed), start_(std::chrono::steady_clock::now()) {}

    Millis now() const {
        const auto wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_);
        return static_cast<Millis>(std::floor(wall.count() * speed_));
    }

    // poll()'s timeout until session time `target`: rounded up, so we never wake early and spin.
    int wall_timeout(Millis target) const {
        const double session = static_cast<double>(target - now());
        if (session <= 0) return 0;
        return static_cast<int>(std::min(std::ceil(session / speed_), static_cast<double>(INT_MAX)));
    }

private:
    double speed_;
    std::chrono::steady_clock::time_point start_;
};

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Block characters need a UTF-8 terminal; the locale variables say whether we have one.
bool utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        std::string lower(value);
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
    return false;
}

std::optional<player::Key> key_for(char byte) {
    switch (byte) {
        case ' ': case 'p': case 'P': return player::Key::toggle_pause;
        case 'n': case 'N': return player::Key::next;
        case 'b': case 'B': return player::Key::back;
        case '+': case '=': return player::Key::more_rest;
        case '-': case '_': return player::Key::less_rest;
        case 'q': case 'Q': return player::Key::quit;
        case '\r': case '\n': case 'd': case 'D': return player::Key::done;
        case 'w': case 'W': return player::Key::toggle_wait;
        default: return std::nullopt;
    }
}

const timeline::Segment* next_work(const timeline::Timeline& timeline, int index) {
    for (std::size_t i = static_cast<std::size_t>(index) + 1; i < timeline.segments.size(); ++i) {
        if (timeline.segments[i].kind == timeline::SegmentKind::work) return &timeline.segments[i];
    }
    return nullptr;
}

// One playing session: the pieces the loop touches, and the announcing of effects.
class Session {
public:
    Session(const timeline::Timeline& timeline, const PlayOptions& options, bool screen, std::ostream& out,
            player::Terminal& terminal, player::Speaker& speaker)
        : timeline_(timeline), screen_(screen), out_(out), terminal_(terminal),
          speaker_(speaker), state_(timeline, options.wait), clock_(options.speed),
          style_{options.color, utf8_locale()} {}

    player::PlayerState& state() { return state_; }
    bool terminal_gone() const { return terminal_gone_; }

    void announce(const std::vector<player::Effect>& effects) {
        for (const player::Effect& effect : effects) {
            switch (effect.kind) {
                case player::Effect::Kind::started: started(effect); break;
                case player::Effect::Kind::countdown: bell(); break;
                case player::Effect::Kind::finished:
                    if (!screen_) {
                        // The notes written after the last segment come as the workout ends.
                        const auto count = static_cast<int>(timeline_.segments.size());
                        if (!state_.quit()) {
                            for (const std::string& note : player::notes_at(timeline_, count)) {
                                out_ << '[' << player::plain_clock(effect.at / 1000) << "] note  " << note << '\n';
                            }
                        }
                        out_ << '[' << player::plain_clock(effect.at / 1000) << "] "
                             << (state_.quit() ? "stopped" : "end") << '\n'
                             << std::flush;
                    }
                    break;
            }
        }
    }

    void press(player::Key key) { announce(state_.press(key, clock_.now())); }
    void tick() { announce(state_.tick(clock_.now())); }

    void draw(bool clear_first) {
        if (!screen_ || terminal_gone_) return;
        std::string frame = clear_first ? "\x1b[2J" : "";
        frame += player::render_frame(state_, terminal_.size(), style_);
        if (!terminal_.write(frame)) terminal_gone_ = true;
    }

    // poll()'s timeout until the loop next has something to do, or -1 to wait for keys and signals.
    // The screen is drawn at most 25 times a second, however fast --speed runs the clock.
    int timeout() const {
        const Millis wait = screen_ ? state_.until_next_second() : state_.until_segment_end();
        if (wait < 0) return -1;
        const int timeout = clock_.wall_timeout(state_.now() + wait);
        return screen_ ? std::max(timeout, 40) : timeout;
    }

private:
    void started(const player::Effect& effect) {
        const timeline::Segment& segment = timeline_.segments[static_cast<std::size_t>(effect.segment)];
        if (!screen_) out_ << player::plain_line(timeline_, effect.segment, effect.at / 1000) << '\n' << std::flush;
        bell();
        speaker_.say(player::spoken_cue(timeline_, segment, next_work(timeline_, effect.segment)));
    }

    void bell() {
        if (screen_ && !terminal_gone_ && !terminal_.write("\a")) terminal_gone_ = true;
    }

    const timeline::Timeline& timeline_;
    bool screen_;
    std::ostream& out_;
    player::Terminal& terminal_;
    player::Speaker& speaker_;
    player::PlayerState state_;
    SessionClock clock_;
    player::ScreenStyle style_;
    bool terminal_gone_ = false;
};

bool is_stop_signal(int signal) {
    return signal == SIGINT || signal == SIGTERM || signal == SIGHUP || signal == SIGQUIT || signal == SIGUSR1 ||
           signal == SIGUSR2 || signal == SIGALRM;
}

// Plays until the end, `q`, a stop signal or a lost terminal; returns the stop signal or 0.
int run(Session& session, player::Terminal& terminal, player::SignalPipe& signals, int input_fd) {
    int stop_signal = 0;
    session.announce(session.state().start(0));
    bool clear = true;
    while (!session.state().finished()) {
        session.draw(clear);
        clear = false;
        if (session.terminal_gone()) {
            stop_signal = SIGHUP;
            session.press(player::Key::quit);
            break;
        }
        pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {input_fd, POLLIN, 0}};
        const nfds_t count = terminal.raw_input() ? 2 : 1;
        if (::poll(fds, count, session.timeout()) < 0 && errno != EINTR) {
            throw std::runtime_error(fmt::format("poll failed: {}", std::strerror(errno)));
        }
        if (fds[0].revents != 0) {
            for (int signal : signals.drain()) {
                if (is_stop_signal(signal) && stop_signal == 0) {
                    stop_signal = signal;
                    session.press(player::Key::quit);
                } else if (signal == SIGWINCH || signal == SIGCONT) {
                    if (signal == SIGCONT) terminal.enter();
                    clear = true;
                } else if (signal == SIGTSTP) {
                    if (!session.state().paused()) session.press(player::Key::toggle_pause);
                    terminal.restore();
                    player::suspend_process();
                    terminal.enter();
                    clear = true;
                }
            }
        }
        if (count == 2 && fds[1].revents != 0 && !session.state().finished()) {
            char bytes[64];
            const ssize_t got = ::read(input_fd, bytes, sizeof bytes);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
                // End of input on a raw terminal (Ctrl-D is a plain byte there): it has been closed.
                if (stop_signal == 0) stop_signal = SIGHUP;
                session.press(player::Key::quit);
            }
            for (ssize_t i = 0; i < got && !session.state().finished(); ++i) {
                if (const auto key = key_for(bytes[i])) session.press(*key);
            }
        }
        session.tick();
    }
    return stop_signal;
}

}  // namespace

int play(const timeline::Timeline& timeline, const PlayOptions& options, std::ostream& out, std::ostream& err) {
    if (!(options.speed > 0) || !std::isfinite(options.speed) || options.speed > 1e6) {
        err << "reps: error: --speed must be a number above 0 and at most 1000000\n";
        return 2;
    }
    const bool screen = !options.plain && ::isatty(options.output_fd) == 1;
    const bool keys = player::can_read_keys(options.input_fd);
    // Without keys (input not a terminal) nothing could end a waiting set: --wait has no effect.
    PlayOptions played = options;
    played.wait = options.wait && keys;
    if (options.wait && !keys) err << "reps: note: --wait needs keys from a terminal; sets end on their estimate\n";
    const std::string started = utc_now();
    player::Speaker speaker(options.say, err);  // its note goes out before the screen takes over
    err.flush();
    out.flush();

    player::Summary summary;
    int stop_signal = 0;
    {
        player::SignalPipe signals;
        player::Terminal terminal(options.input_fd, options.output_fd, keys, screen);
        Session session(timeline, played, screen, out, terminal, speaker);
        stop_signal = run(session, terminal, signals, options.input_fd);
        summary = session.state().summary();
        terminal.restore();
    }
    if (summary.completed) {
        speaker.say("Workout complete.");
        speaker.let_finish();
    }
    if (!screen) out << '\n';  // the summary stands apart from the --plain lines
    out << player::summary_text(timeline, summary) << std::flush;

    int status = stop_signal != 0 ? 128 + stop_signal : 0;
    if (!options.log_path.empty()) {
        std::string error;
        if (!player::append_play_log(options.log_path,
                                     player::play_log_line(timeline, summary, started, options.speed), error)) {
            err << "reps: error: " << error << '\n';
            if (status == 0) status = 2;
        }
    }
    return status;
}

}  // namespace reps
