#!/usr/bin/env bash
# The check benchmark: generates corpora of each input shape, times `reps check` against the bare
# grammar on the same bytes, and prints every figure of the performance targets, per shape, with
# its target beside it (README.md here).
#
#   run_bench.sh [--build DIR] [--work DIR] [--shapes "small mb big line"] [--sizes "A B"]
#                [--runs N] [--smoke]
#
# --build   the build directory holding reps and tests/bench/reps_bench_grammar (default: build)
# --work    where corpora are generated and kept between runs (default: /tmp/reps-bench)
# --shapes  which input shapes to measure (default: all four):
#             small  many files of 5-50 KB          mb    files of 1 MB
#             big    one file                       line  one file of one line (which reps refuses)
#           `reps fmt` is measured with the big shape.
# --sizes   the two sizes in MB of each shape: the linearity pair; the larger one gives every other
#           figure. "A B" sets every shape (and fmt); "SHAPE=A,B ..." sets the named ones (SHAPE is
#           small, mb, big, line or fmt). A size may end in MiB ("64MiB"). big and line are capped at
#           64 MiB, the largest file reps reads. Defaults: small=10,100 mb=2,20 big=20,64MiB
#           line=6.4,64MiB fmt=2,20.
# --runs    repetitions of each timing; the fastest counts (default 5: this is a shared VM)
# --smoke   every shape at 0.1 and 1 MB, one run, no callgrind, and no verdict: only checks that
#           the runner works
# Exit status: 0 when every target is met (always in --smoke if the runner worked), 1 otherwise,
# 2 when something could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
all_shapes="small mb big line"
build=build
work=/tmp/reps-bench
shapes=$all_shapes
runs=5
smoke=0
declare -A sizes=([small]="10 100" [mb]="2 20" [big]="20 64MiB" [line]="6.4 64MiB" [fmt]="2 20")
set_sizes() {
    local spec
    for spec in $1; do
        case "$spec" in
            *=*) local name=${spec%%=*} pair=${spec#*=}
                 [ -n "${sizes[$name]+set}" ] && [[ "$pair" == *,* ]] ||
                     { echo "run_bench.sh: --sizes: '$spec' is not SHAPE=A,B" >&2; exit 2; }
                 sizes[$name]="${pair%%,*} ${pair#*,}" ;;
            *) read -r a b extra <<<"$1"
               [ -n "$b" ] && [ -z "$extra" ] || { echo "run_bench.sh: --sizes takes \"A B\" or SHAPE=A,B" >&2; exit 2; }
               for name in "${!sizes[@]}"; do sizes[$name]="$a $b"; done
               return ;;
        esac
    done
}
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --shapes) shapes=$2; shift 2 ;;
        --sizes) set_sizes "$2"; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --smoke) smoke=1; set_sizes "0.1 1"; runs=1; shift ;;
        *) echo "run_bench.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
for shape in $shapes; do
    [[ " $all_shapes " == *" $shape "* ]] || { echo "run_bench.sh: unknown shape '$shape' (small, mb, big, line)" >&2; exit 2; }
done
# Absolute: the instruction count runs from the work directory.
build=$(cd "$build" 2>/dev/null && pwd || echo "$build")
reps=$build/reps
grammar=$build/tests/bench/reps_bench_grammar
for tool in "$reps" "$grammar"; do
    [ -x "$tool" ] || { echo "run_bench.sh: '$tool' is not built" >&2; exit 2; }
done
mkdir -p "$work"

# One core for the single-core figures; both first cores for the speedup.
pin1=(); pin2=()
if command -v taskset >/dev/null && [ "$(nproc --all)" -ge 2 ]; then
    pin1=(taskset -c 0); pin2=(taskset -c 0,1)
fi

# A size in MB (10^6 bytes); "64MiB" is 64 * 2^20 bytes.
mb_of() {
    case "$1" in
        *MiB) awk -v m="${1%MiB}" 'BEGIN {printf "%.6f", m * 1.048576}' ;;
        *) echo "$1" ;;
    esac
}
# A corpus is generated once per shape, size and seed, then reused.
corpus() {
    local shape=$1 size=$2 dir=$work/corpus-$1-$2 stamp
    stamp="$shape $size 1 $(md5sum <"$here/generate_corpus.py")"
    if [ ! -f "$dir/.done" ] || [ "$(cat "$dir/.done")" != "$stamp" ]; then
        python3 "$here/generate_corpus.py" --shape "$shape" --size-mb "$(mb_of "$size")" --out "$dir" --seed 1 >&2
        echo "$stamp" >"$dir/.done"
    fi
    echo "$dir"
}
bytes_of() { find "$1" -name '*.reps' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
files_of() { find "$1" -name '*.reps' | wc -l | awk '{print $1 ($1 == 1 ? " file" : " files")}'; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }

# measure OUT COMMAND... [::: OUT2 COMMAND2...]: over $runs runs, the shortest wall-clock time,
# the shortest CPU time (user + system: what a single-core figure costs even when other work
# shares the core) and the peak RSS, as "WALL CPU PEAK_RSS_KB"; stderr goes to OUT. With a second
# command after ":::", the two run in turn (A B A B ...) and both figures are printed on one line:
# a slow spell of a shared host then slows both sides of a ratio alike. An exit status of 0 or 1
# counts (1: the input had errors, as the line shape has); anything else stops the run.
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

# A time too short to measure (the smoke corpus) counts as a millisecond.
ms() { awk -v t="$1" 'BEGIN {printf "%.4f", (t < 0.001 ? 0.001 : t)}'; }
calc() { awk "BEGIN {printf \"$1\", $2}"; }

missed=0
format='%-5s  %-52s %12s %-5s %s\n'
# row SHAPE NAME VALUE TARGET min|max UNIT: a figure with its target (met when VALUE >= TARGET
# with min, VALUE <= TARGET with max).
row() {
    local shape=$1 name=$2 value=$3 target=$4 direction=$5 unit=$6 ok
    if [ "$direction" = min ]; then ok=$(awk -v v="$value" -v t="$target" 'BEGIN {print (v >= t)}')
    else ok=$(awk -v v="$value" -v t="$target" 'BEGIN {print (v <= t)}'); fi
    local mark="met"
    if [ "$ok" != 1 ]; then mark="MISSED"; missed=1; fi
    [ "$smoke" = 1 ] && mark="(smoke)"
    printf "$format" "$shape" "$name" "$value" "$unit" \
        "$(printf 'target %s %-8s %s' "$([ "$direction" = min ] && echo '>=' || echo '<=')" "$target" "$mark")"
}
# info SHAPE NAME VALUE UNIT NOTE: a figure without a target.
info() { printf "$format" "$1" "$2" "$3" "$4" "$5"; }

has() { [[ " $shapes " == *" $1 "* ]]; }

# Every corpus first, so that generating them does not run between the timings.
declare -A small_dir large_dir small_bytes large_bytes
for shape in $shapes $(has big && echo fmt); do
    read -r small large <<<"${sizes[$shape]}"
    gen_shape=$shape; [ "$shape" = fmt ] && gen_shape=big
    small_dir[$shape]=$(corpus "$gen_shape" "$small")
    large_dir[$shape]=$(corpus "$gen_shape" "$large")
    small_bytes[$shape]=$(bytes_of "${small_dir[$shape]}")
    large_bytes[$shape]=$(bytes_of "${large_dir[$shape]}")
    echo "corpus $shape$([ "$shape" = fmt ] && echo ' (big shape)'): $(mb "${small_bytes[$shape]}") MB ($(files_of "${small_dir[$shape]}"))" \
         "and $(mb "${large_bytes[$shape]}") MB ($(files_of "${large_dir[$shape]}"))"
done
echo "$runs run(s) of each timing, fastest counts; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)" \
     "on $(nproc --all) cores (other work skews wall-clock figures)"
echo
printf "$format" "shape" "figure" "measured" "" ""

for shape in $shapes; do
    sdir=${small_dir[$shape]}; ldir=${large_dir[$shape]}
    sbytes=${small_bytes[$shape]}; lbytes=${large_bytes[$shape]}
    smb=$(mb "$sbytes"); lmb=$(mb "$lbytes")
    err=$work/$shape

    # Single-core figures use CPU time, the speedup wall-clock time.
    read -r _ t_small _ < <(measure "$err-check-small.err" "${pin1[@]}" "$reps" check -j 1 "$sdir/")
    # The check and its yardstick in turn, so that the ratio compares runs made at the same time.
    read -r wall_large t_large rss_large _ t_grammar _ < <(measure "$err-check-1core.err" "${pin1[@]}" "$reps" check -j 1 "$ldir/" \
        ::: "$err-grammar.err" "${pin1[@]}" "$grammar" "$ldir/")
    read -r _ t_grammar_eager _ < <(measure "$err-grammar-eager.err" "${pin1[@]}" "$grammar" --eager "$ldir/")
    t_small=$(ms "$t_small"); t_large=$(ms "$t_large"); t_grammar=$(ms "$t_grammar"); t_grammar_eager=$(ms "$t_grammar_eager")

    row "$shape" "check throughput, 1 core ($lmb MB, CPU time)" "$(calc %.1f "$lbytes / 1e6 / $t_large")" 100 min "MB/s"
    # The small size of a shape gets a verdict too when it is large enough for start-up not to
    # count (the big shape's default pair is the issue's 20 MB file and 64 MiB file).
    if [ "$sbytes" -ge 10000000 ]; then
        row "$shape" "check throughput, 1 core ($smb MB, CPU time)" "$(calc %.1f "$sbytes / 1e6 / $t_small")" 100 min "MB/s"
    else
        info "$shape" "check throughput, 1 core ($smb MB, CPU time)" "$(calc %.1f "$sbytes / 1e6 / $t_small")" "MB/s" "(start-up counts at this size)"
    fi
    info "$shape" "bare grammar throughput, 1 core (CPU time)" "$(calc %.1f "$lbytes / 1e6 / $t_grammar")" "MB/s" \
        "(yardstick: byte positions only, as reps matches)"
    row "$shape" "check time / bare grammar time" "$(calc %.2f "$t_large / $t_grammar")" 2.5 max "x"
    # For reference: PEGTL's default input, which also keeps line and column at every character.
    info "$shape" "bare grammar, PEGTL's default eager input" "$(calc %.1f "$lbytes / 1e6 / $t_grammar_eager")" "MB/s" \
        "(reference: ratio $(calc %.2f "$t_large / $t_grammar_eager")x)"
    input_ratio=$(calc %.3g "$lbytes / $sbytes")
    row "$shape" "time at $lmb MB / time at $smb MB (${input_ratio}x input)" "$(calc %.2f "$t_large / $t_small")" \
        "$(calc %.3g "$lbytes / $sbytes * 1.1")" max "x"
    row "$shape" "peak memory / input size ($lmb MB, $((rss_large / 1024)) MB RSS)" "$(calc %.2f "$rss_large * 1024 / $lbytes")" 2 max "x"
    if [ "$shape" = line ]; then
        # reps refuses the long line from about 1 MB on (exit status 1): which error it gave.
        for size in small large; do
            out=$err-check-$([ "$size" = small ] && echo small || echo 1core).err
            codes=$(grep -oE '(error|warning)\[[A-Z][0-9]+\]' "$out" | sort | uniq -c |
                    awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}' || true)
            info "$shape" "outcome of the check at $([ "$size" = small ] && echo "$smb" || echo "$lmb") MB" \
                "$(grep -q 'error\[' "$out" && echo refused || echo accepted)" "" "(${codes:-no diagnostics})"
        done
        # One line that warns at every statement (W0101, `side_plank` without `each`): each
        # warning shows the line, so finding its column and text must not read the line again.
        # Every one is shown (--warning-limit 0): rendering them is what this measures.
        warning_line() {
            python3 -c "import sys; n = int(sys.argv[1]); print('workout w \"W\" {  # reps: allow W0205\n  warmup { easy_cardio 5min }\n  ' + 'side_plank 5s; ' * n + '\n}')" "$1" >"$2"
        }
        w_statements=$([ "$smoke" = 1 ] && echo 2000 || echo 20000)
        warning_line "$w_statements" "$work/warnings-small.reps"; warning_line $((4 * w_statements)) "$work/warnings-large.reps"
        read -r _ w_small _ < <(measure "$work/warnings-small.err" "${pin1[@]}" "$reps" check --warning-limit 0 "$work/warnings-small.reps")
        read -r _ w_large _ < <(measure "$work/warnings-large.err" "${pin1[@]}" "$reps" check --warning-limit 0 "$work/warnings-large.reps")
        w_count=$(grep -c 'warning\[W0101\]' "$work/warnings-large.err" || true)
        info "$shape" "a line of $w_count warnings ($(mb "$(bytes_of "$work/warnings-large.reps")") MB), CPU time" "$(calc %.2f "$w_large")" "s" ""
        row "$shape" "its time / a line of a quarter as many" "$(calc %.2f "$(ms "$w_large") / $(ms "$w_small")")" 4.4 max "x"
    fi
    if [ "$shape" = big ]; then
        # One file where every workout warns three times (no warm-up W0201, too short W0205,
        # `lunge` without `each` W0101), as a generated plan may: what a file of warnings costs,
        # whose diagnostics, rendered, are some 20 times its size. As a user runs it: the first
        # 1000 shown (--warning-limit), the others counted.
        warning_file() {
            python3 -c "import sys; n = int(sys.argv[1]); sys.stdout.write(''.join('workout w%d \"T\" { lunge 3x10 }\n' % i for i in range(n)))" "$1" >"$2"
        }
        wf_workouts=$([ "$smoke" = 1 ] && echo 2500 || echo 50000)
        warning_file "$wf_workouts" "$work/warning-file-small.reps"; warning_file $((4 * wf_workouts)) "$work/warning-file-large.reps"
        wf_bytes=$(bytes_of "$work/warning-file-large.reps")
        read -r _ wf_small _ < <(measure "$work/warning-file-small.err" "${pin1[@]}" "$reps" check "$work/warning-file-small.reps")
        read -r _ wf_large wf_rss _ < <(measure "$work/warning-file-large.err" "${pin1[@]}" "$reps" check "$work/warning-file-large.reps")
        wf_count=$(grep -oE '[0-9]+ warnings$' "$work/warning-file-large.err" | cut -d' ' -f1 || true)
        info "$shape" "a file of ${wf_count:-?} warnings ($(mb "$wf_bytes") MB, $(grep -c 'warning\[' "$work/warning-file-large.err" || true) shown)" \
            "$(calc %.1f "$wf_bytes / 1e6 / $(ms "$wf_large")")" "MB/s" "(CPU time)"
        row "$shape" "its time / a file of a quarter as many" "$(calc %.2f "$(ms "$wf_large") / $(ms "$wf_small")")" 4.4 max "x"
        row "$shape" "its peak memory / input ($((wf_rss / 1024)) MB RSS)" "$(calc %.2f "$wf_rss * 1024 / $wf_bytes")" 2 max "x"
        # The smaller file with an exercise declared at its end, after every workout (a library
        # whose coach adds exercises below): the workouts before it may use it, so the file is
        # parsed twice, streamed both times (it was held whole: 32x its size).
        late_catalog=$work/catalog-at-end.reps
        { cat "$sdir"/*.reps; printf '\nexercise my_press "My Press" {\n  primary chest\n  equipment dumbbell\n}\n'; } >"$late_catalog"
        lc_bytes=$(bytes_of "$late_catalog")
        read -r _ lc_time lc_rss _ < <(measure "$work/catalog-at-end.err" "${pin1[@]}" "$reps" check "$late_catalog")
        info "$shape" "the $smb MB file with an exercise declared at its end" "$(calc %.1f "$lc_bytes / 1e6 / $(ms "$lc_time")")" "MB/s" \
            "(CPU time; parsed twice)"
        row "$shape" "its peak memory / input ($((lc_rss / 1024)) MB RSS)" "$(calc %.2f "$lc_rss * 1024 / $lc_bytes")" 2 max "x"
        # The same file importing its coach's exercises (parsed twice too; it was held whole: 30x).
        printf 'exercise my_press "My Press" {\n  primary chest\n  equipment dumbbell\n}\n' >"$work/moves.reps"
        importing=$work/importing.reps
        { echo 'import "moves.reps"'; cat "$sdir"/*.reps; } >"$importing"
        im_bytes=$(bytes_of "$importing")
        read -r _ im_time im_rss _ < <(measure "$work/importing.err" "${pin1[@]}" "$reps" check "$importing")
        info "$shape" "the $smb MB file importing a catalog" "$(calc %.1f "$im_bytes / 1e6 / $(ms "$im_time")")" "MB/s" \
            "(CPU time; $([ "$im_bytes" -ge 262144 ] && echo 'parsed twice' || echo 'under 256 KiB: held whole'))"
        row "$shape" "its peak memory / input ($((im_rss / 1024)) MB RSS)" "$(calc %.2f "$im_rss * 1024 / $im_bytes")" 2 max "x"
    fi

    # Many files: the speedup of two cores, and the same output from both.
    if [ "$shape" = small ] || [ "$shape" = mb ]; then
        read -r t_two _ _ < <(measure "$err-check-2core.err" "${pin2[@]}" "$reps" check "$ldir/")
        if [ ${#pin2[@]} -gt 0 ]; then
            row "$shape" "speedup, 2 cores over 1 ($lmb MB, wall clock)" "$(calc %.2f "$wall_large / $(ms "$t_two")")" 1.8 min "x"
        else
            info "$shape" "speedup, 2 cores over 1" "skipped" "" "(fewer than 2 cores or no taskset)"
        fi
        if cmp -s "$err-check-1core.err" "$err-check-2core.err"; then
            info "$shape" "output of the 1-core and 2-core runs" "identical" "" \
                "($(grep -c 'warning\[' "$err-check-1core.err" || true) warnings, $(grep -c 'error\[' "$err-check-1core.err" || true) errors)"
        else
            info "$shape" "output of the 1-core and 2-core runs" "DIFFERENT" "" "(see $err-check-*core.err)"; missed=1
        fi
    fi

    # The check / grammar ratio in instructions (callgrind), which other work on the machine cannot
    # skew: over the first files of the large corpus, about 1 MB (too slow for one big file).
    if [ "$smoke" = 0 ] && command -v valgrind >/dev/null && { [ "$shape" = small ] || [ "$shape" = mb ]; }; then
        mapfile -t sample < <(find "$ldir" -name '*.reps' | sort | head -"$([ "$shape" = small ] && echo 40 || echo 1)")
        count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ {print $NF}'; }
        i_check=$(count "$reps" check -j 1 "${sample[@]}")
        i_grammar=$(count "$grammar" "${sample[@]}")
        info "$shape" "check / bare grammar, in instructions" "$(calc %.2f "$i_check / $i_grammar")" "x" \
            "($i_check and $i_grammar instructions over $(cat "${sample[@]}" | wc -c | awk '{printf "%.2f", $1 / 1e6}') MB)"
    fi

    # `reps fmt --check` reads, formats and re-parses a file as a rewrite does, without writing it.
    if [ "$shape" = big ]; then
        fsdir=${small_dir[fmt]}; fldir=${large_dir[fmt]}
        fsbytes=${small_bytes[fmt]}; flbytes=${large_bytes[fmt]}
        read -r _ f_small _ < <(measure "$work/fmt-small.err" "${pin1[@]}" "$reps" fmt --check "$fsdir/big.reps")
        read -r _ f_large f_rss < <(measure "$work/fmt-large.err" "${pin1[@]}" "$reps" fmt --check "$fldir/big.reps")
        f_small=$(ms "$f_small"); f_large=$(ms "$f_large")
        row "$shape" "fmt --check throughput, 1 core ($(mb "$flbytes") MB, CPU time)" "$(calc %.1f "$flbytes / 1e6 / $f_large")" 50 min "MB/s"
        row "$shape" "fmt time at $(mb "$flbytes") MB / at $(mb "$fsbytes") MB ($(calc %.3g "$flbytes / $fsbytes")x input)" \
            "$(calc %.2f "$f_large / $f_small")" "$(calc %.3g "$flbytes / $fsbytes * 1.1")" max "x"
        row "$shape" "fmt peak memory / input ($(mb "$flbytes") MB, $((f_rss / 1024)) MB RSS)" "$(calc %.2f "$f_rss * 1024 / $flbytes")" 3 max "x"
        # The same file once formatted: what `fmt --check` meets in a repository kept in the layout.
        canonical=$work/fmt-canonical.reps
        cp "$fldir/big.reps" "$canonical"
        "$reps" fmt "$canonical" 2>"$work/fmt-canonical-write.err" || { echo "run_bench.sh: reps fmt failed (see $work/fmt-canonical-write.err)" >&2; exit 2; }
        read -r _ f_canonical _ < <(measure "$work/fmt-canonical.err" "${pin1[@]}" "$reps" fmt --check "$canonical")
        row "$shape" "fmt --check of the file in the layout (CPU time)" \
            "$(calc %.1f "$(bytes_of "$canonical") / 1e6 / $(ms "$f_canonical")")" 50 min "MB/s"
        # One workout built from the largest file: every workout is still checked (an error anywhere
        # stops the build), but only the one named is kept and lowered.
        last_workout=$(grep -oE '^workout [a-z_0-9]+' "$ldir/big.reps" | tail -1 | cut -d' ' -f2)
        read -r b_wall b_cpu b_rss < <(measure "$work/build-workout.err" "${pin1[@]}" "$reps" build "$ldir/big.reps" --to text \
            --workout "$last_workout" -o "$work/build-workout.txt")
        row "$shape" "build --workout (its last), $lmb MB file, wall clock" "$(calc %.2f "$b_wall")" 1 max "s"
        info "$shape" "build --workout, CPU time" "$(calc %.2f "$b_cpu")" "s" ""
        row "$shape" "build --workout peak memory / input ($((b_rss / 1024)) MB RSS)" "$(calc %.2f "$b_rss * 1024 / $lbytes")" 2 max "x"
    fi
done

reference=$here/../../examples/runners.reps
if [ "$smoke" = 0 ] && command -v valgrind >/dev/null; then
    instructions=$(cd "$work" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$reps" check "$reference" 2>&1 |
                   awk '/Collected :/ {print $NF}')
    row "-" "instructions, reps check examples/runners.reps" "$instructions" 5000000 max ""
elif [ "$smoke" = 0 ]; then
    info "-" "instructions (callgrind)" "skipped" "" "(valgrind is not installed)"
fi

[ "$smoke" = 1 ] && exit 0
exit $missed
