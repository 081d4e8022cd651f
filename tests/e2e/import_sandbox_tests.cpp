// Imports opened beneath the root's descriptor (openat2 RESOLVE_BENEATH): a directory swapped for
// a link to the outside while loading is never read through, and each way an import cannot be
// opened is named (a loop, an over-long path, no search permission, an empty path), with control
// characters of the path escaped.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "compiler/driver/open_beneath.hpp"
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

TEST_CASE("sandbox: a directory swapped for a link to the outside during loading is never read through") {
    TempDir outside("sandbox-outside");
    fs::create_directory(outside.path() / "sub");
    // Read through the link, this file would report its unknown exercise.
    outside.write("sub/part.reps", "workout leaked \"L\" {\n  leaked_exercise 3x10\n}\n");
    TempDir dir("sandbox-race");
    fs::create_directory(dir.path() / "sub");
    dir.write("sub/part.reps", "region extra \"Extra\"\n");
    fs::create_directory_symlink(outside.path() / "sub", dir.path() / "other");
    const fs::path main = dir.write("main.reps", "import \"sub/part.reps\"\n" + legs);

    // `sub` flips between the real directory inside and a link to the one outside (the two names
    // exchanged atomically), the swap a check of the path followed by an open of it loses to.
    std::atomic<bool> done{false};
    std::thread swapper([&] {
        const std::string sub = (dir.path() / "sub").string(), other = (dir.path() / "other").string();
        while (!done) ::renameat2(AT_FDCWD, sub.c_str(), AT_FDCWD, other.c_str(), RENAME_EXCHANGE);
    });
    int leaked = 0, refused = 0, read_inside = 0;
    for (int i = 0; i < 300; ++i) {
        const Run run = check(main);
        if (contains(run.err, "leaked_exercise")) ++leaked;
        else if (contains(run.err, "leaves the directory") || contains(run.err, "was replaced while it was being opened")) ++refused;
        else if (run.code == 0) ++read_inside;
        else FAIL_CHECK(run.err);
    }
    done = true;
    swapper.join();
    CHECK(leaked == 0);
    CHECK(refused + read_inside == 300);
    MESSAGE("refused " << refused << ", read inside " << read_inside);
}

TEST_CASE("sandbox: a link loop, an over-long path, an empty path and control characters are named as such") {
    TempDir dir("sandbox-messages");
    fs::create_symlink("loop_b.reps", dir.path() / "loop_a.reps");
    fs::create_symlink("loop_a.reps", dir.path() / "loop_b.reps");
    const std::string long_name(300, 'n');
    const Run run = check(dir.write("main.reps", "import \"loop_a.reps\"\nimport \"" + long_name + ".reps\"\nimport \"\"\n"
                                                 "import \"new\\nline.reps\"\n" + legs));
    CHECK(run.code == 1);
    CHECK(contains(run.err, "main.reps:1:8: error[E0111]: cannot import 'loop_a.reps': too many levels of symbolic links (a loop?)\n"));
    CHECK(contains(run.err, "main.reps:2:8: error[E0111]: cannot import '" + long_name + ".reps': the path is too long\n"));
    CHECK(contains(run.err, "main.reps:3:8: error[E0112]: the import path is empty\n"));
    CHECK(contains(run.err, "help: write the path of a .reps file, relative to the importing file\n"));
    CHECK(contains(run.err, "main.reps:4:8: error[E0111]: cannot import 'new\\x0aline.reps': No such file or directory\n"));
}

TEST_CASE("sandbox: a directory without search permission is named as such") {
    TempDir dir("sandbox-permission");
    fs::create_directory(dir.path() / "locked");
    dir.write("locked/part.reps", "region extra \"Extra\"\n");
    const fs::path main = dir.write("main.reps", "import \"locked/part.reps\"\n" + legs);
    fs::permissions(dir.path() / "locked", fs::perms::owner_read | fs::perms::owner_write);
    const std::string wanted =
        "main.reps:1:8: error[E0111]: cannot import 'locked/part.reps': a directory on its path cannot be searched, "
        "or the file cannot be read (permission denied)\n";
    if (::geteuid() != 0) {
        CHECK(contains(check(main).err, wanted));
        return;
    }
    // Root searches any directory: the check runs as nobody, in a child.
    fs::permissions(dir.path(), fs::perms::all);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
        ::_exit(contains(check(main).err, wanted) ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("sandbox: links that stay inside the root are followed, and one file through two paths loads once") {
    TempDir dir("sandbox-inside");
    fs::create_directory(dir.path() / "parts");
    dir.write("parts/extra.reps", "region extra \"Extra\"\n");
    fs::create_directory_symlink("parts", dir.path() / "alias");
    const Run run = check(dir.write("main.reps", "import \"parts/extra.reps\"\nimport \"alias/extra.reps\"\n" + legs));
    CHECK(run.code == 0);
    CHECK(run.err.empty());
}

TEST_CASE("sandbox: without openat2, the walk opens plain paths and refuses every link") {
    TempDir dir("sandbox-walk");
    fs::create_directory(dir.path() / "parts");
    dir.write("parts/extra.reps", "region extra \"Extra\"\n");
    fs::create_directory_symlink("parts", dir.path() / "alias");
    fs::create_symlink("extra.reps", dir.path() / "parts" / "link.reps");
    const int root = ::open(dir.path().c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(root >= 0);
    int error = 0;
    const int file = reps::open_beneath_walking(root, "parts/extra.reps", O_RDONLY | O_CLOEXEC, error);
    CHECK(file >= 0);
    if (file >= 0) ::close(file);
    CHECK(reps::open_beneath_walking(root, "alias/extra.reps", O_PATH | O_CLOEXEC, error) < 0);
    CHECK(error == ENOTSUP);  // a link to a directory on the way
    CHECK(reps::open_beneath_walking(root, "parts/link.reps", O_PATH | O_CLOEXEC, error) < 0);
    CHECK(error == ENOTSUP);  // the file itself a link (O_PATH would have opened the link)
    CHECK(reps::open_beneath_walking(root, "parts/link.reps", O_RDONLY | O_CLOEXEC, error) < 0);
    CHECK(error == ENOTSUP);
    CHECK(reps::open_beneath_walking(root, "parts/missing.reps", O_PATH | O_CLOEXEC, error) < 0);
    CHECK(error == ENOENT);
    ::close(root);
}

TEST_CASE("sandbox: a link named on the command line is resolved first, so its imports are the target's") {
    // The target imports a file beside it; beside the link is another file of the same name
    // that would make the check fail.
    TempDir dir("sandbox-named-link");
    fs::create_directory(dir.path() / "real");
    fs::create_directory(dir.path() / "top");
    dir.write("real/lib.reps", "exercise own_move \"Own move\" { rep 2s }\n");
    dir.write("real/plan.reps", "import \"lib.reps\"\nworkout w \"W\" {\n  warmup { own_move 10 }\n  own_move 3x10\n}\n");
    dir.write("top/lib.reps", "workout broken \"B\" {\n  no_such_exercise 3x10\n}\n");
    fs::create_symlink("../real/plan.reps", dir.path() / "top" / "plan.reps");
    const Run run = check(dir.path() / "top" / "plan.reps");
    CHECK(run.code == 0);
    CHECK_FALSE(contains(run.err, "no_such_exercise"));
    CHECK_FALSE(contains(run.err, "error"));
}
