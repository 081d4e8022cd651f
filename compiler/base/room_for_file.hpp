// Room in a list that gets one item per declaration of a file read front to back (the streamed
// check's record and measure of each workout).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace reps {

// When `list` is full: room for as many items as the part of the file read so far (`bytes_read`
// of `file_bytes`) projects for the whole file, and an eighth more. Doubling moved a list of a
// big file of small workouts some five times, and each move left the old list behind as a hole
// in the heap that stayed in memory (80 MB of 127 for 400,000 one-line workouts).
template <typename T>
void make_room_for_rest_of_file(std::vector<T>& list, std::size_t bytes_read, std::size_t file_bytes) {
    if (list.size() < list.capacity()) return;
    const std::size_t count = list.size() + 1;
    std::size_t projected = 2 * count;
    if (bytes_read > 0 && bytes_read < file_bytes) {
        const double per_byte = static_cast<double>(count) / static_cast<double>(bytes_read);
        projected = std::max(count + 16, static_cast<std::size_t>(per_byte * static_cast<double>(file_bytes) * 1.125));
    }
    list.reserve(projected);
}

}  // namespace reps
