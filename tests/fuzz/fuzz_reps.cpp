// The libFuzzer entry point (built with -DREPS_FUZZ=ON, clang only): tests/fuzz/README.md says how to run it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reps::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size), REPS_FUZZ_ROOT);
    return 0;
}
