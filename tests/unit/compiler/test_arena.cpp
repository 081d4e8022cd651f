// Arena, ArenaScope and ArenaAllocator: what the AST's lists and boxes are allocated with.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/base/arena.hpp"
#include "compiler/parse/ast.hpp"
#include "compiler/base/boxed.hpp"
#include "compiler/driver/loader.hpp"

using reps::Arena;
using reps::ArenaAllocator;
using reps::ArenaScope;

TEST_CASE("arena: aligned allocations, front to back, owned until reset") {
    Arena arena;
    int probe = 0;
    CHECK_FALSE(arena.owns(&probe));
    auto* a = static_cast<char*>(arena.allocate(3, 1));
    auto* b = arena.allocate(8, 8);
    auto* c = arena.allocate(16, 16);
    CHECK(reinterpret_cast<std::uintptr_t>(b) % 8 == 0);
    CHECK(reinterpret_cast<std::uintptr_t>(c) % 16 == 0);
    CHECK(static_cast<char*>(b) >= a + 3);
    CHECK(static_cast<char*>(c) >= static_cast<char*>(b) + 8);
    CHECK(arena.owns(a));
    CHECK(arena.owns(c));
    CHECK_FALSE(arena.owns(&probe));

    // Larger than a block, and many small ones: new blocks, all owned.
    auto* large = arena.allocate(1 << 20, 8);
    CHECK(arena.owns(large));
    std::vector<void*> small;
    for (int i = 0; i < 100000; ++i) small.push_back(arena.allocate(24, 8));
    for (void* pointer : {small.front(), small[50000], small.back(), static_cast<void*>(a)}) CHECK(arena.owns(pointer));

    // After a reset the largest block is used again from its start.
    arena.reset();
    void* again = arena.allocate(8, 8);
    CHECK(arena.owns(again));
}

TEST_CASE("arena allocator: the current arena within a scope, operator new outside") {
    Arena arena;
    std::vector<int, ArenaAllocator<int>> outside{1, 2, 3};
    CHECK_FALSE(arena.owns(outside.data()));
    {
        const ArenaScope scope(arena);
        CHECK(reps::current_arena == &arena);
        std::vector<int, ArenaAllocator<int>> inside{4, 5, 6};
        CHECK(arena.owns(inside.data()));
        // A list made before the scope grows into the arena and frees its old buffer normally.
        for (int i = 0; i < 100; ++i) outside.push_back(i);
        CHECK(arena.owns(outside.data()));
        outside = std::vector<int, ArenaAllocator<int>>{7};
        // Lists move by taking the buffer.
        std::vector<int, ArenaAllocator<int>> moved = std::move(inside);
        CHECK(moved.size() == 3);
        CHECK(moved[2] == 6);
        outside.clear();
        outside.shrink_to_fit();
    }
    CHECK(reps::current_arena == nullptr);
    outside.push_back(8);  // after the scope: operator new again
    CHECK_FALSE(arena.owns(outside.data()));
}

TEST_CASE("arena: AST lists and boxes from a scope, nested scopes restore the outer arena") {
    Arena outer_arena, inner_arena;
    const ArenaScope outer(outer_arena);
    reps::ast::List<reps::ast::Name> names(4);
    CHECK(outer_arena.owns(names.data()));
    {
        const ArenaScope inner(inner_arena);
        reps::Boxed<std::string> box(std::string(100, 'x'));  // the box in the arena, its string on the heap
        CHECK(inner_arena.owns(&*box));
        CHECK(box->size() == 100);
        reps::Boxed<std::string> copy = box;
        CHECK(*copy == *box);
    }
    CHECK(reps::current_arena == &outer_arena);
}

TEST_CASE("arena: a loaded program's AST is dropped into the arena without being destroyed") {
    reps::SourceManager sources;
    reps::Diagnostics diagnostics;
    const std::string text =
        "workout w \"W\" {\n  warmup { easy_cardio 5min }\n  focus legs, core\n"
        "  goblet_squat 2x8 -> 3x12 @16kg tempo 3-1-1-0 or bodyweight_squat\n"
        "  superset 3 rounds { push_up 10; suspension_row 10 }\n}\n";
    SUBCASE("in an arena: the declarations move out, the arena keeps them") {
        Arena arena;
        const ArenaScope scope(arena);
        auto loaded = reps::load_program_text("w.reps", text, ".", sources, diagnostics);
        REQUIRE(loaded.files.size() == 1);
        REQUIRE(loaded.files[0].declarations.size() == 1);
        CHECK(arena.owns(loaded.files[0].declarations.data()));
        reps::drop_into_arena(loaded);
        CHECK(loaded.files[0].declarations.empty());
    }
    SUBCASE("without an arena: nothing changes") {
        auto loaded = reps::load_program_text("w.reps", text, ".", sources, diagnostics);
        reps::drop_into_arena(loaded);
        CHECK(loaded.files[0].declarations.size() == 1);
    }
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("arena: rewinding to a mark frees what came after it and keeps what came before") {
    Arena arena;
    void* kept = arena.allocate(100, 8);
    const Arena::Mark mark = arena.mark();
    void* dropped = arena.allocate(100, 8);
    CHECK(arena.owns(dropped));
    // A block of its own, as a large workout's lists would take.
    void* large = arena.allocate(4u * 1024 * 1024, 8);
    CHECK(arena.owns(large));
    arena.rewind(mark);
    CHECK(arena.owns(kept));
    CHECK_FALSE(arena.owns(large));
    // The space after the mark is handed out again.
    CHECK(arena.allocate(100, 8) == dropped);
    SUBCASE("a mark taken before the first block") {
        Arena empty;
        const Arena::Mark start = empty.mark();
        CHECK(start.blocks == 0);
        void* first = empty.allocate(64, 8);
        empty.allocate(4u * 1024 * 1024, 8);  // a second block
        empty.rewind(start);
        // Its largest block stays for the next declaration, empty: not allocated again each time.
        CHECK(empty.mark().blocks == 1);
        CHECK(empty.mark().used == 0);
        CHECK(empty.bytes_in_use() == 0);
        void* again = empty.allocate(64, 8);
        CHECK(again != nullptr);
        CHECK(empty.mark().blocks == 1);
        (void)first;
    }
}
