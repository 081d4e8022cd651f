#!/usr/bin/env bash
# Goldens of `reps play --plain --speed 1000` for every examples/*.reps: one line per segment on
# the timeline clock, then the summary; stdout only (warnings go to stderr). The lines depend on
# the timeline alone, never on the wall clock, so they are the same on every run.
# Usage: play_golden_test.sh BUILD_DIR. REPS_UPDATE_GOLDENS=1 rewrites the goldens; review the diff.
set -euo pipefail

build_dir=${1:?usage: play_golden_test.sh BUILD_DIR}
reps=$(cd "$build_dir" && pwd)/reps
root=$(cd "$(dirname "$0")/../.." && pwd)
goldens=$root/tests/golden/play
[[ -x $reps ]] || { echo "FAIL: no reps executable in $build_dir"; exit 1; }

# The examples play at once, each in the background: the run takes as long as the longest.
outputs=$(mktemp -d)
trap 'rm -rf "$outputs"' EXIT
for example in "$root"/examples/*.reps; do
    name=$(basename "$example" .reps)
    # stdin from /dev/null: no keys, and the developer's terminal is left alone.
    ("$reps" play "$example" --plain --speed 1000 </dev/null >"$outputs/$name.txt" 2>/dev/null
     echo $? >"$outputs/$name.status") &
done
wait

passed=0
failed=0
for example in "$root"/examples/*.reps; do
    name=$(basename "$example" .reps)
    golden=$goldens/$name.txt
    actual=$outputs/$name.txt
    status=$(cat "$outputs/$name.status")
    if [[ $status != 0 ]]; then
        echo "FAIL: $name: reps play exited with $status"
        failed=$((failed + 1))
    elif [[ -n ${REPS_UPDATE_GOLDENS:-} ]]; then
        mkdir -p "$goldens"
        cp "$actual" "$golden"
        echo "updated $golden"
        passed=$((passed + 1))
    elif [[ ! -f $golden ]]; then
        echo "FAIL: $name: no golden $golden (run with REPS_UPDATE_GOLDENS=1)"
        failed=$((failed + 1))
    elif ! diff -u "$golden" "$actual"; then
        echo "FAIL: $name: output differs from $golden"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done
echo "play goldens: $passed passed, $failed failed"
((failed == 0))
