#!/usr/bin/env python3
"""Writes a deterministic corpus of .reps files shaped like examples/*.reps, for the benchmark.

Each file is one coach's library on a platform: a few exercises of their own, a profile or two,
many workouts (warm-up and cool-down, prescriptions with loads, cues, each/alt, tempo, holds,
progressions and `or` alternatives, supersets, circuits, intervals, tabatas, emoms, amraps,
rests and notes) and sometimes a program that schedules them. Files import nothing; exercise
facts come from stdlib/*.reps, so the corpus checks with few diagnostics (mostly the
session-length warning, as a real platform would see).

    generate_corpus.py --size-mb 10 --out DIR [--seed 1] [--shape small|mb|big|line] [--big-file]

The shape says how the bytes are laid out:
  small  many files of 5 KB to 50 KB (the default);
  mb     files of 1 MB each (size-mb of them, rounded up; the last may be smaller);
  big    one file, big.reps, of the whole size, written by one coach (so its names are unique);
  line   one file, line.reps, whose one workout is one line: `workout long_line { plank 30s; ...}`
         with as many statements as the size holds. reps refuses it (a workout of more than
         100000 statements, or a timeline too large): the benchmark measures how fast and in how
         little memory it says so.
big and line are capped at 64 MiB, the largest file reps reads. --big-file (shape small only)
adds one file of up to 20 MB to the small files, as before.

The same seed, size and shape always give the same bytes.
"""

import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.join(HERE, "..", "..", "stdlib")

REGIONS = ["legs", "hips", "core", "back", "chest", "shoulders", "arms"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ZONES = ["Europe/Berlin", "America/New_York", "Europe/London", "Australia/Sydney", "UTC", "Asia/Tokyo"]
CUES = ["brace first", "slow on the way down", "drive through the heels", "ribs down, squeeze glutes",
        "pull your chest to the handles", "keep the hips level", "exhale on the effort", "full range",
        "soft knees on landing", "shoulders away from the ears", "control the lowering", "stay tall"]
NOTES = ["easy pace, nose breathing", "last block: quality over speed", "grab water", "switch to the rack",
         "log your loads", "keep the rests honest"]
WORDS = ["power", "base", "engine", "grind", "flow", "spark", "forge", "pulse", "anchor", "summit",
         "tempo", "steady", "peak", "core", "strong", "lean", "athletic", "runner", "home", "gym"]


class Exercise:
    def __init__(self, name):
        self.name = name
        self.measure = "reps"
        self.each = False
        self.rep = 3
        self.loadable = False
        self.pair = False
        self.primary = []
        self.regions = set()


def load_stdlib():
    equipment = {}
    exercises = []
    anatomy = open(os.path.join(STDLIB, "anatomy.reps"), encoding="utf-8").read()
    regions = dict(re.findall(r'^muscle (\w+) "[^"]*" in (\w+)', anatomy, re.M))
    for file in sorted(os.listdir(STDLIB)):
        if not file.endswith(".reps"):
            continue
        text = open(os.path.join(STDLIB, file), encoding="utf-8").read()
        for m in re.finditer(r'^equipment (\w+) "[^"]*"(.*)$', text, re.M):
            flags = m.group(2)
            equipment[m.group(1)] = ("loadable" in flags, "pair" in flags)
        for m in re.finditer(r'^exercise (\w+) "[^"]*" \{(.*?)^\}', text, re.M | re.S):
            ex = Exercise(m.group(1))
            body = m.group(2)
            fields = dict(re.findall(r"^\s*(\w+)\s+(.*?)\s*(?:#.*)?$", body, re.M))
            ex.measure = fields.get("measure", "reps")
            ex.each = fields.get("sides", "both") == "each"
            ex.rep = int(fields.get("rep", "3s").rstrip("s"))
            ex.primary = [p.strip() for p in fields.get("primary", "").split(",") if p.strip()]
            ex.regions = {regions[p] for p in ex.primary if p in regions}
            for alternative in fields.get("equipment", "none").replace("(", "").replace(")", "").split("|"):
                items = [i.strip() for i in alternative.split("+")]
                ex.loadable |= any(equipment.get(i, (False, False))[0] for i in items)
                ex.pair |= any(equipment.get(i, (False, False)) == (True, True) for i in items)
            exercises.append(ex)
    return exercises


class Writer:
    """Builds one file's text, estimating each workout's length to land most in 30-60 minutes."""

    def __init__(self, rng, exercises, coach):
        self.rng = rng
        self.exercises = exercises
        self.coach = coach
        self.out = []
        self.own = []  # this coach's exercises
        self.workouts = []
        self.reached = set()  # regions the current workout's exercises reach, for an honest focus

    def pick(self, pool=None, measure=None, each=None, fits=None):
        pool = pool or self.exercises
        for _ in range(40):
            ex = self.rng.choice(pool)
            if measure == "reps" and ex.measure == "time":
                continue
            if measure == "time" and ex.measure == "reps":
                continue
            if each is not None and ex.each != each:
                continue
            if fits and not fits(ex):
                continue
            return ex
        return None

    def amount(self, ex, short=False):
        r = self.rng
        if ex.measure == "time" or (ex.measure == "reps or time" and r.random() < 0.4):
            seconds = r.choice([15, 20, 25] if short else [20, 30, 40, 45, 60])
            return (f"{seconds}s", seconds, True)
        reps = r.choice([5, 6, 8] if short else [6, 8, 10, 12, 15])
        kind = r.random()
        if kind < 0.12 and not short:
            return (f"{reps - 2}-{reps}", reps * ex.rep, False)
        if kind < 0.18 and not short:
            return (f"{reps}+", reps * ex.rep, False)
        return (str(reps), reps * ex.rep, False)

    def load(self, ex, timed):
        r = self.rng.random()
        if ex.pair and r < 0.35:
            return f" @2x{self.rng.choice([6, 8, 10, 12, 14, 16, 20])}kg"
        if ex.loadable and r < 0.6:
            unit = "lb" if self.rng.random() < 0.2 else "kg"
            mass = self.rng.choice([8, 12, 16, 20, 24, 32, 40, 60, 12.5, 22.5])
            return f" @{mass}{unit}"
        if not timed and r < 0.7:
            return self.rng.choice([" @rpe 8", " @rpe 7.5", " @rir 2", " @70%", " @bw"])
        return ""

    def prescription(self, lines, indent):
        r = self.rng
        ex = self.pick(pool=self.own if self.own and r.random() < 0.15 else None)
        if ex is None:
            return 0
        self.reached |= ex.regions
        dose, work, timed = self.amount(ex)
        sets = r.choice([2, 3, 3, 3, 4, 5])
        text = f"{ex.name:<28} {sets}x{dose}"
        if not timed and "-" not in dose and "+" not in dose and r.random() < 0.15:
            text = f"{ex.name:<28} 2x{dose} -> {sets + 1}x{int(dose) + 4}"
            sets += 1
        elif timed and r.random() < 0.1:
            text = f"{ex.name:<28} 2x{dose} -> 3x{int(dose[:-1]) + 15}s step 15s"
        sides = 1
        if ex.each:
            mode = r.random()
            if mode < 0.75:
                text += " each"
                sides = 2
            elif not timed:
                text += " alt"
                sides = 2
            else:
                text += " each"
                sides = 2
        text += self.load(ex, timed)
        if not timed and r.random() < 0.15:
            text += f" tempo {r.choice(['3-1-1-0', '2-0-x-0', '4-1-1-1', '3-0-1-0'])}"
            work = work * 2
        elif not timed and r.random() < 0.15:
            text += f" hold {r.choice([1, 2, 3])}s"
        rest = 60
        if r.random() < 0.25:
            rest = r.choice([45, 75, 90, 120])
            text += f" rest {rest}s" if rest < 120 else " rest 2min"
        if r.random() < 0.3:
            load_kind = text.split(" @")[1].split(" ")[0] if " @" in text else ""
            alternative = self.pick(measure="time" if timed else "reps",
                                    each=ex.each if sides == 2 else None,
                                    fits=lambda a: a.name != ex.name and (
                                        not load_kind or load_kind[0] not in "0123456789" or
                                        (a.pair if "x" in load_kind else a.loadable)))
            if alternative:
                text += f" or {alternative.name}"
        if r.random() < 0.25:
            text += f' "{r.choice(CUES)}"'
        lines.append(indent + text)
        return sets * (work * sides) + (sets - 1) * rest + 30

    def entries(self, lines, count, short, each_allowed=True):
        seconds = 0
        for _ in range(count):
            ex = self.pick(each=None if each_allowed else False)
            self.reached |= ex.regions
            dose, work, _ = self.amount(ex, short)
            text = f"    {ex.name} {dose}"
            if ex.each:
                text += " each"
                work *= 2
            if short and work > 50:
                text = f"    {ex.name} {'5' if ex.measure != 'time' else '15s'}" + (" each" if ex.each else "")
            elif self.rng.random() < 0.3:
                text += self.load(ex, dose.endswith("s"))
            lines.append(text)
            seconds += work + 30
        return seconds

    def block(self, lines):
        r = self.rng
        kind = r.random()
        if kind < 0.62:
            return self.prescription(lines, "  ")
        if kind < 0.74:
            rounds = r.choice([2, 3, 4])
            rest = f" rest {r.choice([60, 90, 120])}s" if r.random() < 0.6 else ""
            lines.append(f"  {r.choice(['superset', 'circuit'])} {rounds} rounds{rest} {{")
            per_round = self.entries(lines, r.choice([2, 3, 3, 4]), False)
            lines.append("  }")
            return rounds * (per_round + 60)
        if kind < 0.80:
            rounds = r.choice([6, 8, 10])
            work, off = r.choice([(20, 10), (30, 30), (40, 20), (45, 15)])
            lines.append(f"  intervals {rounds} x {work}s on {off}s off {{")
            for _ in range(r.choice([1, 2, 3])):
                ex = self.pick(each=False)
                self.reached |= ex.regions
                lines.append(f"    {ex.name}")
            lines.append("  }")
            return rounds * (work + off)
        if kind < 0.85:
            chosen = [self.pick(each=False) for _ in range(r.choice([1, 2]))]
            for ex in chosen:
                self.reached |= ex.regions
            names = " ".join(ex.name for ex in chosen)
            lines.append(f"  tabata {names}")
            return 240
        if kind < 0.90:
            minutes = r.choice([6, 8, 10, 12])
            lines.append(f"  emom {minutes}min {{")
            self.entries(lines, r.choice([2, 3, 4]), True, each_allowed=False)
            lines.append("  }")
            return minutes * 60
        if kind < 0.94:
            minutes = r.choice([5, 8, 10, 12])
            lines.append(f"  amrap {minutes}min {{")
            self.entries(lines, r.choice([3, 4]), False)
            lines.append("  }")
            return minutes * 60
        if kind < 0.97:
            lines.append(f"  rest {r.choice(['1min', '90s', '2min'])}")
            return 90
        lines.append(f'  note "{r.choice(NOTES)}"')
        return 0

    def workout(self, index):
        r = self.rng
        name = f"{r.choice(WORDS)}_{r.choice(WORDS)}_{index}"
        lines = []
        if r.random() < 0.3:
            lines.append(f"# {r.choice(WORDS).title()} day: {r.choice(CUES)}.")
        lines.append(f'workout {name} "{name.replace("_", " ").title()}" {{')
        if r.random() < 0.7:
            lines.append(f"  defaults rest {r.choice([45, 60, 75, 90])}s transition {r.choice([15, 20, 30])}s"
                         + (" switch 5s" if r.random() < 0.3 else ""))
        focus_at = len(lines)
        self.reached = set()
        total = 0
        if r.random() < 0.97:
            lines.append("  warmup {")
            lines.append(f"    {r.choice(['easy_cardio', 'jumping_jacks', 'marching'])} {r.choice([3, 4, 5])}min")
            lines.append(f"    {r.choice(['dynamic_stretching', 'arm_circles 20', 'leg_swings 10 each', 'cat_cow 10'])}"
                         .replace("dynamic_stretching", "dynamic_stretching 5min"))
            lines.append("  }")
            total += 600
        target = r.randint(28, 52) * 60
        while total < target:
            total += self.block(lines)
        reached = sorted(self.reached & set(REGIONS))
        full_body = {"back", "core"} <= self.reached and self.reached & {"legs", "hips"} and \
            self.reached & {"chest", "shoulders"}
        if full_body and r.random() < 0.5:
            lines.insert(focus_at, "  focus full_body")
        elif reached:
            lines.insert(focus_at, "  focus " + ", ".join(r.sample(reached, min(len(reached), r.choice([1, 2, 3])))))
        if r.random() < 0.85:
            lines.append("  cooldown {")
            for stretch in r.sample(["hamstring_stretch 30s each", "hip_flexor_stretch 30s each",
                                     "quad_stretch 30s each", "childs_pose 1min", "chest_stretch 30s each",
                                     "calf_stretch 30s each", "cobra_stretch 1min"], 3):
                lines.append(f"    {stretch}")
            lines.append("  }")
        lines.append("}")
        lines.append("")
        self.workouts.append(name)
        return "\n".join(lines) + "\n"

    def own_exercise(self, index):
        r = self.rng
        base = r.choice(self.exercises)
        ex = Exercise(f"{self.coach}_{base.name}_{index}")
        ex.measure, ex.each, ex.rep, ex.loadable, ex.pair = base.measure, base.each, base.rep, base.loadable, base.pair
        equipment = "dumbbell" if base.pair else ("kettlebell | barbell" if base.loadable else "none")
        lines = [f'exercise {ex.name} "{ex.name.replace("_", " ").title()}" {{',
                 f"  aka        {ex.name}_alias" if r.random() < 0.3 else None,
                 f"  pattern    {r.choice(['squat', 'hinge', 'push', 'pull', 'carry', 'core'])}",
                 f"  primary    {', '.join(base.primary) if base.primary else 'core'}",
                 f"  equipment  {equipment}",
                 f"  sides      {'each' if ex.each else 'both'}",
                 f"  measure    {ex.measure}",
                 f"  rep        {ex.rep}s",
                 f"  easier     {base.name}",
                 "}", ""]
        self.own.append(ex)
        return "\n".join(line for line in lines if line is not None) + "\n"

    def program(self, index):
        r = self.rng
        name = f"{self.coach}_block_{index}"
        days = r.choice([("tue", "fri"), ("mon", "thu"), ("wed", "sat"), ("mon", "wed", "fri")])
        lines = [f'program {name} "Block {index}" {{',
                 f"  start 2026-{r.randint(1, 12):02}-{r.randint(1, 28):02}",
                 f"  weeks {r.choice([4, 6, 8, 12])}",
                 f'  timezone "{r.choice(ZONES)}"']
        for day in days:
            lines.append(f"  {day} 17:30 {r.choice(self.workouts)}")
        lines.append(f'  sun 09:00 run "Long run" {r.choice([60, 75, 90])}min easy')
        lines.append("}")
        lines.append("")
        return "\n".join(lines) + "\n"

    def file(self, size, limit=None):
        """About `size` bytes (one workout more at most); never more than `limit` when given."""
        r = self.rng
        parts = [f"# Library of coach {self.coach}: generated by tests/bench/generate_corpus.py.\n\n"]
        length = len(parts[0])
        for i in range(r.choice([0, 0, 1, 2, 3])):
            parts.append(self.own_exercise(i))
        if r.random() < 0.4:
            parts.append(f'profile {self.coach}_home "Home" {{ dumbbell, bench, resistance_band }}\n\n')
        length = sum(len(p) for p in parts)
        index = 0
        while length < size:
            text = self.workout(index)
            if limit is not None and length + len(text) > limit:
                break
            parts.append(text)
            length += len(text)
            index += 1
            if index % 6 == 0 and r.random() < 0.5:
                text = self.program(index)
                if limit is not None and length + len(text) > limit:
                    break
                parts.append(text)
                length += len(text)
        return "".join(parts)


# The largest file reps reads (compiler/driver/loader.hpp: max_file_bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024


def write(out, name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def small_files(args, rng, exercises, budget):
    written = 0
    index = 0
    if args.big_file:
        big = min(budget // 5, 20_000_000)
        written += write(args.out, "big.reps", Writer(rng, exercises, "big").file(big))
    while written < budget:
        size = min(rng.randint(5_000, 50_000), max(budget - written, 1))
        coach = f"c{index}"
        written += write(args.out, f"{index:06}_{coach}.reps", Writer(rng, exercises, coach).file(size))
        index += 1
    return index + (1 if args.big_file else 0), written


def mb_files(rng, exercises, budget, out):
    written = 0
    index = 0
    while written < budget:
        size = min(1_000_000, budget - written)
        coach = f"m{index}"
        written += write(out, f"{index:06}_{coach}.reps", Writer(rng, exercises, coach).file(size))
        index += 1
    return index, written


def big_file(rng, exercises, budget, out):
    text = Writer(rng, exercises, "big").file(min(budget, MAX_FILE_BYTES), limit=MAX_FILE_BYTES)
    return 1, write(out, "big.reps", text)


def line_file(budget, out):
    head, statement, tail = "workout long_line {", " plank 30s;", " }\n"
    count = max((min(budget, MAX_FILE_BYTES) - len(head) - len(tail)) // len(statement), 1)
    return 1, write(out, "line.reps", "".join([head, statement * count, tail]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, required=True, help="total size in MB (10^6 bytes)")
    parser.add_argument("--out", required=True, help="directory to write (created; existing .reps files removed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=["small", "mb", "big", "line"], default="small",
                        help="small: files of 5-50 KB; mb: files of 1 MB; big: one file; line: one file of one line")
    parser.add_argument("--big-file", action="store_true", help="shape small: also write one file of up to 20 MB")
    args = parser.parse_args()
    if args.big_file and args.shape != "small":
        parser.error("--big-file goes with --shape small only")

    exercises = load_stdlib()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".reps"):
            os.remove(os.path.join(args.out, old))
    budget = int(args.size_mb * 1_000_000)
    if args.shape == "small":
        files, written = small_files(args, rng, exercises, budget)
    elif args.shape == "mb":
        files, written = mb_files(rng, exercises, budget, args.out)
    elif args.shape == "big":
        files, written = big_file(rng, exercises, budget, args.out)
    else:
        files, written = line_file(budget, args.out)
    capped = " (capped at 64 MiB)" if budget > MAX_FILE_BYTES and args.shape in ("big", "line") else ""
    print(f"{args.out}: {args.shape}, {files} file(s), {written} bytes{capped}", file=sys.stderr)


if __name__ == "__main__":
    main()
