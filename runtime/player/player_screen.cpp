// The full-screen player's frame: the current segment large and clear, a big countdown, a bar for
// the segment and one for the workout, and what comes next; coloured by kind, fitted to the size.
//
//    Total Body Gym Workout for Runners                      week 1 · main
//
//    WORK
//    Kettlebell Goblet Squat
//    Set 1 of 3
//    12 reps @16kg
//    "Chest up"
//
//              ███   ███ ███
//              █ █ █   █ █
//              █ █   ███ ███     (the time left in the segment, in block digits,
//              █ █ █ █   █ █      wider on wider terminals)
//              ███   ███ ███
//
//    [██████████░░░░░░░░░░░░░░░░░░]  0:10 / 0:36
//    [██░░░░░░░░░░░░░░░░░░░░░░░░░░]  5:40 elapsed · 43:00 left
//
//    Next: Rest 1:00
//
//    space pause · n next · b back · +/- rest 10s · q quit
#include "runtime/player/player_screen.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "runtime/player/player_text.hpp"

namespace reps::player {

namespace {

// The block-digit font: 3 columns by 5 rows, 'X' for a filled cell.
constexpr int font_rows = 5;
constexpr std::array<std::array<std::string_view, font_rows>, 11> font = {{
    {"XXX", "X X", "X X", "X X", "XXX"},  // 0
    {" X ", "XX ", " X ", " X ", "XXX"},  // 1
    {"XXX", "  X", "XXX", "X  ", "XXX"},  // 2
    {"XXX", "  X", " XX", "  X", "XXX"},  // 3
    {"X X", "X X", "XXX", "  X", "  X"},  // 4
    {"XXX", "X  ", "XXX", "  X", "XXX"},  // 5
    {"XXX", "X  ", "XXX", "X X", "XXX"},  // 6
    {"XXX", "  X", "  X", "  X", "  X"},  // 7
    {"XXX", "X X", "XXX", "X X", "XXX"},  // 8
    {"XXX", "X X", "XXX", "  X", "XXX"},  // 9
    {" ", "X", " ", "X", " "},            // :
}};

// The full layout's height; below it the countdown shrinks to one line, then blank lines go.
constexpr int full_rows = 20;
constexpr int compact_rows = 16;

const char* kind_color(timeline::SegmentKind kind) {
    switch (kind) {
        case timeline::SegmentKind::work: return "32";        // green
        case timeline::SegmentKind::rest: return "36";        // cyan
        case timeline::SegmentKind::switch_: return "33";     // yellow
        case timeline::SegmentKind::transition: return "35";  // magenta
    }
    return "32";
}

// Attributes (bold, inverse) always; the colour only when colour is on, so NO_COLOR still reads.
std::string paint(const ScreenStyle& style, std::string_view attributes, std::string_view color,
                  std::string_view text) {
    std::string codes(attributes);
    if (style.color && !color.empty()) codes += (codes.empty() ? "" : ";") + std::string(color);
    if (codes.empty() || text.empty()) return std::string(text);
    return "\x1b[" + codes + "m" + std::string(text) + "\x1b[0m";
}

// Cuts plain text to `width` columns, marking the cut.
std::string fit(std::string_view text, int width, const ScreenStyle& style) {
    if (width <= 0) return {};
    if (visible_width(text) <= width) return std::string(text);
    std::string out;
    int columns = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80) {
            if (columns == width - 1) break;
            ++columns;
        }
        out += text[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + (style.unicode ? "\u2026" : ".");
}

std::string repeat(std::string_view piece, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += piece;
    return out;
}

// The big countdown's rows, each `scale` times as wide as the font.
std::vector<std::string> big_text(std::string_view text, int scale, const ScreenStyle& style) {
    const std::string_view cell = style.unicode ? "\u2588" : "#";
    std::vector<std::string> rows(font_rows);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const std::size_t glyph = c == ':' ? 10 : static_cast<std::size_t>(c - '0');
        if (glyph > 10) continue;
        for (int row = 0; row < font_rows; ++row) {
            if (i > 0) rows[static_cast<std::size_t>(row)] += std::string(static_cast<std::size_t>(scale), ' ');
            for (char dot : font[glyph][static_cast<std::size_t>(row)]) {
                rows[static_cast<std::size_t>(row)] += repeat(dot == 'X' ? cell : " ", scale);
            }
        }
    }
    return rows;
}

int big_width(std::string_view text, int scale) {
    int width = 0;
    for (char c : text) width += (c == ':' ? 1 : 3) * scale;
    return width + static_cast<int>(text.size() - 1) * scale;
}

std::string centered(const std::string& painted, int width, int columns) {
    return std::string(static_cast<std::size_t>(std::max(0, (columns - width) / 2)), ' ') + painted;
}

// "[████░░░░]  label", the bar taking what a label `label_width` wide leaves of the width.
std::string bar(double fraction, const std::string& label, int label_width, std::string_view color, int columns,
                const ScreenStyle& style) {
    const int inner = columns - 2 - 2 - 2 - label_width;  // margins, brackets, gap
    if (inner < 5) return " " + fit(label, columns - 2, style);
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int filled = static_cast<int>(fraction * inner + 0.5);
    const std::string full = repeat(style.unicode ? "\u2588" : "#", filled);
    const std::string empty = repeat(style.unicode ? "\u2591" : "-", inner - filled);
    return " [" + paint(style, "", color, full) + paint(style, "2", "", empty) + "]  " + label;
}

std::string next_phrase(const PlayerState& state, std::string_view dot) {
    const timeline::Segment* next = state.next();
    if (next == nullptr) return "Next: the end";
    std::string out = "Next: " + segment_title(*next);
    if (next->kind != timeline::SegmentKind::work) return out + " " + clock_text(next->duration);
    for (const std::string& part : {set_phrase(*next), std::string(timeline::to_string(next->side)),
                                    dose_phrase(*next)}) {
        if (!part.empty()) out += std::string(dot) + part;
    }
    return out;
}

std::vector<std::string> finished_lines(const PlayerState& state, ScreenSize size, const ScreenStyle& style) {
    const std::string title = state.timeline().title.empty() ? state.timeline().workout : state.timeline().title;
    std::vector<std::string> lines{" " + paint(style, "1", "", fit(title, size.columns - 1, style)),
                                   " " + fit(state.quit() ? "Stopped." : "Done. Well worked!", size.columns - 1, style)};
    // The notes written after the last segment (a last word from the coach) show at the end.
    if (!state.quit()) {
        for (const std::string& note : notes_at(state.timeline(), static_cast<int>(state.timeline().segments.size()))) {
            lines.push_back(" " + paint(style, "1", "33", fit("Note: " + note, size.columns - 1, style)));
        }
    }
    return lines;
}

}  // namespace

int visible_width(std::string_view text) {
    int width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7E)) ++i;
            continue;
        }
        if ((byte & 0xC0) != 0x80) ++width;
    }
    return width;
}

std::vector<std::string> frame_lines(const PlayerState& state, ScreenSize size, const ScreenStyle& style) {
    const int columns = std::max(1, size.columns);
    const int rows = std::max(1, size.rows);
    const timeline::Segment* segment = state.current();
    std::vector<std::string> lines;
    if (segment == nullptr) {
        lines = finished_lines(state, size, style);
        lines.resize(std::min<std::size_t>(lines.size(), static_cast<std::size_t>(rows)));
        return lines;
    }
    const std::string dot = style.unicode ? " \u00b7 " : " - ";
    const std::string color = kind_color(segment->kind);
    // A column of margin on each side: a character in the last column would be erased by the
    // clear-to-end-of-line that follows it when line wrap is off.
    const int text_width = columns - 2;
    const bool roomy = rows >= compact_rows;
    const auto blank = [&] {
        if (roomy) lines.emplace_back();
    };

    // Header: the workout on the left, week and phase on the right when they fit.
    const timeline::Timeline& plan = state.timeline();
    const std::string title = plan.title.empty() ? plan.workout : plan.title;
    const std::string where = fmt::format("week {}{}{}", plan.week, dot, timeline::to_string(segment->phase));
    if (visible_width(title) + 2 + visible_width(where) <= text_width) {
        const int gap = text_width - visible_width(title) - visible_width(where);
        lines.push_back(" " + paint(style, "1", "", title) + std::string(static_cast<std::size_t>(gap), ' ') + where);
    } else {
        lines.push_back(" " + paint(style, "1", "", fit(title, text_width, style)));
    }
    blank();

    // The segment: kind badge (and PAUSED), title, set and side, dose, cue.
    std::string kind_badge = std::string(" ") + timeline::to_string(segment->kind) + " ";
    std::transform(kind_badge.begin(), kind_badge.end(), kind_badge.begin(),
                   [](char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c); });
    std::string badge_line = " " + paint(style, "1;7", color, fit(kind_badge, text_width, style));
    if (state.paused() && visible_width(kind_badge) + 10 <= text_width) {
        badge_line += "  " + paint(style, "1;7", "31", " PAUSED ");
    }
    lines.push_back(badge_line);
    lines.push_back(" " + paint(style, "1", color, fit(segment_title(*segment), text_width, style)));
    std::string set_side;
    if (segment->kind == timeline::SegmentKind::work && segment->sets > 1) {
        set_side = fmt::format("Set {} of {}", segment->set, segment->sets);
    }
    if (segment->side != timeline::Side::none) {
        set_side += (set_side.empty() ? "" : dot) + std::string(timeline::to_string(segment->side)) + " side";
    }
    if (const std::string sides = sides_phrase(plan, *segment); !sides.empty()) set_side += (set_side.empty() ? "" : dot) + sides;
    // A set waiting for the athlete counts up, with its estimate as a guide.
    if (state.waits()) {
        set_side += (set_side.empty() ? "" : dot) + "estimate " + clock_text(seconds_up(state.segment_duration())) + dot +
                    "Enter when done";
    }
    lines.push_back(" " + fit(set_side, text_width, style));
    std::string dose = dose_phrase(*segment);
    if (const std::string form = form_phrase(plan, *segment, dot); !form.empty()) dose += (dose.empty() ? "" : dot) + form;
    lines.push_back(" " + paint(style, "1", "", fit(dose, text_width, style)));
    std::string cue;
    if (segment->kind == timeline::SegmentKind::work && segment->cue) {
        cue = (style.unicode ? "\u201c" : "\"") + *segment->cue + (style.unicode ? "\u201d" : "\"");
        std::replace_if(cue.begin(), cue.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    }
    lines.push_back(" " + paint(style, "3", "", fit(cue, text_width, style)));
    // A coach's note shows while the segment its place comes before is played.
    for (const std::string& note : notes_at(plan, state.index())) {
        lines.push_back(" " + paint(style, "1", "33", fit("Note: " + note, text_width, style)));
    }
    blank();

    // The countdown: block digits when there is room, one bold line otherwise.
    const std::string countdown = state.waits() ? clock_text(seconds_down(state.segment_elapsed()))
                                                : clock_text(seconds_up(state.segment_remaining()));
    int scale = columns >= 120 ? 3 : columns >= 70 ? 2 : 1;
    while (scale > 1 && big_width(countdown, scale) > text_width) --scale;
    if (rows >= full_rows && big_width(countdown, scale) <= text_width) {
        for (const std::string& row : big_text(countdown, scale, style)) {
            lines.push_back(centered(paint(style, "1", color, row), big_width(countdown, scale), columns));
        }
    } else {
        lines.push_back(centered(paint(style, "1", color, countdown), visible_width(countdown), columns));
    }
    blank();

    // The bars: this segment, then the whole workout.
    const Millis duration = state.segment_duration();
    const double segment_done = duration > 0 ? static_cast<double>(state.segment_elapsed()) / static_cast<double>(duration) : 1.0;
    const Millis total = state.total();
    const double workout_done = total > 0 ? static_cast<double>(state.position()) / static_cast<double>(total) : 1.0;
    const std::string segment_label =
        clock_text(seconds_down(state.segment_elapsed())) + " / " + clock_text(seconds_up(duration));
    const std::string workout_label = clock_text(seconds_down(state.played())) + " elapsed" + dot +
                                      clock_text(seconds_up(total - state.position())) + " left";
    // Both bars as long as each other, whatever their labels say.
    const int label_width = std::max(visible_width(segment_label), visible_width(workout_label));
    lines.push_back(bar(segment_done, segment_label, label_width, color, columns, style));
    lines.push_back(bar(workout_done, workout_label, label_width, "", columns, style));
    blank();

    lines.push_back(" " + fit(next_phrase(state, dot), text_width, style));
    blank();
    const std::string keys = std::string(state.paused() ? "space resume" : "space pause") + dot + "n next" + dot +
                             "b back" + dot + "+/- rest 10s" + dot + (state.wait_for_reps() ? "enter done" + dot + "w no wait" : "w wait") +
                             dot + "q quit";
    lines.push_back(" " + paint(style, "2", "", fit(keys, text_width, style)));

    if (lines.size() > static_cast<std::size_t>(rows)) lines.resize(static_cast<std::size_t>(rows));
    return lines;
}

std::string render_frame(const PlayerState& state, ScreenSize size, const ScreenStyle& style) {
    std::string out = "\x1b[H";
    const std::vector<std::string> lines = frame_lines(state, size, style);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        out += "\x1b[K";
        if (i + 1 < lines.size()) out += "\r\n";
    }
    return out + "\x1b[J";
}

}  // namespace reps::player
