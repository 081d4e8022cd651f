// `reps explain [CODE]`: the long explanation of a diagnostic code from the registry, or the list of all.
#pragma once

#include <iosfwd>
#include <string_view>

namespace reps {

// Prints "CODE (severity): summary", a blank line and the explanation to out; returns 0.
// The case is ignored, and so may the letter be: "0205" explains E0205 and W0205, one after the
// other. An unknown code is reported to err and returns 2, the usage-error exit code.
int explain(std::string_view code, std::ostream& out, std::ostream& err);

// Prints "CODE  summary", one line per code of the registry, in its order.
void list_codes(std::ostream& out);

}  // namespace reps
