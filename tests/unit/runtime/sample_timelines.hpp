// Hand-built timelines and programs for the runtime tests, so exporters are tested
// without the compiler: a warm-up, a loaded set with a cue, each-side work with switches,
// rests, transitions, timed work and a cool-down; and a program with workout and run sessions.
#pragma once

#include <string>
#include <utility>

#include "runtime/timeline.hpp"

namespace reps::test {

inline timeline::Segment pause(std::int64_t start, std::int64_t duration, timeline::SegmentKind kind,
                               timeline::Phase phase = timeline::Phase::main) {
    timeline::Segment segment;
    segment.start = start;
    segment.duration = duration;
    segment.kind = kind;
    segment.phase = phase;
    return segment;
}

inline timeline::Segment work(std::int64_t start, std::int64_t duration, std::string exercise,
                              std::string title, int set, int sets, std::string amount,
                              timeline::Phase phase = timeline::Phase::main) {
    timeline::Segment segment;
    segment.start = start;
    segment.duration = duration;
    segment.kind = timeline::SegmentKind::work;
    segment.phase = phase;
    segment.exercise = std::move(exercise);
    segment.title = std::move(title);
    segment.set = set;
    segment.sets = sets;
    segment.amount_text = std::move(amount);
    return segment;
}

inline timeline::Load mass(std::string text, double value, int implements = 1) {
    timeline::Load load;
    load.kind = implements == 2 ? timeline::Load::Kind::pair : timeline::Load::Kind::mass;
    load.text = std::move(text);
    load.value = value;
    load.unit = "kg";
    load.implements = implements;
    return load;
}

// Lasts 1072s (17:52):
//   warm-up: easy cardio 5min, transition;
//   main: goblet squat 2x12 @16kg "Chest up" (rest 60s), transition,
//         bulgarian split squat 2x8-10 each @2x10kg (switch 5s, rest 60s), transition, plank 30s;
//   cool-down: transition, static stretching 5min.
inline timeline::Timeline sample_timeline() {
    using timeline::Phase;
    using timeline::SegmentKind;
    using timeline::Side;
    timeline::Timeline t;
    t.workout = "sample";
    t.title = "Sample Session";
    t.week = 2;
    t.equipment = {"bench", "dumbbell", "kettlebell"};
    t.equipment_titles = {"Bench", "Dumbbells", "Kettlebell"};
    t.source_file = "sample.reps";

    auto cardio = work(0, 300, "easy_cardio", "Easy Cardio", 1, 1, "5min", Phase::warmup);
    cardio.seconds = 300;
    t.segments.push_back(cardio);
    t.segments.push_back(pause(300, 30, SegmentKind::transition, Phase::warmup));

    for (int set = 1; set <= 2; ++set) {
        const std::int64_t start = set == 1 ? 330 : 426;
        auto squat = work(start, 36, "goblet_squat", "Kettlebell Goblet Squat", set, 2, "12");
        squat.reps = 12;
        squat.load = mass("16kg", 16);
        squat.cue = "Chest up";
        squat.fit_category = "squat";
        squat.fit_name = "goblet_squat";
        squat.block = 1;
        t.segments.push_back(squat);
        if (set == 1) t.segments.push_back(pause(366, 60, SegmentKind::rest));
    }
    t.segments.push_back(pause(462, 30, SegmentKind::transition));

    for (int set = 1; set <= 2; ++set) {
        const std::int64_t start = set == 1 ? 492 : 617;
        for (const auto side : {Side::left, Side::right}) {
            const std::int64_t at = side == Side::left ? start : start + 35;
            auto split = work(at, 30, "bulgarian_split_squat", "Bulgarian Split Squat", set, 2, "8-10");
            split.side = side;
            split.reps = 10;
            split.load = mass("2x10kg", 10, 2);
            split.block = 2;
            t.segments.push_back(split);
            if (side == Side::left) t.segments.push_back(pause(start + 30, 5, SegmentKind::switch_));
        }
        if (set == 1) t.segments.push_back(pause(557, 60, SegmentKind::rest));
    }
    t.segments.push_back(pause(682, 30, SegmentKind::transition));

    auto plank = work(712, 30, "plank", "Plank", 1, 1, "30s");
    plank.seconds = 30;
    t.segments.push_back(plank);
    t.segments.push_back(pause(742, 30, SegmentKind::transition, Phase::cooldown));
    auto stretch = work(772, 300, "static_stretching", "Static Stretching", 1, 1, "5min", Phase::cooldown);
    stretch.seconds = 300;
    t.segments.push_back(stretch);

    t.total_seconds = 1072;
    return t;
}

// Two weeks from Tuesday 2026-12-01: week 1 a hard run and the sample workout on Tuesday,
// week 2 an easy long run (no intensity given) on Saturday.
inline timeline::Program sample_program() {
    timeline::Program p;
    p.name = "runner_strength";
    p.title = "Strength for Runners";
    p.start = "2026-12-01";
    p.weeks = 2;
    p.timezone = "Europe/Berlin";
    p.source_file = "plan.reps";

    timeline::Session intervals;
    intervals.date = "2026-12-01";
    intervals.time = "06:30";
    intervals.weekday = "tue";
    intervals.week = 1;
    intervals.run = timeline::RunSession{"Intervals", 3000, "hard"};
    p.sessions.push_back(intervals);

    timeline::Session strength;
    strength.date = "2026-12-01";
    strength.time = "17:30";
    strength.weekday = "tue";
    strength.week = 1;
    strength.workout = "sample";
    strength.timeline = sample_timeline();
    strength.timeline->week = 1;
    p.sessions.push_back(strength);

    timeline::Session long_run;
    long_run.date = "2026-12-12";
    long_run.time = "08:00";
    long_run.weekday = "sat";
    long_run.week = 2;
    long_run.run = timeline::RunSession{"Long run", 5400, ""};
    p.sessions.push_back(long_run);
    return p;
}

}  // namespace reps::test
