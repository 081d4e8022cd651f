// Renders a timeline or a program as text a coach can print, paste, or read in a calendar.
// The layout is fixed (goldens are taken of it); a workout looks like:
//
//   Total Body Gym Workout for Runners
//   Workout: total_body   Week: 1   Total: 48:30
//   Equipment: Kettlebell, Dumbbells
//
//   MAIN
//      0:00   0:36  work        Kettlebell Goblet Squat, set 1/3, 12 reps @16kg "Chest up"
//      0:36   1:00  rest
//
// and a program like:
//
//   Week 1 (2026-12-01 - 2026-12-07)
//     Tue 2026-12-01 17:30  Total Body Gym Workout for Runners (48:30)
//     Sat 2026-12-05 08:00  Run: Long run (1:30:00, easy)
#include "runtime/export/text/text_export.hpp"

#include "runtime/export/safe_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace reps {

namespace {

constexpr std::size_t line_limit = 100;
constexpr std::string_view indent = "  ";

// User strings may hold "\n" escapes; one entry must stay on one line.
// User text on one line, with no control character that could drive a terminal.
std::string one_line(std::string_view text) { return without_control_characters(text); }

const char* phase_heading(timeline::Phase phase) {
    switch (phase) {
        case timeline::Phase::warmup: return "WARM-UP";
        case timeline::Phase::main: return "MAIN";
        case timeline::Phase::cooldown: return "COOL-DOWN";
    }
    return "MAIN";
}

bool is_rep_count(std::string_view amount) {
    if (amount.empty()) return false;
    return std::all_of(amount.begin(), amount.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+'; });
}

// "12 reps", "8-12 reps", "5+ reps", "1 rep", "30s", "max reps"; empty when nothing is known.
std::string amount_phrase(const timeline::Segment& segment) {
    const std::string& amount = segment.amount_text;
    if (amount == "1") return "1 rep";
    if (amount == "max") return "max reps";
    if (is_rep_count(amount)) return amount + " reps";
    if (!amount.empty()) return one_line(amount);
    if (segment.reps) return *segment.reps == 1 ? "1 rep" : fmt::format("{} reps", *segment.reps);
    if (segment.as_many_as_possible) return "max reps";
    if (segment.seconds) return fmt::format("{}s", *segment.seconds);
    return {};
}

// The printable row a work segment came from, for what segments do not repeat (alt, tempo, hold).
const timeline::BlockEntry* entry_of(const timeline::Timeline& timeline, const timeline::Segment& segment) {
    if (segment.block < 0 || static_cast<std::size_t>(segment.block) >= timeline.blocks.size()) return nullptr;
    for (const auto& entry : timeline.blocks[static_cast<std::size_t>(segment.block)].entries) {
        if (entry.exercise == segment.exercise) return &entry;
    }
    return nullptr;
}

// Everything after the kind column of a work line, without the cue.
std::string work_details(const timeline::Segment& segment, const timeline::BlockEntry* entry) {
    std::string out = one_line(segment.title.empty() ? segment.exercise : segment.title);
    // "set 1/1" says nothing to a coach, so single-set work (a warm-up jog) goes without.
    if (segment.sets > 1) out += fmt::format(", set {}/{}", segment.set, segment.sets);
    if (segment.side != timeline::Side::none) out += fmt::format(", {}", timeline::to_string(segment.side));
    if (entry && entry->sides == "alt") out += ", alternating sides";
    if (const auto amount = amount_phrase(segment); !amount.empty()) out += ", " + amount;
    if (segment.load) out += " @" + one_line(segment.load->text);
    if (entry && !segment.as_many_as_possible) {
        if (!entry->tempo.empty()) out += " tempo " + entry->tempo;
        if (entry->hold > 0) out += fmt::format(" hold {}s", entry->hold);
    }
    return out;
}

// Notes add no time: each prints where it stands, before the segment that follows it, in the order
// written. Where a phase begins, `side` picks those above its heading (the ones before the first
// note of the new phase: the main part's last words, a warm-up of notes alone) or those below it.
enum class NotesSide { all, above_heading, below_heading };
void append_notes_before(std::string& text, const timeline::Timeline& timeline, std::size_t segment_index,
                         NotesSide side = NotesSide::all) {
    const auto blocks = timeline::blocks_starting_at(timeline, segment_index);
    const auto& segments = timeline.segments;
    const auto of_new_phase = [&](const timeline::Block& block) {
        return segment_index < segments.size() && block.phase == segments[segment_index].phase;
    };
    bool below = false;
    for (const auto& block : blocks) {
        if (block.kind != timeline::Block::Kind::note) continue;
        below = below || of_new_phase(block);
        if (side == NotesSide::all || below == (side == NotesSide::below_heading)) {
            text += fmt::format("{}note: {}\n", indent, one_line(block.text));
        }
    }
}

// Appends `line` plus `words` to `text`, continuing on lines indented by `hanging` columns
// when a word would pass the line limit.
void append_wrapped(std::string& text, std::string line, std::string_view words, std::size_t hanging) {
    std::size_t position = 0;
    bool first_word = true;
    while (position < words.size()) {
        auto end = words.find(' ', position);
        if (end == std::string_view::npos) end = words.size();
        const auto word = words.substr(position, end - position);
        position = end + 1;
        if (word.empty()) continue;
        const bool fits = line.size() + 1 + word.size() <= line_limit;
        if (!first_word && !fits && line.size() > hanging) {
            text += line + "\n";
            line = std::string(hanging, ' ');
        } else if (!first_word || line.size() > hanging) {
            line += ' ';
        }
        line += word;
        first_word = false;
    }
    text += line + "\n";
}

std::string equipment_line(const timeline::Timeline& timeline) {
    if (timeline.equipment.empty()) return "Equipment: none";
    const bool titled = timeline.equipment_titles.size() == timeline.equipment.size();
    std::string out = "Equipment: ";
    for (std::size_t i = 0; i < timeline.equipment.size(); ++i) {
        if (i > 0) out += ", ";
        const auto& title = titled ? timeline.equipment_titles[i] : timeline.equipment[i];
        out += one_line(title.empty() ? timeline.equipment[i] : title);
    }
    return out;
}

// "Tue" from "tue".
std::string weekday_label(std::string_view weekday) {
    std::string out(weekday);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::optional<std::chrono::sys_days> parse_date(const std::string& text) {
    int year = 0;
    unsigned month = 0, day = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%d-%u-%u%c", &year, &month, &day, &rest) != 3) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                           std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days{date};
}

std::string format_date(std::chrono::sys_days days) {
    const std::chrono::year_month_day date{days};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string week_heading(const timeline::Program& program, int week) {
    const auto start = parse_date(program.start);
    if (!start) return fmt::format("Week {}", week);
    const auto first = *start + std::chrono::days{7 * (week - 1)};
    return fmt::format("Week {} ({} - {})", week, format_date(first),
                       format_date(first + std::chrono::days{6}));
}

std::string session_line(const timeline::Session& session) {
    std::string what;
    if (session.run) {
        const auto& run = *session.run;
        what = fmt::format("Run: {} ({}", one_line(run.title), format_clock(run.duration));
        if (!run.intensity.empty()) what += ", " + run.intensity;
        what += ")";
    } else if (session.timeline) {
        const auto& timeline = *session.timeline;
        what = fmt::format("{} ({})", one_line(timeline.title.empty() ? timeline.workout : timeline.title),
                           format_clock(timeline.total_seconds));
    } else {
        what = session.workout;
    }
    if (!session.written_time.empty()) what += fmt::format("  ({} is skipped by the clock change)", session.written_time);
    return fmt::format("{}{} {} {}  {}", indent, weekday_label(session.weekday), session.date,
                       session.time, what);
}

}  // namespace

std::string format_clock(std::int64_t seconds) {
    seconds = std::max<std::int64_t>(seconds, 0);
    const auto hours = seconds / 3600;
    const auto minutes = seconds / 60 % 60;
    if (hours > 0) return fmt::format("{}:{:02}:{:02}", hours, minutes, seconds % 60);
    return fmt::format("{}:{:02}", minutes, seconds % 60);
}

std::string to_text(const timeline::Timeline& timeline) {
    std::string text;
    text += one_line(timeline.title.empty() ? timeline.workout : timeline.title) + "\n";
    text += fmt::format("Workout: {}   Week: {}   Total: {}\n", timeline.workout, timeline.week,
                        format_clock(timeline.total_seconds));
    text += equipment_line(timeline) + "\n";

    // Columns are as wide as this workout's longest clock, so every line of it lines up.
    std::size_t start_width = 4, duration_width = 4;
    for (const auto& segment : timeline.segments) {
        start_width = std::max(start_width, format_clock(segment.start).size());
        duration_width = std::max(duration_width, format_clock(segment.duration).size());
    }

    std::optional<timeline::Phase> phase;
    for (std::size_t index = 0; index < timeline.segments.size(); ++index) {
        const auto& segment = timeline.segments[index];
        if (phase != segment.phase) {
            append_notes_before(text, timeline, index, NotesSide::above_heading);
            text += fmt::format("\n{}\n", phase_heading(segment.phase));
            append_notes_before(text, timeline, index, NotesSide::below_heading);
            phase = segment.phase;
        } else {
            append_notes_before(text, timeline, index);
        }
        const auto clocks = fmt::format("{}{:>{}}  {:>{}}  ", indent, format_clock(segment.start),
                                        start_width, format_clock(segment.duration), duration_width);
        if (segment.kind != timeline::SegmentKind::work) {
            text += clocks + timeline::to_string(segment.kind) + "\n";
            continue;
        }
        const auto line = fmt::format("{}{:<10}  {}", clocks, "work", work_details(segment, entry_of(timeline, segment)));
        if (!segment.cue) {
            text += line + "\n";
            continue;
        }
        // The cue follows on the same line when it fits, else under the details column.
        const auto cue = fmt::format("\"{}\"", one_line(*segment.cue));
        const auto details_column = clocks.size() + 12;
        if (line.size() + 1 + cue.size() <= line_limit) {
            text += line + " " + cue + "\n";
        } else {
            text += line + "\n";
            append_wrapped(text, std::string(details_column, ' '), cue, details_column);
        }
    }
    append_notes_before(text, timeline, timeline.segments.size());
    return text;
}

std::string to_text(const timeline::Program& program) {
    std::string text;
    text += one_line(program.title.empty() ? program.name : program.title) + "\n";
    text += fmt::format("Program: {}   Start: {}   Weeks: {}   Time zone: {}\n", program.name,
                        program.start, program.weeks, program.timezone);

    int last_week = program.weeks;
    for (const auto& session : program.sessions) last_week = std::max(last_week, session.week);
    for (int week = 1; week <= last_week; ++week) {
        text += "\n" + week_heading(program, week) + "\n";
        bool any = false;
        for (const auto& session : program.sessions) {
            if (session.week != week) continue;
            text += session_line(session) + "\n";
            any = true;
        }
        if (!any) text += fmt::format("{}(no sessions)\n", indent);
    }
    return text;
}

}  // namespace reps
