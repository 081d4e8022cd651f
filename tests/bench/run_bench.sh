#!/usr/bin/env bash
# The check benchmark: generates corpora, times `reps check` against the bare grammar, and prints
# every figure of the performance targets with its target beside it (README.md here).
#
#   run_bench.sh [--build DIR] [--work DIR] [--sizes "10 100"] [--runs N] [--smoke]
#
# --build  the build directory holding reps and tests/bench/reps_bench_grammar (default: build)
# --work   where corpora are generated and kept between runs (default: /tmp/reps-bench)
# --sizes  the two corpus sizes in MB: the linearity pair; the larger one gives every other figure
# --runs   repetitions of each timing; the fastest counts (default 5: this is a shared VM)
# --smoke  sizes 0.1 and 1, one run, no callgrind, and no verdict: only checks that the runner works
# Exit status: 0 when every target is met (always in --smoke if the runner worked), 1 otherwise,
# 2 when something could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=build
work=/tmp/reps-bench
sizes="10 100"
runs=5
smoke=0
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --smoke) smoke=1; sizes="0.1 1"; runs=1; shift ;;
        *) echo "run_bench.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
# Absolute: the instruction count runs from the work directory.
build=$(cd "$build" 2>/dev/null && pwd || echo "$build")
reps=$build/reps
grammar=$build/tests/bench/reps_bench_grammar
for tool in "$reps" "$grammar"; do
    [ -x "$tool" ] || { echo "run_bench.sh: '$tool' is not built" >&2; exit 2; }
done
read -r small large <<<"$sizes"
mkdir -p "$work"

# One core for the single-core figures; both first cores for the speedup.
pin1=(); pin2=()
if command -v taskset >/dev/null && [ "$(nproc --all)" -ge 2 ]; then
    pin1=(taskset -c 0); pin2=(taskset -c 0,1)
fi

# A corpus is generated once per size and seed, then reused.
corpus() {
    local dir=$work/corpus-$1
    if [ ! -f "$dir/.done" ] || [ "$(cat "$dir/.done")" != "$1 1 $(md5sum <"$here/generate_corpus.py")" ]; then
        python3 "$here/generate_corpus.py" --size-mb "$1" --out "$dir" --seed 1 >&2
        echo "$1 1 $(md5sum <"$here/generate_corpus.py")" >"$dir/.done"
    fi
    echo "$dir"
}
bytes_of() { find "$1" -name '*.reps' -printf '%s\n' | awk '{s += $1} END {print s}'; }

# measure OUT COMMAND... [::: OUT2 COMMAND2...]: over $runs runs, the shortest wall-clock time,
# the shortest CPU time (user + system: what a single-core figure costs even when other work
# shares the core) and the peak RSS, as "WALL CPU PEAK_RSS_KB"; stderr goes to OUT. With a second
# command after ":::", the two run in turn (A B A B ...) and both figures are printed on one line:
# a slow spell of a shared host then slows both sides of a ratio alike.
measure() {
    python3 - "$runs" "$@" <<'EOF_PY'
import os, subprocess, sys, time
runs, args = int(sys.argv[1]), sys.argv[2:]
jobs = []
while args:
    cut = args.index(":::") if ":::" in args else len(args)
    jobs.append({"out": args[0], "command": args[1:cut], "wall": None, "cpu": None, "peak": 0})
    args = args[cut + 1:]
for _ in range(runs):
    for job in jobs:
        with open(job["out"], "wb") as err:
            start = time.perf_counter()
            process = subprocess.Popen(job["command"], stdout=subprocess.DEVNULL, stderr=err)
            # wait4: this child's own CPU time and peak RSS, not every child's so far.
            _, raw_status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        process.returncode = status = os.waitstatus_to_exitcode(raw_status)
        if status < 0 or status >= 2:
            sys.exit(f"run_bench.sh: {' '.join(job['command'])} exited {status} (see {job['out']})")
        cpu = usage.ru_utime + usage.ru_stime
        job["wall"] = wall if job["wall"] is None else min(job["wall"], wall)
        job["cpu"] = cpu if job["cpu"] is None else min(job["cpu"], cpu)
        job["peak"] = max(job["peak"], usage.ru_maxrss)
print(" ".join(f"{job['wall']:.4f} {job['cpu']:.4f} {job['peak']}" for job in jobs))
EOF_PY
}

missed=0
# verdict NAME VALUE TARGET (ok when VALUE <= TARGET, or >= with "min")
row() {
    local name=$1 value=$2 target=$3 direction=$4 unit=$5 ok
    if [ "$direction" = min ]; then ok=$(awk -v v="$value" -v t="$target" 'BEGIN {print (v >= t)}')
    else ok=$(awk -v v="$value" -v t="$target" 'BEGIN {print (v <= t)}'); fi
    local mark="met"
    if [ "$ok" != 1 ]; then mark="MISSED"; missed=1; fi
    [ "$smoke" = 1 ] && mark="(smoke)"
    printf '%-46s %12s %-5s target %s %-8s %s\n' "$name" "$value" "$unit" "$([ "$direction" = min ] && echo '>=' || echo '<=')" "$target" "$mark"
}

small_dir=$(corpus "$small")
large_dir=$(corpus "$large")
large_bytes=$(bytes_of "$large_dir")
large_mb=$(awk -v b="$large_bytes" 'BEGIN {printf "%.1f", b / 1e6}')
echo "corpora: $small MB ($(find "$small_dir" -name '*.reps' | wc -l) files), $large_mb MB ($(find "$large_dir" -name '*.reps' | wc -l) files); $runs run(s) each, fastest counts"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc --all) cores (other work skews wall-clock figures)"

# Single-core figures use CPU time, the speedup wall-clock time.
read -r _ t_small _ < <(measure "$work/check-small.err" "${pin1[@]}" "$reps" check -j 1 "$small_dir/")
# The check and its yardstick in turn, so that the ratio compares runs made at the same time.
read -r wall_large t_large rss_large _ t_grammar _ < <(measure "$work/check-1core.err" "${pin1[@]}" "$reps" check -j 1 "$large_dir/" \
    ::: "$work/grammar.err" "${pin1[@]}" "$grammar" "$large_dir/")
read -r _ t_grammar_eager _ < <(measure "$work/grammar-eager.err" "${pin1[@]}" "$grammar" --eager "$large_dir/")
read -r t_two _ _ < <(measure "$work/check-2core.err" "${pin2[@]}" "$reps" check "$large_dir/")

# A time too short to measure (the smoke corpus) counts as a millisecond.
ms() { awk -v t="$1" 'BEGIN {printf "%.4f", (t < 0.001 ? 0.001 : t)}'; }
t_small=$(ms "$t_small"); t_large=$(ms "$t_large"); t_grammar=$(ms "$t_grammar"); t_grammar_eager=$(ms "$t_grammar_eager"); t_two=$(ms "$t_two")
throughput=$(awk -v b="$large_bytes" -v t="$t_large" 'BEGIN {printf "%.1f", b / 1e6 / t}')
grammar_throughput=$(awk -v b="$large_bytes" -v t="$t_grammar" 'BEGIN {printf "%.1f", b / 1e6 / t}')
ratio=$(awk -v a="$t_large" -v g="$t_grammar" 'BEGIN {printf "%.2f", a / g}')
grammar_eager_throughput=$(awk -v b="$large_bytes" -v t="$t_grammar_eager" 'BEGIN {printf "%.1f", b / 1e6 / t}')
ratio_eager=$(awk -v a="$t_large" -v g="$t_grammar_eager" 'BEGIN {printf "%.2f", a / g}')
size_ratio=$(awk -v s="$small" -v l="$large" 'BEGIN {printf "%g", l / s}')
linearity=$(awk -v a="$t_small" -v b="$t_large" 'BEGIN {printf "%.2f", b / a}')
linear_target=$(awk -v r="$size_ratio" 'BEGIN {printf "%g", r * 1.1}')
rss_ratio=$(awk -v k="$rss_large" -v b="$large_bytes" 'BEGIN {printf "%.2f", k * 1024 / b}')
speedup=$(awk -v a="$wall_large" -v b="$t_two" 'BEGIN {printf "%.2f", a / b}')

echo
printf '%-46s %12s %-5s\n' "figure" "measured" ""
row "check throughput, 1 core ($large_mb MB, CPU time)" "$throughput" 100 min "MB/s"
printf '%-46s %12s %-5s (yardstick: byte positions only, as reps matches)\n' "bare grammar throughput, 1 core (CPU time)" "$grammar_throughput" "MB/s"
row "check time / bare grammar time" "$ratio" 4 max "x"
# For reference: PEGTL's default input, which also keeps line and column at every character.
printf '%-46s %12s %-5s (reference: ratio %sx)\n' "bare grammar, PEGTL's default eager input" "$grammar_eager_throughput" "MB/s" "$ratio_eager"
row "time at ${large} MB / time at ${small} MB (${size_ratio}x input)" "$linearity" "$linear_target" max "x"
row "peak memory / input size ($large_mb MB)" "$rss_ratio" 4 max "x"
if [ ${#pin2[@]} -gt 0 ]; then
    row "speedup, 2 cores over 1 ($large_mb MB, wall clock)" "$speedup" 1.8 min "x"
else
    echo "speedup, 2 cores over 1: skipped (fewer than 2 cores or no taskset)"
fi
if cmp -s "$work/check-1core.err" "$work/check-2core.err"; then
    echo "output of the 1-core and 2-core runs: identical ($(grep -c 'warning\[' "$work/check-1core.err" || true) warnings, $(grep -c 'error\[' "$work/check-1core.err" || true) errors)"
else
    echo "output of the 1-core and 2-core runs: DIFFERENT (see $work/check-*core.err)"; missed=1
fi

reference=$here/../../examples/runners.reps
if [ "$smoke" = 0 ] && command -v valgrind >/dev/null; then
    instructions=$(cd "$work" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$reps" check "$reference" 2>&1 |
                   awk '/Collected :/ {print $NF}')
    row "instructions, reps check examples/runners.reps" "$instructions" 5000000 max ""
elif [ "$smoke" = 0 ]; then
    echo "instructions (callgrind): skipped, valgrind is not installed"
fi

# The same ratio in instructions (callgrind), which other work on the machine cannot skew: over
# the first files of the large corpus, about 1 MB.
if [ "$smoke" = 0 ] && command -v valgrind >/dev/null; then
    mapfile -t sample < <(find "$large_dir" -name '*.reps' | sort | head -40)
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ {print $NF}'; }
    i_check=$(count "$reps" check -j 1 "${sample[@]}")
    i_grammar=$(count "$grammar" "${sample[@]}")
    sample_mb=$(cat "${sample[@]}" | wc -c | awk '{printf "%.2f", $1 / 1e6}')
    printf '%-46s %12s %-5s (%s and %s instructions over %s MB)\n' "check / bare grammar, in instructions" \
        "$(awk -v a="$i_check" -v g="$i_grammar" 'BEGIN {printf "%.2f", a / g}')" "x" "$i_check" "$i_grammar" "$sample_mb"
fi

[ "$smoke" = 1 ] && exit 0
exit $missed
