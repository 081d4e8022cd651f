// The --log writer: whole lines appended, a broken last line left by someone else set apart.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runtime/player/play_log.hpp"
#include "sample_timelines.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

fs::path scratch_file() {
    static std::atomic<int> counter{0};
    return fs::temp_directory_path() /
           ("reps-play-log-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".jsonl");
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a log line is one line of JSON holding the summary") {
    auto plan = test::sample_timeline();
    plan.title = "Line\nbreak";
    player::Summary summary;
    summary.worked = 20'500;
    summary.rested = 9'999;
    summary.paused = 1'000;
    summary.sets_done = 2;
    summary.sets_total = 9;
    summary.skipped = 3;
    const std::string line = player::play_log_line(plan, summary, "2026-12-01T17:30:00Z", 1.0);
    CHECK(line.find('\n') == std::string::npos);
    const auto json = nlohmann::json::parse(line);
    CHECK(json["title"] == "Line\nbreak");
    CHECK(json["started"] == "2026-12-01T17:30:00Z");
    CHECK(json["completed"] == false);
    CHECK(json["worked_seconds"] == 20);
    CHECK(json["rested_seconds"] == 9);
    CHECK(json["paused_seconds"] == 1);
    CHECK(json["sets_done"] == 2);
    CHECK(json["sets_total"] == 9);
    CHECK(json["skipped_segments"] == 3);
    CHECK(line.rfind("{\"format\":\"reps-play/1\",\"workout\":\"sample\"", 0) == 0);
}

TEST_CASE("appending adds whole lines, creating the file") {
    const fs::path path = scratch_file();
    std::string error;
    CHECK(player::append_play_log(path.string(), "{\"a\":1}", error));
    CHECK(player::append_play_log(path.string(), "{\"b\":2}", error));
    CHECK(read_all(path) == "{\"a\":1}\n{\"b\":2}\n");
    CHECK((fs::status(path).permissions() & fs::perms::owner_write) != fs::perms::none);

    SUBCASE("a last line without its newline is closed before ours") {
        std::ofstream(path, std::ios::app) << "{\"broken\":";
        CHECK(player::append_play_log(path.string(), "{\"c\":3}", error));
        CHECK(read_all(path) == "{\"a\":1}\n{\"b\":2}\n{\"broken\":\n{\"c\":3}\n");
    }
    fs::remove(path);
}

TEST_CASE("a log that cannot be written says why") {
    std::string error;
    CHECK_FALSE(player::append_play_log("/nonexistent-dir/x.jsonl", "{}", error));
    CHECK(error == "cannot write '/nonexistent-dir/x.jsonl': No such file or directory");

    // A FIFO that no process reads: said at once, not waited for.
    const auto fifo = scratch_file();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_FALSE(player::append_play_log(fifo.string(), "{}", error));
    CHECK(error == "cannot write '" + fifo.string() + "': no process reads this FIFO");
    // With a reader, the line goes through.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    CHECK(player::append_play_log(fifo.string(), "{\"d\":4}", error));
    char got[16] = {};
    CHECK(::read(reader, got, sizeof got - 1) == 8);
    CHECK(std::string(got) == "{\"d\":4}\n");
    ::close(reader);
    std::filesystem::remove(fifo);
}
