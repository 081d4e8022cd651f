// The `reps` executable: everything happens in run_cli, which tests call in-process.
#include <malloc.h>
#include <unistd.h>

#include <iostream>

#include "compiler/driver/checked_output.hpp"
#include "compiler/driver/cli.hpp"

int main(int argc, char* argv[]) {
    // Checking many files frees each file's AST and checked program before the next: without
    // this, glibc could give that memory back to the system after a file and fault it in again
    // for the next (50 times the page faults in a parse-only run of the benchmark corpus).
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
    // Setting those fixes glibc's mmap threshold at 128 KB: a file's AST or checked entries over
    // that size would be mapped and unmapped for every file (page faults, and on several threads
    // a process-wide lock). Big blocks come from the heap too.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // Every command writes stdout through this buffer: output lost to a full disk or a closed
    // descriptor makes the exit status 2 with a message, whatever the command.
    reps::CheckedOutput stdout_buffer(STDOUT_FILENO);
    std::streambuf* const previous = std::cout.rdbuf(&stdout_buffer);
    int code = reps::run_cli(argc, argv, std::cout, std::cerr);
    std::cout.flush();
    const std::string failure = reps::describe_stdout_error(stdout_buffer.finish());
    std::cout.rdbuf(previous);
    if (!failure.empty()) {
        std::cerr << failure << '\n';
        code = 2;
    }
    return code;
}
