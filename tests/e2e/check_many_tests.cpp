// `reps check` of many files and of directories, on several threads: exactly the output of
// checking the files one after the other, in argument order (directories: sorted paths).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/cli.hpp"
#include "tests/e2e/in_process.hpp"

namespace {

namespace fs = std::filesystem;
using reps::test::Run;
using reps::test::run_reps;

// A directory of .reps files: warnings, errors, clean files, a subdirectory and a non-.reps file.
class Tree {
public:
    Tree() : root_(fs::temp_directory_path() / ("reps-check-many-" + std::to_string(::getpid()))) {
        fs::remove_all(root_);
        fs::create_directories(root_ / "sub");
        fs::create_directories(root_ / "empty");
        write("b_warns.reps", "workout short_one \"Short\" {\n  warmup { easy_cardio 5min }\n  goblet_squat 3x12\n}\n");
        write("a_clean.reps", "# reps: allow W0205\nworkout clean \"Clean\" {  # reps: allow W0205\n  warmup { easy_cardio 5min }\n  push_up 3x10\n}\n");
        write("sub/c_errors.reps", "workout broken \"Broken\" {\n  goblet_sqat 3x12\n  push_up 3x10 @16kg\n}\n");
        write("sub/d_syntax.reps", "workout w \"W\" {\n  push_up 3x\n}\n");
        write("notes.txt", "not a workout");
        for (int i = 0; i < 12; ++i) {
            write("many/f" + std::to_string(10 + i) + ".reps",
                  "workout w" + std::to_string(i) + " \"W\" {\n  push_up " + std::to_string(i + 1) + "x10\n}\n");
        }
    }
    ~Tree() {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    std::string path(const std::string& relative = "") const { return (root_ / relative).string(); }

private:
    void write(const std::string& relative, const std::string& text) {
        fs::create_directories((root_ / relative).parent_path());
        std::ofstream(root_ / relative, std::ios::binary) << text;
    }
    fs::path root_;
};

// Each file on its own, one run after the other: what a run over all of them must print.
Run one_by_one(const std::vector<std::string>& files, const std::vector<std::string>& options = {}) {
    Run all;
    all.code = 0;
    for (const std::string& file : files) {
        std::vector<std::string> args = {"check", file};
        args.insert(args.end(), options.begin(), options.end());
        const Run run = run_reps(args);
        all.out += run.out;
        all.err += run.err;
        all.code = std::max(all.code, run.code);
    }
    return all;
}

}  // namespace

TEST_CASE("check DIR: every .reps file below it, in sorted order, as one-by-one runs print them") {
    const Tree tree;
    std::vector<std::string> files;
    for (const auto* name : {"a_clean.reps", "b_warns.reps", "many/f10.reps", "many/f11.reps", "many/f12.reps",
                             "many/f13.reps", "many/f14.reps", "many/f15.reps", "many/f16.reps", "many/f17.reps",
                             "many/f18.reps", "many/f19.reps", "many/f20.reps", "many/f21.reps", "sub/c_errors.reps",
                             "sub/d_syntax.reps"}) {
        files.push_back(tree.path(name));
    }
    const Run expected = one_by_one(files);
    CHECK(expected.code == 1);
    CHECK(expected.err.find("b_warns.reps: 1 warning") != std::string::npos);
    CHECK(expected.err.find("unknown exercise 'goblet_sqat'") != std::string::npos);
    for (const char* jobs : {"1", "2", "5"}) {
        INFO("-j " << jobs);
        const Run run = run_reps({"check", "-j", jobs, tree.path()});
        CHECK(run.code == expected.code);
        CHECK(run.out == expected.out);
        CHECK(run.err == expected.err);
    }
    // Files and directories mixed keep the order of the arguments.
    const Run mixed = run_reps({"check", tree.path("sub/c_errors.reps"), tree.path("many"), tree.path("a_clean.reps")});
    std::vector<std::string> order = {tree.path("sub/c_errors.reps")};
    for (int i = 10; i < 22; ++i) order.push_back(tree.path("many/f" + std::to_string(i) + ".reps"));
    order.push_back(tree.path("a_clean.reps"));
    const Run mixed_expected = one_by_one(order);
    CHECK(mixed.err == mixed_expected.err);
    CHECK(mixed.code == 1);
}

TEST_CASE("check of many files: --dump output and --diagnostics json come out in argument order") {
    const Tree tree;
    const std::vector<std::string> files = {tree.path("many/f13.reps"), tree.path("many/f11.reps"),
                                            tree.path("b_warns.reps"), tree.path("many/f12.reps")};
    const Run dumps = run_reps({"check", "-j", "3", "--dump", "checked", files[0], files[1], files[2], files[3]});
    CHECK(dumps.out == one_by_one(files, {"--dump", "checked"}).out);
    CHECK(dumps.code == 0);

    const Run json = run_reps({"check", "-j", "3", "--diagnostics", "json", tree.path("sub"), tree.path("b_warns.reps")});
    CHECK(json.code == 1);
    const auto document = nlohmann::json::parse(json.err);
    std::vector<std::string> files_named;
    for (const auto& d : document["diagnostics"]) files_named.push_back(d["file"].get<std::string>());
    REQUIRE(files_named.size() == 3);
    CHECK(files_named.front() == tree.path("sub/c_errors.reps"));
    CHECK(files_named.back() == tree.path("b_warns.reps"));
    // Positions resolve against the right file, though each was checked with its own sources.
    for (const auto& d : document["diagnostics"]) {
        if (d["code"] == "E0102") {
            CHECK(d["line"] == 2);
            CHECK(d["column"] == 3);
            CHECK(d["end_column"] == 14);
        }
    }
}

TEST_CASE("check DIR: a directory without .reps files, and -j mistakes") {
    const Tree tree;
    const Run empty = run_reps({"check", tree.path("empty"), tree.path("a_clean.reps")});
    CHECK(empty.code == 2);
    CHECK(empty.err == "reps: error: no .reps files in directory '" + tree.path("empty") + "'\n");

    for (const char* bad : {"0", "x", "100000"}) {
        INFO(bad);
        const Run run = run_reps({"check", "-j", bad, tree.path("a_clean.reps")});
        CHECK(run.code == 2);
        CHECK(run.err.starts_with("reps: error: -j takes a number of files to check at once, 1-1024"));
    }
    const Run build = run_reps({"build", tree.path("a_clean.reps"), "--to", "json", "-j", "2"});
    CHECK(build.code == 2);
    CHECK(build.err.starts_with("reps: error: 'reps build' does not take --jobs"));
}

TEST_CASE("check DIR: a .reps link that leads nowhere, a link loop and a FIFO fail as when named") {
    // Skipped, they let a broken tree pass a CI check (found by an outside probe).
    reps::test::TempDir dir("check-dir-broken");
    const std::filesystem::path root = dir.write("a.reps", "workout a \"A\" {\n  warmup { easy_cardio 5min }\n  plank 30s\n}\n").parent_path();
    std::filesystem::create_symlink("missing.reps", root / "dangling.reps");
    std::filesystem::create_symlink("self.reps", root / "self.reps");
    REQUIRE(::mkfifo((root / "pipe.reps").c_str(), 0600) == 0);
    std::filesystem::create_directory(root / "linked");
    std::filesystem::create_directory_symlink("linked", root / "dir.reps");  // a link to a directory: not followed

    const Run run = run_reps({"check", root.string()});
    CHECK(run.code == 2);
    CHECK(run.err.find("cannot read '" + (root / "dangling.reps").string() + "': No such file or directory") != std::string::npos);
    CHECK(run.err.find("cannot read '" + (root / "self.reps").string() + "': Too many levels of symbolic links") != std::string::npos);
    CHECK(run.err.find("cannot read '" + (root / "pipe.reps").string() + "': it is not a regular file") != std::string::npos);
    CHECK(run.err.find("dir.reps") == std::string::npos);

    // A directory whose only .reps entry leads nowhere holds one, unreadable: not "no .reps files".
    reps::test::TempDir lone("check-dir-lone");
    const std::filesystem::path lone_root = lone.write("readme.txt", "").parent_path();
    std::filesystem::create_symlink("missing.reps", lone_root / "x.reps");
    const Run only = run_reps({"check", lone_root.string()});
    CHECK(only.code == 2);
    CHECK(only.err.find("no .reps files") == std::string::npos);
    CHECK(only.err.find("cannot read '" + (lone_root / "x.reps").string() + "'") != std::string::npos);
}

TEST_CASE("check DIR: a newline in a file's name does not break the diagnostic's line") {
    // The FILE:LINE:COL header and the summary both show it as '?', so a tool reading the output
    // line by line cannot be fed a forged line (found by an outside probe).
    reps::test::TempDir dir("check-dir-newline");
    const std::filesystem::path file = dir.write("new\nline.reps", "workout a \"A\" {\n  warmup { easy_cardio 5min }\n  plonk 30s\n}\n");
    const Run run = run_reps({"check", file.parent_path().string()});
    CHECK(run.code == 1);
    const std::string shown = (file.parent_path() / "new?line.reps").string();
    CHECK(run.err.find(shown + ":3:3: error[E0102]: unknown exercise 'plonk'\n") != std::string::npos);
    CHECK(run.err.find(shown + ": 1 error\n") != std::string::npos);
    CHECK(run.err.find("new\nline") == std::string::npos);
}
