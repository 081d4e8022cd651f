// Spoken cues through espeak-ng, started with fork/exec (no shell, so no quoting of user text).
#include "runtime/player/player_speech.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <ostream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace reps::player {

std::string find_on_path(std::string_view name, std::string_view path) {
    while (true) {
        const std::size_t colon = path.find(':');
        std::string directory(path.substr(0, colon));
        if (directory.empty()) directory = ".";  // POSIX: an empty entry is the current directory
        const std::string candidate = directory + "/" + std::string(name);
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        if (colon == std::string_view::npos) return {};
        path.remove_prefix(colon + 1);
    }
}

Speaker::Speaker(bool enabled, std::ostream& err) {
    if (!enabled) return;
    const char* path = std::getenv("PATH");
    program_ = find_on_path("espeak-ng", path != nullptr ? path : "/usr/bin:/bin");
    if (program_.empty()) {
        err << "reps: note: --say needs espeak-ng, which is not on PATH; playing without spoken cues "
               "(Debian: apt-get install espeak-ng)\n";
    }
}

Speaker::~Speaker() {
    stop_current();
}

void Speaker::stop_current() {
    if (child_ <= 0) return;
    if (::waitpid(child_, nullptr, WNOHANG) == 0) {
        ::kill(child_, SIGTERM);
        while (::waitpid(child_, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    child_ = -1;
}

void Speaker::say(const std::string& text) {
    if (!active() || text.empty()) return;
    stop_current();
    // Everything the child needs is made before fork: after it only async-signal-safe calls.
    std::vector<char*> argv = {program_.data(), const_cast<char*>("--"), const_cast<char*>(text.c_str()), nullptr};
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, STDIN_FILENO);
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        // The player ignores SIGPIPE; exec would pass that on.
        ::signal(SIGPIPE, SIG_DFL);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    child_ = pid > 0 ? pid : -1;
}

}  // namespace reps::player
