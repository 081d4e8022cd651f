// The stdlib catalog files, embedded in the binary at build time (see embed_stdlib.cmake).
#pragma once

#include <span>
#include <string_view>

namespace reps {

struct EmbeddedFile {
    std::string_view path;  // "stdlib/anatomy.reps"
    std::string_view text;
};

std::span<const EmbeddedFile> stdlib_files();

}  // namespace reps
