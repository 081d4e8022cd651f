// The benchmark's yardstick: the bare PEGTL grammar matched over files, with no actions, no AST
// and no checking, so that `reps check` can be measured against the cost of reading the bytes.
// It matches as `reps` does, tracking byte positions only (PEGTL's lazy tracking); --eager keeps
// line and column up to date at every character, PEGTL's default, for comparison.
//
//   reps_bench_grammar [--eager] FILE_OR_DIR...   (directories: every *.reps below, sorted)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tao/pegtl.hpp>

#include "compiler/base/text_buffer.hpp"
#include "grammar/grammar.hpp"

namespace {

namespace fs = std::filesystem;
namespace pegtl = tao::pegtl;

template <pegtl::tracking_mode Tracking>
bool matches(std::string_view text, const std::string& source) {
    pegtl::memory_input<Tracking, pegtl::eol::lf_crlf> input(text.data(), text.size(), source);
    try {
        return pegtl::parse<reps::grammar::file>(input);
    } catch (const pegtl::parse_error&) {
        return false;
    }
}

// Read whole into the buffer the compiler reads a file into (loader.cpp), so that only the
// matching differs. nullopt when the file cannot be read whole.
std::optional<reps::TextBuffer> read_whole(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    std::optional<reps::TextBuffer> text;
    if (::fstat(fd, &info) == 0) text.emplace(static_cast<std::size_t>(info.st_size) + 1);
    if (text && text->read_to_end(fd, static_cast<std::size_t>(-1)) != 0) text.reset();
    ::close(fd);
    return text;
}

std::vector<fs::path> inputs(int first, int argc, char** argv) {
    std::vector<fs::path> files;
    for (int i = first; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (!fs::is_directory(path)) {
            files.push_back(path);
            continue;
        }
        std::vector<fs::path> found;
        for (const auto& entry : fs::recursive_directory_iterator(path)) {
            if (entry.is_regular_file() && entry.path().extension() == ".reps") found.push_back(entry.path());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    const bool eager = argc > 1 && std::string(argv[1]) == "--eager";
    const int first = eager ? 2 : 1;
    if (argc <= first) {
        std::fputs("usage: reps_bench_grammar [--eager] FILE_OR_DIR...\n", stderr);
        return 2;
    }
    std::size_t bytes = 0, files = 0, failed = 0;
    double parse_seconds = 0;
    for (const fs::path& path : inputs(first, argc, argv)) {
        const std::optional<reps::TextBuffer> buffer = read_whole(path);
        if (!buffer) {
            std::fprintf(stderr, "reps_bench_grammar: cannot read %s\n", path.c_str());
            return 2;
        }
        const std::string_view text = buffer->view();
        const auto start = std::chrono::steady_clock::now();
        const bool ok = eager ? matches<pegtl::tracking_mode::eager>(text, path.string())
                              : matches<pegtl::tracking_mode::lazy>(text, path.string());
        parse_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        failed += ok ? 0 : 1;
        bytes += text.size();
        ++files;
    }
    std::printf("%zu files, %zu bytes, %zu failed to match, %.3f s matching\n", files, bytes, failed, parse_seconds);
    return failed == 0 ? 0 : 1;
}
