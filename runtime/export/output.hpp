// Writing an export to disk so that a reader never sees a half-written file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace reps {

// Writes `content` (any bytes) to a temporary file beside `path`, syncs it and renames it
// over `path`. On failure returns false, removes the temporary file, leaves an existing
// `path` untouched and sets `error` to e.g. "cannot write 'out/x.json': No such file or directory".
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error);

}  // namespace reps
