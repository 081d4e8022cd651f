// `reps build -o FILE` never damages an existing FILE: not when the build fails, not when the write
// fails half-way (a full disk, simulated with RLIMIT_FSIZE), not when the process dies mid-write.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "compiler/driver/cli.hpp"

namespace {

namespace fs = std::filesystem;

int build(const std::string& input, const fs::path& output, std::string& err) {
    const std::string out_path = output.string();
    const char* argv[] = {"reps", "build", input.c_str(), "--to", "json", "-o", out_path.c_str()};
    std::ostringstream out, errors;
    const int code = reps::run_cli(7, argv, out, errors);
    err = errors.str();
    return code;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& item : fs::directory_iterator(dir)) names.push_back(item.path().filename().string());
    return names;
}

// Every file the process writes is cut off after `bytes`, as on a full disk.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &old_);
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG
        rlimit limit = old_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, old_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit old_{};
    void (*old_handler_)(int) = nullptr;
};

struct Fixture {
    fs::path dir = fs::temp_directory_path() / ("reps-output-tests-" + std::to_string(::getpid()));
    fs::path existing = dir / "plan.json";
    const std::string ok = std::string(REPS_TEST_DATA_DIR) + "/e2e/data/ok.reps";
    const std::string broken = std::string(REPS_TEST_DATA_DIR) + "/e2e/data/error.reps";
    Fixture() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(existing) << "the previous build";
    }
    ~Fixture() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "-o: a failed build leaves the previous file and no temporary file") {
    std::string err;
    CHECK(build(broken, existing, err) == 1);
    CHECK(read(existing) == "the previous build");
    CHECK(names_in(dir) == std::vector<std::string>{"plan.json"});
}

TEST_CASE_FIXTURE(Fixture, "-o: a write that fails half-way leaves the previous file and no temporary file") {
    std::string err;
    int code = 0;
    {
        FileSizeLimit limit(16);
        code = build(ok, existing, err);
    }
    CHECK(code == 2);
    CHECK(err == "reps: error: cannot write '" + existing.string() + "': File too large\n");
    CHECK(read(existing) == "the previous build");
    CHECK(names_in(dir) == std::vector<std::string>{"plan.json"});
    // And the same build without the limit replaces it whole.
    CHECK(build(ok, existing, err) == 0);
    CHECK(read(existing).rfind("{\n  \"format\": \"reps-timeline/1\"", 0) == 0);
}

TEST_CASE_FIXTURE(Fixture, "-o: a process killed mid-write leaves the previous file") {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The kernel kills the child with SIGXFSZ inside write(), after 16 bytes of the temp file.
        std::signal(SIGXFSZ, SIG_DFL);
        rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = 16;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::string err;
        build(ok, existing, err);
        ::_exit(42);  // not reached
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGXFSZ);
    CHECK(read(existing) == "the previous build");
    // What a killed process cannot clean up: its hidden, partial temporary file beside the output.
    for (const std::string& name : names_in(dir)) {
        if (name == "plan.json") continue;
        CHECK(name.rfind(".plan.json.tmp-" + std::to_string(child) + "-", 0) == 0);
        CHECK(fs::file_size(dir / name) == 16);
    }
}
