#!/usr/bin/env bash
# Standard output that fails is an error for every command: `> /dev/full` and a closed stdout
# (`>&-`) are exit 2 with "cannot write to stdout"; a reader that leaves early (`| head`) is quiet.
# These need the real executable and a shell's redirections (the in-process tests write to a
# string). Usage: trust_test.sh BUILD_DIR
set -uo pipefail

build_dir=${1:?usage: trust_test.sh BUILD_DIR}
reps=$(cd "$build_dir" && pwd)/reps
root=$(cd "$(dirname "$0")/../.." && pwd)
[[ -x $reps ]] || { echo "FAIL: no reps executable in $build_dir"; exit 1; }
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

expect() {  # expect NAME WANTED_STATUS ACTUAL_STATUS STDERR_FILE WANTED_STDERR_PART
    if [[ $2 != "$3" ]] || { [[ -n $5 ]] && ! grep -qF -- "$5" "$4"; }; then
        echo "FAIL: $1: exit $3 (wanted $2), stderr: $(head -c 300 "$4")"
        failed=$((failed + 1))
    else
        echo "ok: $1"
    fi
}

program=$root/examples/runner_program.reps  # 270 KB of JSON: many buffers' worth
cp "$root/examples/hiit20.reps" "$scratch/messy.reps"
printf '\n\n\n' >>"$scratch/messy.reps"   # so that fmt --check lists it
commands=(
    "build $program --to json"
    "build $program --to text"
    "build $program --dump timeline"
    "check $program --dump ast"
    "catalog"
    "catalog squat"
    "explain E0102"
    "help"
    "--version"
    "fmt --check $scratch/messy.reps"
    "play $root/examples/hiit20.reps --plain --speed 1000000"
)
for command in "${commands[@]}"; do
    # shellcheck disable=SC2086 # the command is split into its words on purpose
    "$reps" $command </dev/null >/dev/full 2>"$scratch/err"
    expect "$command > /dev/full" 2 $? "$scratch/err" "reps: error: cannot write to stdout: No space left on device"
    # shellcheck disable=SC2086
    "$reps" $command </dev/null >&- 2>"$scratch/err"
    expect "$command >&-" 2 $? "$scratch/err" "reps: error: cannot write to stdout: Bad file descriptor"
done

# A reader that stops early: SIGPIPE ends reps quietly (status 141, as for other Unix tools)...
"$reps" build "$program" --to json 2>"$scratch/err" | head -c 100 >/dev/null
status=${PIPESTATUS[0]}
expect "build | head" 141 "$status" "$scratch/err" ""
[[ -s $scratch/err ]] && { echo "FAIL: build | head printed: $(cat "$scratch/err")"; failed=$((failed + 1)); }
# ...and where SIGPIPE is ignored (inherited from the parent), EPIPE is not reported either.
(trap '' PIPE; "$reps" build "$program" --to json 2>"$scratch/err" | head -c 100 >/dev/null)
[[ -s $scratch/err ]] && { echo "FAIL: build | head with SIGPIPE ignored printed: $(cat "$scratch/err")"; failed=$((failed + 1)); }

# -o to a character device as root would have turned /dev/null into a regular file.
"$reps" build "$program" --to json -o /dev/null 2>"$scratch/err"
expect "build -o /dev/null" 0 $? "$scratch/err" ""
[[ -c /dev/null ]] || { echo "FAIL: /dev/null is no longer a character device"; failed=$((failed + 1)); }

if ((failed > 0)); then
    echo "$failed failed"
    exit 1
fi
echo "all passed"
