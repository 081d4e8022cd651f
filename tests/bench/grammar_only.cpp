// The benchmark's yardstick: the bare PEGTL grammar matched over files, with no actions, no AST
// and no checking, so that `reps check` can be measured against the cost of reading the bytes.
//
//   reps_bench_grammar FILE_OR_DIR...   (directories: every *.reps below, sorted)
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

std::vector<fs::path> inputs(int argc, char** argv) {
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
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
    if (argc < 2) {
        std::fputs("usage: reps_bench_grammar FILE_OR_DIR...\n", stderr);
        return 2;
    }
    std::size_t bytes = 0, files = 0, failed = 0;
    double parse_seconds = 0;
    std::string text;
    for (const fs::path& path : inputs(argc, argv)) {
        // Read whole, as the compiler reads a file, so that only the matching differs.
        std::ifstream in(path, std::ios::binary);
        text.resize(fs::file_size(path));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        const auto start = std::chrono::steady_clock::now();
        pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> input(text, path.string());
        bool ok = false;
        try {
            ok = pegtl::parse<reps::grammar::file>(input);
        } catch (const pegtl::parse_error&) {
            ok = false;
        }
        parse_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        failed += ok ? 0 : 1;
        bytes += text.size();
        ++files;
    }
    std::printf("%zu files, %zu bytes, %zu failed to match, %.3f s matching\n", files, bytes, failed, parse_seconds);
    return failed == 0 ? 0 : 1;
}
