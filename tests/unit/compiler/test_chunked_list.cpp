// ChunkedList: the AST's long lists, which grow in chunks without moving what they hold.
#include <doctest/doctest.h>

#include <array>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "compiler/base/arena.hpp"
#include "compiler/base/chunked_list.hpp"

using reps::ChunkedList;

namespace {
std::vector<int> items(const ChunkedList<int>& list) { return std::vector<int>(list.begin(), list.end()); }
}  // namespace

TEST_CASE("chunked_list: keeps order across chunks, and a node stays where it was put") {
    ChunkedList<int> list;
    CHECK(list.empty());
    CHECK(list.begin() == list.end());
    std::vector<const int*> places;
    std::vector<int> expected;
    for (int i = 0; i < 5000; ++i) {  // many chunks, the largest ones included
        places.push_back(&list.emplace_back(i));
        expected.push_back(i);
    }
    CHECK(list.size() == 5000);
    CHECK(items(list) == expected);
    CHECK(list.front() == 0);
    CHECK(list.back() == 4999);
    CHECK(list[1234] == 1234);
    for (int i = 0; i < 5000; ++i) CHECK(*places[static_cast<std::size_t>(i)] == i);  // nothing moved
}

TEST_CASE("chunked_list: truncate keeps the first nodes and destroys the rest, at any chunk boundary") {
    for (std::size_t keep : {0u, 1u, 3u, 4u, 5u, 12u, 100u, 299u, 300u}) {
        CAPTURE(keep);
        ChunkedList<std::shared_ptr<int>> list;
        const auto counted = std::make_shared<int>(7);
        for (int i = 0; i < 300; ++i) list.push_back(counted);
        list.truncate(keep);
        CHECK(list.size() == keep);
        CHECK(counted.use_count() == static_cast<long>(keep) + 1);  // the others were destroyed
        list.push_back(counted);  // appends after what was kept
        CHECK(list.size() == keep + 1);
        CHECK(std::distance(list.begin(), list.end()) == static_cast<long>(keep) + 1);
        CHECK(list.back() == counted);
    }
}

TEST_CASE("chunked_list: copies are deep, moves take the chunks") {
    ChunkedList<std::string> list;
    for (int i = 0; i < 40; ++i) list.push_back(std::to_string(i));
    ChunkedList<std::string> copy = list;
    copy.push_back("extra");
    CHECK(list.size() == 40);
    CHECK(copy.size() == 41);
    CHECK(copy[39] == "39");
    ChunkedList<std::string> moved = std::move(copy);
    CHECK(moved.size() == 41);
    CHECK(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty
    moved = list;
    CHECK(moved.size() == 40);
    list.clear();
    CHECK(list.empty());
    CHECK(moved.back() == "39");
}

TEST_CASE("chunked_list: in an arena, a long list takes about its nodes' size") {
    reps::Arena arena;
    const reps::ArenaScope scope(arena);
    using Node = std::array<char, 400>;
    constexpr std::size_t count = 100000;
    ChunkedList<Node> list;
    for (std::size_t i = 0; i < count; ++i) list.emplace_back();
    CHECK(arena.owns(&list.front()));
    CHECK(arena.owns(&list.back()));
    // A doubling vector leaves 1 + 2 + ... + 65,536 nodes behind, then holds 131,072: 2.6 times.
    CHECK(arena.bytes_in_use() < count * sizeof(Node) * 12 / 10);
    CHECK(arena.bytes_in_use() >= count * sizeof(Node));
}
