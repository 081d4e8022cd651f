// An optional value kept off the node, for the rare parts of an AST node (a progression, a tempo):
// every prescription carried their size inline, and the size of nodes is what parsing and checking
// spend their time moving through memory. Reads like std::optional; copies are deep. Allocated
// like the AST's lists (from the file's arena when there is one).
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include "compiler/base/arena.hpp"

namespace reps {

template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const T& value) : value_(make(value)) {}  // NOLINT: converts like optional
    Boxed(const Boxed& other) : value_(other ? make(*other) : nullptr) {}
    Boxed(Boxed&& other) noexcept : value_(std::exchange(other.value_, nullptr)) {}
    Boxed& operator=(const Boxed& other) {
        if (this != &other) replace(other ? make(*other) : nullptr);
        return *this;
    }
    Boxed& operator=(Boxed&& other) noexcept {
        if (this != &other) replace(std::exchange(other.value_, nullptr));
        return *this;
    }
    Boxed& operator=(const T& value) {
        replace(make(value));
        return *this;
    }
    Boxed& operator=(const std::optional<T>& value) {
        replace(value ? make(*value) : nullptr);
        return *this;
    }
    ~Boxed() { replace(nullptr); }

    bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *value_; }
    T& operator*() { return *value_; }
    const T* operator->() const { return value_; }
    T* operator->() { return value_; }
    void reset() { replace(nullptr); }
    // A default value, made in place (no temporary to copy, and default- rather than
    // value-initialised: no zeroing first, as a node's parts are hundreds of bytes). So a T boxed
    // this way must give every member an initial value of its own, as the AST's nodes do.
    T& emplace() {
        ArenaAllocator<T> allocator;
        T* place = allocator.allocate(1);
        try {
            replace(::new (static_cast<void*>(place)) T);
        } catch (...) {
            allocator.deallocate(place, 1);
            throw;
        }
        return *value_;
    }

private:
    static T* make(const T& value) {
        ArenaAllocator<T> allocator;
        T* place = allocator.allocate(1);
        try {
            return ::new (static_cast<void*>(place)) T(value);
        } catch (...) {
            allocator.deallocate(place, 1);
            throw;
        }
    }
    void replace(T* value) {
        if (value_) {
            value_->~T();
            ArenaAllocator<T>().deallocate(value_, 1);
        }
        value_ = value;
    }

    T* value_ = nullptr;
};

}  // namespace reps
