// The timeline bar of a sheet: one inline SVG, a rectangle per segment coloured by its kind,
// the phases bracketed above it, minute ticks below; and a legend with the time per kind.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "runtime/export/html/html_internal.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::html {

namespace {

// The drawing is 1000 units wide and scales to the page; text scales with it, so its sizes
// are chosen for the printed width (186 mm: one unit is about 0.19 mm).
constexpr double width = 1000;
constexpr double bar_top = 20;
constexpr double bar_height = 26;
constexpr double tick_top = bar_top + bar_height;
constexpr double height = tick_top + 24;

const char* phase_label(timeline::Phase phase) {
    switch (phase) {
        case timeline::Phase::warmup: return "Warm-up";
        case timeline::Phase::main: return "Main";
        case timeline::Phase::cooldown: return "Cool-down";
    }
    return "Main";
}

// Minutes between small ticks and between labelled ticks, so that labels never crowd.
std::pair<int, int> tick_steps(std::int64_t total_seconds) {
    const std::int64_t minutes = total_seconds / 60;
    if (minutes <= 20) return {1, 2};
    if (minutes <= 60) return {1, 5};
    if (minutes <= 120) return {5, 10};
    if (minutes <= 300) return {5, 30};
    return {30, 60};
}

std::string phase_brackets(const timeline::Timeline& timeline, double scale) {
    std::string out;
    const auto& segments = timeline.segments;
    for (std::size_t i = 0; i < segments.size();) {
        std::size_t end = i;
        while (end < segments.size() && segments[end].phase == segments[i].phase) ++end;
        const double x0 = static_cast<double>(segments[i].start) * scale;
        const double x1 = static_cast<double>(segments[end - 1].start + segments[end - 1].duration) * scale;
        const char* phase = timeline::to_string(segments[i].phase);
        out += fmt::format("<path class=\"ph-{}\" d=\"M{:.1f} 16V12H{:.1f}V16\"/>", phase, x0 + 0.5, x1 - 0.5);
        // A label goes in only where it fits, its duration first to go; a short phase keeps its bracket.
        const auto fits = [&](const std::string& text) { return x1 - x0 >= static_cast<double>(text.size()) * 8 + 6; };
        std::string label = fmt::format("{} {}", phase_label(segments[i].phase),
                                         format_clock(segments[end - 1].start + segments[end - 1].duration - segments[i].start));
        if (!fits(label)) label = phase_label(segments[i].phase);
        if (fits(label)) {
            out += fmt::format("<text class=\"ph-{}\" x=\"{:.1f}\" y=\"9\">{}</text>", phase, x0 + 2, label);
        }
        out += "\n";  // a line per drawn item keeps golden diffs readable
        i = end;
    }
    return out;
}

std::string ticks(std::int64_t total, double scale) {
    const auto [minor, major] = tick_steps(total);
    // The total as the header prints it ("46:40"): the ticks are minutes, the end is a clock.
    const std::string end_label = format_clock(total);
    // Labels are about 6.6 units a character; none may run into the total printed at the end.
    const double last_label_x = width - static_cast<double>(end_label.size()) * 6.6 - 14;
    std::string out;
    for (std::int64_t minute = 0; minute * 60 <= total; minute += minor) {
        const double x = std::clamp(static_cast<double>(minute * 60) * scale, 0.5, width - 0.5);
        const bool labelled = minute % major == 0;
        out += fmt::format("<path class=\"tick\" d=\"M{:.1f} {}v{}\"/>", x, tick_top, labelled ? 6 : 3);
        if (labelled && x < last_label_x) {
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\"{}>{}</text>", x, tick_top + 17,
                               minute == 0 ? "" : " text-anchor=\"middle\"", minute);
        }
        out += "\n";
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", width, tick_top + 17, end_label);
    return out;
}

}  // namespace

std::string timeline_figure(const timeline::Timeline& timeline) {
    const std::int64_t total = std::max<std::int64_t>(timeline.total_seconds, 1);
    const double scale = width / static_cast<double>(total);
    std::string out = fmt::format(
        "<figure class=\"timeline\">\n<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Timeline, {} in total\">\n",
        width, height, format_clock(timeline.total_seconds));
    out += phase_brackets(timeline, scale);
    out += fmt::format("<rect class=\"track\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", bar_top, width, bar_height);
    std::array<std::int64_t, 4> per_kind{};
    for (const auto& segment : timeline.segments) {
        per_kind[static_cast<std::size_t>(segment.kind)] += segment.duration;
        const double x = static_cast<double>(segment.start) * scale;
        const double w = std::max(static_cast<double>(segment.duration) * scale, 0.4);
        out += fmt::format("<rect class=\"k-{}\" x=\"{:.2f}\" y=\"{}\" width=\"{:.2f}\" height=\"{}\"/>\n",
                           timeline::to_string(segment.kind), x, bar_top, w, bar_height);
    }
    out += ticks(timeline.total_seconds, scale);
    out += "</svg>\n<figcaption class=\"legend\">";
    for (const auto kind : {timeline::SegmentKind::work, timeline::SegmentKind::rest, timeline::SegmentKind::switch_,
                            timeline::SegmentKind::transition}) {
        const auto seconds = per_kind[static_cast<std::size_t>(kind)];
        if (seconds == 0) continue;
        const char* name = timeline::to_string(kind);
        out += fmt::format("<span><i class=\"sw k-{}\"></i>{}{} {}</span>", name, static_cast<char>(name[0] - 'a' + 'A'),
                           name + 1, format_clock(seconds));
    }
    return out + "</figcaption>\n</figure>\n";
}

}  // namespace reps::html
