// `reps explain CODE`: the long explanation of one diagnostic code from the registry.
#pragma once

#include <iosfwd>
#include <string_view>

namespace reps {

// Prints "CODE (severity): summary", a blank line and the explanation to out; returns 0.
// An unknown code (case is ignored) is reported to err and returns 2, the usage-error exit code.
int explain(std::string_view code, std::ostream& out, std::ostream& err);

}  // namespace reps
