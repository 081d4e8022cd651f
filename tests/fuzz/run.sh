#!/usr/bin/env bash
# Runs the libFuzzer target: seeds a corpus from the examples, the golden tests and the regressions
# (copied, so the repository keeps one copy), then fuzzes for SECONDS (default 600) with one process.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
corpus=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
mkdir -p "$corpus" "$artifacts"
for file in "$repo"/examples/*.reps "$repo"/tests/golden/ok/*.reps "$repo"/tests/golden/fail/*.reps \
            "$here"/regressions/*.reps; do
  [ -f "$file" ] && cp -n "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
done
exec "$build/tests/fuzz_reps" "$corpus" -dict="$here/reps.dict" -max_len=65536 -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
