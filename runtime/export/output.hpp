// Writing an export (or a formatted source) to the file a user named, whatever kind of file that is.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace reps {

// Writes `content` (any bytes) where `path` points, by what it is:
// - a symbolic link is followed (a chain of them too) and its final target is written as below;
// - a regular file, or no file yet, is written to a temporary file beside it, synced and renamed
//   over it: a reader sees the old file or the whole new one. An existing file keeps its mode and
//   owner; a read-only file (no write bit, or not writable by this user) is refused;
// - a character device (/dev/null, a terminal) or a FIFO is opened and written through;
// - anything else (a directory, a socket, a block device) is refused.
// SIGINT, SIGTERM and SIGHUP during the write remove the temporary file before the process dies
// of them. On failure returns false, leaves an existing target untouched, and sets `error` to
// e.g. "cannot write 'out/x.json': it is a directory".
bool write_output_file(const std::filesystem::path& path, std::string_view content, std::string& error);

// The regular-file case of write_output_file, for a path known not to be a link or a device.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error);

}  // namespace reps
