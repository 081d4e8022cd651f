// The checker's bound on timelines (E0005) against what lowering really builds: never below it,
// and exact for a workout without progressions; a given week's size is exact for every workout.
// The same measures give a session's length, so E0409 for a session ending after 9999-12-31 is here.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "compiler/driver/loader.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/timing/timeline_size.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

struct Compiled {
    SourceManager sources;
    Diagnostics diagnostics;
    CheckedProgram program;
};

// Loaded, checked and measured, as the pipeline does before lowering.
std::unique_ptr<Compiled> compile(std::string text, const fs::path& directory) {
    auto c = std::make_unique<Compiled>();
    const auto loaded = load_program_text("test.reps", std::move(text), directory, c->sources, c->diagnostics);
    if (!c->diagnostics.has_errors()) c->program = check_program(loaded.files, c->sources, CheckOptions{}, c->diagnostics);
    if (!c->diagnostics.has_errors()) check_timeline_sizes(c->program, c->diagnostics);
    return c;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.list()) out.emplace_back(code_name(d.code));
    return out;
}

// Every workout of the golden ok files and the examples, checked.
template <typename Visit>
void for_each_golden_workout(Visit&& visit) {
    for (const fs::path& dir : {fs::path(REPS_TEST_DATA_DIR) / "golden" / "ok", fs::path(REPS_EXAMPLES_DIR)}) {
        for (const auto& item : fs::directory_iterator(dir)) {
            if (item.path().extension() != ".reps") continue;
            INFO(item.path().string());
            const auto c = compile(read(item.path()), dir);
            REQUIRE(!c->diagnostics.has_errors());
            for (const auto& workout : c->program.workouts) visit(*c, workout);
        }
    }
}

}  // namespace

TEST_CASE("timeline size: a bound on every week of every golden workout and example") {
    for_each_golden_workout([](const Compiled& c, const checked::Workout& workout) {
        const TimelineSize bound = timeline_size(workout);
        bool has_progression = false;
        for (const auto& block : workout.blocks) {
            for (const auto& entry : block.entries) has_progression = has_progression || entry.steps.size() > 1;
        }
        for (int week = 1; week <= 12; ++week) {
            const auto lowered = lower_workout(c.program, workout, week, c.sources);
            CHECK(static_cast<std::int64_t>(lowered.segments.size()) <= bound.segments);
            CHECK(lowered.total_seconds <= bound.seconds);
            // A week's own size is exact, progressions or not (the session-length lint reads it).
            const TimelineSize in_week = timeline_size(workout, week);
            CHECK(in_week.segments == static_cast<std::int64_t>(lowered.segments.size()));
            CHECK(in_week.seconds == lowered.total_seconds);
            if (!has_progression) {
                CHECK(static_cast<std::int64_t>(lowered.segments.size()) == bound.segments);
                CHECK(lowered.total_seconds == bound.seconds);
            }
        }
    });
}

TEST_CASE("timeline size: hand-counted blocks") {
    // 3 sets each side: (left, switch, right) x 3 + 2 rests = 11 segments; 3 x (2 x 10 x 3s + 5s) + 2 x 60s = 315s.
    auto c = compile("workout w \"W\" { bulgarian_split_squat 3x10 each }", fs::temp_directory_path());
    REQUIRE(c->program.workouts.size() == 1);
    CHECK(timeline_size(c->program.workouts[0]).segments == 11);
    CHECK(timeline_size(c->program.workouts[0]).seconds == 315);
    // A transition of 0s adds no segment: 2 rounds x 3 entries + 1 rest = 7 segments.
    c = compile("workout w \"W\" {\n defaults transition 0s\n superset 2 rounds { burpee 10; burpee 10; burpee 10 }\n}",
                fs::temp_directory_path());
    CHECK(timeline_size(c->program.workouts[0]).segments == 7);
    CHECK(timeline_size(c->program.workouts[0]).seconds == 6 * 30 + 60);
}

TEST_CASE("timeline size: a week's size with progressions in every kind of block, as lowered") {
    // Progressions (prescriptions only: block entries take an amount) by reps, by sets and by time,
    // each side, with a switch of 0s, between blocks of every kind.
    const std::string text =
        "workout w \"W\" {\n"
        "  defaults rest 45s transition 15s switch 0s\n"
        "  goblet_squat 2x8 -> 3x12 @16kg\n"
        "  bulgarian_split_squat 2x6 -> 3x10 each rest 30s\n"
        "  plank 2x20s -> 3x60s step 20s\n"
        "  superset 3 rounds rest 90s { push_up 8; dead_bug 6 alt }\n"
        "  defaults switch 5s\n"
        "  side_plank 2x20s -> 2x40s each\n"
        "  emom 6min { burpee 10; side_plank 20s each }\n"
        "  tabata mountain_climber\n"
        "  amrap 8min { push_up 10 }\n"
        "}\n";
    for (int week = 1; week <= 12; ++week) {
        INFO("week " << week);
        const auto c = compile(text, fs::temp_directory_path());
        REQUIRE_FALSE(c->diagnostics.has_errors());
        const auto& workout = c->program.workouts.at(0);
        const auto lowered = lower_workout(c->program, workout, week, c->sources);
        const TimelineSize size = timeline_size(workout, week);
        CHECK(size.segments == static_cast<std::int64_t>(lowered.segments.size()));
        CHECK(size.seconds == lowered.total_seconds);
    }
}

TEST_CASE("timeline size: E0005 just over each bound, nothing just under it") {
    // One set, then `count` rests of `each`.
    auto rests = [](int count, const char* each) {
        std::string text = "workout w \"W\" {\n goblet_squat 1x1\n";
        for (int i = 0; i < count; ++i) text += std::string(" rest ") + each + "\n";
        return text + "}\n";
    };
    // 7 days are 604800s: a 3s set and 10080 rests of 60s are 604803s; 10079 rests fit.
    auto over = compile(rests(10080, "60s"), fs::temp_directory_path());
    CHECK(codes(over->diagnostics) == std::vector<std::string>{"E0005"});
    CHECK(over->diagnostics.list()[0].message == "workout 'w' lasts 168h00min03s, more than the 7 days (168h) a timeline may last");
    auto under = compile(rests(10079, "60s"), fs::temp_directory_path());
    CHECK(!under->diagnostics.has_errors());

    // Segments: 1 + 99999 rests = 100000 (fits), one more is over.
    auto fits = compile(rests(99999, "1s"), fs::temp_directory_path());
    CHECK(!fits->diagnostics.has_errors());
    auto too_many = compile(rests(100000, "1s"), fs::temp_directory_path());
    CHECK(codes(too_many->diagnostics) == std::vector<std::string>{"E0005"});
}

TEST_CASE("timeline size: a workout's measure (per-block sizes reused week to week) equals the walks it replaces") {
    std::size_t progressions = 0;
    for_each_golden_workout([&](const Compiled&, const checked::Workout& workout) {
        const WorkoutMeasure measure = measure_workout(workout);
        const TimelineSize bound = timeline_size(workout);
        CHECK(measure.bound.segments == bound.segments);
        CHECK(measure.bound.seconds == bound.seconds);
        REQUIRE(measure.week_seconds.size() == static_cast<std::size_t>(progression_weeks(workout)));
        for (std::size_t week = 1; week <= measure.week_seconds.size(); ++week) {
            CHECK(measure.week_seconds[week - 1] == timeline_size(workout, static_cast<int>(week)).seconds);
        }
        if (measure.week_seconds.size() > 1) ++progressions;
    });
    CHECK(progressions > 0);
}

TEST_CASE("program end: E0409 at a session whose calendar event would end after 9999-12-31, on the zone's clock") {
    // 5min + 30s + 20min in week 1, 5min + 30s + 1h10min in week 2.
    const std::string head = "exercise tt \"T\" { measure time }\n"
                             "workout w \"W\" { warmup { tt 5min }; tt 1x20min -> 1x70min step 50min }\n";
    const auto plan = [&](const std::string& zone, const std::string& sessions) {
        return compile(head + "program p \"P\" {\n  start 9999-12-18\n  weeks 2\n  timezone \"" + zone + "\"\n" + sessions + "}\n",
                       fs::temp_directory_path());
    };
    // Friday 9999-12-24 at 23:00 ends at 23:25:30; Friday 9999-12-31, week 2, at 00:16 on the next day.
    const auto late = plan("Europe/Berlin", "  fri 23:00 w\n");
    REQUIRE(codes(late->diagnostics) == std::vector<std::string>{"E0409"});
    CHECK(late->diagnostics.list()[0].message == "program 'p' would end after 9999-12-31: 'w' at 23:00 on 9999-12-31 lasts 1:15:30");
    CHECK(late->sources.position(late->diagnostics.list()[0].span).line == 7);  // the session's line
    // In New York the instant of 9999-12-31 22:44 is already in the year 10000 in UTC: what counts
    // is the wall clock the calendar writes, 23:59:30 rounded up to 24:00.
    CHECK(codes(plan("America/New_York", "  fri 22:44 w\n")->diagnostics) == std::vector<std::string>{"E0409"});
    CHECK(codes(plan("America/New_York", "  fri 22:43 w\n")->diagnostics).empty());
    // A run lasts its duration: 23:00 plus 1h passes midnight, plus 59min does not.
    const auto run = plan("UTC", "  fri 23:00 run \"Night\" 1h\n");
    REQUIRE(codes(run->diagnostics) == std::vector<std::string>{"E0409"});
    CHECK(run->diagnostics.list()[0].message == "program 'p' would end after 9999-12-31: run 'Night' at 23:00 on 9999-12-31 lasts 1:00:00");
    CHECK(codes(plan("UTC", "  fri 23:00 run \"Night\" 59min\n")->diagnostics).empty());
    // A session the day before may run into the last day.
    CHECK(codes(plan("UTC", "  thu 23:00 run \"Night\" 24h\n")->diagnostics).empty());
}
