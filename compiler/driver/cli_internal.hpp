// Shared by the `reps` subcommands (cli*.cpp): parsed options, usage errors, and the report of
// diagnostics, so each command file holds only its own flow.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/check/checked.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/driver/pipeline.hpp"
#include "compiler/base/source.hpp"

namespace reps::cli {

inline constexpr std::string_view version = "0.1.0";

// A mistake on the command line: printed as "reps: error: MESSAGE" with a usage hint, exit 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Dump { none, ast, checked, timeline };

struct Options {
    std::string command;
    std::vector<std::string> args;  // the positional arguments after the command
    // Common to check and build.
    bool json_diagnostics = false;
    bool color = false;  // --color resolved against the terminal and NO_COLOR
    std::string color_mode = "auto";  // --color as given (the player's screen is stdout, not stderr)
    bool werror = false;
    std::vector<std::string> suppressed;  // codes from -W no-CODE
    std::size_t warning_limit = default_warning_limit;  // --warning-limit N, per file; 0: none
    Dump dump = Dump::none;
    std::string profile;
    int week = 1;
    bool week_given = false;
    bool week_all = false;  // build only, --week all: the length week by week instead of a timeline
    std::int64_t session_min_seconds = 30 * 60;  // --session-range, for the session-length lint
    std::int64_t session_max_seconds = 60 * 60;
    unsigned jobs = 0;  // check only, -j N: files checked at once; 0: one per available core
    // build only.
    std::string to;
    std::string output;  // -o; empty: stdout
    std::string workout;
    std::string program;
    std::string at;
    std::string timezone;                    // --timezone, for --to ics with --at; empty: UTC
    std::optional<std::int64_t> alarm;       // --alarm, seconds before each event
    std::optional<std::int64_t> dtstamp;     // --dtstamp EPOCH; else SOURCE_DATE_EPOCH, else now
    // play only (it takes --workout too).
    double speed = 1.0;  // --speed X: the clock runs X times faster
    bool plain = false;  // --plain: one line per segment change
    bool say = false;    // --say: spoken cues through espeak-ng
    bool wait = false;   // --wait: a reps set ends on a key press
    std::string log;     // --log FILE: append the summary as a JSON line
    // fmt only.
    bool fmt_check = false;  // --check: list the files not in the canonical layout, change nothing
};

// Prints each file's diagnostics as it is done (text) or all of them as one document at the end
// (--diagnostics json). One SourceManager serves the whole run so that the JSON document can
// name every file.
class Reporter {
public:
    Reporter(const Options& options, std::ostream& err) : options_(options), err_(err) {}

    SourceManager& sources() { return sources_; }
    // A fresh list with --werror, -W no-CODE and --warning-limit applied.
    Diagnostics make_diagnostics() const;
    // Sorts and prints one file's diagnostics (the first --warning-limit warnings; the count of
    // the others by code), then "FILE: 2 errors, 1 warning" (text mode only).
    void report(std::string_view display_path, Diagnostics& diagnostics, bool summary = true);
    // A failure that is not about the input (an exporter, a file to write): "reps: error: MESSAGE"
    // in text mode, a diagnostic without code or position in the JSON document.
    void fail(std::string message);
    // Prints the JSON document (always, even when empty, so tools can rely on it).
    void finish();
    // --diagnostics json: hands over what report() and fail() collected, and takes in diagnostics
    // another Reporter collected against `sources` (`reps check` reports each file on its own).
    std::vector<Diagnostic> take_collected();
    std::vector<HiddenInFile> take_hidden() { return std::exchange(hidden_, {}); }
    void absorb(const SourceManager& sources, std::vector<Diagnostic> diagnostics, std::vector<HiddenInFile> hidden);

private:
    const Options& options_;
    std::ostream& err_;
    SourceManager sources_;
    std::vector<Diagnostic> all_;
    std::vector<HiddenInFile> hidden_;  // --diagnostics json: the warnings past the limit, by file
};

// The pipeline's options from the command line's; `check` false stops once parsed.
PipelineOptions pipeline_options(const Options& options, bool check);

// "2 errors, 1 warning"; empty when there is nothing to count.
std::string summary_counts(const Diagnostics& diagnostics);

// Command-line text goes back to the terminal: control bytes become '?'.
std::string printable(std::string_view text);

// GCC's rule for `--color auto`: colour when stderr is a terminal that takes escape sequences
// (TERM set and not "dumb", as Emacs's shell sets it) and NO_COLOR is unset or empty; `always`
// wins over both.
inline bool auto_color(bool stderr_is_terminal, const char* no_color, const char* term) {
    if (no_color != nullptr && *no_color != '\0') return false;
    if (term == nullptr || std::string_view(term) == "dumb") return false;
    return stderr_is_terminal;
}

// The commands; each returns the exit code.
// Whether the player's full screen uses colour: `always` and `never` as said, `auto` unless
// NO_COLOR is set (the full screen only runs on a terminal anyway).
bool player_color(const std::string& mode);

int run_check(const Options& options, std::ostream& out, std::ostream& err);
int run_build(const Options& options, std::ostream& out, std::ostream& err);
int run_play(const Options& options, std::ostream& out, std::ostream& err);
int run_fmt(const Options& options, std::ostream& out, std::ostream& err);
int run_lsp(const Options& options, std::ostream& out, std::ostream& err);

// The AST of `text` without positions (errors into `diagnostics`), to compare a file before and
// after formatting: `reps fmt` and the language server format only when they match. One
// shape_hash per declaration (compiler/format/ast_shape.hpp), taken as it parses: a big file's
// AST is never held whole.
std::vector<std::uint64_t> ast_shape(SourceManager& sources, std::string path, std::string text, Diagnostics& diagnostics);
// The same for a file already in `sources`.
std::vector<std::uint64_t> ast_shape(const SourceManager& sources, std::uint32_t id, Diagnostics& diagnostics);

// --workout, --program, else the only program, else the only workout of the file named
// (`main_file`), or of its imports when it declares none; otherwise a diagnostic (E0106, E0108,
// E0402) and nullopt.
std::optional<Target> choose_target(const Options& options, const CheckedProgram& checked, std::uint32_t main_file,
                                    const std::string& path, Diagnostics& diagnostics);
int run_catalog(const Options& options, std::ostream& out, std::ostream& err);

// The --to formats, in the order help lists them.
std::vector<std::string_view> format_names();

}  // namespace reps::cli
