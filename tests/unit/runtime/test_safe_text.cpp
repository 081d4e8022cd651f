// Nothing a user wrote can drive a terminal: every exporter escapes (JSON) or replaces (text,
// HTML, ICS, FIT) the control characters of titles, cues and notes.
#include <doctest/doctest.h>

#include <string>

#include "runtime/export/fit/fit_export.hpp"
#include "runtime/export/html/html_export.hpp"
#include "runtime/export/ics/ics_export.hpp"
#include "runtime/export/json/json_export.hpp"
#include "runtime/export/safe_text.hpp"
#include "runtime/export/text/text_export.hpp"

using namespace reps;

namespace {

// ESC [ 2 J (clear the screen), BEL, a raw CR, DEL and U+009B (the one-byte CSI of C1).
const std::string hostile = "Chest\x1b[2J up\x07\r\x7f \xc2\x9b" "31m!";

bool has_control(const std::string& text, bool newlines_allowed) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n' && newlines_allowed) continue;
        if (byte == '\r' && newlines_allowed && i + 1 < text.size() && text[i + 1] == '\n') continue;  // ICS line ends
        if (byte < 0x20 || byte == 0x7f) return true;
        if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            return true;
        }
    }
    return false;
}

timeline::Timeline hostile_timeline() {
    timeline::Timeline t;
    t.workout = "legs";
    t.title = "Legs " + hostile;
    timeline::Segment work;
    work.duration = 30;
    work.exercise = "goblet_squat";
    work.title = "Goblet " + hostile;
    work.set = 1;
    work.sets = 1;
    work.reps = 10;
    work.amount_text = "10";
    work.cue = hostile;
    t.segments.push_back(work);
    t.total_seconds = 30;
    return t;
}

}  // namespace

TEST_CASE("without_control_characters: C0, DEL and C1 become spaces, other UTF-8 stays, never longer") {
    CHECK(without_control_characters(hostile) == "Chest [2J up     31m!");
    CHECK(without_control_characters("a\nb", true) == "a\nb");
    CHECK(without_control_characters("a\nb") == "a b");
    CHECK(without_control_characters("Übung – 💪 \xc2\xa0") == "Übung – 💪 \xc2\xa0");  // U+00A0 is not a control
    CHECK(without_control_characters(hostile).size() <= hostile.size());
}

TEST_CASE("every exporter keeps user text free of control characters") {
    const timeline::Timeline t = hostile_timeline();
    const std::string text = to_text(t);
    CHECK(!has_control(text, true));
    CHECK(text.find("Chest [2J up") != std::string::npos);
    CHECK(!has_control(to_html(t), true));
    CHECK(!has_control(to_ics(t, "2026-12-01", "17:30", "", IcsOptions{0, std::nullopt}), true));
    // JSON escapes them instead (\u001b): the data stays as written, and no raw byte is left.
    const std::string json = to_json(t);
    CHECK(json.find("\\u001b[2J") != std::string::npos);
    CHECK(json.find('\x1b') == std::string::npos);
    // FIT is binary (any byte may be a number): its strings hold the text with spaces instead.
    const std::string fit = to_fit(t).bytes;
    CHECK(fit.find("Chest [2J up     31m!") != std::string::npos);
    CHECK(fit.find("\x1b[2J") == std::string::npos);
    CHECK(fit.find("\xc2\x9b") == std::string::npos);
}
