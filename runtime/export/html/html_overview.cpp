// A program's first printed page: the schedule (weeks by sessions, each with its day, time and
// length) and, per workout, the dose of each exercise week by week, so that the progression
// reads at a glance before the session pages.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "runtime/export/html/html_export.hpp"
#include "runtime/export/html/html_internal.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::html {

namespace {

using timeline::Block;
using timeline::BlockEntry;

std::string weekday_of(const timeline::Session& session) {
    std::string when = day_label(session.date, session.weekday);
    if (const auto space = when.find(' '); space != std::string::npos) when.resize(space);
    return when;
}

std::string schedule_cell(const timeline::Session& session) {
    std::string out = "<td><b>" + html_escape(weekday_of(session) + " " + session.time) + "</b> ";
    if (session.run) {
        out += "Run: " + html_escape(session.run->title) + " <span class=\"len\">" + format_clock(session.run->duration) + "</span>";
    } else if (session.timeline) {
        const auto& t = *session.timeline;
        out += html_escape(t.title.empty() ? t.workout : t.title) + " <span class=\"len\">" + format_clock(t.total_seconds) + "</span>";
    } else {
        out += html_escape(session.workout);
    }
    return out + "</td>";
}

std::string schedule(const timeline::Program& program, int last_week) {
    std::map<int, std::vector<const timeline::Session*>> by_week;
    std::size_t columns = 0;
    for (const auto& session : program.sessions) {
        auto& week = by_week[session.week];
        week.push_back(&session);
        columns = std::max(columns, week.size());
    }
    std::string out = "<h2>Schedule</h2>\n<table class=\"overview schedule\">\n<tbody>\n";
    for (int week = 1; week <= last_week; ++week) {
        out += fmt::format("<tr><th>Week {}</th>", week);
        const auto& sessions = by_week[week];
        for (std::size_t i = 0; i < columns; ++i) out += i < sessions.size() ? schedule_cell(*sessions[i]) : "<td></td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

// "3 &times; 12 each @16kg", "5min", "30s each": the dose as the overview prints it.
std::string dose(const Block& block, const BlockEntry& entry) {
    const bool grouped = block.kind != Block::Kind::prescription;
    std::string out = html_escape(entry.amount_text);
    if (!grouped && block.sets > 1) out = fmt::format("{} &times; {}", block.sets, out);
    if (grouped && block.sets > 1) out += fmt::format(" &times; {} rounds", block.sets);
    if (entry.sides == "each") out += " each";
    if (entry.load) out += " @" + html_escape(entry.load->text);
    return out;
}

// Each exercise of one workout, a row, and its dose in every week the workout is on, a column.
std::string progression(const std::string& workout, const std::map<int, const timeline::Timeline*>& weeks) {
    const timeline::Timeline& first = *weeks.begin()->second;
    std::string out = "<h2>" + html_escape(first.title.empty() ? workout : first.title) + " <span>dose per week</span></h2>\n";
    out += "<table class=\"overview progression\">\n<thead><tr><th>Exercise</th>";
    for (const auto& [week, timeline] : weeks) {
        out += fmt::format("<th>Week {}<span class=\"len\">{}</span></th>", week, format_clock(timeline->total_seconds));
    }
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t b = 0; b < first.blocks.size(); ++b) {
        const Block& block = first.blocks[b];
        for (std::size_t e = 0; e < block.entries.size(); ++e) {
            const BlockEntry& entry = block.entries[e];
            out += "<tr><th>" + html_escape(entry.title.empty() ? entry.exercise : entry.title) + "</th>";
            for (const auto& [week, timeline] : weeks) {
                // Weeks of one workout share its blocks; only the numbers progress.
                const bool same = b < timeline->blocks.size() && e < timeline->blocks[b].entries.size();
                out += "<td>" + (same ? dose(timeline->blocks[b], timeline->blocks[b].entries[e]) : std::string()) + "</td>";
            }
            out += "</tr>\n";
        }
    }
    return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string overview_page(const timeline::Program& program, int last_week) {
    const std::string title = program.title.empty() ? program.name : program.title;
    std::string out = "<section class=\"page overview-page\">\n<header class=\"head\"><div class=\"heading\">";
    out += "<p class=\"kicker\">Program overview &middot; " + html_escape(program.name) + "</p>";
    out += "<h1>" + html_escape(title) + "</h1></div>\n<dl class=\"facts\">";
    out += "<div><dt>Start</dt><dd>" + html_escape(day_label(program.start)) + "</dd></div>";
    out += fmt::format("<div><dt>Weeks</dt><dd>{}</dd></div>", last_week);
    out += fmt::format("<div><dt>Sessions</dt><dd>{}</dd></div>", program.sessions.size());
    out += "</dl>\n</header>\n";
    out += schedule(program, last_week);
    // Workouts in the order they first appear, each with its first session of every week.
    std::vector<std::string> order;
    std::map<std::string, std::map<int, const timeline::Timeline*>> workouts;
    for (const auto& session : program.sessions) {
        if (!session.timeline) continue;
        auto [it, added] = workouts.try_emplace(session.workout);
        if (added) order.push_back(session.workout);
        it->second.try_emplace(session.week, &*session.timeline);
    }
    for (const auto& workout : order) out += progression(workout, workouts[workout]);
    return out + "</section>\n";
}

}  // namespace reps::html
