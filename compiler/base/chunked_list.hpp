// A list that grows in chunks and never moves what it holds: for the AST's long lists (a
// workout's statements, a block's entries, a program's sessions). A std::vector from the arena
// leaves each buffer it outgrows behind (an arena frees nothing one by one), so a list of n nodes
// took up to 3n nodes' memory and copied every node on the way; here it takes n plus the unused
// end of its last chunk. Reads like a std::vector front to back (no random access), allocates
// like ArenaAllocator (from the current arena, else with operator new); copies are deep.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <new>
#include <utility>

#include "compiler/base/arena.hpp"

namespace reps {

template <typename T>
class ChunkedList {
    struct Chunk {
        Chunk* next = nullptr;
        std::size_t size = 0;
        std::size_t capacity = 0;
        T* items() { return std::launder(reinterpret_cast<T*>(reinterpret_cast<std::byte*>(this) + items_offset)); }
    };
    static constexpr std::size_t items_offset = (sizeof(Chunk) + alignof(T) - 1) / alignof(T) * alignof(T);
    static constexpr std::size_t first_capacity = 4;
    // Chunks double up to this many nodes: a long list has few chunks, a short one little waste.
    static constexpr std::size_t largest_capacity = 256;

public:
    using value_type = T;
    using size_type = std::size_t;
    using reference = T&;
    using const_reference = const T&;

    template <bool Const>
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = std::conditional_t<Const, const T*, T*>;
        using reference = std::conditional_t<Const, const T&, T&>;

        Iterator() = default;
        Iterator(Chunk* chunk, std::size_t index) : chunk_(chunk), index_(index) {}
        operator Iterator<true>() const { return Iterator<true>(chunk_, index_); }  // NOLINT: as a container's iterators convert

        reference operator*() const { return chunk_->items()[index_]; }
        pointer operator->() const { return &chunk_->items()[index_]; }
        Iterator& operator++() {
            if (++index_ == chunk_->size) {
                chunk_ = chunk_->next;  // a chunk after another is never empty
                index_ = 0;
            }
            return *this;
        }
        Iterator operator++(int) {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator& a, const Iterator& b) { return a.chunk_ == b.chunk_ && a.index_ == b.index_; }

    private:
        Chunk* chunk_ = nullptr;
        std::size_t index_ = 0;
    };
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;

    ChunkedList() = default;
    ChunkedList(const ChunkedList& other) {
        for (const T& item : other) push_back(item);
    }
    ChunkedList(ChunkedList&& other) noexcept
        : head_(std::exchange(other.head_, nullptr)), tail_(std::exchange(other.tail_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    ChunkedList& operator=(const ChunkedList& other) {
        if (this != &other) {
            ChunkedList copy(other);
            swap(copy);
        }
        return *this;
    }
    ChunkedList& operator=(ChunkedList&& other) noexcept {
        if (this != &other) {
            clear();
            swap(other);
        }
        return *this;
    }
    ~ChunkedList() { clear(); }

    void swap(ChunkedList& other) noexcept {
        std::swap(head_, other.head_);
        std::swap(tail_, other.tail_);
        std::swap(size_, other.size_);
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    iterator begin() { return size_ == 0 ? end() : iterator(head_, 0); }
    iterator end() { return iterator(); }
    const_iterator begin() const { return size_ == 0 ? end() : const_iterator(head_, 0); }
    const_iterator end() const { return const_iterator(); }

    T& front() { return head_->items()[0]; }
    const T& front() const { return head_->items()[0]; }
    T& back() { return tail_->items()[tail_->size - 1]; }
    const T& back() const { return tail_->items()[tail_->size - 1]; }
    // Walks the chunks: for tests and the rare lookup, not for loops.
    const T& operator[](std::size_t index) const {
        Chunk* chunk = head_;
        while (index >= chunk->size) {
            index -= chunk->size;
            chunk = chunk->next;
        }
        return chunk->items()[index];
    }

    // Room for `count` nodes in the first chunk, when nothing has been added yet.
    void reserve(std::size_t count) {
        if (head_ == nullptr && count > 0) head_ = tail_ = new_chunk(count);
    }

    template <typename... Args>
    T& emplace_back(Args&&... args) {
        if (tail_ == nullptr || tail_->size == tail_->capacity) {
            Chunk* chunk = new_chunk(tail_ == nullptr ? first_capacity : std::min(tail_->capacity * 2, largest_capacity));
            (tail_ == nullptr ? head_ : tail_->next) = chunk;
            tail_ = chunk;
        }
        T* place = tail_->items() + tail_->size;
        ::new (static_cast<void*>(place)) T(std::forward<Args>(args)...);
        ++tail_->size;
        ++size_;
        return *place;
    }
    void push_back(const T& value) { emplace_back(value); }
    void push_back(T&& value) { emplace_back(std::move(value)); }

    // Keeps the first `count` nodes (a statement that failed to parse leaves nothing behind).
    void truncate(std::size_t count) {
        if (count >= size_) return;
        if (count == 0) {
            clear();
            return;
        }
        Chunk* chunk = head_;
        std::size_t kept = chunk->size;
        while (kept < count) {
            chunk = chunk->next;
            kept += chunk->size;
        }
        // `chunk` holds the last node kept: destroy its nodes after it, then the chunks after it.
        const std::size_t keep_here = chunk->size - (kept - count);
        for (std::size_t i = keep_here; i < chunk->size; ++i) chunk->items()[i].~T();
        chunk->size = keep_here;
        free_chunks(chunk->next);
        chunk->next = nullptr;
        tail_ = chunk;
        size_ = count;
    }

    void clear() {
        free_chunks(head_);
        head_ = tail_ = nullptr;
        size_ = 0;
    }

private:
    static Chunk* new_chunk(std::size_t capacity) {
        const std::size_t bytes = items_offset + capacity * sizeof(T);
        constexpr std::size_t alignment = std::max(alignof(Chunk), alignof(T));
        void* memory = current_arena != nullptr ? current_arena->allocate(bytes, alignment)
                                                : ::operator new(bytes, std::align_val_t(alignment));
        Chunk* chunk = ::new (memory) Chunk;
        chunk->capacity = capacity;
        return chunk;
    }
    static void free_chunks(Chunk* chunk) {
        while (chunk != nullptr) {
            Chunk* next = chunk->next;
            for (std::size_t i = 0; i < chunk->size; ++i) chunk->items()[i].~T();
            if (current_arena == nullptr || !current_arena->owns(chunk)) {
                chunk->~Chunk();
                ::operator delete(static_cast<void*>(chunk), std::align_val_t(std::max(alignof(Chunk), alignof(T))));
            }
            chunk = next;
        }
    }

    Chunk* head_ = nullptr;
    Chunk* tail_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace reps
