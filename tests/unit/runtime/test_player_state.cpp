// The player's state machine under a fake clock: ticks, countdowns, every key, and the summary.
#include <doctest/doctest.h>

#include <algorithm>

#include "runtime/player/player_state.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using player::Effect;
using player::Key;
using player::Millis;
using player::PlayerState;
using player::SegmentStatus;

namespace {

constexpr Millis s = 1000;  // the fake clock counts milliseconds

std::vector<int> started_segments(const std::vector<Effect>& effects) {
    std::vector<int> out;
    for (const Effect& effect : effects) {
        if (effect.kind == Effect::Kind::started) out.push_back(effect.segment);
    }
    return out;
}

std::vector<int> countdowns(const std::vector<Effect>& effects) {
    std::vector<int> out;
    for (const Effect& effect : effects) {
        if (effect.kind == Effect::Kind::countdown) out.push_back(effect.seconds);
    }
    return out;
}

bool has_finished(const std::vector<Effect>& effects) {
    return std::any_of(effects.begin(), effects.end(), [](const Effect& e) { return e.kind == Effect::Kind::finished; });
}

// The sample's segments: 0 cardio 300s, 1 transition 30s, 2 squat 36s, 3 rest 60s, 4 squat 36s,
// 5 transition, 6 split left 30s, 7 switch 5s, 8 split right, 9 rest 60s, 10-12 set 2,
// 13 transition, 14 plank 30s, 15 transition, 16 stretching 300s; 1072s in all, 822s of work.

}  // namespace

TEST_CASE("start enters the first segment at time zero") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    CHECK(state.current() == nullptr);
    const auto effects = state.start(0);
    REQUIRE(effects.size() == 1);
    CHECK(effects[0].kind == Effect::Kind::started);
    CHECK(effects[0].segment == 0);
    CHECK(effects[0].at == 0);
    CHECK(state.index() == 0);
    CHECK(state.current()->exercise == "easy_cardio");
    CHECK(state.next()->kind == timeline::SegmentKind::transition);
    CHECK(state.segment_duration() == 300 * s);
    CHECK(state.total() == 1072 * s);
    CHECK_FALSE(state.paused());
    CHECK_FALSE(state.finished());
}

TEST_CASE("ticks play the whole timeline, entering every segment at its start") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    std::vector<Effect> all;
    for (Millis t = 0; t <= 1072 * s; t += 250) {
        const auto effects = state.tick(t);
        all.insert(all.end(), effects.begin(), effects.end());
    }
    std::vector<int> expected;
    for (int i = 1; i < 17; ++i) expected.push_back(i);
    CHECK(started_segments(all) == expected);
    for (const Effect& effect : all) {
        if (effect.kind != Effect::Kind::started) continue;
        CHECK(effect.at == plan.segments[static_cast<std::size_t>(effect.segment)].start * s);
    }
    CHECK(has_finished(all));
    CHECK(state.finished());
    CHECK_FALSE(state.quit());
    CHECK(state.index() == -1);
    const auto summary = state.summary();
    CHECK(summary.completed);
    CHECK(summary.worked == 822 * s);
    CHECK(summary.rested == 250 * s);
    CHECK(summary.paused == 0);
    // The split squat's left and right make one set each: 1 + 2 + 2 + 1 + 1 sets.
    CHECK(summary.sets_done == 7);
    CHECK(summary.sets_total == 7);
    CHECK(summary.skipped == 0);
}

TEST_CASE("one large tick passes several segments and carries the rest of the time over") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    const auto effects = state.tick(480 * s);  // 300 cardio + 30 transition + 36 squat + 60 rest + 36 squat = 462
    CHECK(started_segments(effects) == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(state.index() == 5);
    CHECK(state.segment_elapsed() == 18 * s);
    CHECK(state.position() == 480 * s);
    CHECK(state.played() == 480 * s);
    CHECK(state.summary().sets_done == 3);
}

TEST_CASE("a bell's worth of countdown at 3, 2 and 1 seconds before each change") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    CHECK(countdowns(state.tick(296'500)).empty());
    CHECK(countdowns(state.tick(297 * s)) == std::vector<int>{3});
    CHECK(countdowns(state.tick(297'500)).empty());
    CHECK(countdowns(state.tick(298 * s)) == std::vector<int>{2});
    CHECK(countdowns(state.tick(299'999)) == std::vector<int>{1});
    const auto change = state.tick(300 * s);
    CHECK(countdowns(change).empty());
    CHECK(started_segments(change) == std::vector<int>{1});

    SUBCASE("a tick that jumps over several marks rings once, for the last") {
        CHECK(countdowns(state.tick(329'500)) == std::vector<int>{1});
    }
    SUBCASE("a segment's own start is no countdown mark") {
        PlayerState fresh(plan);
        fresh.start(0);
        fresh.tick(330 * s);  // into the 36s squat
        CHECK(countdowns(fresh.tick(330'001)).empty());
    }
}

TEST_CASE("space pauses and resumes: paused time is not played") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    state.tick(10 * s);
    CHECK(state.press(Key::toggle_pause, 10 * s).empty());
    CHECK(state.paused());
    CHECK(state.until_next_second() == -1);
    CHECK(state.until_segment_end() == -1);
    CHECK(state.tick(50 * s).empty());
    CHECK(state.segment_elapsed() == 10 * s);
    state.press(Key::toggle_pause, 50 * s);
    CHECK_FALSE(state.paused());
    state.tick(60 * s);
    CHECK(state.segment_elapsed() == 20 * s);
    const auto summary = state.summary();
    CHECK(summary.paused == 40 * s);
    CHECK(summary.worked == 20 * s);
}

TEST_CASE("n skips to the next segment, counting the skip and the time played") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    const auto effects = state.press(Key::next, 5 * s);
    CHECK(started_segments(effects) == std::vector<int>{1});
    REQUIRE(effects.size() == 1);
    CHECK(effects[0].at == 300 * s);  // the timeline clock, not the time played
    CHECK(state.index() == 1);
    CHECK(state.position() == 300 * s);
    CHECK(state.status_of(0) == SegmentStatus::skipped);
    auto summary = state.summary();
    CHECK(summary.skipped == 1);
    CHECK(summary.worked == 5 * s);
    CHECK(summary.sets_done == 0);

    SUBCASE("n on the last segment ends the workout as completed") {
        PlayerState last(plan);
        last.start(0);
        last.tick(1000 * s);
        CHECK(last.index() == 16);
        const auto end = last.press(Key::next, 1000 * s);
        CHECK(has_finished(end));
        CHECK(last.finished());
        CHECK(last.summary().completed);
        CHECK(last.summary().skipped == 1);
        CHECK(last.summary().sets_done == 6);  // every set but the skipped last one
    }
}

TEST_CASE("b restarts the segment, or goes back one within its first seconds") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);

    SUBCASE("on the first segment it restarts") {
        const auto effects = state.press(Key::back, 1 * s);
        CHECK(started_segments(effects) == std::vector<int>{0});
        CHECK(state.segment_elapsed() == 0);
        CHECK(state.played() == 1 * s);  // time played stays played
    }
    SUBCASE("well into a segment it restarts that segment") {
        state.tick(340 * s);  // 10s into the first squat set
        const auto effects = state.press(Key::back, 340 * s);
        CHECK(started_segments(effects) == std::vector<int>{2});
        CHECK(effects[0].at == 330 * s);
        CHECK(state.segment_remaining() == 36 * s);
    }
    SUBCASE("early in a segment it goes back to the one before, which is done again") {
        state.tick(368 * s);  // 2s into the rest after set 1
        CHECK(state.status_of(2) == SegmentStatus::done);
        CHECK(state.summary().sets_done == 2);
        const auto effects = state.press(Key::back, 368 * s);
        CHECK(started_segments(effects) == std::vector<int>{2});
        CHECK(state.index() == 2);
        CHECK(state.status_of(2) == SegmentStatus::pending);
        CHECK(state.summary().sets_done == 1);
        state.tick(368 * s + 36 * s);
        CHECK(state.index() == 3);
        CHECK(state.summary().sets_done == 2);
        CHECK(state.summary().worked == 300 * s + 36 * s + 36 * s);
    }
}

TEST_CASE("+ and - add and take 10 seconds from the current rest, never from work") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    state.tick(370 * s);  // 4s into the 60s rest (segment 3)
    REQUIRE(state.index() == 3);

    state.press(Key::more_rest, 370 * s);
    CHECK(state.segment_duration() == 70 * s);
    CHECK(state.total() == 1082 * s);
    state.press(Key::less_rest, 370 * s);
    state.press(Key::less_rest, 370 * s);
    CHECK(state.segment_duration() == 50 * s);
    CHECK(state.total() == 1062 * s);
    // The next set now starts 10s earlier on the timeline clock.
    const auto effects = state.tick(416 * s);
    CHECK(started_segments(effects) == std::vector<int>{4});
    CHECK(effects.back().at == 416 * s);

    SUBCASE("on work they do nothing") {
        state.press(Key::more_rest, 416 * s);
        state.press(Key::less_rest, 416 * s);
        CHECK(state.segment_duration() == 36 * s);
    }
    SUBCASE("taking more than is left ends the rest now, as done") {
        state.tick(452 * s);  // into the transition (segment 5), 30s long
        REQUIRE(state.index() == 5);
        state.tick(475 * s);  // 23s in: 7s left
        const auto cut = state.press(Key::less_rest, 475 * s);
        CHECK(started_segments(cut) == std::vector<int>{6});
        CHECK(state.status_of(5) == SegmentStatus::done);
        CHECK(state.summary().skipped == 0);
        CHECK(state.duration_of(5) == 23 * s);
    }
}

TEST_CASE("q quits at once with what was done so far") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    state.tick(350 * s);
    const auto effects = state.press(Key::quit, 350 * s);
    REQUIRE(effects.size() == 1);
    CHECK(effects[0].kind == Effect::Kind::finished);
    CHECK(effects[0].at == 350 * s);
    CHECK(state.finished());
    CHECK(state.quit());
    CHECK(state.current() == nullptr);
    const auto summary = state.summary();
    CHECK_FALSE(summary.completed);
    CHECK(summary.worked == 300 * s + 20 * s);
    CHECK(summary.rested == 30 * s);
    CHECK(summary.sets_done == 1);
    CHECK(summary.skipped == 0);

    // Nothing moves a finished session.
    CHECK(state.press(Key::next, 400 * s).empty());
    CHECK(state.tick(2000 * s).empty());
    CHECK(state.summary().worked == summary.worked);
}

TEST_CASE("the next tick is due when the seconds shown change, and never in the past") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    CHECK(state.until_next_second() == 1000);
    CHECK(state.until_segment_end() == 300 * s);
    state.tick(300);
    CHECK(state.until_next_second() == 700);
    CHECK(state.until_segment_end() == 300 * s - 300);
    state.tick(100);  // the clock never runs backwards
    CHECK(state.segment_elapsed() == 300);
}

TEST_CASE("an empty timeline finishes as soon as it starts") {
    timeline::Timeline empty;
    PlayerState state(empty);
    const auto effects = state.start(0);
    CHECK(has_finished(effects));
    CHECK(state.finished());
    CHECK(state.summary().completed);
    CHECK(state.summary().sets_total == 0);
    CHECK(state.until_next_second() == -1);
}

TEST_CASE("--wait: a reps set runs past its estimate until Key::done, timed work and rests do not wait") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan, true);
    state.start(0);
    CHECK_FALSE(state.waits());  // 5 minutes of cardio: timed, ends on its own
    state.tick(331 * s);         // the first squat set (12 reps, estimated 36 s)
    REQUIRE(state.index() == 2);
    CHECK(state.waits());
    CHECK(state.until_segment_end() == -1);
    state.tick(400 * s);  // 70 s in: 34 s over the estimate, still the squats
    CHECK(state.index() == 2);
    CHECK(state.segment_elapsed() == 70 * s);
    CHECK(state.until_next_second() == s);
    const auto effects = state.press(Key::done, 400 * s);
    CHECK(started_segments(effects) == std::vector<int>{3});  // the rest starts now
    CHECK(state.status_of(2) == SegmentStatus::done);
    CHECK_FALSE(state.waits());
    state.tick(461 * s);  // the 60 s rest ends on its own
    CHECK(state.index() == 4);

    // The key turns waiting off (and on): the set then ends on its estimate.
    state.press(Key::toggle_wait, 461 * s);
    CHECK_FALSE(state.wait_for_reps());
    state.tick(500 * s);
    CHECK(state.index() > 4);
    CHECK(state.summary().sets_done == 3);
}

TEST_CASE("without --wait a reps set ends on its estimate, and Key::done ends work early as done") {
    const auto plan = test::sample_timeline();
    PlayerState state(plan);
    state.start(0);
    CHECK_FALSE(state.waits());
    state.press(Key::done, 10 * s);
    CHECK(state.index() == 1);
    CHECK(state.status_of(0) == SegmentStatus::done);
    state.press(Key::done, 11 * s);  // a transition is not work: nothing to mark done
    CHECK(state.index() == 1);
}
