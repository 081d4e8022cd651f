#!/usr/bin/env python3
"""Writes the large fail/ inputs (a 50k-character line, 100000 nested braces, 10000 nested
parentheses, a 1000-entry superset, 150 unknown names) so they can be regenerated; the generated files are committed beside it."""
import pathlib

FAIL = pathlib.Path(__file__).resolve().parent / "fail"


def write(name: str, text: str) -> None:
    (FAIL / name).write_text(text, encoding="utf-8", newline="\n")


write("long_line.reps",
      "# A 50000-character cue on one line, with a bad load at its end.\n"
      'workout legs "Legs" {\n'
      '  goblet_squat 3x12 "' + "a" * 50000 + '" @16\n'
      "}\n")

write("deep_braces.reps",
      "# 100000 nested '{' after a workout header.\n"
      'workout legs "Legs" ' + "{" * 100000 + "\n")

depth = 10000
write("deep_parens.reps",
      "# An equipment expression nested 10000 parentheses deep.\n"
      'exercise deep_squat "Deep Squat" {\n'
      "  primary    quads\n"
      "  equipment  " + "(" * depth + "kettlebell" + ")" * depth + "\n"
      "}\n")

entries = "\n".join("    " + "; ".join(["burpee 1"] * 100) for _ in range(10))
write("timeline_too_large.reps",
      "# A superset of 100 rounds of 1000 entries: 100099 segments, over the 100000 a timeline may hold.\n"
      'workout huge "Huge" {\n'
      "  defaults transition 0s\n"
      "  superset 100 rounds {\n" + entries + "\n  }\n"
      "}\n")

write("too_many_errors.reps",
      "# 150 unknown exercises: checking stops after the first 100 errors.\n"
      'workout typos "Typos" {\n' + "".join(f"  goblet_sqat{i} 3x12\n" for i in range(150)) + "}\n")
