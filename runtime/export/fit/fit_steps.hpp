// Plans the FIT workout steps of a timeline: one step per segment, blocks that repeat folded
// into repeat steps, and a warning for everything FIT cannot carry. fit_export.cpp encodes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/export/fit/fit_ids.hpp"
#include "runtime/timeline.hpp"

namespace reps::fit {

// Values of the FIT profile's wkt_step_duration, intensity and fit_base_unit types that we use.
enum class Duration : std::uint8_t { time = 0, repeat_until_steps_cmplt = 6, reps = 29 };
enum class Intensity : std::uint8_t { active = 0, rest = 1, warmup = 2, cooldown = 3 };
enum class WeightUnit : std::uint16_t { kilogram = 1, pound = 2 };

struct Step {
    std::string name;  // wkt_step_name; empty on repeat steps
    Duration duration = Duration::time;
    // Milliseconds (time), a rep count (reps), or the index of the first repeated step (repeat).
    std::uint32_t duration_value = 0;
    std::optional<std::uint32_t> repeat_count;  // repeat steps: how many times the steps run in all
    std::optional<Intensity> intensity;         // none on repeat steps
    std::string notes;
    std::optional<ExerciseId> exercise;
    std::optional<std::uint16_t> weight;  // exercise_weight: kilograms × 100
    std::optional<WeightUnit> weight_unit;

    bool operator==(const Step&) const = default;
};

struct StepPlan {
    std::vector<Step> steps;
    std::vector<std::string> warnings;  // each once, in the order found
    std::vector<timeline::Origin> warning_origins;  // where each warning's entry is written (line 0: nowhere)
};

// Steps in timeline order. Expanding the repeat steps gives back exactly one step per segment:
// a work segment becomes a reps or time step with the exercise, weight and notes (cue, side,
// tempo, hold, loads FIT has no field for); rest, switch and transition segments become rest
// steps of their duration. Where a block's segments repeat with a period, the period is written
// once followed by a repeat step, then any remainder (the last set, which has no rest after it).
StepPlan plan_steps(const timeline::Timeline& timeline);

// The longest wkt_step_name and notes we write, in bytes (FIT field sizes stop at 255 with the NUL).
inline constexpr std::size_t max_text_bytes = 254;

}  // namespace reps::fit
