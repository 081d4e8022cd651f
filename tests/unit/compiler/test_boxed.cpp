// Boxed: an optional value on the heap, for the rare parts of AST nodes; copies are deep.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>

#include "compiler/base/boxed.hpp"

using reps::Boxed;

TEST_CASE("boxed: empty, set from a value or an optional, reset") {
    Boxed<std::string> box;
    CHECK_FALSE(box.has_value());
    CHECK_FALSE(static_cast<bool>(box));
    box = std::string("tempo");
    REQUIRE(box.has_value());
    CHECK(*box == "tempo");
    CHECK(box->size() == 5);
    box = std::optional<std::string>{};
    CHECK_FALSE(box.has_value());
    box = std::optional<std::string>{"step"};
    CHECK(*box == "step");
    box.reset();
    CHECK_FALSE(box.has_value());
}

TEST_CASE("boxed: copies are deep, moves take the value") {
    Boxed<std::string> original(std::string("2x8"));
    Boxed<std::string> copy = original;
    *copy = "3x12";
    CHECK(*original == "2x8");
    CHECK(*copy == "3x12");
    Boxed<std::string> assigned;
    assigned = original;
    CHECK(*assigned == "2x8");
    const auto& same = assigned;
    assigned = same;
    CHECK(*assigned == "2x8");
    Boxed<std::string> moved = std::move(copy);
    CHECK(*moved == "3x12");
    Boxed<std::string> empty;
    assigned = empty;
    CHECK_FALSE(assigned.has_value());
}
