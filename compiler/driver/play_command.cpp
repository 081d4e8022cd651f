// `reps play FILE`: compiles the workout as `reps build` does (same checks, same choice of
// workout) and hands its timeline to the terminal player.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <optional>
#include <string>
#include <ostream>

#include "compiler/base/arena.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "runtime/player/player.hpp"

namespace reps::cli {

namespace {

// Why the log at `path` cannot be written (an errno), or 0. Opened as the player will open it
// (created when missing; O_NONBLOCK so that a FIFO without a reader does not hang here, and has
// until the end to get one). A FIFO is not opened: closing it would end its reader's input
// (`cat log.fifo > copy &` would stop before the line comes); access() asks instead.
int log_write_error(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && S_ISFIFO(status.st_mode)) return ::access(path.c_str(), W_OK) == 0 ? 0 : errno;
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) return errno == ENXIO ? 0 : errno;
    ::close(fd);
    return 0;
}

}  // namespace

int run_play(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.dump != Dump::none) throw UsageError("'reps play' does not take --dump; use 'reps build --dump'");
    if (options.week_all) throw UsageError("'reps play' plays one week: --week N; 'reps build --week all' lists them all");
    const std::string& path = options.args.front();
    Reporter reporter(options, err);
    // The summary is appended to --log at the end: a log that cannot be written is said now, not
    // after the whole workout.
    if (!options.log.empty()) {
        if (const int error = log_write_error(options.log); error != 0) {
            reporter.fail("--log: cannot write '" + printable(options.log) + "': " + std::strerror(error));
            reporter.finish();
            return 2;
        }
    }
    // As `reps build --workout`: one workout named, the others are checked as the file parses and
    // dropped (a big library), in an arena declared before the AST it holds.
    Arena arena;
    const ArenaScope arena_scope(arena);
    Diagnostics diagnostics = reporter.make_diagnostics();
    PipelineOptions pipeline = pipeline_options(options, true);
    if (!options.workout.empty()) {
        pipeline.stream = true;
        pipeline.keep_workout = options.workout;
    }
    Compilation compiled = compile(path, pipeline, reporter.sources(), diagnostics);
    if (compiled.read_failed) {
        reporter.report(path, diagnostics, false);
        reporter.finish();
        return 2;
    }
    if (!options.log.empty() && is_input_file(options.log, compiled.loaded)) {
        reporter.report(path, diagnostics);
        reporter.fail("--log '" + printable(options.log) + "' names an input file of this workout; it was left as it is");
        reporter.finish();
        return 2;
    }
    const checked::Workout* workout = nullptr;
    std::string playing_note;  // what is played, when the file's program chose it
    if (!diagnostics.has_errors()) {
        const std::optional<Target> target = choose_target(options, compiled.checked, compiled.loaded.main_file, path, diagnostics);
        if (target) workout = target->workout;
        // A program is played one workout at a time: the one workout it schedules (in the week
        // --week names), said before the screen is taken; several ask for --workout.
        if (target && workout == nullptr) {
            const checked::Program& plan = *target->program;
            const std::vector<const checked::Workout*> scheduled = scheduled_workouts(compiled.checked, plan);
            std::string names;
            for (const checked::Workout* each : scheduled) names.append(names.empty() ? "" : ", ").append(each->name);
            if (scheduled.size() == 1 && options.week > plan.weeks) {
                throw UsageError(fmt::format("--week {} is past the {} weeks of program '{}'", options.week, plan.weeks, plan.name));
            }
            if (scheduled.size() == 1) {
                workout = scheduled.front();
                playing_note = fmt::format("reps: playing workout '{}' of program '{}', week {} of {}; choose with --workout NAME "
                                           "--week N\n",
                                           workout->name, plan.name, options.week, plan.weeks);
            } else {
                diagnostics.report(Code::E0402, SourceSpan{},
                                  "nothing to play: program '" + plan.name + "' schedules " +
                                      (scheduled.empty() ? "no workout" : "several workouts"),
                                  scheduled.empty() ? "" : "choose one with --workout NAME (and --week N): " + names);
            }
        }
    }
    // Diagnostics (warnings too) go out before the player takes the screen.
    reporter.report(path, diagnostics);
    reporter.finish();
    if (workout == nullptr || diagnostics.has_errors()) return 1;
    if (!options.json_diagnostics) err << playing_note;

    const timeline::Timeline timeline = *lower_target(compiled, Target{workout, nullptr}, options.week, reporter.sources()).workout;
    PlayOptions play_options;
    play_options.speed = options.speed;
    // TERM=dumb: a terminal that understands no escape sequence gets the --plain lines, without
    // the alternate screen or colour.
    const char* term = std::getenv("TERM");
    const bool dumb = term != nullptr && std::string_view(term) == "dumb";
    play_options.plain = options.plain || dumb;
    play_options.say = options.say;
    play_options.wait = options.wait;
    play_options.log_path = options.log;
    play_options.color = !dumb && player_color(options.color_mode);
    return play(timeline, play_options, out, err);
}

bool player_color(const std::string& mode) {
    if (mode != "auto") return mode == "always";
    const char* no_color = std::getenv("NO_COLOR");
    return no_color == nullptr || *no_color == '\0';
}

}  // namespace reps::cli
