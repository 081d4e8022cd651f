// play() in-process in --plain mode: the lines at high speed, the summary, --log, --say without
// espeak-ng, a bad --speed, and a SIGTERM that stops the session with its summary.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runtime/player.hpp"
#include "sample_timelines.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

// No terminal on either side: plain mode, no keys, whatever the test runner is attached to.
PlayOptions fast_plain() {
    PlayOptions options;
    options.speed = 100'000;
    options.input_fd = -1;
    options.output_fd = -1;
    return options;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

fs::path scratch_file(const std::string& name) {
    static std::atomic<int> counter{0};
    return fs::temp_directory_path() /
           ("reps-player-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
}

}  // namespace

TEST_CASE("--plain prints one line per segment on the timeline clock, then the summary") {
    const auto plan = test::sample_timeline();
    std::ostringstream out, err;
    CHECK(play(plan, fast_plain(), out, err) == 0);
    CHECK(err.str().empty());
    const auto lines = lines_of(out.str());
    REQUIRE(lines.size() == 17 + 1 + 1 + 5);
    CHECK(lines[0] == "[00:00:00] work  Easy Cardio  5min");
    CHECK(lines[1] == "[00:05:00] transition  0:30");
    CHECK(lines[2] == "[00:05:30] work  Kettlebell Goblet Squat  set 1/2  12 reps @16kg  \"Chest up\"");
    CHECK(lines[7] == "[00:08:42] switch  0:05");
    CHECK(lines[16] == "[00:12:52] work  Static Stretching  5min");
    CHECK(lines[17] == "[00:17:52] end");
    CHECK(lines[18].empty());
    CHECK(lines[19] == "Sample Session (week 2): completed");
    CHECK(lines[20] == "  time worked  13:42");
    CHECK(lines[21] == "  time rested  4:10");
    CHECK(lines[22] == "  sets done    9 of 9");
    CHECK(lines[23] == "  skipped      0 segments");

    // The same every time: the clock printed is the timeline's, not the wall's.
    std::ostringstream again;
    CHECK(play(plan, fast_plain(), again, err) == 0);
    CHECK(again.str() == out.str());
}

TEST_CASE("--log appends one whole JSON line per session") {
    const auto plan = test::sample_timeline();
    const fs::path log = scratch_file("log.jsonl");
    PlayOptions options = fast_plain();
    options.log_path = log.string();
    std::ostringstream out, err;
    CHECK(play(plan, options, out, err) == 0);
    CHECK(play(plan, options, out, err) == 0);
    std::ifstream in(log);
    std::vector<nlohmann::json> entries;
    for (std::string line; std::getline(in, line);) entries.push_back(nlohmann::json::parse(line));
    REQUIRE(entries.size() == 2);
    const auto& entry = entries[0];
    CHECK(entry["format"] == "reps-play/1");
    CHECK(entry["workout"] == "sample");
    CHECK(entry["title"] == "Sample Session");
    CHECK(entry["week"] == 2);
    CHECK(entry["completed"] == true);
    CHECK(entry["planned_seconds"] == 1072);
    CHECK(entry["worked_seconds"] == 822);
    CHECK(entry["rested_seconds"] == 250);
    CHECK(entry["sets_done"] == 9);
    CHECK(entry["skipped_segments"] == 0);
    CHECK(entry["speed"] == 100000.0);
    CHECK(entry["started"].get<std::string>().size() == 20);  // 2026-12-01T17:30:00Z
    fs::remove(log);

    SUBCASE("an unwritable log is an I/O error after the summary") {
        options.log_path = "/nonexistent-dir/reps.log";
        std::ostringstream out2, err2;
        CHECK(play(plan, options, out2, err2) == 2);
        CHECK(out2.str().find("completed") != std::string::npos);
        CHECK(err2.str().find("reps: error: cannot write '/nonexistent-dir/reps.log'") == 0);
    }
}

TEST_CASE("--say without espeak-ng on PATH is a note, not a failure") {
    const auto plan = test::sample_timeline();
    const std::string saved = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    ::setenv("PATH", "/nonexistent-reps-test", 1);
    PlayOptions options = fast_plain();
    options.say = true;
    std::ostringstream out, err;
    const int status = play(plan, options, out, err);
    ::setenv("PATH", saved.c_str(), 1);
    CHECK(status == 0);
    CHECK(err.str().find("reps: note: --say needs espeak-ng") == 0);
    CHECK(out.str().find("completed") != std::string::npos);
}

TEST_CASE("a bad --speed is a usage error") {
    const auto plan = test::sample_timeline();
    for (const double speed : {0.0, -1.0, 2e6}) {
        PlayOptions options = fast_plain();
        options.speed = speed;
        std::ostringstream out, err;
        CHECK(play(plan, options, out, err) == 2);
        CHECK(err.str().find("--speed") != std::string::npos);
        CHECK(out.str().empty());
    }
}

TEST_CASE("SIGTERM stops the session with its summary and exit status 143") {
    const auto plan = test::sample_timeline();
    PlayOptions options = fast_plain();
    options.speed = 1;  // 17 minutes: only the signal can end it in time
    std::ostringstream out, err;
    struct sigaction before_play {};
    ::sigaction(SIGTERM, nullptr, &before_play);
    std::thread killer([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ::kill(::getpid(), SIGTERM);
    });
    const auto before = std::chrono::steady_clock::now();
    const int status = play(plan, options, out, err);
    killer.join();
    CHECK(status == 128 + SIGTERM);
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
    const auto lines = lines_of(out.str());
    REQUIRE(lines.size() >= 3);
    CHECK(lines[0] == "[00:00:00] work  Easy Cardio  5min");
    CHECK(lines[1] == "[00:00:00] stopped");
    CHECK(out.str().find("Sample Session (week 2): stopped") != std::string::npos);
    // The player's handler is gone again: SIGTERM's disposition is back to what it was.
    struct sigaction after_play {};
    ::sigaction(SIGTERM, nullptr, &after_play);
    CHECK((after_play.sa_handler == before_play.sa_handler));
}
