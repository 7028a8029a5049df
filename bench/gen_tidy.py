#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes N normalised tidy observation rows (design.md §3) to stdout, every
key (source, indicator, period, region, sex, age) distinct, for the load
benchmark.  Deterministic for a seed.

    bench/gen_tidy.py [--rows N] [--seed S] [--change K]

--change K alters the value of every K-th row (a "corrected release")."""
import argparse
import random
import sys

p = argparse.ArgumentParser()
p.add_argument("--rows", type=int, default=1000000)
p.add_argument("--seed", type=int, default=20240930)
p.add_argument("--change", type=int, default=0)
a = p.parse_args()
rnd = random.Random(a.seed)

sources = ["gpo", "mvd", "ombudsman", "wol"]
indicators = ["torture_complaints", "cases_opened", "deaths_in_custody",
              "detainees", "complaints_rejected", "convictions",
              "ill_treatment_reports", "inspections"]
periods = ["%d-Q%d" % (y, q) for y in range(2017, 2025) for q in range(1, 5)]
regions = ["TJ-%02d" % i for i in range(1, 61)]
sexes = ["F", "M", ""]
ages = ["0-17", "18-29", "30-44", "45-59", "60+", ""]

out = sys.stdout
out.write("source,indicator,period,region,sex,age,value,status,origin\n")
n = 0
w = []
for s in sources:
    for ind in indicators:
        for per in periods:
            for reg in regions:
                for sex in sexes:
                    for age in ages:
                        if n == a.rows:
                            break
                        n += 1
                        v = rnd.randrange(0, 5000)
                        if a.change and n % a.change == 0:
                            v += 1
                        if v % 53 == 0:
                            value, status = "", "missing"
                        else:
                            value, status = str(v), ("estimated" if v % 31 == 0 else "")
                        w.append("%s,%s,%s,%s,%s,%s,%s,%s,%s_%s.xlsx#Sheet1!C%d\n" %
                                 (s, ind, per, reg, sex, age, value, status, s, per[:4], n % 60000 + 2))
                        if len(w) == 10000:
                            out.write("".join(w))
                            w = []
out.write("".join(w))
if n < a.rows:
    sys.exit("gen_tidy.py: only %d distinct keys" % n)
