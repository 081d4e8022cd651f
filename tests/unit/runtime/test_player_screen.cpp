// The player's frame: the segment, the countdown, the bars and what comes next, fitted to the
// terminal's width and height; and the words it shares with --plain lines and spoken cues.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "runtime/player/player_screen.hpp"
#include "runtime/player/player_state.hpp"
#include "runtime/player/player_text.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using player::Key;
using player::PlayerState;
using player::ScreenSize;
using player::ScreenStyle;

namespace {

constexpr player::Millis s = 1000;

// The frame as a person reads it: escapes removed, lines joined.
std::string strip(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7E)) ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += strip(line) + "\n";
    return out;
}

// The big countdown's rows: block cells outside the bars.
std::vector<std::string> digit_rows(const std::vector<std::string>& lines) {
    std::vector<std::string> rows;
    for (const std::string& line : lines) {
        const std::string plain = strip(line);
        const bool cells = plain.find('#') != std::string::npos || plain.find("\u2588") != std::string::npos;
        if (cells && plain.find('[') == std::string::npos) rows.push_back(plain);
    }
    return rows;
}

// A state 10s into the first goblet squat set (36s): 26s left.
PlayerState in_squat(const timeline::Timeline& plan) {
    PlayerState state(plan);
    state.start(0);
    state.tick(340 * s);
    return state;
}

}  // namespace

TEST_CASE("a frame shows the workout, the segment, the countdown, both bars and what is next") {
    const auto plan = test::sample_timeline();
    const PlayerState state = in_squat(plan);
    const ScreenStyle ascii{false, false};
    const auto lines = player::frame_lines(state, ScreenSize{80, 24}, ascii);
    const std::string text = joined(lines);
    CHECK(text.find("Sample Session") != std::string::npos);
    CHECK(text.find("week 2 - main") != std::string::npos);
    CHECK(text.find("WORK") != std::string::npos);
    CHECK(text.find("Kettlebell Goblet Squat") != std::string::npos);
    CHECK(text.find("Set 1 of 2") != std::string::npos);
    CHECK(text.find("12 reps @16kg") != std::string::npos);
    CHECK(text.find("\"Chest up\"") != std::string::npos);
    // The segment bar: 10s of 36s played; the workout bar: 340s played, 732s left.
    CHECK(text.find("0:10 / 0:36") != std::string::npos);
    CHECK(text.find("5:40 elapsed - 12:12 left") != std::string::npos);
    CHECK(text.find("Next: Rest 1:00") != std::string::npos);
    CHECK(text.find("q quit") != std::string::npos);
    CHECK(text.find("PAUSED") == std::string::npos);

    // The countdown 0:26 in block digits: the 5-row font, a '#' per cell.
    CHECK(digit_rows(lines).size() == 5);
    // "0:26": 0 is a box, 2 starts with a full top row, 6 too; each glyph doubled at 80 columns.
    const auto first_digit_row = std::find_if(lines.begin(), lines.end(),
                                              [](const std::string& line) { return strip(line).find("######") != std::string::npos; });
    REQUIRE(first_digit_row != lines.end());
    CHECK(strip(*first_digit_row).find("######      ######  ######") != std::string::npos);
}

TEST_CASE("colours follow the segment's kind, and NO_COLOR keeps only bold and inverse") {
    const auto plan = test::sample_timeline();
    PlayerState state = in_squat(plan);
    const std::string work = player::render_frame(state, ScreenSize{80, 24}, ScreenStyle{true, true});
    CHECK(work.find("\x1b[1;7;32m WORK ") != std::string::npos);  // work is green
    CHECK(work.rfind("\x1b[H", 0) == 0);                          // drawn from the top left,
    CHECK(work.find("\x1b[J") == work.size() - 3);                // the rest of the screen cleared
    state.tick(370 * s);
    const std::string rest = player::render_frame(state, ScreenSize{80, 24}, ScreenStyle{true, true});
    CHECK(rest.find("\x1b[1;7;36m REST ") != std::string::npos);  // rest is cyan
    state.tick(457 * s);
    state.tick(462 * s);
    const std::string transition = player::render_frame(state, ScreenSize{80, 24}, ScreenStyle{true, true});
    CHECK(transition.find("\x1b[1;7;35m TRANSITION ") != std::string::npos);
    state.tick(522 * s);
    const std::string side_switch = player::render_frame(state, ScreenSize{80, 24}, ScreenStyle{true, true});
    CHECK(side_switch.find("\x1b[1;7;33m SWITCH ") != std::string::npos);
    const std::string plain = player::render_frame(state, ScreenSize{80, 24}, ScreenStyle{false, true});
    CHECK(plain.find("\x1b[1;7m SWITCH ") != std::string::npos);
    CHECK(plain.find(";33m") == std::string::npos);
}

TEST_CASE("the frame adapts to the terminal's width") {
    const auto plan = test::sample_timeline();
    const PlayerState state = in_squat(plan);
    for (const int columns : {40, 120}) {
        CAPTURE(columns);
        const auto lines = player::frame_lines(state, ScreenSize{columns, 30}, ScreenStyle{true, true});
        // The last column stays empty: a character there would be erased by the line's clear.
        int widest = 0;
        for (const std::string& line : lines) widest = std::max(widest, player::visible_width(line));
        CHECK(widest == columns - 1);
        const std::string text = joined(lines);
        // The bars fill what the longer label leaves, and end in the same column.
        const auto bar = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
            return strip(line).find("0:10 / 0:36") != std::string::npos;
        });
        REQUIRE(bar != lines.end());
        REQUIRE(bar + 1 != lines.end());
        CHECK(strip(*(bar + 1)).find("5:40 elapsed") != std::string::npos);
        CHECK(player::visible_width(*(bar + 1)) == columns - 1);
        CHECK(strip(*bar).find(']') == strip(*(bar + 1)).find(']'));
        CHECK(text.find("Kettlebell Goblet Squat") != std::string::npos);
    }
    // Bigger digits on a wider screen: a 0 is 3 cells at 40 columns, 9 at 120.
    const auto narrow_rows = digit_rows(player::frame_lines(state, ScreenSize{40, 30}, ScreenStyle{false, true}));
    const auto wide_rows = digit_rows(player::frame_lines(state, ScreenSize{120, 30}, ScreenStyle{false, true}));
    REQUIRE(narrow_rows.size() == 5);
    REQUIRE(wide_rows.size() == 5);
    const std::string narrow = narrow_rows.front();
    const std::string wide = wide_rows.front();
    const std::string cell = "\u2588";
    CHECK(narrow.find(cell + cell + cell) != std::string::npos);
    CHECK(narrow.find(cell + cell + cell + cell) == std::string::npos);
    CHECK(wide.find(cell + cell + cell + cell + cell + cell + cell + cell + cell) != std::string::npos);
    // A long title is cut with a mark, never wrapped.
    const auto tiny = player::frame_lines(state, ScreenSize{20, 30}, ScreenStyle{false, true});
    for (const std::string& line : tiny) CHECK(player::visible_width(line) <= 19);
    CHECK(joined(tiny).find("Kettlebell Goblet\u2026") != std::string::npos);
}

TEST_CASE("the frame adapts to the terminal's height") {
    const auto plan = test::sample_timeline();
    const PlayerState state = in_squat(plan);
    const auto full = player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false});
    CHECK(full.size() == 20);
    const auto short_screen = player::frame_lines(state, ScreenSize{80, 16}, ScreenStyle{false, false});
    CHECK(short_screen.size() == 16);
    CHECK(joined(short_screen).find("0:26") != std::string::npos);  // the countdown on one line
    CHECK(digit_rows(short_screen).empty());
    const auto tiny = player::frame_lines(state, ScreenSize{80, 8}, ScreenStyle{false, false});
    CHECK(tiny.size() == 8);
    CHECK(joined(tiny).find("0:26") != std::string::npos);
}

TEST_CASE("a paused frame says so and offers to resume") {
    const auto plan = test::sample_timeline();
    PlayerState state = in_squat(plan);
    state.press(Key::toggle_pause, 340 * s);
    const std::string text = joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false}));
    CHECK(text.find("PAUSED") != std::string::npos);
    CHECK(text.find("space resume") != std::string::npos);
}

TEST_CASE("each-side work names the side, the last segment's next is the end") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    state.tick(530 * s);  // the right side of split squat set 1
    std::string text = joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false}));
    CHECK(text.find("Set 1 of 2 - right side") != std::string::npos);
    CHECK(text.find("12 reps") == std::string::npos);
    CHECK(text.find("8-10 reps @2x10kg") != std::string::npos);
    state.tick(1000 * s);
    text = joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false}));
    CHECK(text.find("Static Stretching") != std::string::npos);
    CHECK(text.find("Next: the end") != std::string::npos);
}

TEST_CASE("--plain lines, spoken cues and the summary") {
    const auto plan = test::sample_timeline();
    CHECK(player::plain_line(plan, 2, 330) ==
          "[00:05:30] work  Kettlebell Goblet Squat  set 1/2  12 reps @16kg  \"Chest up\"");
    CHECK(player::plain_line(plan, 3, 366) == "[00:06:06] rest  1:00");
    CHECK(player::plain_line(plan, 8, 527) ==
          "[00:08:47] work  Bulgarian Split Squat  set 1/2  right  8-10 reps @2x10kg");
    CHECK(player::plain_line(plan, 0, 0) == "[00:00:00] work  Easy Cardio  5min");
    CHECK(player::plain_line(plan, 7, 522) == "[00:08:42] switch  0:05");

    CHECK(player::spoken_cue(plan, plan.segments[6], nullptr) ==
          "Set 1 of 2, left side, 8-10 reps, Bulgarian Split Squat.");
    CHECK(player::spoken_cue(plan, plan.segments[2], nullptr) == "Set 1 of 2, 12 reps, Kettlebell Goblet Squat. Chest up");
    CHECK(player::spoken_cue(plan, plan.segments[14], nullptr) == "30 seconds, Plank.");
    CHECK(player::spoken_cue(plan, plan.segments[0], nullptr) == "5 minutes, Easy Cardio.");
    CHECK(player::spoken_cue(plan, plan.segments[3], &plan.segments[4]) ==
          "Rest, 1 minute. Next: Kettlebell Goblet Squat.");

    player::Summary summary;
    summary.worked = 822 * s;
    summary.rested = 250 * s;
    summary.sets_done = 7;
    summary.sets_total = 7;
    summary.skipped = 1;
    summary.completed = true;
    CHECK(player::summary_text(plan, summary) ==
          "Sample Session (week 2): completed\n"
          "  time worked  13:42\n"
          "  time rested  4:10\n"
          "  sets done    7 of 7\n"
          "  skipped      1 segment\n");
    CHECK(player::clock_text(3725) == "1:02:05");
    CHECK(player::seconds_up(25'001) == 26);
    CHECK(player::seconds_down(25'999) == 25);
}

namespace {

// The sample with a note before the squats, and the squats done with a hold and a tempo.
timeline::Timeline with_note_and_form() {
    auto plan = test::sample_timeline();
    plan.blocks.resize(3);
    plan.blocks[0].kind = timeline::Block::Kind::note;
    plan.blocks[0].text = "Breathe out on the way up";
    timeline::BlockEntry squat;
    squat.exercise = "goblet_squat";
    squat.hold = 2;
    squat.tempo = "3-1-1-0";
    plan.blocks[1].entries.push_back(squat);
    // The note stands before the squats' block (segment.block 1), both where its first set starts
    // (segment 2); the split squats' block after them.
    plan.blocks[0].first_segment = 2;
    plan.blocks[1].first_segment = 2;
    plan.blocks[2].first_segment = 6;
    return plan;
}

}  // namespace

TEST_CASE("notes show when their place comes, hold and tempo show on the screen and in --plain") {
    const auto plan = with_note_and_form();
    CHECK(player::notes_at(plan, 2) == std::vector<std::string>{"Breathe out on the way up"});
    CHECK(player::notes_at(plan, 4).empty());  // the second set: the note's place has passed
    CHECK(player::notes_at(plan, 0).empty());
    CHECK(player::plain_line(plan, 2, 330) ==
          "[00:05:30] note  Breathe out on the way up\n"
          "[00:05:30] work  Kettlebell Goblet Squat  set 1/2  12 reps @16kg  hold 2s  tempo 3-1-1-0  \"Chest up\"");
    CHECK(player::plain_line(plan, 4, 426).find("hold 2s  tempo 3-1-1-0") != std::string::npos);
    CHECK(player::plain_line(plan, 4, 426).find("note") == std::string::npos);

    PlayerState state(plan);
    state.start(0);
    state.tick(331 * s);  // the first squat set
    std::string text = joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false}));
    CHECK(text.find("12 reps @16kg - hold 2s - tempo 3-1-1-0") != std::string::npos);
    CHECK(text.find("Note: Breathe out on the way up") != std::string::npos);
    state.tick(430 * s);  // the second set
    text = joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false}));
    CHECK(text.find("Note:") == std::string::npos);
}

TEST_CASE("--wait on the screen: the set counts up, with its estimate and the key to end it") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan, true);
    state.start(0);
    state.tick(400 * s);  // 70 s into a squat set estimated at 36 s
    const std::string text = joined(player::frame_lines(state, ScreenSize{100, 12}, ScreenStyle{false, false}));
    CHECK(text.find("Set 1 of 2 - estimate 0:36 - Enter when done") != std::string::npos);
    CHECK(text.find("1:10") != std::string::npos);  // the time spent, counting up
    CHECK(text.find("enter done - w no wait") != std::string::npos);
}

TEST_CASE("an alt set says 'alternating sides' in --plain, on the screen and in its spoken cue") {
    // SPEC 4.1: `alt` alternates the sides within a set, one segment for the set; the text export
    // says so, and the player must too (an outside probe found --plain without it).
    auto plan = test::sample_timeline();
    plan.blocks.resize(2);
    timeline::BlockEntry squat;
    squat.exercise = "goblet_squat";
    squat.sides = "alt";
    plan.blocks[1].entries.push_back(squat);
    CHECK(player::plain_line(plan, 2, 330) ==
          "[00:05:30] work  Kettlebell Goblet Squat  set 1/2  alternating sides  12 reps @16kg  \"Chest up\"");
    CHECK(player::spoken_cue(plan, plan.segments[2], nullptr) ==
          "Set 1 of 2, alternating sides, 12 reps, Kettlebell Goblet Squat. Chest up");
    PlayerState state(plan);
    state.start(0);
    state.tick(331 * s);
    CHECK(joined(player::frame_lines(state, ScreenSize{80, 24}, ScreenStyle{false, false})).find("Set 1 of 2 - alternating sides") !=
          std::string::npos);

    squat.sides = "each";  // each-side work has a segment per side, named by the side
    plan.blocks[1].entries = {squat};
    CHECK(player::sides_phrase(plan, plan.segments[2]).empty());
}
