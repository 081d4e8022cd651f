// The `reps` command line: parses the arguments and chains the phases; main() only calls run_cli.
#pragma once

#include <iosfwd>

namespace reps {

// Runs one `reps` invocation in-process and returns its exit code: 0 success (warnings allowed),
// 1 the input has errors, 2 usage or I/O errors. Output goes to `out`, diagnostics to `err`.
// No exception escapes.
int run_cli(int argc, const char* const argv[], std::ostream& out, std::ostream& err);

}  // namespace reps
