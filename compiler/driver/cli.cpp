// The `reps` driver: parses the command line (Boost.Program_options, the command first) and
// dispatches to one command; turns usage mistakes and stray exceptions into exit code 2.
#include "compiler/driver/cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <tuple>
#include <utility>
#include <ostream>
#include <set>
#include <string>
#include <unistd.h>

#include <boost/program_options.hpp>

#include "compiler/catalog/catalog.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/diagnostics/explain.hpp"

namespace reps {

namespace po = boost::program_options;

namespace cli {
namespace {

int run_explain(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.args.empty()) {
        list_codes(out);
        return 0;
    }
    return explain(options.args.front(), out, err);
}

int run_help(const Options&, std::ostream& out, std::ostream&);

// Options that only some commands take; the common ones (--color, --diagnostics) go anywhere.
const std::set<std::string, std::less<>> compile_options = {"werror", "-W", "warning-limit", "dump", "profile", "week",
                                                                     "session-range"};
const std::set<std::string, std::less<>> build_only_options = {"to", "output", "workout", "program", "at",
                                                                   "timezone", "alarm", "dtstamp"};
// `reps play` takes these and, from the build options, --workout.
const std::set<std::string, std::less<>> play_only_options = {"speed", "plain", "say", "log", "wait"};
const std::set<std::string, std::less<>> check_only_options = {"jobs"};
const std::set<std::string, std::less<>> fmt_only_options = {"check"};
const std::set<std::string, std::less<>> lsp_only_options = {"stdio"};

struct Command {
    std::string_view name;
    std::string_view usage;
    std::size_t min_args;
    std::size_t max_args;
    bool compiles;  // takes the compile options
    bool builds;    // takes the build options
    int (*run)(const Options&, std::ostream&, std::ostream&);
};

constexpr std::size_t many = static_cast<std::size_t>(-1);

const Command commands[] = {
    {"check",
     "reps check FILE... [-j N] [--werror] [-W no-CODE] [--warning-limit N] [--profile NAME] [--session-range MIN-MAX] "
     "[--dump ast|checked|timeline]",
     1, many,
     true, false, run_check},
    {"build",
     "reps build FILE --to FORMAT [-o OUT] [--workout NAME | --program NAME] [--week N] [--profile NAME] "
     "[--at DATETIME] [--timezone ZONE] [--alarm DURATION] [--dtstamp EPOCH]",
     1, 1, true, true, run_build},
    {"catalog", "reps catalog [TERM]", 0, many, false, false, run_catalog},
    {"explain", "reps explain [CODE]", 0, 1, false, false, run_explain},
    {"help", "reps help", 0, 1, false, false, run_help},
    {"play",
     "reps play FILE [--workout NAME] [--week N] [--profile NAME] [--speed X] [--plain] [--say] [--wait] [--log FILE]", 1, 1,
     true, false, run_play},
    {"fmt", "reps fmt [--check] FILE...", 1, many, false, false, run_fmt},
    {"lsp", "reps lsp [--stdio]", 0, 0, false, false, run_lsp},
};

const Command* find_command(std::string_view name) {
    for (const Command& command : commands) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

constexpr std::string_view general_usage = "reps <check|build|play|fmt|lsp|catalog|explain|help> [options] [args]";

int run_help(const Options&, std::ostream& out, std::ostream&) {
    std::string formats;
    for (std::string_view name : format_names()) formats += (formats.empty() ? "" : "|") + std::string(name);
    out << "usage: " << general_usage << "\n"
        << "\n"
        << "Commands:\n"
        << "  check FILE...            report the diagnostics of each file (of a directory: every *.reps in it)\n"
        << "  build FILE --to FORMAT   compile a workout or program (FORMAT: " << formats << ")\n"
        << "  play FILE                play a workout in the terminal, with a countdown and cues\n"
        << "  fmt [--check] FILE...    rewrite files in the canonical layout (--check: list those that differ)\n"
        << "  lsp [--stdio]            run the language server on stdin and stdout (for editors)\n"
        << "  catalog [TERM]           list the exercise catalog, or search it\n"
        << "  explain [CODE]           explain a diagnostic code, e.g. E0102 (none: list them all)\n"
        << "  help                     show this help\n"
        << "\n"
        << "Build options:\n"
        << "  --to FORMAT              output format: " << formats << "\n"
        << "  -o, --output OUT         write to OUT (atomically) instead of stdout (- is stdout)\n"
        << "  --workout NAME           the workout to build (needed when the file has several)\n"
        << "  --program NAME           the program to build\n"
        << "  --week N                 progression week of a workout, 1-520 (default 1)\n"
        << "  --week all               --to text|json: the length of each week instead of a timeline\n"
        << "  --profile NAME           choose exercise options that the equipment profile allows\n"
        << "  --at DATETIME            when a single workout takes place, e.g. 2026-12-01T17:30\n"
        << "  --timezone ZONE          time zone of --at for --to ics, e.g. Europe/Berlin (default UTC)\n"
        << "  --alarm DURATION         --to ics: a reminder this long before each event, e.g. 15min\n"
        << "  --dtstamp EPOCH          --to ics: DTSTAMP, seconds since 1970 (else SOURCE_DATE_EPOCH, else now)\n"
        << "\n"
        << "Play options (and --workout, --week, --profile):\n"
        << "  --speed X                run the clock X times faster (demos, tests)\n"
        << "  --plain                  one line per segment change (the default when stdout is not a terminal)\n"
        << "  --say                    speak the cues with espeak-ng, when it is installed\n"
        << "  --log FILE               append the end summary to FILE as one JSON line\n"
        << "  --wait                   a reps set ends when you press Enter (its estimate is a guide)\n"
        << "  keys: space pause/resume, n next, b back, +/- rest 10s longer/shorter, Enter or d done,\n"
        << "        w wait on/off, q quit\n"
        << "\n"
        << "Check options:\n"
        << "  -j, --jobs N             check N files at a time (default: one per available core)\n"
        << "\n"
        << "Check and build options:\n"
        << "  --werror                 treat warnings as errors\n"
        << "  -W no-CODE               silence warning CODE (repeatable), e.g. -W no-W0101\n"
        << "  --warning-limit N        show at most N warnings per file and count the rest (default "
        << default_warning_limit << "; 0: all)\n"
        << "  --session-range MIN-MAX  expected session length, e.g. 20min-45min (default 30min-60min)\n"
        << "  --dump ast|checked|timeline\n"
        << "                           print that phase's output instead of building\n"
        << "\n"
        << "Common options:\n"
        << "  --diagnostics text|json  diagnostics format on stderr (default text)\n"
        << "  --color auto|always|never\n"
        << "                           colour diagnostics (auto: stderr is a terminal, TERM not dumb, NO_COLOR unset)\n"
        << "  -h, --help               show this help\n"
        << "  --version                show the version\n"
        << "\n"
        << "Exit status: 0 success (warnings allowed), 1 the input has errors, 2 usage or I/O errors.\n";
    return 0;
}

bool resolve_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (mode != "auto") throw UsageError("--color must be auto, always or never, not '" + mode + "'");
    return auto_color(::isatty(STDERR_FILENO) == 1, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

int parse_week(const std::string& text) {
    int week = 0;
    bool digits = !text.empty() && text.size() <= 3;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (digits) week = std::stoi(text);
    if (!digits || week < 1 || week > 520) {
        throw UsageError("--week must be a whole number from 1 to 520, not '" + text + "'");
    }
    return week;
}

std::vector<std::string> parse_suppressed(const std::vector<std::string>& values) {
    std::vector<std::string> codes;
    for (const std::string& value : values) {
        if (!value.starts_with("no-")) {
            throw UsageError("-W takes no-CODE to silence a warning, e.g. -W no-W0101, not '" + value + "'");
        }
        std::string code = value.substr(3);
        for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const CodeInfo* info = find_code(code);
        if (info == nullptr) throw UsageError("-W " + value + ": unknown diagnostic code '" + code + "'");
        if (info->severity != Severity::warning) {
            throw UsageError("-W " + value + ": only warnings can be silenced, and " + code + " is an error");
        }
        codes.push_back(code);
    }
    return codes;
}

// A duration written as in the language (SPEC 1), largest unit first: "45min", "1h", "1h30min",
// "90s", or in clock form "4:30" (m:ss).
std::optional<std::int64_t> parse_duration(std::string_view text) {
    if (const auto colon = text.find(':'); colon != std::string_view::npos) {
        const std::string_view minutes = text.substr(0, colon), seconds = text.substr(colon + 1);
        const auto all_digits = [](std::string_view part) {
            return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (minutes.empty() || minutes.size() > 6 || seconds.size() != 2 || !all_digits(minutes) || !all_digits(seconds) ||
            seconds[0] > '5') {
            return std::nullopt;
        }
        const std::int64_t total = std::stoll(std::string(minutes)) * 60 + std::stoll(std::string(seconds));
        return total > 0 ? std::optional(total) : std::nullopt;
    }
    constexpr std::pair<std::string_view, std::int64_t> units[] = {{"h", 3600}, {"min", 60}, {"s", 1}};
    std::int64_t total = 0;
    std::size_t next_unit = 0;
    while (!text.empty()) {
        std::size_t digits = 0;
        while (digits < text.size() && digits < 6 && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits == 0) return std::nullopt;
        const std::int64_t value = std::stoll(std::string(text.substr(0, digits)));
        text.remove_prefix(digits);
        while (next_unit < std::size(units) && !text.starts_with(units[next_unit].first)) ++next_unit;
        if (next_unit == std::size(units)) return std::nullopt;
        total += value * units[next_unit].second;
        text.remove_prefix(units[next_unit].first.size());
        ++next_unit;
    }
    return total > 0 ? std::optional(total) : std::nullopt;
}

// --session-range 20min-45min: the session-length lint's bounds.
std::pair<std::int64_t, std::int64_t> parse_session_range(const std::string& text) {
    const auto dash = text.find('-');
    const auto low = parse_duration(std::string_view(text).substr(0, dash));
    const auto high = dash == std::string::npos ? std::nullopt : parse_duration(std::string_view(text).substr(dash + 1));
    if (!low || !high || *low > *high) {
        throw UsageError("--session-range takes two durations like 20min-45min or 4:30-60min, shortest first, not '" + text + "'");
    }
    return {*low, *high};
}

// --dtstamp 1767225600: whole seconds since 1970, as SOURCE_DATE_EPOCH is written.
std::int64_t parse_epoch(const std::string& text) {
    bool digits = !text.empty() && text.size() <= 12;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (!digits) throw UsageError("--dtstamp takes whole seconds since 1970 like 1767225600, not '" + text + "'");
    return std::stoll(text);
}

// --speed 1000, --speed 0.5: a plain decimal number above 0, at most a million.
double parse_speed(const std::string& text) {
    char* end = nullptr;
    const bool shape = !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
    const double speed = shape ? std::strtod(text.c_str(), &end) : 0;
    if (!shape || end != text.c_str() + text.size() || !(speed > 0) || speed > 1e6) {
        throw UsageError("--speed takes a number above 0 and at most 1000000, like 2 or 0.5, not '" + text + "'");
    }
    return speed;
}

// -j 4: how many files `reps check` works on at once.
unsigned parse_jobs(const std::string& text) {
    bool digits = !text.empty() && text.size() <= 4;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    const int jobs = digits ? std::stoi(text) : 0;
    if (jobs < 1 || jobs > 1024) throw UsageError("-j takes a number of files to check at once, 1-1024, not '" + text + "'");
    return static_cast<unsigned>(jobs);
}

// --warning-limit 1000: how many warnings of a file are shown; 0 shows them all.
std::size_t parse_warning_limit(const std::string& text) {
    bool digits = !text.empty() && text.size() <= 9;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (!digits) throw UsageError("--warning-limit takes a number of warnings, 0 for all, not '" + text + "'");
    return static_cast<std::size_t>(std::stoul(text));
}

Dump parse_dump(const std::string& text) {
    if (text == "ast") return Dump::ast;
    if (text == "checked") return Dump::checked;
    if (text == "timeline") return Dump::timeline;
    throw UsageError("--dump must be ast, checked or timeline, not '" + text + "'");
}

struct Parsed {
    Options options;
    bool help = false;
    bool version = false;
    const Command* command = nullptr;
};

Parsed parse(int argc, const char* const argv[]) {
    po::options_description all;
    all.add_options()                                               //
        ("help,h", "")                                              //
        ("version", "")                                             //
        ("diagnostics", po::value<std::string>(), "")               //
        ("color", po::value<std::string>(), "")                     //
        ("werror", "")                                              //
        (",W", po::value<std::vector<std::string>>(), "")           //
        ("warning-limit", po::value<std::string>(), "")             //
        ("dump", po::value<std::string>(), "")                      //
        ("to", po::value<std::string>(), "")                        //
        ("output,o", po::value<std::string>(), "")                  //
        ("workout", po::value<std::string>(), "")                   //
        ("program", po::value<std::string>(), "")                   //
        ("week", po::value<std::string>(), "")                      //
        ("profile", po::value<std::string>(), "")                   //
        ("session-range", po::value<std::string>(), "")             //
        ("at", po::value<std::string>(), "")                        //
        ("timezone", po::value<std::string>(), "")                  //
        ("alarm", po::value<std::string>(), "")                     //
        ("dtstamp", po::value<std::string>(), "")                   //
        ("speed", po::value<std::string>(), "")                     //
        ("plain", "")                                               //
        ("say", "")                                                 //
        ("wait", "")                                                //
        ("log", po::value<std::string>(), "")                       //
        ("jobs,j", po::value<std::string>(), "")                    //
        ("check", "")                                               //
        ("stdio", "")                                               //
        ("command", po::value<std::string>(), "")                   //
        ("args", po::value<std::vector<std::string>>(), "");
    po::positional_options_description positional;
    positional.add("command", 1).add("args", -1);

    po::variables_map vm;
    try {
        // No prefix guessing: `--wor` is a typo, not --workout.
        const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).style(style).run(), vm);
    } catch (const po::error& e) {
        std::string message = e.what();
        // Boost names the short-only option "--W".
        if (const auto at = message.find("'--W'"); at != std::string::npos) message.replace(at, 5, "'-W'");
        throw UsageError(message);
    }
    const auto text = [&](const char* name) { return vm.count(name) ? vm[name].as<std::string>() : std::string(); };

    Parsed parsed;
    parsed.help = vm.count("help") > 0;
    parsed.version = vm.count("version") > 0;
    Options& options = parsed.options;
    options.command = text("command");
    if (vm.count("args")) options.args = vm["args"].as<std::vector<std::string>>();
    if (parsed.help || parsed.version) return parsed;

    if (options.command.empty()) throw UsageError("no command given");
    parsed.command = find_command(options.command);
    if (parsed.command == nullptr) {
        std::vector<std::string_view> names;
        for (const Command& command : commands) names.push_back(command.name);
        const auto close = closest_name(options.command, names);
        throw UsageError("unknown command '" + options.command + "'" +
                         (close ? "; did you mean '" + *close + "'?" : std::string()));
    }
    const Command& command = *parsed.command;
    for (const auto& [name, value] : vm) {
        const bool compile = compile_options.contains(name);
        const bool plays = command.run == run_play;
        const bool build = build_only_options.contains(name) && !(plays && name == "workout");
        const bool play = play_only_options.contains(name);
        const bool check_only = check_only_options.contains(name) && command.run != run_check;
        const bool fmt_only = fmt_only_options.contains(name) && command.run != run_fmt;
        const bool lsp_only = lsp_only_options.contains(name) && command.run != run_lsp;
        if ((compile && !command.compiles) || (build && !command.builds) || (play && !plays) || check_only || fmt_only ||
            lsp_only) {
            const std::string shown = name == "-W" ? "-W" : "--" + name;
            throw UsageError("'reps " + options.command + "' does not take " + shown);
        }
    }
    if (options.args.size() < command.min_args || options.args.size() > command.max_args) {
        const bool files = command.compiles;
        throw UsageError("'reps " + options.command + "' takes " +
                         (command.max_args == 1 && command.min_args == 1 ? std::string("exactly one ")
                          : command.min_args > 0                         ? std::string("at least one ")
                                                                         : std::string("at most one ")) +
                         (files ? "FILE" : command.name == "explain" ? "CODE" : "argument"));
    }
    // Imports are read beside the file, so a file has a place: standard input has none.
    if ((command.compiles || command.name == "fmt") && std::find(options.args.begin(), options.args.end(), "-") != options.args.end()) {
        throw UsageError("'-' (standard input) cannot be read: give a file name (./- for a file named '-')");
    }

    options.json_diagnostics = false;
    if (vm.count("diagnostics")) {
        const std::string format = text("diagnostics");
        if (format != "text" && format != "json") {
            throw UsageError("--diagnostics must be text or json, not '" + format + "'");
        }
        options.json_diagnostics = format == "json";
    }
    options.color_mode = vm.count("color") ? text("color") : "auto";
    options.color = resolve_color(options.color_mode);
    options.werror = vm.count("werror") > 0;
    if (vm.count("-W")) options.suppressed = parse_suppressed(vm["-W"].as<std::vector<std::string>>());
    if (vm.count("dump")) options.dump = parse_dump(text("dump"));
    if (vm.count("week")) {
        options.week_all = text("week") == "all";
        if (!options.week_all) options.week = parse_week(text("week"));
        options.week_given = true;
    }
    if (vm.count("session-range")) {
        std::tie(options.session_min_seconds, options.session_max_seconds) = parse_session_range(text("session-range"));
    }
    options.profile = text("profile");
    options.to = text("to");
    options.output = text("output");
    if (vm.count("output") && options.output.empty()) throw UsageError("-o needs a file name");
    if (options.output == "-") options.output.clear();  // as most tools read it: standard output (./- for a file of that name)
    options.workout = text("workout");
    options.program = text("program");
    options.at = text("at");
    options.timezone = text("timezone");
    if (vm.count("alarm")) {
        options.alarm = parse_duration(text("alarm"));
        if (!options.alarm || *options.alarm > 7 * 24 * 3600) {
            throw UsageError("--alarm takes a duration up to 7 days like 15min, 1h or 90s, not '" + text("alarm") + "'");
        }
    }
    if (vm.count("dtstamp")) options.dtstamp = parse_epoch(text("dtstamp"));
    if (vm.count("jobs")) options.jobs = parse_jobs(text("jobs"));
    if (vm.count("warning-limit")) options.warning_limit = parse_warning_limit(text("warning-limit"));
    if (vm.count("speed")) options.speed = parse_speed(text("speed"));
    options.plain = vm.count("plain") > 0;
    options.fmt_check = vm.count("check") > 0;
    options.say = vm.count("say") > 0;
    options.wait = vm.count("wait") > 0;
    options.log = text("log");
    if (vm.count("log") && options.log.empty()) throw UsageError("--log needs a file name");
    return parsed;
}

int usage_error(std::ostream& err, std::string_view message, const std::string& command) {
    const Command* known = find_command(command);
    err << "reps: error: " << printable(message) << "\n"
        << "usage: " << (known != nullptr ? known->usage : general_usage) << "\n"
        << "Try 'reps --help' for more information.\n";
    return 2;
}

// The command name, if any, for a usage message printed before parsing could finish.
std::string first_positional(int argc, const char* const argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (argv[i] != nullptr && argv[i][0] != '-') return argv[i];
    }
    return {};
}

}  // namespace
}  // namespace cli

int run_cli(int argc, const char* const argv[], std::ostream& out, std::ostream& err) {
    try {
        cli::Parsed parsed;
        try {
            parsed = cli::parse(argc, argv);
        } catch (const cli::UsageError& e) {
            return cli::usage_error(err, e.what(), cli::first_positional(argc, argv));
        }
        if (parsed.help) return cli::run_help(parsed.options, out, err);
        if (parsed.version) {
            out << "reps " << cli::version << '\n';
            return 0;
        }
        try {
            return parsed.command->run(parsed.options, out, err);
        } catch (const cli::UsageError& e) {
            return cli::usage_error(err, e.what(), parsed.options.command);
        }
    } catch (const std::exception& e) {
        err << "reps: error: " << cli::printable(e.what()) << '\n';
    } catch (...) {
        err << "reps: error: unexpected internal failure\n";
    }
    return 2;
}

}  // namespace reps
