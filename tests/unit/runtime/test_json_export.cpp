// The JSON form (SPEC §6.1): parsed back, with exact values, nulls and key order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/export/json/json_export.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using nlohmann::ordered_json;

namespace {

std::vector<std::string> keys_of(const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

const std::vector<std::string> work_keys = {"start", "duration", "kind",  "phase", "exercise", "title", "set",
                                            "sets",  "side",     "reps",  "seconds", "load",   "cue"};
const std::vector<std::string> pause_keys = {"start", "duration", "kind", "phase"};

}  // namespace

TEST_CASE("a workout is one reps-timeline/1 object with the SPEC's keys in order") {
    const auto text = to_json(test::sample_timeline());
    CHECK(text.rfind("{\n  \"format\": \"reps-timeline/1\",\n  \"workout\": \"sample\",\n", 0) == 0);
    CHECK(text.back() == '\n');
    CHECK(text[text.size() - 2] == '}');

    const auto json = ordered_json::parse(text);
    CHECK(keys_of(json) ==
          std::vector<std::string>{"format", "workout", "title", "week", "total_seconds", "equipment", "segments"});
    CHECK(json["format"] == "reps-timeline/1");
    CHECK(json["workout"] == "sample");
    CHECK(json["title"] == "Sample Session");
    CHECK(json["week"] == 2);
    CHECK(json["total_seconds"] == 1072);
    CHECK(json["equipment"] == ordered_json::array({"bench", "dumbbell", "kettlebell"}));
    CHECK(json["segments"].size() == 17);
}

TEST_CASE("a loaded work segment with a cue carries every work field") {
    const auto json = ordered_json::parse(to_json(test::sample_timeline()));
    const auto& squat = json["segments"][2];
    CHECK(keys_of(squat) == work_keys);
    CHECK(squat["start"] == 330);
    CHECK(squat["duration"] == 36);
    CHECK(squat["kind"] == "work");
    CHECK(squat["phase"] == "main");
    CHECK(squat["exercise"] == "goblet_squat");
    CHECK(squat["title"] == "Kettlebell Goblet Squat");
    CHECK(squat["set"] == 1);
    CHECK(squat["sets"] == 2);
    CHECK(squat["side"].is_null());
    CHECK(squat["reps"] == 12);
    CHECK(squat["seconds"].is_null());
    CHECK(squat["load"] == "16kg");
    CHECK(squat["cue"] == "Chest up");
}

TEST_CASE("rest, switch and transition segments carry only the four common keys") {
    const auto json = ordered_json::parse(to_json(test::sample_timeline()));
    const auto& rest = json["segments"][3];
    CHECK(keys_of(rest) == pause_keys);
    CHECK(rest == ordered_json::parse(R"({"start": 366, "duration": 60, "kind": "rest", "phase": "main"})"));
    CHECK(json["segments"][7] ==
          ordered_json::parse(R"({"start": 522, "duration": 5, "kind": "switch", "phase": "main"})"));
    CHECK(json["segments"][1] ==
          ordered_json::parse(R"({"start": 300, "duration": 30, "kind": "transition", "phase": "warmup"})"));
}

TEST_CASE("sides, pairs, timed work and phases") {
    const auto json = ordered_json::parse(to_json(test::sample_timeline()));
    const auto& segments = json["segments"];
    CHECK(segments[6]["side"] == "left");
    CHECK(segments[8]["side"] == "right");
    CHECK(segments[8]["load"] == "2x10kg");
    CHECK(segments[8]["reps"] == 10);
    CHECK(segments[8]["cue"].is_null());

    const auto& plank = segments[14];
    CHECK(plank["exercise"] == "plank");
    CHECK(plank["reps"].is_null());
    CHECK(plank["seconds"] == 30);
    CHECK(plank["load"].is_null());

    CHECK(segments[0]["phase"] == "warmup");
    CHECK(segments[16]["phase"] == "cooldown");
    CHECK(segments[16]["seconds"] == 300);
}

TEST_CASE("a program lists each occurrence with a timeline or a run") {
    const auto text = to_json(test::sample_program());
    CHECK(text.back() == '\n');
    const auto json = ordered_json::parse(text);
    CHECK(keys_of(json) ==
          std::vector<std::string>{"format", "program", "title", "start", "weeks", "timezone", "sessions"});
    CHECK(json["format"] == "reps-program/1");
    CHECK(json["program"] == "runner_strength");
    CHECK(json["title"] == "Strength for Runners");
    CHECK(json["start"] == "2026-12-01");
    CHECK(json["weeks"] == 2);
    CHECK(json["timezone"] == "Europe/Berlin");
    REQUIRE(json["sessions"].size() == 3);

    const auto& intervals = json["sessions"][0];
    CHECK(keys_of(intervals) == std::vector<std::string>{"date", "time", "weekday", "week", "run"});
    CHECK(intervals["run"] ==
          ordered_json::parse(R"({"title": "Intervals", "duration": 3000, "intensity": "hard"})"));

    const auto& strength = json["sessions"][1];
    CHECK(keys_of(strength) == std::vector<std::string>{"date", "time", "weekday", "week", "workout", "timeline"});
    CHECK(strength["date"] == "2026-12-01");
    CHECK(strength["time"] == "17:30");
    CHECK(strength["weekday"] == "tue");
    CHECK(strength["week"] == 1);
    CHECK(strength["workout"] == "sample");
    CHECK(strength["timeline"]["format"] == "reps-timeline/1");
    CHECK(strength["timeline"]["week"] == 1);
    CHECK(strength["timeline"]["segments"].size() == 17);

    const auto& long_run = json["sessions"][2];
    CHECK(long_run["week"] == 2);
    CHECK(long_run["run"]["duration"] == 5400);
    CHECK(long_run["run"]["intensity"].is_null());
}

TEST_CASE("a workout session without a timeline gets a null timeline") {
    auto program = test::sample_program();
    program.sessions[1].timeline.reset();
    const auto json = ordered_json::parse(to_json(program));
    CHECK(json["sessions"][1]["workout"] == "sample");
    CHECK(json["sessions"][1]["timeline"].is_null());
}

TEST_CASE("user strings are escaped and bad UTF-8 does not abort the export") {
    auto t = test::sample_timeline();
    t.title = "Quote \" and\nnewline, Übung";
    t.segments[2].cue = std::string("bad \xff byte");
    std::string text;
    REQUIRE_NOTHROW(text = to_json(t));
    const auto json = ordered_json::parse(text);
    CHECK(json["title"] == "Quote \" and\nnewline, \xc3\x9c" "bung");
    CHECK(json["segments"][2]["cue"] == "bad \xef\xbf\xbd byte");
}

// Nothing in an output can drive a terminal: ESC (nlohmann escapes C0 itself), DEL and the C1
// range (U+0085 here) are written as \u escapes, and read back as the same text.
TEST_CASE("control characters in user strings are escaped, DEL and C1 too") {
    auto t = test::sample_timeline();
    const std::string cue = "esc \x1b[31m del \x7f next-line \xc2\x85 csi \xc2\x9b end, \xc3\x9c stays";
    t.segments[2].cue = cue;
    const std::string text = to_json(t);
    CHECK(text.find("\\u001b") != std::string::npos);
    CHECK(text.find("\\u007f") != std::string::npos);
    CHECK(text.find("\\u0085") != std::string::npos);
    CHECK(text.find("\\u009b") != std::string::npos);
    for (const char* raw : {"\x1b", "\x7f", "\xc2\x85", "\xc2\x9b"}) CHECK(text.find(raw) == std::string::npos);
    CHECK(text.find("\xc3\x9c stays") != std::string::npos);  // other characters as they are
    CHECK(ordered_json::parse(text)["segments"][2]["cue"] == cue);
}
