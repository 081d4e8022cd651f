// make_room_for_rest_of_file: a list that grows by one item per declaration of a file is moved
// once or twice, not at every doubling.
#include <doctest/doctest.h>

#include <cstddef>
#include <vector>

#include "compiler/base/room_for_file.hpp"

using namespace reps;

TEST_CASE("room for the rest of a file: projected from the part read, an eighth more") {
    std::vector<int> list;
    list.reserve(10);
    for (int i = 0; i < 10; ++i) list.push_back(i);
    // Full after 1,000 bytes of 100,000: 11 items per 1,000 bytes, 1,100 in all, and an eighth more.
    make_room_for_rest_of_file(list, 1000, 100000);
    CHECK(list.capacity() == 1237);
    // Not full: nothing moves.
    const int* before = list.data();
    make_room_for_rest_of_file(list, 2000, 100000);
    CHECK(list.data() == before);
    CHECK(list.capacity() == 1237);
}

TEST_CASE("room for the rest of a file: 400,000 items of 35 bytes move the list once") {
    const std::size_t file_bytes = 400000 * 35;
    std::vector<int> list;
    list.reserve(file_bytes / 512);  // the streamed check's first guess
    std::size_t moves = 0;
    for (std::size_t i = 0; i < 400000; ++i) {
        const std::size_t capacity = list.capacity();
        make_room_for_rest_of_file(list, (i + 1) * 35, file_bytes);
        if (list.capacity() != capacity) ++moves;
        list.push_back(0);
    }
    CHECK(moves == 1);
    CHECK(list.capacity() < 400000 * 9 / 8 + 16);
}

TEST_CASE("room for the rest of a file: at least one more, at the end of the file or with nothing read") {
    std::vector<int> list;
    make_room_for_rest_of_file(list, 0, 100);
    CHECK(list.capacity() >= 1);
    list.assign(list.capacity(), 0);
    make_room_for_rest_of_file(list, 100, 100);  // all of it read: doubling
    CHECK(list.capacity() >= 2 * list.size());
    list.assign(list.capacity(), 0);
    const std::size_t size = list.size();
    make_room_for_rest_of_file(list, 99, 100);
    CHECK(list.capacity() >= size + 16);
}
