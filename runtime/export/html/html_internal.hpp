// Pieces the HTML sheet is built from, shared by the html_*.cpp files of the runtime only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/timeline.hpp"

namespace reps::html {

// What a page shows besides the timeline itself.
struct PageInfo {
    std::string kicker;       // small line above the title, already escaped
    std::string when;         // "Tue 2026-12-01 17:30", escaped; empty prints a blank line
    std::string agenda;       // the week's sessions as HTML (programs), or empty
};

// The whole <section class="page"> of one workout.
std::string sheet_page(const timeline::Timeline& timeline, const PageInfo& info);

// A program's overview page: its schedule week by week, and per workout the dose of each
// exercise in every week. `last_week` is the program's last week with a session.
std::string overview_page(const timeline::Program& program, int last_week);

// The table of blocks: a section per phase, a row per block, grouped rows for groups.
std::string block_table(const timeline::Timeline& timeline);

// The blocks to print: the timeline's own, or when an IR producer left them out, one per run
// of work segments of the same exercise (so a hand-built timeline still prints).
std::vector<timeline::Block> printable_blocks(const timeline::Timeline& timeline);

// The timeline bar: an inline <svg> coloured by segment kind with minute ticks and phase
// brackets, followed by its legend with the time spent in each kind.
std::string timeline_figure(const timeline::Timeline& timeline);

// The <style> contents.
std::string_view stylesheet();

// "45s", "2:00", "1:30", "1:30:00": a duration as a sheet prints it (the clock from a minute on).
std::string short_duration(std::int64_t seconds);

// "Tue 2026-12-01" from "2026-12-01" (and "tue" when the weekday is known); the date alone
// when it does not parse.
std::string day_label(std::string_view date, std::string_view weekday = {});

}  // namespace reps::html
