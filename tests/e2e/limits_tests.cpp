// The limits of the issue "robustness" that need files made at test time: a 65 MiB file, 1001
// imports, a FIFO, a device, symbolic links out of the root. Each is a diagnostic with a
// position, never a crash or a hang.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

#include "compiler/driver/cli.hpp"
#include "compiler/driver/loader.hpp"
#include "tests/e2e/in_process.hpp"

namespace {

namespace fs = std::filesystem;
using reps::test::Run;
using reps::test::run_reps;
using reps::test::TempDir;

using reps::test::check;

using reps::test::contains;

using reps::test::legs;

}  // namespace

TEST_CASE("limits: a file over 64 MiB is refused before it is read, at its first line") {
    TempDir dir("limits-size");
    // Sparse after its first line: no disk space is used, and the size check comes before any read.
    const fs::path big = dir.write("big.reps", "workout legs \"Legs\" {\n");
    fs::resize_file(big, reps::max_file_bytes + 1);

    const Run main = check(big);
    CHECK(main.code == 1);
    CHECK(contains(main.err, big.string() + ":1:1: error[E0003]: the file is larger than the 64 MiB limit\n"));
    CHECK(contains(main.err, "    1 | workout legs \"Legs\" {\n"));
    CHECK(contains(main.err, "help: split it into files that import each other\n"));

    const Run imported = check(dir.write("main.reps", "# imports a huge file\nimport \"big.reps\"\n"));
    CHECK(imported.code == 1);
    CHECK(contains(imported.err, "main.reps:2:8: error[E0003]: cannot import 'big.reps': it is larger than the 64 MiB limit\n"));
}

TEST_CASE("limits: more than 1000 imported files, in a chain") {
    TempDir dir("limits-imports");
    const std::size_t files = reps::max_imports + 1;
    for (std::size_t i = 0; i < files; ++i) {
        dir.write("f" + std::to_string(i) + ".reps", "import \"f" + std::to_string(i + 1) + ".reps\"\n");
    }
    dir.write("f" + std::to_string(files) + ".reps", legs);
    const Run run = check(dir.path() / "f0.reps");
    CHECK(run.code == 1);
    // f0 imports f1 ... f1000 imports f1001: the 1001st import is refused where it is written.
    CHECK(contains(run.err, "f1000.reps:1:8: error[E0003]: more than 1000 imported files\n"));
}

TEST_CASE("limits: importing a directory or a FIFO is an error at the import, not a hang") {
    TempDir dir("limits-special");
    fs::create_directory(dir.path() / "folder.reps");
    REQUIRE(::mkfifo((dir.path() / "pipe.reps").c_str(), 0600) == 0);  // a read would block forever
    const Run run = check(dir.write("main.reps", "import \"folder.reps\"\nimport \"pipe.reps\"\n" + legs));
    CHECK(run.code == 1);
    CHECK(contains(run.err, "main.reps:1:8: error[E0111]: cannot import 'folder.reps': it is a directory\n"));
    CHECK(contains(run.err, "main.reps:2:8: error[E0111]: cannot import 'pipe.reps': it is not a regular file\n"));
}

TEST_CASE("limits: a device inside the root is refused without being opened") {
    TempDir dir("limits-device");
    // /dev/null's numbers; mknod needs CAP_MKNOD (root outside a restricted container).
    if (::mknod((dir.path() / "null.reps").c_str(), S_IFCHR | 0600, ::makedev(1, 3)) != 0) {
        MESSAGE("mknod is not permitted here; the FIFO case covers the same path of the loader");
        return;
    }
    const Run run = check(dir.write("main.reps", "import \"null.reps\"\n" + legs));
    CHECK(run.code == 1);
    CHECK(contains(run.err, "main.reps:1:8: error[E0111]: cannot import 'null.reps': it is not a regular file\n"));
}

TEST_CASE("limits: a symbolic link may not lead an import out of the root") {
    TempDir outside("limits-outside");
    const fs::path target = outside.write("secret.reps", legs);
    TempDir dir("limits-links");
    fs::create_directory(dir.path() / "sub");
    fs::create_symlink(target, dir.path() / "sub" / "escape.reps");
    fs::create_directory_symlink(outside.path(), dir.path() / "elsewhere");
    dir.write("inside.reps", "region extra \"Extra\"\n");
    fs::create_symlink("../inside.reps", dir.path() / "sub" / "ok.reps");  // stays in the root: fine

    const Run run = check(dir.write("main.reps", "import \"sub/escape.reps\"\nimport \"elsewhere/secret.reps\"\n"
                                                 "import \"sub/ok.reps\"\n" + legs));
    CHECK(run.code == 1);
    CHECK(contains(run.err, "main.reps:1:8: error[E0112]: import 'sub/escape.reps' leaves the directory of the file being built\n"));
    CHECK(contains(run.err, "main.reps:2:8: error[E0112]: import 'elsewhere/secret.reps' leaves the directory"));
    CHECK(!contains(run.err, "main.reps:3:"));
    CHECK(contains(run.err, "main.reps: 2 errors\n"));
}

TEST_CASE("limits: a file of several MiB is read whole, its BOM dropped, its last line placed right") {
    // From 2 MiB a file is read into pages mapped for it (compiler/base/text_buffer.hpp): the
    // positions and the text must be the same as for a small file.
    TempDir dir("limits-mapped");
    std::string text = "\xEF\xBB\xBF";
    int lines = 0;
    for (int i = 0; text.size() < (3u << 20); ++i) {
        text += "workout w" + std::to_string(i) + " \"W\" {\n  warmup { easy_cardio 5min }\n  plank 30s\n}\n";
        lines += 4;
    }
    text += "workout last \"Last\" {\n  plonk 30s\n}\n";
    const Run run = check(dir.write("big.reps", text));
    CHECK(run.code == 1);
    CHECK(contains(run.err, "big.reps:" + std::to_string(lines + 2) + ":3: error[E0102]: unknown exercise 'plonk'\n"));
    CHECK(contains(run.err, "  plonk 30s\n"));
    CHECK(contains(run.err, "big.reps: 1 error\n"));  // the BOM left in would be another, at 1:1
}
