// The HTML document around the sheet pages: escaping, the <head>, a workout's single page,
// and a program's pages week by week with the week's agenda on each.
#include "runtime/export/html/html_export.hpp"

#include "runtime/export/safe_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "runtime/export/html/html_internal.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps {

namespace html {

std::string short_duration(std::int64_t seconds) {
    // One format for every length the sheet prints, the same clock as the text timeline's and
    // the totals' ("50:00", "1:30:00"); only under a minute the seconds alone read better.
    if (seconds < 60) return fmt::format("{}s", seconds);
    return format_clock(seconds);
}

std::string day_label(std::string_view date, std::string_view weekday) {
    static constexpr const char* names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    int year = 0;
    unsigned month = 0, day = 0;
    char rest = 0;
    const std::string text(date);
    std::string label;
    if (weekday.size() == 3) {
        label = std::string(weekday);
        if (label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    } else if (std::sscanf(text.c_str(), "%d-%u-%u%c", &year, &month, &day, &rest) == 3) {
        const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (ymd.ok()) label = names[std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding()];
    }
    return label.empty() ? text : label + " " + text;
}

}  // namespace html

namespace {

std::string document(std::string_view title, std::string_view pages) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"color-scheme\" content=\"light\">\n<meta name=\"generator\" content=\"reps\">\n";
    out += "<title>" + html_escape(title) + "</title>\n<style>\n";
    out += html::stylesheet();
    out += "</style>\n</head>\n<body>\n";
    out += pages;
    out += "</body>\n</html>\n";
    return out;
}

std::string title_of(const timeline::Timeline& timeline) {
    return timeline.title.empty() ? timeline.workout : timeline.title;
}

// "Tue 17:30  Total Body (48:30)" or "Tue 06:30  Run: Intervals (50 min, hard)", escaped.
std::string agenda_item(const timeline::Session& session) {
    std::string when = html::day_label(session.date, session.weekday);
    if (const auto space = when.find(' '); space != std::string::npos) when.resize(space);  // the weekday
    std::string what;
    if (session.run) {
        what = "Run: " + html_escape(session.run->title) + " (" + format_clock(session.run->duration);
        if (!session.run->intensity.empty()) what += ", " + html_escape(session.run->intensity);
        what += ")";
    } else if (session.timeline) {
        what = html_escape(title_of(*session.timeline)) + " (" + format_clock(session.timeline->total_seconds) + ")";
    } else {
        what = html_escape(session.workout);
    }
    return "<b>" + html_escape(when) + " " + html_escape(session.time) + "</b> " + what;
}

std::string agenda(int week, const std::vector<const timeline::Session*>& sessions, const timeline::Session* current) {
    std::string out = fmt::format("<p class=\"agenda\"><span class=\"label\">Week {}</span>", week);
    for (const auto* session : sessions) {
        out += session == current ? "<span class=\"item current\">" : "<span class=\"item\">";
        out += agenda_item(*session) + "</span>";
    }
    return out + "</p>\n";
}

// A week with runs and no workout: its own short page, so that the printout misses no session.
std::string runs_page(const timeline::Program& program, int week, const std::vector<const timeline::Session*>& sessions) {
    std::string out = "<section class=\"page runs-only\">\n<header class=\"head\"><div class=\"heading\">";
    out += "<p class=\"kicker\">" + html_escape(program.title.empty() ? program.name : program.title) + "</p>";
    out += fmt::format("<h1>Week {}: runs</h1></div></header>\n", week);
    out += agenda(week, sessions, nullptr);
    return out + "</section>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    // Control characters are not allowed in HTML text (and a terminal showing the file would obey them).
    for (const char c : without_control_characters(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string to_html(const timeline::Timeline& timeline) { return to_html(timeline, {}); }

std::string to_html(const timeline::Timeline& timeline, std::string_view at) {
    html::PageInfo info;
    info.kicker = "Workout sheet &middot; " + html_escape(timeline.workout);
    // "2026-12-01T17:30": the CLI has checked the shape; anything else prints the blank line.
    if (at.size() == 16 && at[10] == 'T') {
        info.when = html_escape(html::day_label(at.substr(0, 10)) + " " + std::string(at.substr(11)));
    }
    return document(title_of(timeline), html::sheet_page(timeline, info));
}

std::string to_html(const timeline::Program& program) {
    const std::string program_title = program.title.empty() ? program.name : program.title;
    int last_week = program.weeks;
    for (const auto& session : program.sessions) last_week = std::max(last_week, session.week);

    std::string pages;
    for (int week = 1; week <= last_week; ++week) {
        std::vector<const timeline::Session*> sessions;
        std::vector<const timeline::Session*> workouts;
        for (const auto& session : program.sessions) {
            if (session.week != week) continue;
            sessions.push_back(&session);
            if (session.timeline) workouts.push_back(&session);
        }
        if (workouts.empty() && !sessions.empty()) pages += runs_page(program, week, sessions);
        for (std::size_t k = 0; k < workouts.size(); ++k) {
            const auto& session = *workouts[k];
            html::PageInfo info;
            info.kicker = fmt::format("{} &middot; Week {} &middot; Session {} of {}", html_escape(program_title), week,
                                      k + 1, workouts.size());
            info.when = html_escape(html::day_label(session.date, session.weekday) + " " + session.time);
            info.agenda = agenda(week, sessions, &session);
            pages += html::sheet_page(*session.timeline, info);
        }
    }
    if (!pages.empty()) pages = html::overview_page(program, last_week) + pages;
    if (pages.empty()) {
        pages = "<section class=\"page\">\n<header class=\"head\"><div class=\"heading\"><h1>" + html_escape(program_title) +
                "</h1></div></header>\n<p class=\"empty\">This program has no sessions.</p>\n</section>\n";
    }
    return document(program_title, pages);
}

}  // namespace reps
