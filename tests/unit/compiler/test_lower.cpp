// Lowering: the timeline arithmetic of SPEC section 6, each expectation worked out by hand in a comment.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "compiler/driver/loader.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/timing/timeline_size.hpp"

using namespace reps;
using timeline::Phase;
using timeline::SegmentKind;
using timeline::Side;

namespace {

struct Compiled {
    SourceManager sources;
    Diagnostics diagnostics;
    CheckedProgram program;
};

std::unique_ptr<Compiled> compile(std::string text) {
    auto c = std::make_unique<Compiled>();
    const auto loaded = load_program_text("test.reps", std::move(text), std::filesystem::temp_directory_path(),
                                          c->sources, c->diagnostics);
    if (!c->diagnostics.has_errors()) {
        c->program = check_program(loaded.files, c->sources, CheckOptions{}, c->diagnostics);
    }
    std::string errors;
    for (const auto& d : c->diagnostics.list()) errors += std::string(code_name(d.code)) + " " + d.message + "\n";
    REQUIRE_MESSAGE(!c->diagnostics.has_errors(), errors);
    return c;
}

// Segments must be contiguous from 0 and add up to the total.
void check_contiguous(const timeline::Timeline& t) {
    std::int64_t clock = 0;
    for (const auto& segment : t.segments) {
        CHECK(segment.start == clock);
        CHECK(segment.duration > 0);
        clock += segment.duration;
    }
    CHECK(t.total_seconds == clock);
}

// The one workout of `body`, lowered for `week`.
timeline::Timeline lower(const std::string& body, int week = 1) {
    const auto c = compile("workout w \"W\" {\n" + body + "\n}\n");
    REQUIRE(c->program.workouts.size() == 1);
    auto t = lower_workout(c->program, c->program.workouts[0], week, c->sources);
    check_contiguous(t);
    // The session-length lint measures with timeline_size instead of lowering; it must agree with
    // every timeline here, in seconds and in segments.
    const TimelineSize size = timeline_size(c->program.workouts[0], week);
    CHECK(size.seconds == t.total_seconds);
    CHECK(size.segments == static_cast<std::int64_t>(t.segments.size()));
    return t;
}

// Segments as "W36 R60 W30L S5 W30R T30": kind, seconds, and L/R for a side.
std::string shape(const timeline::Timeline& t) {
    std::string out;
    for (const auto& s : t.segments) {
        if (!out.empty()) out += ' ';
        out += s.kind == SegmentKind::work ? 'W' : s.kind == SegmentKind::rest ? 'R' : s.kind == SegmentKind::switch_ ? 'S' : 'T';
        out += std::to_string(s.duration);
        if (s.side == Side::left) out += 'L';
        if (s.side == Side::right) out += 'R';
    }
    return out;
}

// The exercise of every work segment, space-separated.
std::string work_exercises(const timeline::Timeline& t) {
    std::string out;
    for (const auto& s : t.segments) {
        if (s.kind == SegmentKind::work) out += (out.empty() ? "" : " ") + s.exercise;
    }
    return out;
}

}  // namespace

TEST_CASE("lower: the SPEC example, goblet_squat 3x12 = 228s") {
    // rep 3s: 12 x 3 = 36 per set; 36 + 60 + 36 + 60 + 36 = 228.
    const auto t = lower("  goblet_squat 3x12");
    CHECK(shape(t) == "W36 R60 W36 R60 W36");
    CHECK(t.total_seconds == 228);
    CHECK(t.workout == "w");
    CHECK(t.title == "W");
    CHECK(t.week == 1);
    const auto& last = t.segments[4];
    CHECK(last.exercise == "goblet_squat");
    CHECK(last.title == "Kettlebell Goblet Squat");
    CHECK(last.set == 3);
    CHECK(last.sets == 3);
    CHECK(last.reps == 12);
    CHECK_FALSE(last.seconds);
    CHECK(last.amount_text == "12");
    CHECK(last.side == Side::none);
    CHECK(last.phase == Phase::main);
    CHECK(last.fit_category == "squat");
    CHECK(last.origin.line == 2);
    CHECK(last.origin.column == 3);
    REQUIRE(t.blocks.size() == 1);
    CHECK(t.blocks[0].kind == timeline::Block::Kind::prescription);
    CHECK(t.blocks[0].sets == 3);
    CHECK(t.blocks[0].rest == 60);
    CHECK(t.blocks[0].duration == 228);
    CHECK(t.blocks[0].segment_count == 5);
}

TEST_CASE("lower: each side is left, switch, right for every set") {
    // 10 x 3s = 30 per side, default switch 5s: 30+5+30 + 60 + 30+5+30 = 190.
    const auto t = lower("  bulgarian_split_squat 2x10 each");
    CHECK(shape(t) == "W30L S5 W30R R60 W30L S5 W30R");
    CHECK(t.total_seconds == 190);
    CHECK(t.segments[4].set == 2);
    CHECK(t.segments[6].set == 2);
    // The unilateral warning lowers the same way; a changed switch is used.
    CHECK(shape(lower("  defaults switch 10s\n  single_leg_calf_raise 1x15")) == "W45L S10 W45R");
}

TEST_CASE("lower: alt doubles the reps' time") {
    // 10 reps x 3s x 2 = 60 per set: 60 + 60 + 60 = 180.
    const auto t = lower("  reverse_lunge 2x10 alt");
    CHECK(shape(t) == "W60 R60 W60");
    CHECK(t.segments[0].reps == 10);
    CHECK(t.segments[0].side == Side::none);
}

TEST_CASE("lower: tempo and hold set the time per rep") {
    CHECK(shape(lower("  goblet_squat 1x10 tempo 3-1-x-0")) == "W50");          // (3+1+1+0) x 10
    CHECK(shape(lower("  goblet_squat 1x10 tempo 0-0-x-0")) == "W10");          // x = 1s
    CHECK(shape(lower("  goblet_squat 1x10 hold 2s")) == "W50");                // (3+2) x 10
    CHECK(shape(lower("  goblet_squat 1x5 tempo 2-0-2-0 hold 1s")) == "W25");   // (2+0+2+0+1) x 5
    CHECK(shape(lower("  goblet_squat 1x5 tempo 0-0-0-0 hold 2s")) == "W10");   // (0+0+0+0+2) x 5
    CHECK(shape(lower("  push_up 1x10")) == "W20");                             // push_up has rep 2s
}

TEST_CASE("lower: ranges use the upper bound, N+ uses N, durations are the time") {
    const auto range = lower("  goblet_squat 2x8-12");
    CHECK(shape(range) == "W36 R60 W36");  // 12 x 3
    CHECK(range.segments[0].reps == 12);
    CHECK(range.segments[0].amount_text == "8-12");
    const auto at_least = lower("  goblet_squat 1x5+");
    CHECK(shape(at_least) == "W15");  // 5 x 3
    CHECK(at_least.segments[0].reps == 5);
    CHECK(at_least.segments[0].amount_text == "5+");
    const auto timed = lower("  plank 3x30s");
    CHECK(shape(timed) == "W30 R60 W30 R60 W30");
    CHECK(timed.segments[0].seconds == 30);
    CHECK_FALSE(timed.segments[0].reps);
    CHECK(shape(lower("  easy_cardio 5min")) == "W300");  // a single amount is one set
}

TEST_CASE("lower: rest between sets comes from the prescription, else the defaults") {
    CHECK(shape(lower("  goblet_squat 2x12 rest 90s")) == "W36 R90 W36");
    CHECK(shape(lower("  defaults rest 30s\n  goblet_squat 2x12")) == "W36 R30 W36");
    // Defaults apply to the statements after them only.
    CHECK(shape(lower("  goblet_squat 2x12\n  defaults rest 30s transition 10s\n  goblet_squat 2x12")) ==
          "W36 R60 W36 T10 W36 R30 W36");
}

TEST_CASE("lower: superset and circuit rounds") {
    // Round: squat 10 x 3 = 30, transition 30, push-up 10 x 2 = 20; rounds separated by the block's rest 90.
    const auto superset = lower("  superset 2 rounds rest 90s { goblet_squat 10; push_up 10 }");
    CHECK(shape(superset) == "W30 T30 W20 R90 W30 T30 W20");
    CHECK(superset.total_seconds == 250);
    CHECK(superset.segments[4].set == 2);
    CHECK(superset.segments[4].sets == 2);
    CHECK(superset.blocks.at(0).kind == timeline::Block::Kind::superset);
    // No block rest: the default rest 60. Round = 30 + 30 + 20 + 30 + 15 = 125; 125 + 60 + 125 = 310.
    const auto circuit = lower("  circuit 2 rounds { goblet_squat 10; push_up 10; burpee 5 }");
    CHECK(shape(circuit) == "W30 T30 W20 T30 W15 R60 W30 T30 W20 T30 W15");
    CHECK(circuit.total_seconds == 310);
    CHECK(shape(lower("  defaults rest 45s transition 10s\n  circuit 2 rounds { goblet_squat 10; push_up 10 }")) ==
          "W30 T10 W20 R45 W30 T10 W20");
}

TEST_CASE("lower: intervals and tabata keep the last rest") {
    // 3 x (30 on, 15 off), entries cycling: 3 x 45 = 135.
    const auto t = lower("  intervals 3 x 30s on 15s off { burpee; plank }");
    CHECK(shape(t) == "W30 R15 W30 R15 W30 R15");
    CHECK(t.total_seconds == 135);
    CHECK(work_exercises(t) == "burpee plank burpee");
    CHECK(t.segments[0].as_many_as_possible);
    CHECK(t.segments[4].set == 3);
    CHECK(t.segments[4].sets == 3);
    // Tabata: 8 x (20 on, 10 off) = 240.
    const auto tabata = lower("  tabata burpee mountain_climber");
    CHECK(shape(tabata) == "W20 R10 W20 R10 W20 R10 W20 R10 W20 R10 W20 R10 W20 R10 W20 R10");
    CHECK(tabata.total_seconds == 240);
    CHECK(work_exercises(tabata) ==
          "burpee mountain_climber burpee mountain_climber burpee mountain_climber burpee mountain_climber");
    CHECK(tabata.blocks.at(0).kind == timeline::Block::Kind::tabata);
}

TEST_CASE("lower: emom works, then rests to the end of each minute, entries taking turns") {
    // Minute 1: squat 10 x 3 = 30 + 30 rest; minute 2: push-up 10 x 2 = 20 + 40; minute 3: squat again.
    const auto t = lower("  emom 3min { goblet_squat 10; push_up 10 }");
    CHECK(shape(t) == "W30 R30 W20 R40 W30 R30");
    CHECK(t.total_seconds == 180);
    CHECK(work_exercises(t) == "goblet_squat push_up goblet_squat");
    CHECK(t.segments[4].set == 3);
    CHECK(t.segments[4].sets == 3);
    // each: 15 + 5 + 15 = 35, then 25 rest.
    CHECK(shape(lower("  emom 2min { reverse_lunge 5 each }")) == "W15L S5 W15R R25 W15L S5 W15R R25");
    // Work that fills the minute leaves no rest segment: 20 x 3 = 60.
    CHECK(shape(lower("  emom 2min { goblet_squat 20 }")) == "W60 W60");
}

TEST_CASE("lower: amrap is one work segment naming its entries") {
    const auto t = lower("  amrap 10min { burpee 10; push_up 5 @bw }");
    CHECK(shape(t) == "W600");
    const auto& work = t.segments[0];
    CHECK(work.as_many_as_possible);
    REQUIRE(work.cue);
    CHECK(work.cue->find("10 Burpee") != std::string::npos);
    CHECK(work.cue->find("5 Push-Up") != std::string::npos);
    CHECK(t.blocks.at(0).entries.size() == 2);
    // The sides are said: the round is one segment, with no switch of its own.
    const auto sides = lower("  amrap 10min { reverse_lunge 10 each; single_leg_glute_bridge 8 alt }");
    REQUIRE(sides.segments.at(0).cue);
    CHECK(*sides.segments[0].cue ==
          "As many rounds as possible: 10 Reverse Lunge each side, 8 Single-Leg Glute Bridge alternating sides");
}

TEST_CASE("lower: transitions between blocks, explicit rests and notes") {
    // squat 1x10 = 30, transition 30, push-up 1x10 = 20.
    CHECK(shape(lower("  goblet_squat 1x10\n  push_up 1x10")) == "W30 T30 W20");
    // An explicit rest takes the transition's place, on both sides.
    CHECK(shape(lower("  goblet_squat 1x10\n  rest 2min\n  push_up 1x10")) == "W30 R120 W20");
    // A note adds no time.
    const auto noted = lower("  goblet_squat 1x10\n  note \"breathe\"\n  push_up 1x10");
    CHECK(shape(noted) == "W30 T30 W20");
    CHECK(noted.total_seconds == 80);
    // No transition before the first block or after the last.
    CHECK(shape(lower("  note \"go\"\n  goblet_squat 1x10\n  note \"done\"")) == "W30");
    CHECK(shape(lower("  rest 1min\n  goblet_squat 1x10")) == "R60 W30");
    CHECK(shape(lower("  goblet_squat 1x10\n  rest 1min")) == "W30 R60");
    // Any kind of block counts: prescription, superset, tabata.
    CHECK(shape(lower("  defaults transition 15s\n  goblet_squat 1x10\n  superset 1 rounds { push_up 10 }\n"
                      "  intervals 1 x 20s on 10s off { burpee }")) == "W30 T15 W20 T15 W20 R10");
}

TEST_CASE("lower: warmup and cooldown are transparent and mark their segments") {
    // 300 + T30 + 300 (warmup) + T30 + 30 (main) + T30 + 300 (cooldown) = 1020.
    const auto t = lower("  warmup {\n    easy_cardio 5min\n    dynamic_stretching 5min\n  }\n"
                         "  goblet_squat 1x10\n  cooldown {\n    static_stretching 5min\n  }");
    CHECK(shape(t) == "W300 T30 W300 T30 W30 T30 W300");
    CHECK(t.total_seconds == 1020);
    CHECK(t.segments[0].phase == Phase::warmup);
    CHECK(t.segments[1].phase == Phase::warmup);
    CHECK(t.segments[2].phase == Phase::warmup);
    CHECK(t.segments[4].phase == Phase::main);
    CHECK(t.segments[6].phase == Phase::cooldown);
    REQUIRE(t.blocks.size() == 4);
    CHECK(t.blocks[0].phase == Phase::warmup);
    CHECK(t.blocks[3].phase == Phase::cooldown);
}

TEST_CASE("lower: progression steps run reps first, then sets, one per week") {
    // 2x8 -> 3x12 (step 2): 2x8, 2x10, 2x12, 3x8, 3x10, 3x12; the last step holds.
    const struct {
        int week, sets, reps;
    } expected[] = {{1, 2, 8}, {2, 2, 10}, {3, 2, 12}, {4, 3, 8}, {5, 3, 10}, {6, 3, 12}, {7, 3, 12}, {9, 3, 12}};
    for (const auto& e : expected) {
        INFO("week ", e.week);
        const auto t = lower("  goblet_squat 2x8 -> 3x12", e.week);
        CHECK(t.week == e.week);
        int work = 0;
        for (const auto& s : t.segments) {
            if (s.kind != SegmentKind::work) continue;
            ++work;
            CHECK(s.sets == e.sets);
            CHECK(s.reps == e.reps);
        }
        CHECK(work == e.sets);
        // sets x reps x 3s + (sets - 1) x 60.
        CHECK(t.total_seconds == e.sets * e.reps * 3 + (e.sets - 1) * 60);
    }
    // step 1: 8, 9, 10.
    CHECK(lower("  goblet_squat 1x8 -> 1x10 step 1", 2).segments[0].reps == 9);
    CHECK(lower("  goblet_squat 1x8 -> 1x10 step 1", 3).segments[0].reps == 10);
    // A timed progression steps 10s by default: 30, 40, 50, 60.
    CHECK(shape(lower("  plank 1x30s -> 1x60s", 2)) == "W40");
    CHECK(shape(lower("  plank 1x30s -> 1x60s", 4)) == "W60");
    CHECK(shape(lower("  plank 1x30s -> 1x60s step 15s", 2)) == "W45");
}

TEST_CASE("lower: equipment of the chosen options, sorted, loads and cues on segments") {
    const auto t = lower("  goblet_squat 1x12 @16kg \"chest up\"\n  hip_thrust 1x12\n  chin_up 1x6\n"
                         "  goblet_squat 1x12 @2x10kg\n  burpee 10");
    CHECK(t.equipment == std::vector<std::string>{"bench", "dumbbell", "kettlebell", "pullup_bar"});
    CHECK(t.equipment_titles.size() == 4);
    const auto& first = t.segments[0];
    REQUIRE(first.load);
    CHECK(first.load->text == "16kg");
    CHECK(first.load->kind == timeline::Load::Kind::mass);
    CHECK(first.load->implements == 1);
    CHECK(first.cue == "chest up");
    const auto& pair = t.segments[6];
    CHECK(pair.exercise == "goblet_squat");
    REQUIRE(pair.load);
    CHECK(pair.load->implements == 2);
    CHECK(pair.load->value == 10);
    CHECK(lower("  burpee 10").equipment.empty());
}

TEST_CASE("lower: a program's sessions by date and time, with the week for progressions") {
    // 2026-12-01 is a Tuesday: week 1 is Tue 1 .. Mon 7, week 2 Tue 8 .. Mon 14.
    const auto c = compile("workout w \"W\" { goblet_squat 2x8 -> 3x12 }\n"
                           "program p \"Plan\" {\n  start 2026-12-01\n  weeks 2\n  tue 17:30 w\n"
                           "  mon 07:00 run \"Easy\" 30min easy\n  tue 06:30 run \"Intervals\" 50min hard\n}\n");
    REQUIRE(c->program.programs.size() == 1);
    const auto plan = lower_program(c->program, c->program.programs[0], c->sources);
    CHECK(plan.name == "p");
    CHECK(plan.title == "Plan");
    CHECK(plan.start == "2026-12-01");
    CHECK(plan.weeks == 2);
    CHECK(plan.timezone == "UTC");
    std::string listing;
    for (const auto& s : plan.sessions) {
        listing += s.date + " " + s.time + " " + s.weekday + " w" + std::to_string(s.week) + " " +
                   (s.run ? "run " + s.run->title : s.workout) + "\n";
    }
    CHECK(listing ==
          "2026-12-01 06:30 tue w1 run Intervals\n"
          "2026-12-01 17:30 tue w1 w\n"
          "2026-12-07 07:00 mon w1 run Easy\n"
          "2026-12-08 06:30 tue w2 run Intervals\n"
          "2026-12-08 17:30 tue w2 w\n"
          "2026-12-14 07:00 mon w2 run Easy\n");
    REQUIRE(plan.sessions.size() == 6);
    CHECK(plan.sessions[0].run->duration == 3000);
    CHECK(plan.sessions[0].run->intensity == "hard");
    // Week 1 of the program is progression step 1 (2x8), week 2 step 2 (2x10).
    REQUIRE(plan.sessions[1].timeline);
    CHECK(plan.sessions[1].timeline->week == 1);
    CHECK(plan.sessions[1].timeline->segments[0].reps == 8);
    REQUIRE(plan.sessions[4].timeline);
    CHECK(plan.sessions[4].timeline->week == 2);
    CHECK(plan.sessions[4].timeline->segments[0].reps == 10);

    // Across a year end: start Monday 2026-12-28, a Sunday session falls on 2027-01-03.
    const auto year = compile("workout w { burpee 10 }\nprogram q { start 2026-12-28; sun 09:00 w; mon 09:00 w }\n");
    const auto q = lower_program(year->program, year->program.programs.at(0), year->sources);
    REQUIRE(q.sessions.size() == 2);
    CHECK(q.sessions[0].date == "2026-12-28");
    CHECK(q.sessions[0].weekday == "mon");
    CHECK(q.sessions[1].date == "2027-01-03");
    CHECK(q.sessions[1].weekday == "sun");
}

TEST_CASE("lower: the reference example says in its comment how long it really lasts") {
    std::ifstream in(std::filesystem::path(REPS_EXAMPLES_DIR) / "runners.reps", std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto claim = text.find("It lasts ");
    REQUIRE(claim != std::string::npos);
    int hours = 0, minutes = 0, seconds = 0;
    REQUIRE(std::sscanf(text.c_str() + claim, "It lasts %d:%d:%d", &hours, &minutes, &seconds) == 3);
    const auto c = compile(text);
    REQUIRE(c->program.workouts.size() == 1);
    const auto t = lower_workout(c->program, c->program.workouts[0], 1, c->sources);
    CHECK(t.total_seconds == hours * 3600 + minutes * 60 + seconds);
}
