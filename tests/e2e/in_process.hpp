// What the end-to-end tests share: `reps` run in-process through run_cli, and a scratch directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "compiler/driver/cli.hpp"

namespace reps::test {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

// `reps ARGS...`, as the command line would run it; stdout and stderr captured.
inline Run run_reps(const std::vector<std::string>& args) {
    std::vector<const char*> argv = {"reps"};
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    std::ostringstream out, err;
    Run run;
    run.code = reps::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("reps-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

// `reps check FILE` without colour, as a user would run it.
inline Run check(const std::filesystem::path& file) { return run_reps({"check", file.string(), "--color", "never"}); }

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A file's bytes, as written ("" when it cannot be read).
inline std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A workout that checks without a warning, to import or to check.
inline const std::string legs = "workout legs \"Legs\" {  # reps: allow W0201 W0205\n  goblet_squat 3x12\n}\n";

}  // namespace reps::test
