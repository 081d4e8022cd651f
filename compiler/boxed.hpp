// An optional value kept on the heap, for the rare parts of an AST node (a progression, a tempo):
// every prescription carried their size inline, and the size of nodes is what parsing and checking
// spend their time moving through memory. Reads like std::optional; copies are deep.
#pragma once

#include <memory>
#include <optional>

namespace reps {

template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const T& value) : value_(std::make_unique<T>(value)) {}  // NOLINT: converts like optional
    Boxed(const Boxed& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(const T& value) {
        value_ = std::make_unique<T>(value);
        return *this;
    }
    Boxed& operator=(const std::optional<T>& value) {
        value_ = value ? std::make_unique<T>(*value) : nullptr;
        return *this;
    }
    ~Boxed() = default;

    bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *value_; }
    T& operator*() { return *value_; }
    const T* operator->() const { return value_.get(); }
    T* operator->() { return value_.get(); }
    void reset() { value_.reset(); }

private:
    std::unique_ptr<T> value_;
};

}  // namespace reps
