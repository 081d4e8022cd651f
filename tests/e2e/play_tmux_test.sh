#!/usr/bin/env bash
# End-to-end test of `reps play` in a real terminal: tmux runs it, send-keys presses space, n
# and q (and Ctrl-C, and SIGTERM, SIGUSR1, SIGUSR2, SIGALRM from outside; TERM=dumb), capture-pane reads the screen, and after each
# run the pane's modes are checked: alternate screen left, cursor shown, line wrap on, and
# `stty -a` with icanon and echo back on.
# Usage: play_tmux_test.sh BUILD_DIR. Exit 77 (skipped) without tmux, unless CI or
# REPS_INSTALL_TEST_TOOLS is set, in which case tmux is installed with apt-get.
set -euo pipefail

build_dir=${1:?usage: play_tmux_test.sh BUILD_DIR}
reps=$(cd "$build_dir" && pwd)/reps
[[ -x $reps ]] || { echo "FAIL: no reps executable in $build_dir"; exit 1; }

if ! command -v tmux >/dev/null 2>&1; then
    if [[ -n ${CI:-} || -n ${REPS_INSTALL_TEST_TOOLS:-} ]]; then
        echo "installing tmux"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null && apt-get install -y -qq tmux >/dev/null
    else
        echo "SKIP: tmux is not installed (set REPS_INSTALL_TEST_TOOLS=1 to install it)"
        exit 77
    fi
fi

work=$(mktemp -d)
# A private server per run (a server still shutting down refuses a new session on its socket).
run=0
tmux_() { tmux -u -L "reps-e2e-$$-$run" -f /dev/null "$@"; }
cleanup() {
    tmux_ kill-server >/dev/null 2>&1 || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/reps-e2e-$$-"*  # the servers leave their sockets
    rm -rf "$work"
}
trap cleanup EXIT

# A small workout: 2 sets of 5 squats (15s each, 30s rest between), a transition, a plank.
cat >"$work/tiny.reps" <<'EOF'
workout tiny "Tiny Test Workout" {  # reps: allow W0201, W0205
  defaults rest 30s transition 10s
  goblet_squat 2x5 @16kg "Chest up"
  plank 20s
}
EOF

failures=0
fail() {
    echo "FAIL: $*"
    echo "--- screen ---"
    screen
    echo "--------------"
    failures=$((failures + 1))
}
# The pane with its scrollback (the alternate screen has none: there it is just the screen).
screen() { tmux_ capture-pane -p -S - -t play 2>/dev/null; }
flag() { tmux_ display -p -t play "#{$1}" 2>/dev/null; }

# Waits up to 10s for the screen to show `text`.
wait_for() {
    local text=$1
    for _ in $(seq 100); do
        if screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.1
    done
    fail "timed out waiting for '$text'"
    return 1
}

expect() { screen | grep -qF -- "$1" || fail "screen lacks '$1'"; }
expect_not() { ! screen | grep -qF -- "$1" || fail "screen still shows '$1'"; }

# The pane's terminal must be as a shell left it: cooked mode, echo, main screen, cursor, wrap.
check_restored() {
    local what=$1
    wait_for "STTY-DONE" || return
    [[ $(flag alternate_on) == 0 ]] || fail "$what: the alternate screen is still on"
    [[ $(flag cursor_flag) == 1 ]] || fail "$what: the cursor is still hidden"
    [[ $(flag wrap_flag) == 1 ]] || fail "$what: line wrap is still off"
    local modes
    modes=$(screen | tr -s ' \n' '\n\n')
    grep -qx -- "icanon" <<<"$modes" || fail "$what: stty -a shows no icanon"
    grep -qx -- "echo" <<<"$modes" || fail "$what: stty -a shows no echo"
    ! grep -qx -- "-icanon" <<<"$modes" || fail "$what: the terminal is left in raw mode"
}

# Each run: a shell in an 80x24 pane runs reps (its pid in reps.pid), then prints reps' exit
# status and the tty modes.
# The trap keeps that shell alive through Ctrl-C (reps gets the default disposition on exec).
cat >"$work/run.sh" <<SCRIPT
trap : INT
cd '$work'
sh -c 'echo \$\$ >reps.pid; exec env LANG=C.UTF-8 NO_COLOR= "\$0" play tiny.reps' '$reps'
echo "EXIT=\$?"
stty -a
echo STTY-DONE
sleep 60
SCRIPT
start() {
    tmux_ kill-server >/dev/null 2>&1 || true
    run=$((run + 1))
    rm -f "$work/reps.pid"
    tmux_ new-session -d -s play -x 80 -y 24 "sh '$work/run.sh'"
    wait_for "Tiny Test Workout" || true
}

# 1. The screen, pause, skip, quit.
start
expect "WORK"
expect "Kettlebell Goblet Squat"
expect "Set 1 of 2"
expect "5 reps @16kg"
expect "Chest up"
expect "elapsed"
expect "Next: Rest 0:30"
expect "q quit"
screen | grep -q "█" || fail "no block-digit countdown on screen"
[[ $(flag alternate_on) == 1 ]] || fail "the player is not on the alternate screen"
[[ $(flag cursor_flag) == 0 ]] || fail "the cursor is shown while playing"

tmux_ send-keys -t play Space
wait_for "PAUSED"
expect "space resume"
before=$(screen | grep -F " / 0:15" || true)
sleep 1.5
after=$(screen | grep -F " / 0:15" || true)
[[ -n $before && $before == "$after" ]] || fail "the clock moved while paused ('$before' then '$after')"
tmux_ send-keys -t play Space
wait_for "space pause"
expect_not "PAUSED"

tmux_ send-keys -t play n
wait_for "REST"
expect "Next: Kettlebell Goblet Squat"
tmux_ send-keys -t play +
wait_for "/ 0:40"

# A resize redraws the frame to the new width at once (SIGWINCH), the last column left empty.
tmux_ resize-window -t play -x 50 -y 20
wait_for "rest 10s ·…"
widest=$(screen | LC_ALL=C.UTF-8 wc -L)
((widest <= 49)) || fail "after the resize to 50 columns a line is $widest wide"
expect "Next: Kettlebell Goblet Squat"

tmux_ send-keys -t play q
wait_for "EXIT=0"
expect "Tiny Test Workout (week 1): stopped"
expect "skipped      1 segment"
expect "sets done    0 of 3"
check_restored "after q"

# 2. Ctrl-C: a summary, exit status 130, the terminal restored.
start
tmux_ send-keys -t play C-c
wait_for "EXIT=130"
expect "stopped"
check_restored "after Ctrl-C"

# 3. SIGTERM from outside.
start
pid=$(cat "$work/reps.pid" 2>/dev/null || true)
if [[ -n $pid ]]; then
    kill -TERM "$pid"
    wait_for "EXIT=143"
    check_restored "after SIGTERM"
else
    fail "cannot find the reps process"
fi

# 4. SIGUSR1, SIGUSR2 and SIGALRM, whose default action ends a process too: the session stops
# with its summary and 128+signal, the terminal restored.
for signal in USR1:138 USR2:140 ALRM:142; do
    start
    pid=$(cat "$work/reps.pid" 2>/dev/null || true)
    if [[ -z $pid ]]; then
        fail "cannot find the reps process"
        continue
    fi
    kill -"${signal%%:*}" "$pid"
    wait_for "EXIT=${signal##*:}"
    expect "stopped"
    check_restored "after SIG${signal%%:*}"
done

# 5. TERM=dumb: the --plain lines, no alternate screen and no escape sequences.
sed 's/exec env LANG=C.UTF-8/exec env TERM=dumb LANG=C.UTF-8/' "$work/run.sh" >"$work/run_dumb.sh"
tmux_ kill-server >/dev/null 2>&1 || true
run=$((run + 1))
tmux_ new-session -d -s play -x 80 -y 24 "sh '$work/run_dumb.sh'"
wait_for "[00:00:00] work  Kettlebell Goblet Squat"
[[ $(flag alternate_on) == 0 ]] || fail "TERM=dumb: the alternate screen is on"
pid=$(cat "$work/reps.pid" 2>/dev/null || true)
[[ -n $pid ]] && kill -TERM "$pid"
wait_for "EXIT=143"

if ((failures > 0)); then
    echo "play_tmux_test: $failures failed"
    exit 1
fi
echo "play_tmux_test: all checks passed"
