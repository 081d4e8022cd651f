#!/bin/sh
# Builds the programs of dst_program.reps with `reps build --to ics` and has ical.js (npm,
# installed on first use into tests/ics/.node) check the calendars: bytes, events, and UTC
# instants on both sides of the 2027 daylight-saving changes in Europe/Berlin, and the calendar name.
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
# SPEC 7: each event's description holds the printable timeline of that week's session.
"$reps" build "$program" --workout kraft --week 4 --to text -o "$work/kraft_week4.txt" 2>/dev/null
check "$work/spring.ics" --count 6 --switch 2027-03-28 16:30 15:30 --description spring-20270323-kraft@reps "$work/kraft_week4.txt" \
    --calendar-name "Frühjahr: Kraft für Läufer"
expect_line "$work/spring.ics" "spring-20270323-kraft@reps 2027-03-23T16:30:00.000Z 2027-03-23T17:06:00.000Z"
expect_line "$work/spring.ics" "spring-20270330-kraft@reps 2027-03-30T15:30:00.000Z 2027-03-30T16:06:00.000Z"

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

# The calendar's name is the program's title, a TEXT value: ',', ';' and '\' are escaped (RFC 5545
# 3.3.11), so that a reader takes none of them for a separator and shows the title as written.
cat >"$work/named.reps" <<'EOF'
program named "Strength, Runners; Winter \\ Spring" {
  start 2027-01-04
  tue 17:30 run "Easy" 30min
}
EOF
"$reps" build "$work/named.reps" --to ics --dtstamp 0 -o "$work/named.ics"
check "$work/named.ics" --count 1 --calendar-name 'Strength, Runners; Winter \ Spring'

# Night sessions on the changes themselves, in Berlin and New York (SPEC 7): every event lasts its
# length in elapsed time whichever client reads it (check_ics.mjs fails an end before its start).
build_program() {  # build_program NAME: NAME.ics in $work
    "$reps" build "$program" --program "$1" --to ics --dtstamp 0 -o "$work/$1.ics" 2>/dev/null
    check "$work/$1.ics"
}
build_program berlin_back
expect_line "$work/berlin_back.ics" "berlin_back-20261025-run-early@reps 2026-10-24T23:45:00.000Z 2026-10-25T01:15:00.000Z"
expect_line "$work/berlin_back.ics" "berlin_back-20261025-run-night@reps 2026-10-25T00:30:00.000Z 2026-10-25T01:00:00.000Z"
build_program berlin_forward
expect_line "$work/berlin_forward.ics" "berlin_forward-20260329-run-night@reps 2026-03-29T01:30:00.000Z 2026-03-29T02:00:00.000Z"
build_program new_york_back
expect_line "$work/new_york_back.ics" "new_york_back-20261027-kraft@reps 2026-10-27T21:30:00.000Z 2026-10-27T22:06:00.000Z"
expect_line "$work/new_york_back.ics" "new_york_back-20261101-run-night@reps 2026-11-01T05:15:00.000Z 2026-11-01T06:30:00.000Z"
expect_line "$work/new_york_back.ics" "new_york_back-20261103-kraft@reps 2026-11-03T22:30:00.000Z 2026-11-03T23:06:00.000Z"
build_program new_york_forward
expect_line "$work/new_york_forward.ics" "new_york_forward-20270309-kraft@reps 2027-03-09T22:30:00.000Z 2027-03-09T23:06:00.000Z"
expect_line "$work/new_york_forward.ics" "new_york_forward-20270314-run-night@reps 2027-03-14T07:30:00.000Z 2027-03-14T08:00:00.000Z"
expect_line "$work/new_york_forward.ics" "new_york_forward-20270316-kraft@reps 2027-03-16T21:30:00.000Z 2027-03-16T22:06:00.000Z"
build_program berlin_last_day
expect_line "$work/berlin_last_day.ics" "berlin_last_day-20261025-run-noon@reps 2026-10-25T11:00:00.000Z 2026-10-25T12:00:00.000Z"
build_program new_york_1974
expect_line "$work/new_york_1974.ics" "new_york_1974-19740101-run-evening@reps 1974-01-01T22:30:00.000Z 1974-01-01T23:00:00.000Z"
expect_line "$work/new_york_1974.ics" "new_york_1974-19740108-run-evening@reps 1974-01-08T21:30:00.000Z 1974-01-08T22:00:00.000Z"
build_program berlin_9000
expect_line "$work/berlin_9000.ics" "berlin_9000-90000325-kraft@reps 9000-03-25T16:30:00.000Z 9000-03-25T17:06:00.000Z"
expect_line "$work/berlin_9000.ics" "berlin_9000-90000330-run-night@reps 9000-03-30T01:30:00.000Z 9000-03-30T02:00:00.000Z"
expect_line "$work/berlin_9000.ics" "berlin_9000-90000401-kraft@reps 9000-04-01T15:30:00.000Z 9000-04-01T16:06:00.000Z"
expect_line "$work/berlin_9000.ics" "berlin_9000-90001026-run-night@reps 9000-10-26T00:30:00.000Z 9000-10-26T01:00:00.000Z"
expect_line "$work/berlin_9000.ics" "berlin_9000-90001028-kraft@reps 9000-10-28T16:30:00.000Z 9000-10-28T17:06:00.000Z"
# Single workouts (36 minutes) at the same hours.
build_workout() {  # build_workout FILE AT ZONE
    "$reps" build "$program" --workout kraft --to ics --at "$2" --timezone "$3" --dtstamp 0 -o "$work/$1" 2>/dev/null
    check "$work/$1" --count 1
}
build_workout berlin_night.ics 2026-10-25T02:30 Europe/Berlin
expect_line "$work/berlin_night.ics" "kraft-20261025T0230@reps 2026-10-25T00:30:00.000Z 2026-10-25T01:06:00.000Z"
build_workout berlin_gap.ics 2026-03-29T02:30 Europe/Berlin
expect_line "$work/berlin_gap.ics" "kraft-20260329T0230@reps 2026-03-29T01:30:00.000Z 2026-03-29T02:06:00.000Z"
build_workout new_york_night.ics 2026-11-01T01:15 America/New_York
expect_line "$work/new_york_night.ics" "kraft-20261101T0115@reps 2026-11-01T05:15:00.000Z 2026-11-01T05:51:00.000Z"
build_workout berlin_change_day.ics 2026-10-25T12:00 Europe/Berlin
expect_line "$work/berlin_change_day.ics" "kraft-20261025T1200@reps 2026-10-25T11:00:00.000Z 2026-10-25T11:36:00.000Z"
build_workout new_york_gap.ics 2027-03-14T02:30 America/New_York
expect_line "$work/new_york_gap.ics" "kraft-20270314T0230@reps 2027-03-14T07:30:00.000Z 2027-03-14T08:06:00.000Z"
# The text and JSON outputs say the start the calendar shows: 03:30, not the skipped 02:30.
"$reps" build "$program" --program berlin_forward --to text 2>/dev/null >"$work/forward.txt"
if ! grep -q "2026-03-29 03:30  Run: Night (30:00)  (02:30 is skipped by the clock change)" "$work/forward.txt"; then
    echo "ics_test: FAIL: the text output does not start the skipped 02:30 at 03:30:" >&2
    cat "$work/forward.txt" >&2
    failed=1
fi
"$reps" build "$program" --program berlin_forward --to json 2>/dev/null >"$work/forward.json"
if ! node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
              const s = p.sessions[0];
              process.exit(s.time === "03:30" && s.written_time === "02:30" ? 0 : 1);' "$work/forward.json"; then
    echo "ics_test: FAIL: the JSON session does not say time 03:30, written_time 02:30:" >&2
    cat "$work/forward.json" >&2
    failed=1
fi

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
