// One fuzz input taken through every phase in memory: shared by the libFuzzer target and the replay test.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace reps::fuzz {

// Larger inputs are cut here: the phases are linear, so bigger files only make runs slower.
inline constexpr std::size_t max_input_bytes = 64 * 1024;

struct Outcome {
    std::vector<std::string> codes;  // every diagnostic's code, in the order reported
    std::size_t exported_bytes = 0;  // sum over every exporter's output (0 when there were errors)
};

// Loads `input` as the text of ROOT/fuzz.reps (imports resolve inside `root`), checks it, runs the
// lints, renders the diagnostics, and when there are no errors lowers every workout (weeks 1 and 3)
// and program and runs every exporter. When the input parses, formats it as `reps fmt` does and
// aborts unless the result parses and a second pass leaves it unchanged. Writes no file. Lets any exception escape: after a clean
// check none is expected, and the fuzzer reports it.
Outcome run_one(std::string_view input, const std::filesystem::path& root);

}  // namespace reps::fuzz
