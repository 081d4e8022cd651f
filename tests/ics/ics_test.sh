#!/bin/sh
# Builds the programs of dst_program.reps with `reps build --to ics` and has ical.js (npm,
# installed on first use into tests/ics/.node) check the calendars: bytes, events, and UTC
# instants on both sides of the 2027 daylight-saving changes in Europe/Berlin.
# Usage: ics_test.sh BUILD_DIR. Exit 77 (skipped) when node or ical.js cannot be had.
set -eu

build_dir=${1:?usage: ics_test.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
reps="$build_dir/reps"
modules="$here/.node"
program="$here/dst_program.reps"

if ! command -v node >/dev/null 2>&1; then
    echo "ics_test: skipped: node is not installed" >&2
    exit 77
fi
if [ ! -f "$modules/node_modules/ical.js/package.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "ics_test: skipped: npm is not installed and $modules has no ical.js" >&2
        exit 77
    fi
    if ! npm install --silent --no-audit --no-fund --prefix "$modules" 'ical.js@^2' >&2; then
        echo "ics_test: skipped: could not install ical.js with npm" >&2
        exit 77
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
check() {  # check FILE ARGS...: runs check_ics.mjs, keeps its listing in FILE.txt
    file=$1
    shift
    if ! node "$here/check_ics.mjs" --modules "$modules" "$file" "$@" >"$file.txt"; then
        echo "ics_test: FAIL: check_ics.mjs $file $*" >&2
        failed=1
    fi
}
expect_line() {  # expect_line FILE TEXT: the listing of FILE has a line TEXT
    if ! grep -qx -- "$2" "$1.txt"; then
        echo "ics_test: FAIL: $1: expected the line '$2', got:" >&2
        cat "$1.txt" >&2
        failed=1
    fi
}

# Spring: Tuesdays 2027-03-02 .. 2027-04-06; clocks go forward on Sunday 2027-03-28.
SOURCE_DATE_EPOCH=1800000000 "$reps" build "$program" --program spring --to ics -o "$work/spring.ics"
check "$work/spring.ics" --count 6 --switch 2027-03-28 16:30 15:30
expect_line "$work/spring.ics" "spring-0-20270323@reps 2027-03-23T16:30:00.000Z 2027-03-23T17:06:00.000Z"
expect_line "$work/spring.ics" "spring-0-20270330@reps 2027-03-30T15:30:00.000Z 2027-03-30T16:06:00.000Z"

# Autumn: Tuesdays 2027-10-19 .. 2027-11-02; clocks go back on Sunday 2027-10-31. With an alarm.
"$reps" build "$program" --program autumn --to ics --dtstamp 1800000000 --alarm 15min -o "$work/autumn.ics"
check "$work/autumn.ics" --count 3 --switch 2027-10-31 15:30 16:30

# The same build gives the same bytes (UIDs and DTSTAMP included).
SOURCE_DATE_EPOCH=1800000000 "$reps" build "$program" --program spring --to ics -o "$work/spring2.ics"
if ! cmp -s "$work/spring.ics" "$work/spring2.ics"; then
    echo "ics_test: FAIL: two builds of the same program differ" >&2
    failed=1
fi
if ! grep -q "^DTSTAMP:20270115T080000Z" "$work/spring.ics"; then
    echo "ics_test: FAIL: DTSTAMP does not follow SOURCE_DATE_EPOCH" >&2
    failed=1
fi
if [ "$(grep -c '^TRIGGER:-PT15M' "$work/autumn.ics")" != 3 ]; then
    echo "ics_test: FAIL: --alarm 15min did not give each event a TRIGGER:-PT15M" >&2
    failed=1
fi

# A single workout on either side of the spring change.
"$reps" build "$program" --workout kraft --to ics --at 2027-03-23T17:30 --timezone Europe/Berlin \
    --dtstamp 0 -o "$work/before.ics"
check "$work/before.ics" --count 1
expect_line "$work/before.ics" "kraft-20270323T1730@reps 2027-03-23T16:30:00.000Z 2027-03-23T17:06:00.000Z"
"$reps" build "$program" --workout kraft --to ics --at 2027-03-30T17:30 --timezone Europe/Berlin \
    --dtstamp 0 -o "$work/after.ics"
check "$work/after.ics" --count 1
expect_line "$work/after.ics" "kraft-20270330T1730@reps 2027-03-30T15:30:00.000Z 2027-03-30T16:06:00.000Z"

# Bad input: exit 1 and no file; a workout without --at: exit 2 and no file.
printf 'workout bad "Bad" {\n  goblet_sqat 3x12\n}\n' >"$work/bad.reps"
status=0
"$reps" build "$work/bad.reps" --to ics -o "$work/bad.ics" 2>/dev/null || status=$?
if [ "$status" != 1 ] || [ -e "$work/bad.ics" ]; then
    echo "ics_test: FAIL: bad input gave exit $status and/or wrote a file" >&2
    failed=1
fi
status=0
"$reps" build "$program" --workout kraft --to ics -o "$work/no_at.ics" 2>"$work/no_at.err" || status=$?
if [ "$status" != 2 ] || [ -e "$work/no_at.ics" ] ||
    ! grep -qx "reps: error: --to ics for a workout needs --at DATETIME" "$work/no_at.err"; then
    echo "ics_test: FAIL: a workout without --at gave exit $status:" >&2
    cat "$work/no_at.err" >&2
    failed=1
fi

[ "$failed" = 0 ] && echo "ics_test: ok"
exit "$failed"
