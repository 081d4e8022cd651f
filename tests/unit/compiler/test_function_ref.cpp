// FunctionRef: the callback TimelineListener::repeat takes, without std::function's allocation.
#include <doctest/doctest.h>

#include <cstdint>

#include "compiler/base/function_ref.hpp"

TEST_CASE("function_ref: calls the callable it refers to, with its captures, as often as asked") {
    int calls = 0;
    std::int64_t sum = 0;
    const auto add = [&](std::int64_t value) {
        ++calls;
        sum += value;
    };
    const auto call_three_times = [](reps::FunctionRef<void(std::int64_t)> body) {
        for (std::int64_t i = 1; i <= 3; ++i) body(i);
    };
    call_three_times(add);
    call_three_times([&](std::int64_t value) { sum += 10 * value; });
    CHECK(calls == 3);
    CHECK(sum == 6 + 60);
    const auto twice = [](reps::FunctionRef<int(int)> f) { return f(f(1)); };
    CHECK(twice([](int x) { return x * 3; }) == 9);
}
