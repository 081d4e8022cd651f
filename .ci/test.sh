#!/usr/bin/env bash
# The README's second command: installs what is missing, builds, and runs every test, then the
# same suite built with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh test
export REPS_INSTALL_TEST_TOOLS=1
jobs=$(nproc)

# -g1: line tables (backtraces, the sanitizers' reports) without the variables' debug information,
# which made compiling the tests' big files nearly twice as slow.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" -LE "^bench$"

# Sanitizers: -O1 keeps the instrumented suite quick; the browser and editor-file tests (grammar,
# snippets, packaging: no C++ of ours beyond what the lsp tests run) add nothing there.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DREPS_SANITIZE=ON
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "^(bench|browser|editors)$"
