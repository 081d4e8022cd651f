// The printable timeline: exact lines for a hand-built workout and program, and the layout rules.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "runtime/export/text/text_export.hpp"
#include "sample_timelines.hpp"

using namespace reps;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A timeline of one work segment, to look at a single rendered line.
timeline::Timeline one_segment(const timeline::Segment& segment) {
    timeline::Timeline t;
    t.workout = "one";
    t.title = "One";
    t.segments.push_back(segment);
    t.total_seconds = segment.start + segment.duration;
    return t;
}

std::string last_line(const std::string& text) { return lines_of(text).back(); }

}  // namespace

TEST_CASE("format_clock uses m:ss under an hour and h:mm:ss from an hour on") {
    CHECK(format_clock(0) == "0:00");
    CHECK(format_clock(36) == "0:36");
    CHECK(format_clock(600) == "10:00");
    CHECK(format_clock(3599) == "59:59");
    CHECK(format_clock(3600) == "1:00:00");
    CHECK(format_clock(5430) == "1:30:30");
    CHECK(format_clock(86400) == "24:00:00");
    CHECK(format_clock(-5) == "0:00");
}

TEST_CASE("a workout prints a header and one line per segment under phase headings") {
    const std::string expected =
        "Sample Session\n"
        "Workout: sample   Week: 2   Total: 17:52\n"
        "Equipment: Bench, Dumbbells, Kettlebell\n"
        "\n"
        "WARM-UP\n"
        "   0:00  5:00  work        Easy Cardio, 5min\n"
        "   5:00  0:30  transition\n"
        "\n"
        "MAIN\n"
        "   5:30  0:36  work        Kettlebell Goblet Squat, set 1/2, 12 reps @16kg \"Chest up\"\n"
        "   6:06  1:00  rest\n"
        "   7:06  0:36  work        Kettlebell Goblet Squat, set 2/2, 12 reps @16kg \"Chest up\"\n"
        "   7:42  0:30  transition\n"
        "   8:12  0:30  work        Bulgarian Split Squat, set 1/2, left, 8-10 reps @2x10kg\n"
        "   8:42  0:05  switch\n"
        "   8:47  0:30  work        Bulgarian Split Squat, set 1/2, right, 8-10 reps @2x10kg\n"
        "   9:17  1:00  rest\n"
        "  10:17  0:30  work        Bulgarian Split Squat, set 2/2, left, 8-10 reps @2x10kg\n"
        "  10:47  0:05  switch\n"
        "  10:52  0:30  work        Bulgarian Split Squat, set 2/2, right, 8-10 reps @2x10kg\n"
        "  11:22  0:30  transition\n"
        "  11:52  0:30  work        Plank, 30s\n"
        "\n"
        "COOL-DOWN\n"
        "  12:22  0:30  transition\n"
        "  12:52  5:00  work        Static Stretching, 5min\n";
    CHECK(to_text(test::sample_timeline()) == expected);
}

TEST_CASE("workout text is plain: no trailing blanks, no control characters, under 100 columns") {
    for (const auto& line : lines_of(to_text(test::sample_timeline()))) {
        CAPTURE(line);
        CHECK(line.size() < 100);
        if (!line.empty()) CHECK(line.back() != ' ');
        for (const char c : line) CHECK(static_cast<unsigned char>(c) >= 0x20);
    }
}

TEST_CASE("amounts read as a coach says them") {
    auto segment = test::work(0, 3, "push_up", "Push-Up", 1, 3, "1");
    CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, 1 rep");
    segment.amount_text = "5+";
    CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, 5+ reps");
    segment.amount_text = "max";
    CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, max reps");
    segment.amount_text = "1:30";
    CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, 1:30");

    SUBCASE("without an amount text the reps, seconds or AMRAP flag are used") {
        segment.amount_text.clear();
        segment.reps = 8;
        CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, 8 reps");
        segment.reps.reset();
        segment.as_many_as_possible = true;
        segment.seconds = 20;
        CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, max reps");
        segment.as_many_as_possible = false;
        CHECK(last_line(to_text(one_segment(segment))) == "  0:00  0:03  work        Push-Up, set 1/3, 20s");
    }
}

TEST_CASE("a load without an exercise title falls back to the exercise name") {
    auto segment = test::work(0, 30, "hip_thrust", "", 2, 3, "12");
    segment.load = test::mass("bw+10kg", 10);
    CHECK(last_line(to_text(one_segment(segment))) ==
          "  0:00  0:30  work        hip_thrust, set 2/3, 12 reps @bw+10kg");
}

TEST_CASE("a long cue moves under the details column and wraps there") {
    auto segment = test::work(0, 30, "suspension_row", "Suspension Row", 1, 3, "10");
    segment.cue = std::string("pull your chest to the handles, squeeze the shoulder blades together, ") +
                  "keep the body in one straight line from heels to head and lower slowly";
    const auto lines = lines_of(to_text(one_segment(segment)));
    REQUIRE(lines.size() == 8);
    CHECK(lines[5] == "  0:00  0:30  work        Suspension Row, set 1/3, 10 reps");
    CHECK(lines[6] == "                          \"pull your chest to the handles, squeeze the shoulder blades together,");
    CHECK(lines[7] == "                          keep the body in one straight line from heels to head and lower slowly\"");
    for (const auto& line : lines) CHECK(line.size() <= 100);
}

TEST_CASE("line breaks in user strings stay on one line") {
    auto segment = test::work(0, 30, "plank", "Plank", 1, 1, "30s");
    segment.cue = "brace\nbreathe";
    auto t = one_segment(segment);
    t.title = "Core\nday";
    const auto lines = lines_of(to_text(t));
    CHECK(lines[0] == "Core day");
    CHECK(lines.back() == "  0:00  0:30  work        Plank, 30s \"brace breathe\"");
}

TEST_CASE("no equipment and long workouts") {
    timeline::Timeline t;
    t.workout = "long";
    t.title = "Long";
    t.segments.push_back(test::work(0, 3600, "easy_cardio", "Easy Cardio", 1, 1, "1h"));
    t.segments.push_back(test::pause(3600, 60, timeline::SegmentKind::rest));
    t.total_seconds = 3660;
    const auto lines = lines_of(to_text(t));
    CHECK(lines[1] == "Workout: long   Week: 1   Total: 1:01:00");
    CHECK(lines[2] == "Equipment: none");
    // Columns widen to the longest clock so both lines line up.
    CHECK(lines[5] == "     0:00  1:00:00  work        Easy Cardio, 1h");
    CHECK(lines[6] == "  1:00:00     1:00  rest");
}

TEST_CASE("a program prints week by week with one line per session") {
    const std::string expected =
        "Strength for Runners\n"
        "Program: runner_strength   Start: 2026-12-01   Weeks: 2   Time zone: Europe/Berlin\n"
        "\n"
        "Week 1 (2026-12-01 - 2026-12-07)\n"
        "  Tue 2026-12-01 06:30  Run: Intervals (50:00, hard)\n"
        "  Tue 2026-12-01 17:30  Sample Session (17:52)\n"
        "\n"
        "Week 2 (2026-12-08 - 2026-12-14)\n"
        "  Sat 2026-12-12 08:00  Run: Long run (1:30:00)\n";
    CHECK(to_text(test::sample_program()) == expected);
}

TEST_CASE("a week without sessions says so, and week dates cross month and year ends") {
    auto program = test::sample_program();
    program.start = "2026-12-29";
    program.weeks = 3;
    const auto text = to_text(program);
    CHECK(text.find("Week 1 (2026-12-29 - 2027-01-04)\n") != std::string::npos);
    CHECK(text.find("Week 3 (2027-01-12 - 2027-01-18)\n  (no sessions)\n") != std::string::npos);
}

TEST_CASE("an unreadable start date drops the week's dates, not the week") {
    auto program = test::sample_program();
    program.start = "2026-02-30";
    const auto lines = lines_of(to_text(program));
    CHECK(lines[3] == "Week 1");
    CHECK(lines[7] == "Week 2");
}
