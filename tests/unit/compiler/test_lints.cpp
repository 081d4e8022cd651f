// The coaching lints of SPEC 5.4: session length in every week a workout is used, the day-based
// lints on the dates sessions fall on, and the lints that read a workout's blocks (W0105, W0207).
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "compiler/check/checked.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/lint/lints.hpp"
#include "compiler/timing/timeline_walk.hpp"

using namespace reps;

namespace {

// The warnings `reps check` gives `text` (checked against the stdlib, then linted).
std::vector<Diagnostic> lint(std::string text) {
    SourceManager sources;
    Diagnostics diagnostics;
    LoadedProgram loaded =
        load_program_text("test.reps", std::move(text), std::filesystem::temp_directory_path(), sources, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    CheckedProgram program = check_program(loaded.files, sources, CheckOptions{}, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    run_lints(program, LintOptions{}, diagnostics);
    diagnostics.sort_by_position();
    return diagnostics.list();
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics, Code code) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.code == code) out.push_back(d.message);
    }
    return out;
}

// 40 minutes with its warm-up, the same every week.
const std::string steady = "workout steady \"Steady\" {\n  warmup { easy_cardio 10min }\n  rest 30min\n}\n";

// Progressions of six steps: 28:02 in week 1, then 35:10, 42:18, 46:38, 56:10 and 1:05:42 in week 6.
const std::string growing =
    "workout growing \"Growing\" {\n  warmup { easy_cardio 5min }\n  goblet_squat 2x8 -> 3x12 tempo 9-9-9-9\n"
    "  push_up 2x8 -> 3x12 tempo 9-9-9-9\n  plank 1x20s -> 1x12min step 2min20s\n}\n";

std::string program(const std::string& start, int weeks, const std::string& sessions) {
    return "program p \"P\" {\n  start " + start + "\n  weeks " + std::to_string(weeks) + "\n" + sessions + "}\n";
}

}  // namespace

TEST_CASE("session length: a workout alone is measured at every step of its progressions") {
    const auto warnings = messages(lint(growing), Code::W0205);
    REQUIRE(warnings.size() == 1);
    // Short in week 1 already: the first week out of range is named.
    CHECK(warnings[0] == "workout 'growing' lasts 28:02 in week 1, shorter than the 30min-60min a session should take");
}

TEST_CASE("session length: the help lists every week out of range") {
    const auto all = lint(growing);
    for (const Diagnostic& d : all) {
        if (d.code == Code::W0205) CHECK(d.help.starts_with("weeks 1 and 6 of 6 are out of range; add work"));
    }
}

TEST_CASE("session length: inside a program, each of its weeks, weeks it does not reach are not linted") {
    const std::string mid =
        "workout mid \"Mid\" {\n  warmup { easy_cardio 10min }\n  rest 25min\n  plank 1x30s -> 1x10min step 5min\n}\n";
    // Alone: weeks 1-3 (35:30, 40:30, 45:00) are in range, so no warning.
    CHECK(messages(lint(mid), Code::W0205).empty());
    // 36:00, 56:00, then 1:15:00 in week 3: in a 2-week program only weeks 1-2 count.
    const std::string late = "workout late \"Late\" {\n  warmup { easy_cardio 10min }\n  rest 25min\n"
                             "  plank 1x1min -> 1x40min step 20min\n}\n";
    CHECK(messages(lint(late), Code::W0205).size() == 1);  // alone, week 3 is 1:15:00
    CHECK(messages(lint(late + program("2026-12-07", 2, "  mon 17:00 late\n")), Code::W0205).empty());
    const auto three_weeks = messages(lint(late + program("2026-12-07", 3, "  mon 17:00 late\n")), Code::W0205);
    REQUIRE(three_weeks.size() == 1);
    CHECK(three_weeks[0] == "workout 'late' lasts 1:15:00 in week 3, longer than the 30min-60min a session should take");
}

TEST_CASE("session length: a workout the same every week is not told week by week") {
    const std::string long_one = "workout long_one \"Long\" {\n  warmup { easy_cardio 10min }\n  rest 1h\n}\n";
    const auto warnings = messages(lint(long_one + program("2026-12-07", 6, "  mon 17:00 long_one\n")), Code::W0205);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "workout 'long_one' lasts 1:10:00, longer than the 30min-60min a session should take");
    CHECK(messages(lint(steady + program("2026-12-07", 6, "  mon 17:00 steady\n")), Code::W0205).empty());
}

TEST_CASE("consecutive days are about dates, not the weekday pattern") {
    // Starting on a Wednesday, one week: Wednesday 2026-12-02 and Tuesday 2026-12-08 are 6 days apart.
    CHECK(messages(lint(steady + program("2026-12-02", 1, "  wed 17:00 steady\n  tue 17:00 steady\n")), Code::W0203).empty());
    // Two weeks: Tuesday 2026-12-08 is followed by Wednesday 2026-12-09.
    const auto two_weeks =
        messages(lint(steady + program("2026-12-02", 2, "  wed 17:00 steady\n  tue 17:00 steady\n")), Code::W0203);
    REQUIRE(two_weeks.size() == 1);
    CHECK(two_weeks[0] == "strength on consecutive days: tue and wed, first on 2026-12-08 and 2026-12-09");
    // Sunday and Monday of a one-week program starting Monday: the week does not wrap.
    CHECK(messages(lint(steady + program("2026-12-07", 1, "  mon 17:00 steady\n  sun 17:00 steady\n")), Code::W0203).empty());
    const auto wrapped =
        messages(lint(steady + program("2026-12-07", 2, "  mon 17:00 steady\n  sun 17:00 steady\n")), Code::W0203);
    REQUIRE(wrapped.size() == 1);
    CHECK(wrapped[0] == "strength on consecutive days: sun and mon, first on 2026-12-13 and 2026-12-14");
    // Within a week, whatever the start: Thursday and Friday.
    CHECK(messages(lint(steady + program("2026-12-05", 1, "  thu 17:00 steady\n  fri 17:00 steady\n")), Code::W0203).size() == 1);
}

TEST_CASE("a run and strength the same day: before the run, during it, or too soon after") {
    const auto w204 = [&](const std::string& sessions) { return messages(lint(steady + program("2026-12-07", 1, sessions)), Code::W0204); };
    CHECK(w204("  mon 08:00 run \"Long\" 90min hard\n  mon 07:00 steady\n") ==
          std::vector<std::string>{"strength at 07:00 comes before the run at 08:00"});
    // Overlapping: it starts while the run goes on (it read "0h-30 after the run ends").
    CHECK(w204("  mon 08:00 run \"Long\" 90min hard\n  mon 09:00 steady\n") ==
          std::vector<std::string>{"strength at 09:00 starts before the run at 08:00 ends, at 09:30"});
    CHECK(w204("  mon 08:00 run \"Long\" 90min hard\n  mon 11:00 steady\n") ==
          std::vector<std::string>{"strength at 11:00 is 1h30 after the run ends; leave at least 4h"});
    CHECK(w204("  mon 08:00 run \"Long\" 90min hard\n  mon 13:30 steady\n").empty());
}

TEST_CASE("a run and strength the same day are apart in elapsed time, across a clock change too") {
    // Berlin's clocks go forward at 02:00 on Sunday 2027-03-28 and back at 03:00 on 2026-10-25.
    const auto w204 = [&](const std::string& start, int weeks, const std::string& strength_at) {
        const std::string sessions = "  timezone \"Europe/Berlin\"\n  sun 00:30 run \"Night\" 30min hard\n  sun " + strength_at + " steady\n";
        return messages(lint(steady + program(start, weeks, sessions)), Code::W0204);
    };
    // 01:00 CET to 05:00 CEST is 3h: the wall clock's 4h is not.
    CHECK(w204("2027-03-22", 2, "05:00") ==
          std::vector<std::string>{"strength at 05:00 is 3h00 after the run ends on 2027-03-28, when the clocks change; leave at least 4h"});
    CHECK(w204("2027-03-29", 2, "05:00").empty());  // the weeks after: 4h
    // 01:00 CEST to 04:00 CET is 4h: the wall clock's 3h is not too soon.
    CHECK(w204("2026-10-19", 1, "04:00").empty());
    // On that night 02:30 is 03:30: a strength session at 03:15 comes before the run, that day only.
    const std::string skipped = "  timezone \"Europe/Berlin\"\n  sun 02:30 run \"Short\" 5min easy\n  sun 03:15 steady\n";
    CHECK(messages(lint(steady + program("2027-03-22", 1, skipped)), Code::W0204) ==
          std::vector<std::string>{"strength at 03:15 comes before the run at 02:30 on 2027-03-28, when the clocks change"});
    // Other weeks of the same program are as the wall clock says.
    CHECK(w204("2026-10-19", 2, "04:00") == std::vector<std::string>{"strength at 04:00 is 3h00 after the run ends; leave at least 4h"});
}

TEST_CASE("overlapping sessions: one that starts before another of the same date ends (W0206)") {
    const auto w206 = [&](const std::string& sessions, int weeks = 1) {
        return messages(lint(steady + growing + program("2026-12-07", weeks, sessions)), Code::W0206);
    };
    // `steady` lasts 40:00: from 07:00 it ends at 07:40, when the next may start.
    CHECK(w206("  mon 07:00 steady\n  mon 07:39 growing\n") ==
          std::vector<std::string>{"sessions overlap on 2026-12-07: 'growing' at 07:39 starts before 'steady' at 07:00 ends"});
    CHECK(w206("  mon 07:00 steady\n  mon 07:40 growing\n").empty());
    // Written in either order; only sessions of one date are compared.
    CHECK(w206("  mon 07:39 growing\n  mon 07:00 steady\n").size() == 1);
    CHECK(w206("  mon 07:00 steady\n  tue 07:39 growing\n").empty());
    // Each session's length in that week: `growing` lasts 28:02, 35:10, then 42:18 in week 3, the
    // first date it overlaps the session at 07:40.
    const std::vector<Diagnostic> grown = lint(steady + growing + program("2026-12-07", 6, "  mon 07:00 growing\n  mon 07:40 steady\n"));
    CHECK(messages(grown, Code::W0206) ==
          std::vector<std::string>{"sessions overlap on 2026-12-21: 'steady' at 07:40 starts before 'growing' at 07:00 ends"});
    for (const Diagnostic& d : grown) {
        if (d.code == Code::W0206) {
            CHECK(d.help == "'growing' lasts 42:18 and ends at 07:42:18; start 'steady' later, or move one of them to another day");
        }
    }
    // One warning per session line, naming the first session it meets.
    CHECK(w206("  mon 07:00 steady\n  mon 07:10 growing\n  mon 07:20 steady\n") ==
          std::vector<std::string>{"sessions overlap on 2026-12-07: 'growing' at 07:10 starts before 'steady' at 07:00 ends",
                                   "sessions overlap on 2026-12-07: 'steady' at 07:20 starts before 'steady' at 07:00 ends"});
}

TEST_CASE("overlapping sessions: runs last their duration, and a strength session during a run is W0204's") {
    const auto lints = [&](const std::string& sessions) { return lint(steady + program("2026-12-07", 1, sessions)); };
    CHECK(messages(lints("  mon 07:00 run \"Easy\" 45min easy\n  mon 07:30 run \"Strides\" 10min hard\n"), Code::W0206) ==
          std::vector<std::string>{"sessions overlap on 2026-12-07: run 'Strides' at 07:30 starts before run 'Easy' at 07:00 ends"});
    CHECK(messages(lints("  mon 07:00 run \"Easy\" 45min easy\n  mon 07:45 run \"Strides\" 10min hard\n"), Code::W0206).empty());
    CHECK(messages(lints("  mon 07:00 steady\n  mon 07:30 run \"Easy\" 45min easy\n"), Code::W0206) ==
          std::vector<std::string>{"sessions overlap on 2026-12-07: run 'Easy' at 07:30 starts before 'steady' at 07:00 ends"});
    // W0204 says it already ("starts before the run at 07:00 ends"): not twice on one line.
    const auto during_run = lints("  mon 07:00 run \"Easy\" 45min easy\n  mon 07:30 steady\n");
    CHECK(messages(during_run, Code::W0206).empty());
    CHECK(messages(during_run, Code::W0204).size() == 1);
}

TEST_CASE("overlapping sessions: in elapsed time, across a clock change") {
    // Berlin's clocks go forward at 02:00 on Sunday 2026-03-29: 02:30 does not exist and is 03:30,
    // so both sessions start at 01:30Z and the calendar shows them at one instant.
    const std::string pair = "exercise tt \"T\" { measure time }\n"
                             "workout a \"A\" { warmup { tt 5min }; tt 30min }\n"
                             "workout b \"B\" { warmup { tt 5min }; tt 30min }\n";
    const auto berlin = [&](const std::string& start, const std::string& sessions) {
        return lint(pair + "program p \"P\" {\n  start " + start + "\n  weeks 1\n  timezone \"Europe/Berlin\"\n" + sessions + "}\n");
    };
    const auto night = berlin("2026-03-23", "  sun 02:30 a\n  sun 03:30 b\n");
    REQUIRE(messages(night, Code::W0206) ==
            std::vector<std::string>{"sessions overlap on 2026-03-29: 'b' at 03:30 starts before 'a' at 02:30 ends, when the clocks change"});
    for (const Diagnostic& d : night) {
        if (d.code != Code::W0206) continue;
        CHECK(d.help == "'a' starts at 03:30 (02:30 is skipped by the clock change), lasts 35:30 and ends at 04:05:30; "
                        "start 'b' later, or move one of them to another day");
    }
    // The Sunday after, an hour apart is an hour apart.
    CHECK(messages(berlin("2026-03-30", "  sun 02:30 a\n  sun 03:30 b\n"), Code::W0206).empty());
    // 03:15 is 01:15Z, before 02:30 (01:30Z): the session written first in the day starts last.
    CHECK(messages(berlin("2026-03-23", "  sun 02:30 a\n  sun 03:15 b\n"), Code::W0206) ==
          std::vector<std::string>{"sessions overlap on 2026-03-29: 'a' at 02:30 starts before 'b' at 03:15 ends, when the clocks change"});
}

TEST_CASE("warm-up: a workout needs a warmup block with work in it (SPEC 5.4)") {
    const auto warmup_warnings = [](const std::string& body) {
        return messages(lint("workout w \"W\" {\n" + body + "  goblet_squat 3x12\n}\n"), Code::W0201);
    };
    CHECK(warmup_warnings("") == std::vector<std::string>{"workout 'w' has no warm-up"});
    CHECK(warmup_warnings("  warmup { easy_cardio 5min }\n").empty());
    CHECK(warmup_warnings("  warmup {\n    note \"get ready\"\n    easy_cardio 5min\n  }\n").empty());
    CHECK(warmup_warnings("  warmup { tabata jumping_jack }\n").empty());
    // Rests and notes alone warm nothing up.
    const std::vector<std::string> without_work{"workout 'w' has no warm-up: its warmup block has no exercise"};
    CHECK(warmup_warnings("  warmup { }\n") == without_work);
    CHECK(warmup_warnings("  warmup { rest 5min }\n") == without_work);
    CHECK(warmup_warnings("  warmup { note \"walk\" }\n") == without_work);
    // A cooldown is no warm-up.
    CHECK(warmup_warnings("  cooldown { static_stretching 5min }\n") == std::vector<std::string>{"workout 'w' has no warm-up"});
}

TEST_CASE("focus: a region is reached through the primary muscles of the exercises done") {
    // No warm-up (W0201 is not looked at): its easy_cardio alone reaches the legs and hips.
    const auto focus_warnings = [](const std::string& text) { return messages(lint(text), Code::W0202); };
    // The stdlib's exercises.
    CHECK(focus_warnings("workout w \"W\" {\n  focus back\n  pull_up 3x8\n}\n").empty());
    const auto missed = focus_warnings("workout w \"W\" {\n  focus back, legs\n  goblet_squat 3x12\n}\n");
    REQUIRE(missed.size() == 1);
    CHECK(missed[0].starts_with("focus 'back' is not reached: no exercise has a primary muscle in"));
    CHECK(focus_warnings("workout w \"W\" {\n  focus legs\n  pull_up 3x8\n}\n").size() == 1);
    // The file's own exercises, each with its own regions, in either order.
    const std::string own = "exercise rowish \"Rowish\" {\n  primary lats\n}\n"
                            "exercise squattish \"Squattish\" {\n  primary quads\n}\n";
    CHECK(focus_warnings(own + "workout w \"W\" {\n  focus back, legs\n  rowish 3x8\n  squattish 3x8\n}\n").empty());
    CHECK(focus_warnings(own + "workout w \"W\" {\n  focus back\n  squattish 3x8\n}\n").size() == 1);
    CHECK(focus_warnings(own + "workout w \"W\" {\n  focus legs\n  rowish 3x8\n}\n").size() == 1);
    // One of the file's own that shadows the stdlib's under the same name.
    const std::string shadow = "exercise pull_up \"Leg Pull\" {\n  primary quads\n}\n";
    CHECK(focus_warnings(shadow + "workout w \"W\" {\n  focus legs\n  pull_up 3x8\n}\n").empty());
    CHECK(focus_warnings(shadow + "workout w \"W\" {\n  focus back\n  pull_up 3x8\n}\n").size() == 1);
    // A region and muscle of the file's own.
    const std::string grip = "region grip \"Grip\"\nmuscle fingers \"Fingers\" in grip\n"
                             "exercise finger_curl \"Finger Curl\" {\n  primary fingers\n}\n";
    CHECK(focus_warnings(grip + "workout w \"W\" {\n  focus grip\n  finger_curl 3x20\n}\n").empty());
    CHECK(focus_warnings(grip + "workout w \"W\" {\n  focus grip\n  pull_up 3x8\n}\n").size() == 1);
}

TEST_CASE("focus full_body: lower body, push, pull and core") {
    const std::string head = "workout w \"W\" {\n  focus full_body\n";
    CHECK(messages(lint(head + "  goblet_squat 3x12\n  push_up 3x10\n  pull_up 3x8\n  plank 3x30s\n}\n"), Code::W0202).empty());
    const auto missing = messages(lint(head + "  push_up 3x10\n  plank 3x30s\n}\n"), Code::W0202);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "workout 'w' claims full_body but misses the lower body (legs or hips), the pull (back)");
}

namespace {

// The text each `code` warning points at in `text` (the file test.reps of lint()).
std::vector<std::string> places(const std::vector<Diagnostic>& diagnostics, Code code, const std::string& text) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.code == code) out.push_back(text.substr(d.span.offset, d.span.length));
    }
    return out;
}

std::vector<std::string> helps(const std::vector<Diagnostic>& diagnostics, Code code) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.code == code) out.push_back(d.help);
    }
    return out;
}

// A workout with a warm-up, so that W0201 stays out of the way.
std::string workout_of(const std::string& body) {
    return "workout w \"W\" {\n  warmup { easy_cardio 5min }\n" + body + "}\n";
}

}  // namespace

TEST_CASE("entry never done: the entries after a tabata's 8 rounds, an emom's minutes or an intervals block's rounds") {
    const std::string tabata =
        workout_of("  tabata burpee push_up plank mountain_climber jumping_jack squat_jump high_knees lunge_jump sit_up\n");
    CHECK(messages(lint(tabata), Code::W0105) ==
          std::vector<std::string>{"'sit_up' is never done: the tabata's 8 rounds reach its first 8 entries"});
    CHECK(places(lint(tabata), Code::W0105, tabata) == std::vector<std::string>{"sit_up"});
    CHECK(helps(lint(tabata), Code::W0105) ==
          std::vector<std::string>{"a tabata is always 8 rounds: remove the entry, or write 'intervals 9 x 20s on 10s off { ... }' to do each once"});

    const std::string emom = workout_of("  emom 2min { burpee 5; push_up 5; plank 20s }\n");
    CHECK(messages(lint(emom), Code::W0105) ==
          std::vector<std::string>{"'plank' is never done: the emom's 2 minutes reach its first 2 entries"});
    CHECK(places(lint(emom), Code::W0105, emom) == std::vector<std::string>{"plank 20s"});
    CHECK(helps(lint(emom), Code::W0105) == std::vector<std::string>{"make it 'emom 3min' to do each once, or remove the entry"});

    const std::string intervals = workout_of("  intervals 2 x 20s on 10s off { burpee; push_up; plank }\n");
    CHECK(messages(lint(intervals), Code::W0105) ==
          std::vector<std::string>{"'plank' is never done: the intervals block's 2 rounds reach its first 2 entries"});
    CHECK(helps(lint(intervals), Code::W0105) == std::vector<std::string>{"make it 3 rounds to do each once, or remove the entry"});

    // Several never done: one warning, at the first, counting the others.
    const std::string several = workout_of("  intervals 1 x 20s on 10s off { burpee; push_up; plank }\n  emom 1min { burpee 5; push_up 5 }\n");
    CHECK(messages(lint(several), Code::W0105) ==
          std::vector<std::string>{"'push_up' and the entry after it are never done: the intervals block's 1 round reaches its first entry",
                                   "'push_up' is never done: the emom's 1 minute reaches its first entry"});
    CHECK(helps(lint(several), Code::W0105).front() == "make it 3 rounds to do each once, or remove those entries");
    CHECK(messages(lint(workout_of("  tabata burpee push_up plank mountain_climber jumping_jack squat_jump high_knees lunge_jump "
                                   "sit_up burpee push_up\n")),
                   Code::W0105) ==
          std::vector<std::string>{"'sit_up' and the 2 entries after it are never done: the tabata's 8 rounds reach its first 8 entries"});
    // More entries than a block may have rounds (100) or minutes (1440): no fix that is an error.
    std::string hundred = "  tabata";
    for (int i = 0; i < 100; ++i) hundred += " burpee";
    CHECK(helps(lint(workout_of(hundred + " burpee\n")), Code::W0105) ==
          std::vector<std::string>{"remove those entries, or split the block's entries into blocks of at most 100 (a block has at most 100 rounds)"});
    CHECK(helps(lint(workout_of(hundred + "\n")), Code::W0105).front().find("'intervals 100 x 20s on 10s off") != std::string::npos);
    // An alias is named as the catalog names the exercise.
    CHECK(messages(lint(workout_of("  intervals 1 x 20s on 10s off { burpee; jumping_jack }\n")), Code::W0105) ==
          std::vector<std::string>{"'jumping_jacks' is never done: the intervals block's 1 round reaches its first entry"});
}

TEST_CASE("entry never done: not for blocks that reach every entry, nor supersets, circuits and amraps") {
    for (const char* body : {"  tabata burpee push_up plank\n", "  tabata burpee push_up plank mountain_climber jumping_jack squat_jump high_knees sit_up\n",
                             "  emom 3min { burpee 5; push_up 5; plank 20s }\n", "  emom 10min { burpee 5; push_up 5; plank 20s }\n",
                             "  intervals 3 x 20s on 10s off { burpee; push_up; plank }\n",
                             "  superset 1 rounds { burpee 5; push_up 5; plank 20s }\n",
                             "  circuit 1 rounds { burpee 5; push_up 5; plank 20s }\n",
                             "  amrap 1min { burpee 5; push_up 5; plank 20s; sit_up 5 }\n"}) {
        CAPTURE(body);
        CHECK(messages(lint(workout_of(body)), Code::W0105).empty());
    }
}

namespace {

// The entries the timeline walk works in week 1, each once.
class WorkedEntries final : public timing::TimelineListener {
public:
    std::set<const checked::Entry*> entries;
    void block_begins(const checked::Block&, const timing::BlockShape&) override {}
    void block_ends(const checked::Block&) override {}
    void work(const timing::Work& work) override { entries.insert(work.entry); }
    void pause(timing::Pause, std::int64_t) override {}
};

}  // namespace

TEST_CASE("entry never done: W0105 counts exactly the entries the timeline never works") {
    const std::string text = workout_of(
        "  tabata burpee push_up plank mountain_climber jumping_jack squat_jump high_knees lunge_jump sit_up burpee\n"
        "  emom 2min { burpee 5; push_up 5; plank 20s; sit_up 5 }\n  intervals 3 x 20s on 10s off { burpee; push_up; plank; sit_up }\n"
        "  emom 5min { burpee 5; push_up 5 }\n");
    SourceManager sources;
    Diagnostics diagnostics;
    LoadedProgram loaded = load_program_text("test.reps", text, std::filesystem::temp_directory_path(), sources, diagnostics);
    CheckedProgram program = check_program(loaded.files, sources, CheckOptions{}, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    run_lints(program, LintOptions{}, diagnostics);
    const checked::Workout& workout = program.workouts.front();
    WorkedEntries worked;
    timing::walk_workout(workout, 1, worked);
    // Per block, the entries never worked: none, or the ones from where the warning points on.
    std::vector<SourceSpan> first_never_worked;
    std::size_t never_worked = 0;
    for (const checked::Block& block : workout.blocks) {
        for (std::size_t i = 0; i < block.entries.size(); ++i) {
            if (worked.entries.contains(&block.entries[i])) continue;
            if (i == 0 || worked.entries.contains(&block.entries[i - 1])) first_never_worked.push_back(block.entries[i].span);
            ++never_worked;
        }
    }
    std::vector<SourceSpan> warned;
    for (const Diagnostic& d : diagnostics.list()) {
        if (d.code == Code::W0105) warned.push_back(d.span);
    }
    CHECK(never_worked == 2 + 2 + 1);
    CHECK(warned == first_never_worked);
}

TEST_CASE("warm-up out of place: a warmup after main work or a cooldown, a cooldown before main work, a second of either") {
    const auto check_misplaced = [](const std::string& body, const std::vector<std::string>& expected, const std::vector<std::string>& where) {
        CAPTURE(body);
        const std::string text = "workout w \"W\" {\n" + body + "}\n";
        const auto warnings = lint(text);
        CHECK(messages(warnings, Code::W0207) == expected);
        CHECK(places(warnings, Code::W0207, text) == where);
    };
    const std::string squat = "  goblet_squat 3x12\n", warmup = "  warmup { easy_cardio 5min }\n",
                      cooldown = "  cooldown { static_stretching 5min }\n";
    check_misplaced(warmup + squat + cooldown, {}, {});
    check_misplaced(squat + warmup, {"this warmup comes after main work"}, {"warmup"});
    check_misplaced(warmup + cooldown + squat, {"main work comes after this cooldown"}, {"cooldown"});
    // A cooldown then a warmup: told once, at the warmup.
    check_misplaced(squat + cooldown + warmup, {"this warmup comes after main work"}, {"warmup"});
    check_misplaced(cooldown + warmup, {"this warmup comes after the cooldown"}, {"warmup"});
    check_misplaced(cooldown + warmup + squat, {"main work comes after this cooldown", "this warmup comes after the cooldown"},
                    {"cooldown", "warmup"});
    check_misplaced(warmup + warmup + squat + cooldown + cooldown, {"a second warmup in this workout", "a second cooldown in this workout"},
                    {"warmup", "cooldown"});
    // Any block is main work: a group, an emom, a tabata.
    check_misplaced("  tabata burpee\n" + warmup + squat, {"this warmup comes after main work"}, {"warmup"});
    check_misplaced(warmup + cooldown + "  superset 2 rounds { burpee 5; push_up 5 }\n", {"main work comes after this cooldown"}, {"cooldown"});
    // Notes and rests are not main work; a phase with nothing in it shows nothing on the timeline.
    check_misplaced("  note \"arrive\"\n  rest 1min\n" + warmup + squat + cooldown + "  rest 1min\n  note \"done\"\n", {}, {});
    check_misplaced(warmup + "  warmup { }\n" + squat + "  cooldown { }\n" + cooldown, {}, {});
    // The helps.
    const auto late = lint("workout w \"W\" {\n" + squat + warmup + "}\n");
    CHECK(helps(late, Code::W0207) == std::vector<std::string>{"move the warm-up to the start of the workout"});
    const auto early = lint("workout w \"W\" {\n" + cooldown + squat + "}\n");
    CHECK(helps(early, Code::W0207) == std::vector<std::string>{"move the cool-down to the end of the workout"});
    const auto twice = lint("workout w \"W\" {\n" + warmup + warmup + squat + "}\n");
    CHECK(helps(twice, Code::W0207) == std::vector<std::string>{"merge the warmup blocks into one at the start of the workout"});
}

TEST_CASE("warm-up out of place: a warmup after main work still counts as one for W0201") {
    const auto warnings = lint("workout w \"W\" {\n  goblet_squat 3x12\n  warmup { easy_cardio 5min }\n}\n");
    CHECK(messages(warnings, Code::W0201).empty());
    CHECK(messages(warnings, Code::W0207).size() == 1);
}
