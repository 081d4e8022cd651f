// A vector of plain values that keeps its first N in place: the lists of a checked entry (its
// options, its dose steps) nearly always hold one item, and a heap allocation for each was a
// large share of checking a file.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <vector>

namespace reps {

template <typename T, std::size_t N>
class SmallVector {
    static_assert(std::is_trivially_copyable_v<T>, "SmallVector holds plain values");

public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;

    SmallVector() = default;
    SmallVector(std::initializer_list<T> items) {
        for (const T& item : items) push_back(item);
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // In place up to N items; all of them on the heap after that.
    T* data() { return size_ <= N ? local_.data() : heap_.data(); }
    const T* data() const { return size_ <= N ? local_.data() : heap_.data(); }
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

    void push_back(const T& item) {
        if (size_ < N) {
            local_[size_++] = item;
            return;
        }
        if (size_ == N) heap_.assign(local_.begin(), local_.end());
        heap_.push_back(item);
        ++size_;
    }
    template <typename Iterator>
    void assign(Iterator first, Iterator last) {
        clear();
        for (; first != last; ++first) push_back(*first);
    }
    void reserve(std::size_t count) {
        if (count > N) heap_.reserve(count);
    }
    void clear() {
        size_ = 0;
        heap_.clear();
    }

private:
    std::array<T, N> local_{};
    std::vector<T> heap_;
    std::size_t size_ = 0;
};

}  // namespace reps
