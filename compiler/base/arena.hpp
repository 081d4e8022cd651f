// A per-file bump allocator for the AST: its lists are allocated one after another in parse order
// and never freed one by one; the whole arena is reset when the file is done.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#include "compiler/base/asan.hpp"

namespace reps {

// Blocks of memory handed out front to back. reset() makes everything free at once and keeps
// the largest block for the next file, so that checking many files allocates almost nothing.
class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena();

    void* allocate(std::size_t bytes, std::size_t alignment) {
        const std::size_t at = (used_ + alignment - 1) & ~(alignment - 1);
        if (at + bytes > capacity_) return allocate_in_new_block(bytes, alignment);
        used_ = at + bytes;
        REPS_UNPOISON(base_ + at, bytes);
        return base_ + at;
    }
    // Moves `value` into the arena and never destroys it: for an AST whose memory is all the
    // arena's (ast.hpp), so that dropping it is not a walk over every node; the arena's reset (or a
    // rewind to before it) takes the memory back. What stays behind is a moved-from husk.
    template <typename T>
    void leave(T&& value) {
        using Value = std::remove_cvref_t<T>;
        ::new (allocate(sizeof(Value), alignof(Value))) Value(std::move(value));
    }
    // Whether `pointer` came from this arena (since its last reset).
    bool owns(const void* pointer) const;
    // Frees everything allocated; what was allocated must not be used any more.
    void reset();

    // A point to come back to: rewind(mark()) frees what was allocated after it, so that a parse
    // can drop one declaration's AST (a streamed workout) and keep the rest of the file's. Back to
    // a mark from before the first block, the largest block is kept (empty), as reset() keeps it.
    struct Mark {
        std::size_t blocks = 0;
        std::size_t used = 0;
    };
    Mark mark() const { return Mark{blocks_.size(), used_}; }
    void rewind(const Mark& mark);

    // The bytes of the blocks before the one being filled, and of it up to where it is filled:
    // what the arena's content takes, the unused ends of full blocks included.
    std::size_t bytes_in_use() const;

private:
    struct Block {
        std::byte* data;
        std::size_t size;
    };
    void* allocate_in_new_block(std::size_t bytes, std::size_t alignment);

    std::vector<Block> blocks_;  // the last one is being filled
    std::byte* base_ = nullptr;
    std::size_t used_ = 0, capacity_ = 0;
};

// The arena ArenaAllocator takes from on this thread; none outside an ArenaScope.
inline thread_local Arena* current_arena = nullptr;

// Within its lifetime, AST lists made on this thread come from `arena`; at its end the arena is
// reset. Everything allocated in the scope must be gone by then (declare the scope first).
class ArenaScope {
public:
    explicit ArenaScope(Arena& arena) : arena_(arena), previous_(current_arena) { current_arena = &arena; }
    ArenaScope(const ArenaScope&) = delete;
    ArenaScope& operator=(const ArenaScope&) = delete;
    ~ArenaScope() {
        current_arena = previous_;
        arena_.reset();
    }

private:
    Arena& arena_;
    Arena* previous_;
};

// Allocates from the current arena if there is one, else with operator new. Freeing is nothing
// for arena memory: the arena goes at once. Stateless, so lists move by stealing their buffer.
template <typename T>
struct ArenaAllocator {
    using value_type = T;
    ArenaAllocator() = default;
    template <typename U>
    ArenaAllocator(const ArenaAllocator<U>&) {}  // NOLINT: rebinding converts implicitly

    T* allocate(std::size_t count) {
        if (current_arena) return static_cast<T*>(current_arena->allocate(count * sizeof(T), alignof(T)));
        return std::allocator<T>().allocate(count);
    }
    void deallocate(T* pointer, std::size_t count) {
        if (current_arena && current_arena->owns(pointer)) return;
        std::allocator<T>().deallocate(pointer, count);
    }
    friend bool operator==(const ArenaAllocator&, const ArenaAllocator&) { return true; }
};

}  // namespace reps
