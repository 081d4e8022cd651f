#!/bin/sh
# Exports every workout of examples/*.reps and tests/fit/cases/*.reps with `reps build --to fit`
# and has Garmin's FIT SDK (npm @garmin/fitsdk, a test-time oracle installed on first use into
# tests/fit/.node, never shipped) decode each file: integrity and CRCs, the decoded step list and
# the exporter's warnings against tests/fit/golden/NAME.steps (REPS_UPDATE_GOLDENS=1 rewrites
# them), the steps walked as a watch does against `reps build --to json`, and the FIT id table
# runtime/export/fit/fit_names.tsv against the SDK's profile and the stdlib's `fit` lines.
# Usage: fit_decode_test.sh BUILD_DIR. Exit 77 (skipped) when node or the SDK cannot be had.
set -eu

build_dir=$(cd "${1:?usage: fit_decode_test.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
reps="$build_dir/reps"
modules="$here/.node"
golden="$here/golden"

if ! command -v node >/dev/null 2>&1; then
    echo "fit_decode_test: skipped: node is not installed" >&2
    exit 77
fi
if [ ! -f "$modules/node_modules/@garmin/fitsdk/package.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "fit_decode_test: skipped: npm is not installed and $modules has no @garmin/fitsdk" >&2
        exit 77
    fi
    if ! npm install --silent --no-audit --no-fund --prefix "$modules" '@garmin/fitsdk@^21' >&2; then
        echo "fit_decode_test: skipped: could not install @garmin/fitsdk with npm" >&2
        exit 77
    fi
fi

decode() { node "$here/decode_fit.mjs" --modules "$modules" "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
    echo "fit_decode_test: FAIL: $*" >&2
    failed=1
}

# Paths relative to the repository, so that warnings in the goldens name files the same way anywhere.
cd "$root"
catalog=$(ls stdlib/*.reps)

# shellcheck disable=SC2086
decode names runtime/export/fit/fit_names.tsv $catalog || fail "runtime/export/fit/fit_names.tsv does not match the FIT SDK's profile"

count=0
for file in examples/*.reps tests/fit/cases/*.reps; do
    [ -f "$file" ] || continue
    base=$(basename "$file" .reps)
    workouts=$(sed -n 's/^[[:space:]]*workout[[:space:]]\{1,\}\([a-z][a-z0-9_]*\).*/\1/p' "$file")
    several=$(printf '%s\n' "$workouts" | grep -c . || true)
    for workout in $workouts; do
        name=$base
        [ "$several" -gt 1 ] && name="$base.$workout"
        count=$((count + 1))
        fit="$work/$name.fit"
        if ! "$reps" build "$file" --workout "$workout" --to fit -o "$fit" 2>"$work/$name.err"; then
            fail "reps build $file --workout $workout --to fit:"
            cat "$work/$name.err" >&2
            continue
        fi
        "$reps" build "$file" --workout "$workout" --to json -o "$work/$name.json" 2>/dev/null ||
            fail "reps build $file --workout $workout --to json"

        # The golden: the exporter's warnings, then the decoded header and steps.
        {
            # A warning about an entry is "FILE:LINE:COL: warning[W0301]: ..." with the line
            # quoted under it; one about the whole file is "reps: warning[W0301]: ...".
            sed -n -e 's/^reps: warning\[W0301\]: /warning: /p' -e 's/^\(.*\): warning\[W0301\]: /warning: \1: /p' "$work/$name.err"
            decode steps "$fit" || echo "decode failed"
        } >"$work/$name.steps"
        if [ "${REPS_UPDATE_GOLDENS:-}" = 1 ]; then
            cp "$work/$name.steps" "$golden/$name.steps"
        elif [ ! -f "$golden/$name.steps" ]; then
            fail "$golden/$name.steps is missing; run with REPS_UPDATE_GOLDENS=1 to create it"
        elif ! diff -u "$golden/$name.steps" "$work/$name.steps" >&2; then
            fail "$file ($workout): the decoded steps differ from $golden/$name.steps"
        fi

        # shellcheck disable=SC2086
        decode compare "$fit" "$work/$name.json" $catalog "$file" ||
            fail "$file ($workout): the steps do not follow the timeline"

        "$reps" build "$file" --workout "$workout" --to fit -o "$work/again.fit" 2>/dev/null
        cmp -s "$fit" "$work/again.fit" || fail "$file ($workout): two exports differ"
    done
done
[ "$count" -gt 0 ] || fail "no workouts found in examples/ or tests/fit/cases/"

# The time_created follows SOURCE_DATE_EPOCH; the steps do not change with it.
cases=tests/fit/cases/fit_blocks.reps
SOURCE_DATE_EPOCH=1800000000 "$reps" build "$cases" --to fit -o "$work/epoch.fit" 2>/dev/null
node -e '
    const b = require("fs").readFileSync(process.argv[1]);
    // file_id: header 14, definition 6 + 5 fields x 3, then record header, type, manufacturer, product, serial.
    const at = 14 + 6 + 15 + 1 + 1 + 2 + 2 + 4;
    process.exit(b.readUInt32LE(at) === 1800000000 - 631065600 ? 0 : 1);' "$work/epoch.fit" ||
    fail "time_created does not follow SOURCE_DATE_EPOCH"

# --werror turns the exporter's warnings into errors: exit 1 and nothing written.
status=0
"$reps" build "$cases" --to fit --werror -o "$work/werror.fit" 2>"$work/werror.err" || status=$?
if [ "$status" != 1 ] || [ -e "$work/werror.fit" ] || ! grep -q ": error\[W0301\]: .*@70%" "$work/werror.err"; then
    fail "--werror with exporter warnings gave exit $status and/or wrote a file:"
    cat "$work/werror.err" >&2
fi

# -W no-W0301 silences them (the file is written all the same).
status=0
"$reps" build "$cases" --to fit -W no-W0301 -o "$work/quiet.fit" 2>"$work/quiet.err" || status=$?
if [ "$status" != 0 ] || [ ! -s "$work/quiet.fit" ] || grep -q "W0301" "$work/quiet.err"; then
    fail "-W no-W0301 gave exit $status and/or still warned:"
    cat "$work/quiet.err" >&2
fi

# A program is many sessions; FIT holds one workout: the error lists the workouts and weeks to pick.
status=0
"$reps" build examples/runner_program.reps --program runner_block --to fit -o "$work/program.fit" \
    2>"$work/program.err" || status=$?
if [ "$status" != 2 ] || [ -e "$work/program.fit" ] ||
    ! grep -qx "reps: error: --to fit cannot export a program: it holds one workout; pick one with --workout NAME --week N (workouts: runner_strength; weeks 1-6)" "$work/program.err"; then
    fail "--to fit of a program gave exit $status:"
    cat "$work/program.err" >&2
fi

[ "$failed" = 0 ] && echo "fit_decode_test: ok ($count workouts)"
exit "$failed"
