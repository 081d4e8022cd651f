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
#include <fstream>
#include <string>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"

namespace {

namespace fs = std::filesystem;
namespace pegtl = tao::pegtl;

template <pegtl::tracking_mode Tracking>
bool matches(const std::string& text, const std::string& source) {
    pegtl::memory_input<Tracking, pegtl::eol::lf_crlf> input(text, source);
    try {
        return pegtl::parse<reps::grammar::file>(input);
    } catch (const pegtl::parse_error&) {
        return false;
    }
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
    std::string text;
    for (const fs::path& path : inputs(first, argc, argv)) {
        // Read whole, as the compiler reads a file, so that only the matching differs.
        std::ifstream in(path, std::ios::binary);
        text.resize(fs::file_size(path));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
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
