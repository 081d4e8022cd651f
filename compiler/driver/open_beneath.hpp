// Opening an import inside the root directory without a window between checking and opening.
#pragma once

#include <filesystem>

namespace reps {

// Opens `relative` (lexically normal, no leading "..") beneath the directory `root_fd` with
// `flags`, so that what is opened is what was checked: a directory swapped for a symbolic link
// meanwhile cannot lead outside. Uses openat2(RESOLVE_BENEATH): symbolic links are followed while
// they stay beneath the root. Where the kernel lacks openat2 (before Linux 5.6), walks the path
// one openat(O_NOFOLLOW) at a time and follows no link. Returns the descriptor, or -1 with `error`
// set: EXDEV when the path leads out of the root, ENOTSUP for a link on a kernel without
// openat2, else the errno of the open (ELOOP, ENAMETOOLONG, EACCES, ENOENT...).
int open_beneath(int root_fd, const std::filesystem::path& relative, int flags, int& error);

// The walk open_beneath falls back to without openat2, on its own (tests run it on any kernel).
int open_beneath_walking(int root_fd, const std::filesystem::path& relative, int flags, int& error);

}  // namespace reps
