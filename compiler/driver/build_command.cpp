// `reps build FILE --to FORMAT`: picks the workout or program, lowers it, and exports it through
// the format table; nothing is written when the input has errors.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <unistd.h>

#include "compiler/base/arena.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/driver/week_lengths.hpp"
#include "compiler/dump/dump.hpp"
#include "compiler/lint/lints.hpp"
#include "compiler/lower/lower.hpp"
#include "runtime/calendar/time_zone.hpp"
#include "runtime/export/fit/fit_export.hpp"
#include "runtime/export/html/html_export.hpp"
#include "runtime/export/ics/ics_export.hpp"
#include "runtime/export/json/json_export.hpp"
#include "runtime/export/output.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::cli {

namespace {

// What an exporter may need besides the timeline.
struct ExportContext {
    std::string at;  // --at DATETIME, empty when not given
    std::string timezone;  // --timezone, empty: UTC
    std::optional<std::int64_t> alarm;
    std::optional<std::int64_t> dtstamp;
    Diagnostics* warnings = nullptr;  // where an exporter says what its format cannot carry
    const SourceManager* sources = nullptr;  // what those warnings point into
};

IcsOptions ics_options(const ExportContext& context) { return IcsOptions{context.dtstamp, context.alarm}; }

// --at 2026-12-01T17:30 (checked by check_datetime) splits into the date and the time of day.
std::string workout_to_ics(const timeline::Timeline& t, const ExportContext& context) {
    return to_ics(t, context.at.substr(0, 10), context.at.substr(11, 5), context.timezone, ics_options(context));
}

std::string program_to_ics(const timeline::Program& p, const ExportContext& context) {
    return to_ics(p, ics_options(context));
}

// Where a timeline origin (file, line, column) is in the sources: the span of the word written
// there, so that the warning quotes its line, points at it, and obeys `# reps: allow W0301`.
SourceSpan span_at(const SourceManager& sources, const timeline::Origin& origin) {
    if (origin.line == 0) return {};
    for (std::uint32_t id = 0; id < sources.size(); ++id) {
        const SourceFile& file = sources.file(id);
        if (file.path != origin.file) continue;
        const std::string_view text = file.text;
        std::size_t offset = 0;
        for (std::uint32_t line = 1; line < origin.line && offset != std::string_view::npos; ++line) {
            offset = text.find('\n', offset);
            if (offset != std::string_view::npos) ++offset;
        }
        if (offset == std::string_view::npos) return {};
        offset += origin.column - 1;
        if (offset >= text.size()) return {};
        std::size_t end = offset;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
        return SourceSpan{id, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(std::max<std::size_t>(end - offset, 1))};
    }
    return {};
}

// FIT cannot carry everything a timeline holds (%1RM, RPE, unmapped exercises...); each loss is a
// warning at the entry it is about.
std::string workout_to_fit(const timeline::Timeline& t, const ExportContext& context) {
    FitResult fit = to_fit(t);
    for (std::size_t i = 0; i < fit.warnings.size() && context.warnings != nullptr; ++i) {
        const SourceSpan span = context.sources != nullptr && i < fit.warning_origins.size()
                                    ? span_at(*context.sources, fit.warning_origins[i])
                                    : SourceSpan{};
        context.warnings->report(Code::W0301, span, std::move(fit.warnings[i]));
    }
    return std::move(fit.bytes);
}

// An exporter returns the bytes to write and throws std::exception when it cannot export.
using WorkoutExporter = std::string (*)(const timeline::Timeline&, const ExportContext&);
using ProgramExporter = std::string (*)(const timeline::Program&, const ExportContext&);

struct Format {
    std::string_view name;
    bool binary;               // never written to a terminal
    WorkoutExporter workout;  // nullptr: this format cannot export a workout
    ProgramExporter program;  // nullptr: ... a program; both nullptr: not available yet
};

// Adding a format is one entry here.
constexpr Format formats[] = {
    {"text", false, [](const timeline::Timeline& t, const ExportContext&) { return to_text(t); },
     [](const timeline::Program& p, const ExportContext&) { return to_text(p); }},
    {"html", false, [](const timeline::Timeline& t, const ExportContext& c) { return to_html(t, c.at); },
     [](const timeline::Program& p, const ExportContext&) { return to_html(p); }},
    {"json", false, [](const timeline::Timeline& t, const ExportContext&) { return to_json(t); },
     [](const timeline::Program& p, const ExportContext&) { return to_json(p); }},
    {"ics", false, workout_to_ics, program_to_ics},
    {"fit", true, workout_to_fit, nullptr},
};

const Format* find_format(std::string_view name) {
    for (const Format& format : formats) {
        if (format.name == name) return &format;
    }
    return nullptr;
}

std::string list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// --at 2026-12-01T17:30: checked here so a typo is a usage error, not an exporter failure.
void check_datetime(const std::string& text) {
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const bool shape = text.size() == 16 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':';
    const bool valid = shape && number(0, 4) >= 0 && number(5, 2) >= 1 && number(5, 2) <= 12 &&
                       number(8, 2) >= 1 && number(8, 2) <= 31 && number(11, 2) >= 0 && number(11, 2) <= 23 &&
                       number(14, 2) >= 0 && number(14, 2) <= 59;
    if (!valid) throw UsageError("--at takes a local date and time like 2026-12-01T17:30, not '" + text + "'");
    // Dates run from 1970 to 9999 (SPEC section 7): before, a calendar wrote 1969 for 1900 and
    // zeros for 5000.
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 1970) throw UsageError("--at must be a date from 1970 to 9999, not '" + text + "'");
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > month_days[month - 1] + (month == 2 && leap ? 1 : 0)) {
        throw UsageError("--at names a date that is not on the calendar: '" + text + "'");
    }
}

template <typename Item>
std::vector<std::string_view> names_of(const std::vector<Item>& items) {
    std::vector<std::string_view> names;
    for (const Item& item : items) names.push_back(item.name);
    return names;
}

template <typename Item>
std::vector<std::string_view> names_of(const std::vector<const Item*>& items) {
    std::vector<std::string_view> names;
    for (const Item* item : items) names.push_back(item->name);
    return names;
}

// What a build without --workout or --program chooses among: the file's own declarations, or
// (own_only false) every one, imports included.
template <typename Item>
std::vector<const Item*> candidates(const std::vector<Item>& items, bool own_only, std::uint32_t main_file) {
    std::vector<const Item*> found;
    for (const Item& item : items) {
        if (!own_only || item.span.file == main_file) found.push_back(&item);
    }
    return found;
}

template <typename Item>
const Item* find_named(const std::vector<Item>& items, std::string_view name) {
    for (const Item& item : items) {
        if (item.name == name) return &item;
    }
    return nullptr;
}

// This machine's IANA time zone, for a help line: TZ, else /etc/timezone, else the zoneinfo file
// /etc/localtime links to; empty when none names one.
std::string machine_timezone() {
    if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') return tz[0] == ':' ? tz + 1 : tz;
    std::ifstream file("/etc/timezone");
    std::string name;
    if (file && std::getline(file, name) && !name.empty()) return name;
    std::error_code error;
    const std::string target = std::filesystem::read_symlink("/etc/localtime", error).string();
    const auto at = target.find("zoneinfo/");
    return error || at == std::string::npos ? std::string() : target.substr(at + 9);
}

// SPEC 7 dates a single workout with --at; without --timezone that time is UTC (the same calendar
// on every machine), which a coach who meant local time should hear about.
void warn_at_means_utc(const Options& options, Diagnostics& diagnostics) {
    const std::string zone = machine_timezone();
    const bool local_zone = !zone.empty() && zone != "UTC" && zone != "Etc/UTC" && calendar::is_known_zone(zone);
    diagnostics.report(Code::W0302, SourceSpan{},
                       "--at " + options.at + " has no --timezone: it is read as UTC (" + options.at.substr(11) + "Z)",
                       local_zone ? "if " + options.at.substr(11) + " is local time, add --timezone " + printable(zone) +
                                        " (this machine's zone); --timezone UTC says UTC is meant"
                                  : "if it is local time, add --timezone with its zone, e.g. --timezone Europe/Berlin; "
                                    "--timezone UTC says UTC is meant");
}

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates) {
    if (auto close = closest_name(name, candidates)) return "did you mean '" + *close + "'?";
    return {};
}

}  // namespace

// Shared with `reps play` (cli_internal.hpp).
std::optional<Target> choose_target(const Options& options, const CheckedProgram& checked, std::uint32_t main_file,
                                    const std::string& path, Diagnostics& diagnostics) {
    const auto workouts = names_of(checked.workouts);
    const auto programs = names_of(checked.programs);
    if (!options.workout.empty()) {
        if (const auto* workout = find_named(checked.workouts, options.workout)) return Target{workout, nullptr};
        diagnostics.report(Code::E0106, SourceSpan{}, "unknown workout '" + printable(options.workout) + "'",
                          did_you_mean(options.workout, workouts));
        return std::nullopt;
    }
    if (!options.program.empty()) {
        if (const auto* plan = find_named(checked.programs, options.program)) return Target{nullptr, plan};
        diagnostics.report(Code::E0108, SourceSpan{}, "unknown program '" + printable(options.program) + "'",
                          did_you_mean(options.program, programs));
        return std::nullopt;
    }
    // SPEC 8: "A file with one workout (or one program) needs no --workout/--program": the file
    // named, so a workout beside the library it imports is built without a flag. Imported
    // declarations count only when the file declares none of its own (a file of imports alone).
    // A program is built from the workouts it schedules, so one program wins over any workouts.
    const auto declared_here = [&](const auto& item) { return item.span.file == main_file; };
    const bool own_only = std::any_of(checked.workouts.begin(), checked.workouts.end(), declared_here) ||
                          std::any_of(checked.programs.begin(), checked.programs.end(), declared_here);
    const auto plans = candidates(checked.programs, own_only, main_file);
    const auto sessions = candidates(checked.workouts, own_only, main_file);
    if (plans.size() == 1) return Target{nullptr, plans.front()};
    if (plans.empty() && sessions.size() == 1) return Target{sessions.front(), nullptr};
    if (sessions.empty() && plans.empty()) {
        diagnostics.report(Code::E0402, SourceSpan{}, "nothing to build: '" + printable(path) + "' has no workout or program");
        return std::nullopt;
    }
    std::string help = "choose one with ";
    if (!sessions.empty()) help += "--workout NAME: " + list(names_of(sessions));
    if (!sessions.empty() && !plans.empty()) help += "; or with ";
    if (!plans.empty()) help += "--program NAME: " + list(names_of(plans));
    const std::string what = plans.empty() ? "several workouts" : "several programs";
    diagnostics.report(Code::E0402, SourceSpan{}, "nothing to build: '" + printable(path) + "' has " + what, help);
    return std::nullopt;
}

namespace {

// The format --to names, or nullptr when only dumping. Unknown or unavailable formats end the run.
const Format* requested_format(const Options& options) {
    if (options.to.empty()) {
        if (options.dump != Dump::none) return nullptr;
        throw UsageError("'reps build' needs --to FORMAT (" + list(format_names()) + ")");
    }
    const Format* format = find_format(options.to);
    if (format == nullptr) {
        throw UsageError("unknown format '" + options.to + "' for --to; choose one of " + list(format_names()));
    }
    if (format->workout == nullptr && format->program == nullptr) {
        throw std::runtime_error("--to " + std::string(format->name) + " is not available yet");
    }
    return format;
}

// What to pick instead of a program for a one-workout format (FIT): its workouts and weeks, e.g.
// ": it holds one workout; pick one with --workout NAME --week N (workouts: a, b; weeks 1-6)".
std::string session_choices(const timeline::Program& program) {
    std::vector<std::string_view> workouts;
    int last_week = program.weeks;
    for (const auto& session : program.sessions) {
        last_week = std::max(last_week, session.week);
        if (session.timeline && std::find(workouts.begin(), workouts.end(), session.workout) == workouts.end()) {
            workouts.push_back(session.workout);
        }
    }
    if (workouts.empty()) return ": program '" + program.name + "' has no workout sessions";
    return ": it holds one workout; pick one with --workout NAME --week N (workouts: " + list(workouts) + "; weeks 1-" +
           std::to_string(last_week) + ")";
}

// Exports the target and writes it to -o or `out`; the reason on failure, empty on success.
std::string write_output(const Format& format, const Options& options, const std::optional<timeline::Timeline>& workout,
                         const std::optional<timeline::Program>& program, std::ostream& out,
                         Diagnostics& export_warnings, const SourceManager& sources) {
    const std::string to = "--to " + std::string(format.name);
    if (workout && format.workout == nullptr) return to + " cannot export a single workout";
    if (program && format.program == nullptr) return to + " cannot export a program" + session_choices(*program);
    if (workout && format.name == "ics" && options.at.empty()) return to + " for a workout needs --at DATETIME";
    if (program && !options.timezone.empty()) {
        return "--timezone applies to a workout with --at, and program '" + program->name + "' sets its own time zone";
    }
    std::string bytes;
    try {
        const ExportContext context{options.at, options.timezone, options.alarm, options.dtstamp, &export_warnings, &sources};
        bytes = workout ? format.workout(*workout, context) : format.program(*program, context);
    } catch (const std::exception& e) {
        return to + ": " + e.what();
    }
    if (export_warnings.has_errors()) return {};  // --werror made the exporter's warnings errors: no output
    if (!options.output.empty()) {
        std::string error;
        write_output_file(options.output, bytes, error);
        return error;
    }
    if (format.binary && &out == &std::cout && ::isatty(STDOUT_FILENO) == 1) {
        return to + " writes binary data; use -o FILE or redirect stdout";
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    return {};
}

}  // namespace

std::vector<std::string_view> format_names() {
    std::vector<std::string_view> names;
    for (const Format& format : formats) names.push_back(format.name);
    return names;
}

int run_build(const Options& options, std::ostream& out, std::ostream& err) {
    const Format* format = requested_format(options);
    if (!options.workout.empty() && !options.program.empty()) {
        throw UsageError("give --workout or --program, not both");
    }
    if (options.week_all && options.to != "text" && options.to != "json") {
        throw UsageError("--week all lists the length of each week with --to text or --to json");
    }
    if (options.week_all && options.dump != Dump::none) throw UsageError("--week all does not take --dump");
    if (options.week_given && !options.week_all && !options.program.empty()) {
        throw UsageError("--week applies to a workout; a program builds each of its weeks");
    }
    if (!options.at.empty()) check_datetime(options.at);
    if ((!options.timezone.empty() || options.alarm || options.dtstamp) && options.to != "ics") {
        throw UsageError("--timezone, --alarm and --dtstamp apply to --to ics");
    }
    // SPEC 7: --at dates a single workout's calendar event (and the HTML sheet's date line); the
    // other outputs have no date to give.
    if (!options.at.empty() && options.to != "ics" && options.to != "html") {
        throw UsageError("--at dates a workout: it applies to --to ics and --to html");
    }
    if (!options.timezone.empty() && !calendar::is_known_zone(options.timezone)) {
        throw UsageError("unknown time zone '" + options.timezone + "' for --timezone; use a name like Europe/Berlin");
    }

    // The AST comes from an arena, as `check`'s does: a big file's workouts are parsed, checked
    // and dropped one after the other in the same memory. Declared first: it outlives the AST.
    Arena arena;
    const ArenaScope arena_scope(arena);
    const std::string& path = options.args.front();
    Reporter reporter(options, err);
    Diagnostics diagnostics = reporter.make_diagnostics();
    const auto finish = [&](int status) {
        reporter.report(path, diagnostics);
        reporter.finish();
        return status;
    };

    PipelineOptions pipeline = pipeline_options(options, options.dump != Dump::ast);
    // One workout named: the others are checked as the file parses and dropped (a big library).
    // One program named: the same, and then it and its workouts are parsed again and checked alone.
    if ((!options.workout.empty() || !options.program.empty()) && options.dump == Dump::none) {
        pipeline.stream = true;
        pipeline.keep_workout = options.workout;
        pipeline.keep_program = options.program;
    }
    Compilation compiled = compile(path, pipeline, reporter.sources(), diagnostics);
    if (compiled.read_failed) {
        reporter.report(path, diagnostics, false);
        reporter.finish();
        return 2;
    }
    if (options.dump == Dump::none && !options.output.empty() && is_input_file(options.output, compiled.loaded)) {
        reporter.report(path, diagnostics);
        reporter.fail("-o '" + printable(options.output) + "' names an input file of this build; it was left as it is");
        reporter.finish();
        return 2;
    }
    if (options.dump == Dump::ast) {
        for (const ast::File& file : compiled.loaded.files) {
            if (file.file_id == compiled.loaded.main_file) dump_ast(out, file, reporter.sources());
        }
        return finish(diagnostics.has_errors() ? 1 : 0);
    }
    if (diagnostics.has_errors()) return finish(1);
    if (pipeline.stream && !options.program.empty()) {
        std::optional<Compilation> alone = compile_program_alone(compiled, options.program, pipeline.profile, reporter.sources());
        if (!alone) {
            // Not declared: the whole file, for the programs its error suggests (read again: it may
            // have changed, or become unreadable, since).
            pipeline.stream = false;
            diagnostics = reporter.make_diagnostics();
            alone = compile(path, pipeline, reporter.sources(), diagnostics);
            if (alone->read_failed) {
                reporter.report(path, diagnostics, false);
                reporter.finish();
                return 2;
            }
            if (diagnostics.has_errors()) return finish(1);
        }
        compiled = std::move(*alone);
    }
    if (options.dump == Dump::checked) {
        dump_checked(out, compiled.checked, reporter.sources());
        return finish(0);
    }

    const std::optional<Target> target = choose_target(options, compiled.checked, compiled.loaded.main_file, path, diagnostics);
    if (!target) return finish(1);
    if (target->workout != nullptr && options.to == "ics" && !options.at.empty() && options.timezone.empty()) {
        warn_at_means_utc(options, diagnostics);
        if (diagnostics.has_errors()) return finish(1);  // --werror
    }
    if (options.week_all) {
        reporter.report(path, diagnostics);
        const LintOptions range = pipeline_options(options, true).lints;
        const std::string bytes = options.to == "json"
                                      ? (target->workout ? week_lengths_json(*target->workout, range)
                                                         : week_lengths_json(compiled.checked, *target->program, range))
                                      : (target->workout ? week_lengths_text(*target->workout, range)
                                                         : week_lengths_text(compiled.checked, *target->program, range));
        std::string failure;
        if (!options.output.empty()) {
            write_output_file(options.output, bytes, failure);
        } else {
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            out.flush();
        }
        if (!failure.empty()) reporter.fail(failure);
        reporter.finish();
        return failure.empty() ? 0 : 2;
    }
    if (target->program != nullptr && (options.week_given || !options.at.empty())) {
        reporter.report(path, diagnostics);
        reporter.fail(std::string(options.week_given ? "--week" : "--at") + " applies to a workout, and program '" +
                      target->program->name + "' sets its own weeks and dates");
        reporter.finish();
        return 2;
    }

    const SourceManager& sources = reporter.sources();
    auto [workout, program] = lower_target(compiled, *target, options.week, sources);

    if (options.dump == Dump::timeline) {
        if (workout) dump_timeline(out, *workout);
        else dump_timeline(out, *program);
        return finish(0);
    }

    // Warnings come first, so that a terminal shows them above the output.
    reporter.report(path, diagnostics);
    Diagnostics export_warnings = reporter.make_diagnostics();
    export_warnings.set_allowed(allow_comment_filter(sources));  // `# reps: allow W0301` on the entry's line
    const std::string failure = write_output(*format, options, workout, program, out, export_warnings, sources);
    reporter.report(path, export_warnings, false);
    if (!failure.empty()) reporter.fail(failure);
    reporter.finish();
    if (!failure.empty()) return 2;
    return export_warnings.has_errors() ? 1 : 0;
}

}  // namespace reps::cli
