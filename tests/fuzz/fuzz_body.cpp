// The fuzz body: load -> check -> lints -> render -> lower -> every exporter, all in memory; and
// `reps fmt` (format, re-parse, format again: the same bytes).
#include "tests/fuzz/fuzz_body.hpp"

#include <cstdlib>
#include <sstream>

#include "compiler/check/checked.hpp"
#include "compiler/dump/dump.hpp"
#include "compiler/lint/lints.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/format/format.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/timing/timeline_size.hpp"
#include "runtime/export/fit/fit_export.hpp"
#include "runtime/export/html/html_export.hpp"
#include "runtime/export/ics/ics_export.hpp"
#include "runtime/export/json/json_export.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::fuzz {
namespace {

// Exporters are linear in the segments (tests/bench measures them); under ASan a timeline near the
// checker's 100000-segment bound takes longer than the fuzzer's 10s timeout to run through all of
// them twice, so larger timelines are lowered and checked against the bound but not exported.
constexpr std::size_t max_exported_segments = 20'000;

// Fixed stamps keep every run deterministic, so a crash replays.
const IcsOptions ics_options{0, 600};
const FitOptions fit_options{0};

std::size_t export_workout(const timeline::Timeline& timeline) {
    std::ostringstream dump;
    dump_timeline(dump, timeline);
    std::size_t bytes = dump.str().size();
    bytes += to_text(timeline).size();
    bytes += to_json(timeline).size();
    bytes += to_html(timeline).size() + to_html(timeline, "2026-12-01T17:30").size();
    bytes += to_ics(timeline, "2026-12-01", "17:30", "UTC", ics_options).size();
    bytes += to_ics(timeline, "2026-03-29", "02:30", "Europe/Berlin", ics_options).size();
    bytes += to_fit(timeline, fit_options).bytes.size();
    return bytes;
}

std::size_t export_program(const timeline::Program& program) {
    std::ostringstream dump;
    dump_timeline(dump, program);
    return dump.str().size() + to_text(program).size() + to_json(program).size() + to_html(program).size() +
           to_ics(program, ics_options).size();
}

bool parses_cleanly(std::string_view text) {
    SourceManager sources;
    Diagnostics diagnostics;
    const auto id = sources.add("fmt.reps", std::string(text));
    if (!check_utf8(sources, id, diagnostics)) return false;
    parse_file(sources, id, diagnostics);
    return !diagnostics.has_errors();
}

// `reps fmt` on the input, as the command does it (only a file that parses is formatted): the
// result must parse again, and formatting it again must change nothing.
void check_format(std::string_view input) {
    if (!parses_cleanly(input)) return;
    const std::string once = format_source(input);
    if (!parses_cleanly(once) || format_source(once) != once) std::abort();
}

}  // namespace

Outcome run_one(std::string_view input, const std::filesystem::path& root) {
    if (input.size() > max_input_bytes) input = input.substr(0, max_input_bytes);
    // The AST in an arena, dropped into it at the end, as `reps check` does (cli_check.cpp).
    thread_local Arena arena;
    const ArenaScope arena_scope(arena);
    SourceManager sources;
    Diagnostics diagnostics;
    diagnostics.set_allowed(allow_comment_filter(sources));  // as compile() does
    LoadedProgram loaded = load_program_text("fuzz.reps", std::string(input), root, sources, diagnostics);
    std::ostringstream dump;
    for (const auto& file : loaded.files) {
        if (file.file_id == loaded.main_file) dump_ast(dump, file, sources);
    }
    Outcome outcome;
    if (!diagnostics.has_errors()) {
        const CheckedProgram checked = check_program(loaded.files, sources, CheckOptions{}, diagnostics);
        if (!diagnostics.has_errors()) check_timeline_sizes(checked, diagnostics);
        if (!diagnostics.has_errors()) {
            dump_checked(dump, checked, sources);
            run_lints(checked, LintOptions{}, diagnostics);
            for (const auto& workout : checked.workouts) {
                const TimelineSize bound = timeline_size(workout);
                for (int week : {1, 3}) {
                    const timeline::Timeline lowered = lower_workout(checked, workout, week, sources);
                    // The checker's bound (E0005) must hold for what lowering really builds, and a
                    // week's own size (what the session-length lint reads) must be exact.
                    const TimelineSize in_week = timeline_size(workout, week);
                    if (static_cast<std::int64_t>(lowered.segments.size()) > bound.segments ||
                        lowered.total_seconds > bound.seconds ||
                        static_cast<std::int64_t>(lowered.segments.size()) != in_week.segments ||
                        lowered.total_seconds != in_week.seconds) {
                        std::abort();
                    }
                    if (lowered.segments.size() <= max_exported_segments) outcome.exported_bytes += export_workout(lowered);
                }
            }
            for (const auto& plan : checked.programs) {
                const timeline::Program lowered = lower_program(checked, plan, sources);
                std::size_t segments = 0;
                for (const auto& session : lowered.sessions) segments += session.timeline ? session.timeline->segments.size() : 1;
                if (static_cast<std::int64_t>(segments) > max_program_segments) std::abort();  // E0005 missed it
                if (segments <= max_exported_segments) outcome.exported_bytes += export_program(lowered);
            }
        }
    }
    check_format(input);
    diagnostics.sort_by_position();
    std::ostringstream rendered;
    render_text(rendered, sources, diagnostics.list(), RenderOptions{true});
    render_json(rendered, sources, diagnostics.list());
    for (const auto& diagnostic : diagnostics.list()) outcome.codes.emplace_back(code_name(diagnostic.code));
    drop_into_arena(loaded);
    return outcome;
}

}  // namespace reps::fuzz
