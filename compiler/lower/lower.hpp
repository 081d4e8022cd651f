// Lowering: a checked workout or program becomes the timeline IR (SPEC section 6 arithmetic).
#pragma once

#include "compiler/check/checked.hpp"
#include "runtime/timeline.hpp"

namespace reps {

// Week w uses progression step w (the last step holds).
timeline::Timeline lower_workout(const CheckedProgram& program, const checked::Workout& workout, int week,
                                 const SourceManager& sources);
timeline::Program lower_program(const CheckedProgram& program, const checked::Program& plan,
                                const SourceManager& sources);

}  // namespace reps
