// The ranges of SPEC 5.1 that checking holds numbers to, and the longest progression.
#pragma once

#include <cstddef>
#include <cstdint>

namespace reps::limits {

inline constexpr std::int64_t max_sets = 100;
inline constexpr std::int64_t max_reps = 1000;
inline constexpr std::int64_t max_seconds = 24 * 3600;  // a duration: a set, a rest, a hold
inline constexpr std::int64_t max_rounds = 100;
inline constexpr std::size_t max_steps = 520;  // progression steps: one per week of the longest program

}  // namespace reps::limits
