// SmallVector: the first N items in place, then all of them on the heap; copies and moves keep
// every item whichever storage holds them (ASan catches a leak or a use after free here).
#include <doctest/doctest.h>

#include <list>
#include <span>
#include <utility>
#include <vector>

#include "compiler/base/small_vector.hpp"

namespace {

using reps::SmallVector;

template <typename T, std::size_t N>
std::vector<T> items(const SmallVector<T, N>& list) {
    return std::vector<T>(list.begin(), list.end());
}

}  // namespace

TEST_CASE("small vector: in place up to N, then on the heap, items kept in order") {
    SmallVector<int, 2> list;
    CHECK(list.empty());
    CHECK(list.capacity() == 2);
    list.push_back(1);
    list.push_back(2);
    CHECK(list.capacity() == 2);
    list.push_back(3);
    CHECK(list.capacity() > 2);
    for (int i = 4; i <= 40; ++i) list.push_back(i);
    REQUIRE(list.size() == 40);
    CHECK(list.front() == 1);
    CHECK(list.back() == 40);
    CHECK(list[20] == 21);
    // Pushing one of its own items while it grows.
    SmallVector<int, 1> self{7};
    self.push_back(self.front());
    self.push_back(self.back());
    CHECK(items(self) == std::vector<int>{7, 7, 7});
}

TEST_CASE("small vector: copies and moves, in place and on the heap") {
    for (int count : {0, 1, 2, 3, 9}) {
        INFO(count);
        SmallVector<int, 2> original;
        std::vector<int> expected;
        for (int i = 0; i < count; ++i) {
            original.push_back(i * 10);
            expected.push_back(i * 10);
        }
        SmallVector<int, 2> copy = original;
        CHECK(items(copy) == expected);
        SmallVector<int, 2> assigned{99, 98, 97};
        assigned = original;
        CHECK(items(assigned) == expected);
        const auto& same = assigned;
        assigned = same;  // self-assignment keeps the items
        CHECK(items(assigned) == expected);
        SmallVector<int, 2> moved = std::move(copy);
        CHECK(items(moved) == expected);
        CHECK(copy.empty());
        SmallVector<int, 2> move_assigned{5, 6, 7, 8};
        move_assigned = std::move(moved);
        CHECK(items(move_assigned) == expected);
        CHECK(moved.empty());
        moved.push_back(1);  // a moved-from list is usable
        CHECK(items(moved) == std::vector<int>{1});
        CHECK(items(original) == expected);
    }
}

TEST_CASE("small vector: assign, reserve and clear") {
    SmallVector<int, 3> list{1, 2};
    const std::vector<int> source{4, 5, 6, 7};
    list.assign(source.begin(), source.end());
    CHECK(items(list) == source);
    list.clear();
    CHECK(list.empty());
    list.reserve(100);
    CHECK(list.capacity() >= 100);
    list.push_back(8);
    CHECK(items(list) == std::vector<int>{8});
}

TEST_CASE("small vector: assign from a contiguous range (copied at once), an empty one, or a list") {
    SmallVector<int, 2> list{1, 2, 3};
    const std::vector<int> many{4, 5, 6, 7, 8};
    list.assign(many.begin(), many.end());
    CHECK(items(list) == many);
    const std::span<const int> none;  // its data() is null
    list.assign(none.begin(), none.end());
    CHECK(list.empty());
    const std::list<int> linked{9, 10, 11};
    list.assign(linked.begin(), linked.end());
    CHECK(items(list) == std::vector<int>{9, 10, 11});
    list.assign(many.begin(), many.begin() + 1);  // back to one item, the heap room kept
    CHECK(items(list) == std::vector<int>{4});
}
