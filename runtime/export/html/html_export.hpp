// The printable workout sheet: `reps build --to html`. One self-contained HTML file (inline CSS
// and SVG, no scripts, no network) that reads on a phone and prints on A4 or Letter.
#pragma once

#include <string>
#include <string_view>

#include "runtime/timeline.hpp"

namespace reps {

// One page: title, date (a blank line to fill in when unknown), week, total time, equipment,
// regions worked, a timeline bar, then warm-up / main / cool-down rows with boxes per set.
std::string to_html(const timeline::Timeline& timeline);

// The same, with the date and time of `--at` ("2026-12-01T17:30") printed in the header;
// an empty or malformed `at` prints the blank date line.
std::string to_html(const timeline::Timeline& timeline, std::string_view at);

// One page per workout session, week by week, with page breaks between them. Runs get no page
// of their own: every page lists its week's sessions (runs included) in a one-line agenda. A
// week with runs but no workout gets one short page listing them, so no session goes missing.
std::string to_html(const timeline::Program& program);

// Text made safe for HTML element content and quoted attribute values: & < > " ' become
// entities. Every user-provided string goes through this.
std::string html_escape(std::string_view text);

}  // namespace reps
