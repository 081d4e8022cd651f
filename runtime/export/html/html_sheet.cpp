// One printed page of a workout: the header with the facts, the equipment checklist, the regions
// worked, the timeline bar, the table of blocks and a footer naming the source file.
#include <map>
#include <utility>

#include <fmt/format.h>

#include "runtime/export/html/html_export.hpp"
#include "runtime/export/html/html_internal.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::html {

namespace {

std::string fact(std::string_view label, const std::string& value_html, std::string_view css_class = "") {
    std::string out = "<div";
    if (!css_class.empty()) out += fmt::format(" class=\"{}\"", css_class);
    return out + fmt::format("><dt>{}</dt><dd>{}</dd></div>", label, value_html);
}

std::string header(const timeline::Timeline& timeline, const PageInfo& info) {
    const std::string& title = timeline.title.empty() ? timeline.workout : timeline.title;
    std::string out = "<header class=\"head\">\n<div class=\"heading\">";
    if (!info.kicker.empty()) out += "<p class=\"kicker\">" + info.kicker + "</p>";
    out += "<h1>" + html_escape(title) + "</h1></div>\n<dl class=\"facts\">";
    // Without a known date the sheet leaves a line to write it on.
    out += fact("Date", info.when.empty() ? "<span class=\"blank\"></span>" : info.when, info.when.empty() ? "date" : "");
    out += fact("Week", std::to_string(timeline.week));
    out += fact("Total", format_clock(timeline.total_seconds));
    if (!timeline.profile.empty()) out += fact("Profile", html_escape(timeline.profile));
    return out + "</dl>\n</header>\n";
}

std::string equipment_list(const timeline::Timeline& timeline) {
    std::string out = "<div class=\"equipment\"><h2>Equipment</h2>";
    if (timeline.equipment.empty()) return out + "<p class=\"none\">None: bodyweight only</p></div>\n";
    out += "<ul>";
    const bool titled = timeline.equipment_titles.size() == timeline.equipment.size();
    for (std::size_t i = 0; i < timeline.equipment.size(); ++i) {
        const std::string& title = titled && !timeline.equipment_titles[i].empty() ? timeline.equipment_titles[i]
                                                                                     : timeline.equipment[i];
        out += "<li>" + html_escape(title) + "</li>";
    }
    return out + "</ul></div>\n";
}

// "Deep Core (Transverse Abdominis)" -> "Deep Core": the summary has room for the common name only.
std::string short_name(const std::string& title) {
    const auto paren = title.find(" (");
    return paren == std::string::npos || paren == 0 ? title : title.substr(0, paren);
}

// Regions with a primary muscle first (filled chips, naming those muscles), then the regions
// only assisting (outlined chips, naming the assisting muscles in grey): a page has room for
// no more than that.
std::string region_summary(const timeline::Timeline& timeline) {
    struct Region {
        std::string title;
        std::vector<std::string> primary, secondary;
    };
    std::vector<std::string> order;
    std::map<std::string, Region> regions;
    for (const auto& use : timeline.muscles) {
        auto [it, added] = regions.try_emplace(use.region);
        if (added) {
            order.push_back(use.region);
            it->second.title = !use.region_title.empty() ? use.region_title : !use.region.empty() ? use.region : "Other";
        }
        const std::string muscle = short_name(use.muscle_title.empty() ? use.muscle : use.muscle_title);
        (use.primary ? it->second.primary : it->second.secondary).push_back(muscle);
    }
    std::string out = "<div class=\"regions\"><h2>Regions worked</h2>";
    if (order.empty()) return out + "<p class=\"none\">Not known</p></div>\n";
    out += "<ul>";
    for (const bool primary : {true, false}) {
        for (const auto& name : order) {
            const Region& region = regions[name];
            if (region.primary.empty() == primary) continue;
            out += primary ? "<li class=\"primary\">" : "<li>";
            out += "<b>" + html_escape(region.title) + "</b> ";
            const auto& muscles = primary ? region.primary : region.secondary;
            if (!primary) out += "<span class=\"assist\">";
            for (std::size_t i = 0; i < muscles.size(); ++i) out += (i > 0 ? ", " : "") + html_escape(muscles[i]);
            if (!primary) out += "</span>";
            out += "</li>";
        }
    }
    return out + "</ul></div>\n";
}

std::string footer(const timeline::Timeline& timeline) {
    // The file name only: a path would tie the printout (and the goldens) to one machine.
    std::string file = timeline.source_file;
    if (const auto slash = file.find_last_of("/\\"); slash != std::string::npos) file.erase(0, slash + 1);
    std::string out = "<footer class=\"foot\"><span>";
    if (!file.empty()) out += html_escape(file) + " &middot; ";
    out += "workout " + html_escape(timeline.workout) + fmt::format(" &middot; week {}", timeline.week);
    return out + "</span><span>Log each set: weight | reps done; each side: left | right</span></footer>\n";
}

// Room to write after the session: how hard it was (RPE 1-10) and notes on two ruled lines.
std::string session_log() {
    return "<div class=\"session-log\"><div class=\"rpe\"><h2>Session RPE <span>1&ndash;10</span></h2>"
           "<span class=\"rpe-box\"></span></div><div class=\"notes\"><h2>Notes</h2>"
           "<span class=\"line\"></span><span class=\"line\"></span></div></div>\n";
}

}  // namespace

// Lines the table takes: a row each, one more for a row with a cue or alternatives under its
// title. Past what one Letter page holds at the usual spacing (the reference core workout is
// 20), the page prints dense: tighter rows and boxes, so that a long session stays one page.
bool needs_dense_print(const std::string& table) {
    const auto occurrences = [&](std::string_view what) {
        std::size_t n = 0;
        for (auto at = table.find(what); at != std::string::npos; at = table.find(what, at + what.size())) ++n;
        return n;
    };
    return occurrences("<tr") + occurrences("<span class=\"cue\">") + occurrences("<span class=\"alts\">") > 24;
}

std::string sheet_page(const timeline::Timeline& timeline, const PageInfo& info) {
    const std::string table = block_table(timeline);
    std::string out = needs_dense_print(table) ? "<section class=\"page dense\">\n" : "<section class=\"page\">\n";
    out += header(timeline, info);
    out += info.agenda;
    out += "<div class=\"summary\">\n" + equipment_list(timeline) + region_summary(timeline) + "</div>\n";
    out += timeline_figure(timeline);
    out += table;
    out += session_log();
    out += footer(timeline);
    return out + "</section>\n";
}

}  // namespace reps::html
