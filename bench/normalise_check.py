#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a normalisation benchmark output against the generator's sums.

    /usr/bin/python3 bench/normalise_check.py EXPECTED.csv ours OUT.csv
    /usr/bin/python3 bench/normalise_check.py EXPECTED.csv pandas OUT.csv

ours: reckon-normalise's tidy CSV; the value of every key and the number of
raw rows its origin column accounts for ("a;b;+N more") must be right.
pandas: bench/normalise_pandas.py's CSV; values must be right (a key whose
rows all lack a value sums to 0 there).  Exits 1 with the first difference.
Standard library only.
"""

import csv
import sys


def rows_in(origin):
    parts = origin.split(";")
    extra = 0
    if parts and parts[-1].startswith("+") and parts[-1].endswith(" more"):
        extra = int(parts[-1][1:-5])
        parts = parts[:-1]
    return len(parts) + extra


def main():
    expected, kind, path = sys.argv[1:4]
    want = {}
    with open(expected, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["source"], r["indicator"], r["period"], r["region"],
                   r["sex"])
            want[key] = (r["value"], int(r["rows"]))
    got = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["source"], r["indicator"], r["period"], r["region"],
                   r["sex"])
            if kind == "ours":
                got[key] = (r["value"], rows_in(r["origin"]))
            else:
                got[key] = (str(int(float(r["value"]))), int(r["rows"]))
    if kind == "pandas":
        want = {k: (v or "0", n) for k, (v, n) in want.items()}
    for key in sorted(set(want) | set(got)):
        if want.get(key) != got.get(key):
            print(f"normalise_check: {kind}: {','.join(key)}: expected "
                  f"{want.get(key)}, found {got.get(key)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
