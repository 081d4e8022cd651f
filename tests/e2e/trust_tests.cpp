// Issue "trust": what -o and `reps fmt` do with the file they are given, and the one reader that
// every command reads sources with. Run in-process; stdout on a full disk or a closed descriptor
// needs the real executable and is in trust_test.sh.
#include <doctest/doctest.h>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <poll.h>
#include <ostream>
#include <string>
#include <thread>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compiler/driver/checked_output.hpp"
#include "compiler/driver/loader.hpp"
#include "tests/e2e/in_process.hpp"

namespace {

namespace fs = std::filesystem;
using reps::test::Run;
using reps::test::run_reps;
using reps::test::TempDir;

using reps::test::contains;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using reps::test::legs;

Run build_to(const fs::path& input, const fs::path& output) {
    return run_reps({"build", input.string(), "--to", "json", "-o", output.string(), "--color", "never"});
}

}  // namespace

TEST_CASE("trust: -o naming an input file (itself, an import, a link or a hard link to one) is exit 2, the source untouched") {
    TempDir dir("trust-inputs");
    const std::string part = "region extra \"Extra\"\n";
    const fs::path shared = dir.write("shared.reps", part);
    const std::string main_text = "import \"shared.reps\"\n" + legs;
    const fs::path main = dir.write("main.reps", main_text);
    fs::create_symlink("main.reps", dir.path() / "link.reps");
    fs::create_hard_link(shared, dir.path() / "hard.reps");

    for (const fs::path& output : {main, shared, dir.path() / "link.reps", dir.path() / "hard.reps"}) {
        CAPTURE(output);
        const Run run = build_to(main, output);
        CHECK(run.code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "reps: error: -o '" + output.string() + "' names an input file of this build; it was left as it is\n");
    }
    CHECK(read_all(main) == main_text);
    CHECK(read_all(shared) == part);
    CHECK(fs::is_symlink(dir.path() / "link.reps"));
    // Another file in the same directory is fine.
    CHECK(build_to(main, dir.path() / "main.json").code == 0);
}

TEST_CASE("trust: -o to a device, a FIFO, a link, a directory") {
    TempDir dir("trust-targets");
    const fs::path main = dir.write("main.reps", legs);
    CHECK(build_to(main, "/dev/null").code == 0);
    struct stat null_info {};
    REQUIRE(::stat("/dev/null", &null_info) == 0);
    CHECK(S_ISCHR(null_info.st_mode));

    fs::create_directory(dir.path() / "out");
    fs::create_symlink("out/plan.json", dir.path() / "plan.json");
    CHECK(build_to(main, dir.path() / "plan.json").code == 0);
    CHECK(fs::is_symlink(dir.path() / "plan.json"));
    CHECK(read_all(dir.path() / "out" / "plan.json").starts_with("{\n  \"format\": \"reps-timeline/1\""));

    const Run to_directory = build_to(main, dir.path() / "out");
    CHECK(to_directory.code == 2);
    CHECK(to_directory.err == "reps: error: cannot write '" + (dir.path() / "out").string() + "': it is a directory\n");
}

TEST_CASE("trust: fmt reads as check does: no FIFO or device opened, the size limit, empty and BOM-only files") {
    TempDir dir("trust-fmt-read");
    REQUIRE(::mkfifo((dir.path() / "pipe.reps").c_str(), 0600) == 0);  // reading it would hang
    const Run fifo = run_reps({"fmt", (dir.path() / "pipe.reps").string()});
    CHECK(fifo.code == 2);
    CHECK(fifo.err == "reps: error: cannot read '" + (dir.path() / "pipe.reps").string() + "': it is not a regular file\n");
    const Run zero = run_reps({"fmt", "/dev/zero"});  // would fill memory
    CHECK(zero.code == 2);
    CHECK(zero.err == "reps: error: cannot read '/dev/zero': it is not a regular file\n");
    const Run folder = run_reps({"fmt", dir.path().string()});
    CHECK(folder.code == 2);
    CHECK(folder.err == "reps: error: cannot read '" + dir.path().string() + "': it is a directory\n");

    const fs::path big = dir.write("big.reps", "workout legs \"Legs\" {\n");
    fs::resize_file(big, reps::max_file_bytes + 1);  // sparse: no disk used
    const Run large = run_reps({"fmt", "--color", "never", big.string()});
    CHECK(large.code == 1);
    CHECK(large.err.starts_with(big.string() + ":1:1: error[E0003]: the file is larger than the 64 MiB limit\n"));
    CHECK(fs::file_size(big) == reps::max_file_bytes + 1);

    const fs::path empty = dir.write("empty.reps", "");
    const fs::path bom = dir.write("bom.reps", "\xEF\xBB\xBF");
    const fs::path blank = dir.write("blank.reps", "\n\n  \n");
    for (const fs::path& file : {empty, bom, blank}) {
        CAPTURE(file);
        const Run run = run_reps({"fmt", file.string()});
        CHECK(run.code == 0);
        CHECK(run.err.empty());
        CHECK(read_all(file).empty());
        CHECK(run_reps({"fmt", "--check", file.string()}).code == 0);
        CHECK(run_reps({"check", file.string()}).code == 0);
    }
}

TEST_CASE("trust: fmt of a read-only file says so and leaves it, a writable one keeps its mode, a link is followed") {
    TempDir dir("trust-fmt-write");
    const std::string messy = "workout legs \"Legs\" {  # reps: allow W0201 W0205\n     goblet_squat 3x12\n\n\n}\n";
    const fs::path locked = dir.write("locked.reps", messy);
    fs::permissions(locked, fs::perms::owner_read);
    const Run refused = run_reps({"fmt", locked.string()});
    CHECK(refused.code == 2);
    CHECK(refused.err == "reps: error: cannot write '" + locked.string() + "': it is read-only\n");
    CHECK(read_all(locked) == messy);

    const fs::path open = dir.write("open.reps", messy);
    REQUIRE(::chmod(open.c_str(), 0604) == 0);
    fs::create_symlink("open.reps", dir.path() / "alias.reps");
    CHECK(run_reps({"fmt", (dir.path() / "alias.reps").string()}).code == 0);
    CHECK(fs::is_symlink(dir.path() / "alias.reps"));
    CHECK(read_all(open) == legs);
    struct stat info {};
    REQUIRE(::stat(open.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0604);
}

TEST_CASE("trust: standard output keeps its first write error, a closed reader (EPIPE) is not reported") {
    reps::CheckedOutput full(::open("/dev/full", O_WRONLY | O_CLOEXEC));
    std::ostream out(&full);
    out << std::string(200000, 'x') << "tail";
    out.flush();
    CHECK(full.finish() == ENOSPC);
    CHECK(reps::describe_stdout_error(ENOSPC) == "reps: error: cannot write to stdout: No space left on device");
    CHECK(reps::describe_stdout_error(EBADF) == "reps: error: cannot write to stdout: Bad file descriptor");
    CHECK(reps::describe_stdout_error(EPIPE).empty());
    CHECK(reps::describe_stdout_error(0).empty());

    reps::CheckedOutput closed(-1);
    std::ostream nowhere(&closed);
    nowhere << "x" << std::flush;
    CHECK(closed.finish() == EBADF);
}

TEST_CASE("trust: dates out of 1970-9999 are errors, never a wrong date") {
    TempDir dir("trust-dates");
    const fs::path main = dir.write("main.reps", legs);
    const auto ics_at = [&](const std::string& at, const std::string& dtstamp = "0") {
        return run_reps({"build", main.string(), "--to", "ics", "--at", at, "--timezone", "UTC", "--dtstamp", dtstamp, "--color", "never"});
    };
    const Run before_1970 = ics_at("1900-01-01T12:00");
    CHECK(before_1970.code == 2);
    CHECK(before_1970.err.starts_with("reps: error: --at must be a date from 1970 to 9999, not '1900-01-01T12:00'\n"));
    const Run not_a_day = ics_at("2026-02-29T12:00");
    CHECK(not_a_day.code == 2);
    CHECK(not_a_day.err.starts_with("reps: error: --at names a date that is not on the calendar: '2026-02-29T12:00'\n"));
    CHECK(ics_at("2028-02-29T12:00").code == 0);

    // Past the year 3000 libical's own conversions wrote DTSTART:00000000T000000.
    const Run far = ics_at("5000-06-01T12:00", "95617584000");
    CHECK(far.code == 0);
    CHECK(far.out.find("DTSTART:50000601T120000Z\r\n") != std::string::npos);
    CHECK(far.out.find("DTEND:50000601T120400Z\r\n") != std::string::npos);
    CHECK(far.out.find("DTSTAMP:50000101T000000Z\r\n") != std::string::npos);
    const Run berlin = run_reps({"build", main.string(), "--to", "ics", "--at", "9999-12-31T22:00", "--timezone",
                                 "Europe/Berlin", "--dtstamp", "0"});
    CHECK(berlin.code == 0);
    CHECK(berlin.out.find("DTSTART;TZID=Europe/Berlin:99991231T220000\r\n") != std::string::npos);

    const Run past_the_end = ics_at("9999-12-31T23:59");
    CHECK(past_the_end.code == 2);
    CHECK(past_the_end.err == "reps: error: --to ics: an event would end after 9999-12-31, the last date a calendar holds\n");
    const Run stamp = ics_at("2026-06-01T12:00", "999999999999");
    CHECK(stamp.code == 2);
    CHECK(stamp.out.empty());
}

TEST_CASE("trust: a program whose last session would end after 9999-12-31 is E0409 at that session, from check and every build format") {
    // Friday 9999-12-31 23:30 in Berlin, 45:30 long: the calendar's DTEND would be 10000-01-01T001600.
    // `--to ics` failed with exit 2 while `check` and the other formats passed.
    TempDir dir("trust-session-end");
    const std::string head = "exercise tt \"T\" { measure time }\n"
                             "workout w \"W\" { warmup { tt 5min }; tt 40min }\n"
                             "program p \"P\" {\n  start 9999-12-25\n  weeks 1\n  timezone \"Europe/Berlin\"\n";
    const fs::path late = dir.write("late.reps", head + "  fri 23:30 w\n}\n");
    const std::string wanted = late.string() + ":7:3: error[E0409]: program 'p' would end after 9999-12-31: 'w' at 23:30 on 9999-12-31 lasts 45:30\n";
    const Run check = run_reps({"check", late.string(), "--color", "never"});
    CHECK(check.code == 1);
    CHECK(check.err.starts_with(wanted));
    for (const std::string format : {"text", "json", "html", "ics"}) {
        CAPTURE(format);
        const Run build = run_reps({"build", late.string(), "--to", format, "--color", "never"});
        CHECK(build.code == 1);
        CHECK(build.out.empty());
        CHECK(build.err.starts_with(wanted));
    }
    // 45:30 is 46 minutes in a calendar: from 23:14 it ends at 24:00, a date the calendar cannot
    // hold either; from 23:13 it ends at 23:59 and the calendar is written.
    const fs::path midnight = dir.write("midnight.reps", head + "  fri 23:14 w\n}\n");
    CHECK(run_reps({"check", midnight.string()}).code == 1);
    const fs::path last_minute = dir.write("last_minute.reps", head + "  fri 23:13 w\n}\n");
    CHECK(run_reps({"check", last_minute.string()}).code == 0);
    const Run ics = run_reps({"build", last_minute.string(), "--to", "ics", "--dtstamp", "0"});
    CHECK(ics.code == 0);
    CHECK(contains(ics.out, "DTEND;TZID=Europe/Berlin:99991231T235900\r\n"));
}

TEST_CASE("trust: check DIR reports a subdirectory it cannot read (exit 2) and checks the rest") {
    TempDir dir("trust-check-dir");
    fs::create_directory(dir.path() / "open");
    fs::create_directory(dir.path() / "closed");
    dir.write("open/a.reps", legs);
    dir.write("closed/b.reps", legs);
    fs::permissions(dir.path() / "closed", fs::perms::none);
    fs::permissions(dir.path(), fs::perms::all);
    const std::string wanted = "reps: error: cannot read directory '" + (dir.path() / "closed").string() + "': Permission denied\n";
    const auto verify = [&](const Run& run) { return run.code == 2 && run.err == wanted; };
    if (::geteuid() != 0) {
        CHECK(verify(run_reps({"check", dir.path().string()})));
    } else {
        // Root reads any directory: the check runs as nobody, in a child.
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
            ::_exit(verify(run_reps({"check", dir.path().string()})) ? 0 : 1);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    fs::permissions(dir.path() / "closed", fs::perms::owner_all);
}

TEST_CASE("trust: play --log that cannot be written is exit 2 before playing") {
    TempDir dir("trust-log");
    const fs::path main = dir.write("main.reps", legs);
    const Run missing_dir = run_reps({"play", main.string(), "--plain", "--speed", "1000000", "--log",
                                      (dir.path() / "no" / "log.jsonl").string()});
    CHECK(missing_dir.code == 2);
    CHECK(missing_dir.out.empty());  // nothing was played
    CHECK(missing_dir.err == "reps: error: --log: cannot write '" + (dir.path() / "no" / "log.jsonl").string() +
                                 "': No such file or directory\n");
    const Run directory = run_reps({"play", main.string(), "--plain", "--speed", "1000000", "--log", dir.path().string()});
    CHECK(directory.code == 2);
    CHECK(directory.out.empty());
}

namespace {

// Reads a FIFO opened without blocking until its writer, once one came, has gone: poll() reports
// neither data nor a hang-up before a first writer opens it. False when `timeout_ms` passes first.
bool read_until_writer_leaves(int fd, std::string& received, int timeout_ms) {
    for (;;) {
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, timeout_ms) <= 0) return false;
        char buffer[4096];
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got > 0) received.append(buffer, static_cast<std::size_t>(got));
        else if (got == 0) return true;  // the writer closed its end
        else if (errno != EAGAIN && errno != EINTR) return false;
    }
}

}  // namespace

TEST_CASE("trust: play --log to a FIFO: a reader waiting from the start gets the line, none, exit 2, no hang") {
    TempDir dir("trust-log-fifo");
    const fs::path main = dir.write("main.reps", legs);
    const fs::path fifo = dir.path() / "log.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // A reader that reads to its end of file (as `cat log.fifo > copy &` does): the check at the
    // start must not open and close the FIFO, which would end the reader's input before the line.
    // The reader has the FIFO open before `play` starts (a thread blocked in open() may not have
    // got there yet on a busy machine: `play` then rightly found no reader, and the test hung),
    // and gives up after 20s rather than hang.
    const int read_end = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(read_end >= 0);
    std::string received;
    bool reader_timed_out = false;
    std::thread reader([&] { reader_timed_out = !read_until_writer_leaves(read_end, received, 20'000); });
    const Run played = run_reps({"play", main.string(), "--plain", "--speed", "1000000", "--log", fifo.string()});
    reader.join();
    ::close(read_end);
    CHECK_FALSE(reader_timed_out);
    CHECK(played.code == 0);
    CHECK(received.starts_with("{\"format\":\"reps-play/1\""));
    CHECK(received.ends_with("}\n"));
    // No reader at the end: said, not waited for.
    const Run unread = run_reps({"play", main.string(), "--plain", "--speed", "1000000", "--log", fifo.string()});
    CHECK(unread.code == 2);
    CHECK(contains(unread.err, "no process reads this FIFO"));
}

TEST_CASE("trust: W0301 (FIT cannot hold it) points at the entry, and '# reps: allow W0301' there silences it") {
    TempDir dir("trust-w0301");
    const std::string head = "workout legs \"Legs\" {  # reps: allow W0201 W0205\n  goblet_squat 3x12\n";
    const fs::path loud = dir.write("loud.reps", head + "  hip_thrust 2x10 @70%\n}\n");
    const Run warned = run_reps({"build", loud.string(), "--to", "fit", "-o", (dir.path() / "loud.fit").string(),
                                 "--color", "never"});
    CHECK(warned.code == 0);
    CHECK(contains(warned.err, loud.string() + ":3:3: warning[W0301]: 'hip_thrust' @70%: a FIT weight is a mass"));
    CHECK(contains(warned.err, "    3 |   hip_thrust 2x10 @70%\n      |   ^~~~~~~~~~\n"));
    const Run json = run_reps({"build", loud.string(), "--to", "fit", "-o", (dir.path() / "loud.fit").string(),
                               "--diagnostics", "json"});
    CHECK(contains(json.err, "\"line\": 3,"));
    CHECK(!contains(json.err, "\"line\": 0"));

    const fs::path quiet = dir.write("quiet.reps", head + "  hip_thrust 2x10 @70%  # reps: allow W0301\n}\n");
    const Run silenced = run_reps({"build", quiet.string(), "--to", "fit", "-o", (dir.path() / "quiet.fit").string()});
    CHECK(silenced.code == 0);
    CHECK(silenced.err.empty());
    CHECK(fs::file_size(dir.path() / "quiet.fit") > 0);
}

TEST_CASE("trust: play --log naming the workout's own file is exit 2, the file untouched") {
    TempDir dir("trust-log-input");
    const fs::path main = dir.write("main.reps", legs);
    const Run run = run_reps({"play", main.string(), "--plain", "--speed", "1000000", "--log", main.string()});
    CHECK(run.code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "reps: error: --log '" + main.string() + "' names an input file of this workout; it was left as it is\n");
    CHECK(read_all(main) == legs);
}
