// A vector of plain values that keeps its first N in place: the lists of a checked entry (its
// options, its dose steps) nearly always hold one item, and a heap allocation for each was a
// large share of checking a file. Compact on purpose (the inline items or a heap pointer, then
// two 32-bit counts): entries are read back by the lints and the timeline bound, and their size
// is memory traffic.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <type_traits>

namespace reps {

template <typename T, std::size_t N>
class SmallVector {
    static_assert(std::is_trivially_copyable_v<T>, "SmallVector holds plain values");
    static_assert(N > 0 && N < 64, "SmallVector keeps a few items in place");

public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;

    // The inline items are bytes until added: a checked entry has four of these lists, and zeroing
    // their room (two alternatives' loads and cues) was a tenth of checking it.
    SmallVector() {}  // NOLINT(modernize-use-equals-default): no member initialisation of the union
    SmallVector(std::initializer_list<T> items) : SmallVector() {
        for (const T& item : items) push_back(item);
    }
    SmallVector(const SmallVector& other) : SmallVector() { append(other.begin(), other.size()); }
    SmallVector(SmallVector&& other) noexcept { take(other); }
    SmallVector& operator=(const SmallVector& other) {
        if (this != &other) {
            clear();
            append(other.begin(), other.size());
        }
        return *this;
    }
    SmallVector& operator=(SmallVector&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~SmallVector() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::size_t capacity() const { return capacity_; }
    T* data() { return on_heap() ? heap_ : reinterpret_cast<T*>(local_); }
    const T* data() const { return on_heap() ? heap_ : reinterpret_cast<const T*>(local_); }
    T* begin() { return data(); }
    T* end() { return data() + size_; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }
    T& operator[](std::size_t i) { return data()[i]; }
    const T& operator[](std::size_t i) const { return data()[i]; }
    T& front() { return data()[0]; }
    const T& front() const { return data()[0]; }
    T& back() { return data()[size_ - 1]; }
    const T& back() const { return data()[size_ - 1]; }

    // Inline but for growing, which is rare (most of these lists keep to their inline room).
    void push_back(const T& item) {
        if (size_ == capacity_) [[unlikely]] {
            grow_and_push(item);
            return;
        }
        data()[size_++] = item;
    }
    template <typename Iterator>
    void assign(Iterator first, Iterator last) {
        clear();
        if constexpr (std::contiguous_iterator<Iterator>) {
            append(std::to_address(first), static_cast<std::size_t>(last - first));
        } else {
            for (; first != last; ++first) push_back(*first);
        }
    }
    void reserve(std::size_t count) {
        if (count <= capacity_) return;
        T* grown = std::allocator<T>().allocate(count);
        std::memcpy(static_cast<void*>(grown), data(), size_ * sizeof(T));
        release();
        heap_ = grown;
        capacity_ = static_cast<std::uint32_t>(count);
    }
    // Keeps the capacity, as std::vector does.
    void clear() { size_ = 0; }

private:
    bool on_heap() const { return capacity_ > N; }
    [[gnu::noinline]] void grow_and_push(const T& item) {
        const T copy = item;  // `item` may live in this vector
        reserve(2 * static_cast<std::size_t>(capacity_));
        data()[size_++] = copy;
    }
    void append(const T* items, std::size_t count) {
        if (count == 0) return;  // `items` may be null then, which memcpy must not see
        reserve(size_ + count);
        std::memcpy(static_cast<void*>(data() + size_), items, count * sizeof(T));
        size_ += static_cast<std::uint32_t>(count);
    }
    // Takes other's items (its heap block, or a copy of its inline ones); other is left empty.
    void take(SmallVector& other) noexcept {
        size_ = other.size_;
        capacity_ = other.capacity_;
        if (other.on_heap()) {
            heap_ = other.heap_;
            other.capacity_ = N;
        } else {
            std::memcpy(local_, other.local_, other.size_ * sizeof(T));
        }
        other.size_ = 0;
    }
    void release() {
        if (on_heap()) std::allocator<T>().deallocate(heap_, capacity_);
        capacity_ = N;
    }

    union {
        alignas(T) std::byte local_[N * sizeof(T)];  // trivially copyable items live in them as added
        T* heap_;
    };
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = N;
};

}  // namespace reps
