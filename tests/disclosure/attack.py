#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The disclosure attack of issue 16, written generally.

A withheld count can be worked back from a brief when the brief would look
different had the count been different.  So, for a brief made from a table
T, this attacker builds other tables T' that differ from T only in withheld
counts (each staying what its mark says: a "<k" count in 1..k-1, an "x" at
1 or more): boxes of 2, 4 or 8 withheld cells of one source and indicator,
+s and -s alternately (s = 1, 2, 3), which keep every sum over each of the
box's dimensions.  It makes the brief of each T' with the same programs and
compares every value the two workbooks store: every cell of every sheet
(hidden rows, columns and sheets too), every text (a finding quotes
numbers), the chart caches and the document properties.  Each T' is:

- the same brief: the reader cannot tell T' from T, so no count it moves
  can be worked back (the values each takes over such tables are shown);
- a brief with another count: T' breaks a total the brief publishes, so
  the reader may rule it out, rightly (not a leak);
- another choice of what to withhold (the marks differ): set aside and
  counted.  An attacker who reruns the suppression on guessed tables
  could use this; the standard attacker (and reckon's audit) takes the
  published pattern as given;
- the same counts, the same marks, but a brief that differs elsewhere (a
  statistic, a text, a fingerprint): a leak, reported with where it shows.

    attack.py DIR       DIR holds pipeline.yaml and tidy.csv (the report
                        fixture); exit 0 when no leak is found and some T'
                        gives the same brief, else 1
    attack.py --random SEED N   the same on N random pipelines
    attack.py --leaky DIR       the same, with the brief also storing what
                        it stored before issue 16 (Pearson r and WAPE over
                        every cell, at full precision): must find a leak

With report.rounding (controlled rounding instead of suppression) the
published table is the rounded one, and the attack is stronger: T_r, the
table made of the rounded counts themselves (which rounding leaves as they
are), must give a brief identical to T's in every stored value.  Any
difference is something the brief tells of the true counts beyond their
rounded values: a leak.

    attack.py --rounding SEED N  N random pipelines with rounding: 5, some
                        with the protected source's own region totals
    attack.py --rounding-leaky SEED N  the same, with the brief also
                        storing the true total of a protected source: must
                        find a leak
"""
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
MAX_ALTERNATIVES = 40

# ---- what a workbook stores ----


COUNT_FORMATS = {"#,##0", "#,##0.0##"}


def count_styles(z):
    """The style indexes whose number format is a count's."""
    root = ET.fromstring(z.read("xl/styles.xml"))
    codes = {"3": "#,##0"}
    fmts = root.find(M + "numFmts")
    for f in (fmts if fmts is not None else []):
        codes[f.get("numFmtId")] = f.get("formatCode")
    xfs = root.find(M + "cellXfs")
    return {str(i) for i, xf in enumerate(xfs)
            if codes.get(xf.get("numFmtId")) in COUNT_FORMATS}


def stored(path, leak=None, counts=None):
    """{place: value} for every value the workbook stores; the places of
    counts (a count's number format, chart data) go into counts."""
    out = {}
    counts = set() if counts is None else counts
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        styles = count_styles(z)
        sst = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.iter(M + "si"):
                sst.append("".join(t.text or "" for t in si.iter(M + "t")))
        for name in sorted(names):
            if name.startswith("xl/worksheets/sheet"):
                root = ET.fromstring(z.read(name))
                for c in root.iter(M + "c"):
                    v = c.find(M + "v")
                    t = c.get("t")
                    if t == "inlineStr":
                        val = "".join(x.text or "" for x in c.iter(M + "t"))
                    elif v is None:
                        continue
                    elif t == "s":
                        val = sst[int(v.text)]
                    elif t in ("str", "e", "b"):
                        val = v.text
                    else:
                        val = float(v.text)
                        if c.get("s") in styles:
                            counts.add((name, c.get("r")))
                    out[(name, c.get("r"))] = val
                for hf in root.iter(M + "headerFooter"):
                    for part in hf:
                        out[(name, part.tag[len(M):])] = part.text
            elif name.startswith("xl/charts/chart"):
                root = ET.fromstring(z.read(name))
                for i, cache in enumerate(root.iter(C + "numCache")):
                    for pt in cache.iter(C + "pt"):
                        out[(name, i, pt.get("idx"))] = float(
                            pt.find(C + "v").text)
                        counts.add((name, i, pt.get("idx")))
            elif name.startswith("docProps/"):
                out[(name,)] = z.read(name).decode("utf-8")
    if leak is not None:
        out[("leak",)] = leak
    return out


def is_mark(v):
    return isinstance(v, str) and re.fullmatch(r"<\d+|x", v) is not None


# ---- the pipeline ----


def read_tidy(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        return r.fieldnames, list(r)


def write_tidy(path, fields, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def brief(config, tidy_fields, rows, work, tag):
    """The brief of these tidy rows, made as reckon run makes it."""
    d = os.path.join(work, tag)
    os.makedirs(d, exist_ok=True)
    tidy = os.path.join(d, "tidy.csv")
    write_tidy(tidy, tidy_fields, rows)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1727740800")
    subprocess.run(["reckon-compare", "-q", "--config", config, "--from",
                    tidy, "--out", os.path.join(d, "results")],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    out = os.path.join(d, "brief.xlsx")
    subprocess.run(["reckon-report", "-q", "--config", config, "--results",
                    os.path.join(d, "results"), "--data", tidy, "-o", out],
                   check=True, env=env)
    return out


def wape_all(results):
    """WAPE over every cell both sources report, at full precision."""
    num = den = 0.0
    with open(os.path.join(results, "cells.csv"), newline="",
              encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["a"] and r["b"]:
                num += abs(float(r["b"]) - float(r["a"]))
                den += abs(float(r["a"]))
    return num / den if den else None

# ---- the tables the reader cannot tell apart ----


def withheld_cells(path, rows):
    """Rows of the tidy data the brief's Data sheet withholds."""
    marks = {}
    # the Data sheet is the last one; its rows follow the tidy file's
    found = stored(path)
    sheets = sorted({k[0] for k in found if k[0].startswith("xl/work")},
                    key=lambda s: int(re.findall(r"\d+", s)[-1]))
    data = sheets[-1]
    for key, v in found.items():
        if key[0] == data and is_mark(v):
            row = int(re.sub(r"\D", "", key[1])) - 2
            marks[row] = v
    return {i: m for i, m in marks.items() if 0 <= i < len(rows)}


def in_class(v, mark, k):
    return 1 <= v <= k - 1 if mark.startswith("<") else v >= 1


def alternatives(rows, marks, dims, k):
    """Tables T' as (description, rows moved, rows): boxes of withheld
    cells, two and three dimensions first (they keep the totals over
    each of their dimensions)."""
    cell = {}
    for i, m in marks.items():
        r = rows[i]
        key = (r["source"], r["indicator"], r["period"]) + tuple(
            r[d] for d in dims)
        cell[key] = i
    keys = sorted(cell)
    axes = range(2, 3 + len(dims))   # period and the dimensions
    out = []
    seen = set()
    for key in keys:
        for nd in (2, 3, 1):
            for chosen in combos(list(axes), nd):
                for corner in boxes(key, chosen, cell):
                    idx = [cell[c] for c in corner]
                    sig = tuple(sorted(idx))
                    if sig in seen:
                        continue
                    for step in (1, -1, 2, -2, 3, -3):
                        ok = True
                        new = []
                        for j, c in enumerate(corner):
                            sign = -1 if bin(j).count("1") % 2 else 1
                            v = float(rows[cell[c]]["value"]) + sign * step
                            if not in_class(v, marks[cell[c]], k):
                                ok = False
                                break
                            new.append(v)
                        if ok:
                            seen.add(sig)
                            alt = [dict(r) for r in rows]
                            for c, v in zip(corner, new):
                                alt[cell[c]]["value"] = "%g" % v
                            out.append(("%s %+d" % (
                                " ".join("/".join(c[2:]) for c in corner),
                                step), [cell[c] for c in corner], alt))
                            break
    return out


def combos(items, n):
    if n == 0:
        yield []
        return
    for i in range(len(items)):
        for rest in combos(items[i + 1:], n - 1):
            yield [items[i]] + rest


def boxes(key, axes, cell):
    """Corner lists of the boxes around key over the given axes."""
    choices = []
    for a in axes:
        vals = sorted({c[a] for c in cell if c[a] != key[a] and
                       c[:a] + c[a + 1:] == key[:a] + key[a + 1:]} |
                      {c[a] for c in cell if c[a] != key[a]})
        choices.append(vals)
    for alt in product(choices):
        corners = []
        for mask in range(1 << len(axes)):
            c = list(key)
            for j, a in enumerate(axes):
                if mask >> j & 1:
                    c[a] = alt[j]
            c = tuple(c)
            if c not in cell:
                break
            corners.append(c)
        else:
            yield corners


def product(lists):
    if not lists:
        yield []
        return
    for x in lists[0]:
        for rest in product(lists[1:]):
            yield [x] + rest

# ---- the attack ----


def attack(config, tidy, work, dims, k, leaky=False, label="brief"):
    """Whether every withheld count is moved by some T' whose brief is
    the same as T's; prints what was found."""
    fields, rows = read_tidy(tidy)
    base = brief(config, fields, rows, work, "T")
    leak = leaky_figures(os.path.join(work, "T", "results")) \
        if leaky else None
    seen_base = stored(base, leak)
    marks = withheld_cells(base, rows)
    alts = alternatives(rows, marks, dims, k)
    hidden = {}                    # row -> values it may take, unseen
    tried = same = pattern = other = 0
    leaks = []
    base_marks = marks_of(seen_base)
    for n, (desc, moved, alt) in enumerate(alts):
        if all(i in hidden for i in moved):
            continue
        if tried == MAX_ALTERNATIVES:
            break
        tried += 1
        b = brief(config, fields, alt, work, "T%d" % n)
        leak = leaky_figures(os.path.join(work, "T%d" % n, "results")) \
            if leaky else None
        counts = set()
        seen = stored(b, leak, counts)
        if marks_of(seen) != base_marks:
            pattern += 1           # another choice of what to withhold
            continue
        diffs = sorted((p for p in set(seen) | set(seen_base)
                        if seen.get(p) != seen_base.get(p)), key=str)
        if any(p in counts for p in diffs):
            other += 1             # T' changes a count the brief shows
            continue
        if os.environ.get("ATTACK_DEBUG"):
            for p in diffs[:4]:
                print("    %s\n      T:  %s\n      T': %s" % (
                    p, str(seen_base.get(p))[:300], str(seen.get(p))[:300]))
        if diffs:
            leaks.append("%s: %s" % (desc, ", ".join(
                "/".join(str(x) for x in p) for p in diffs[:3])))
            continue
        same += 1
        for i in moved:
            hidden.setdefault(i, {float(rows[i]["value"])}).add(
                float(alt[i]["value"]))
    print("%s: %d count(s) withheld; %d other table(s) tried: %d give the "
          "same brief, %d change a count it shows, %d another choice of "
          "what to withhold, %d the same counts but another brief (a leak)"
          % (label, len(marks), tried, same, other, pattern, len(leaks)))
    if hidden:
        print("  %d of the %d withheld counts moved without a trace, each "
              "over at least %d values" % (
                  len(hidden), len(marks),
                  min(len(v) for v in hidden.values())))
    for w in leaks[:3]:
        print("  leak: " + w)
    return not leaks, same


def marks_of(seen):
    """Where the brief withholds a number, and how."""
    return {p: v for p, v in seen.items() if is_mark(v)}


def leaky_figures(results):
    """What the brief published before issue 16: agreement over every
    cell, the withheld ones too, at full precision."""
    a, b = [], []
    with open(os.path.join(results, "cells.csv"), newline="",
              encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["a"] and r["b"]:
                a.append(float(r["a"]))
                b.append(float(r["b"]))
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    saa = sum((x - ma) ** 2 for x in a)
    sbb = sum((y - mb) ** 2 for y in b)
    wape = sum(abs(y - x) for x, y in zip(a, b)) / sum(abs(x) for x in a)
    return "%.17g %.17g" % (sab / (saa * sbb) ** 0.5, wape)


# ---- random pipelines ----


def random_pipeline(rnd, work, n, rounding=False):
    nreg = rnd.choice([3, 4, 6, 8, 12])
    nq = rnd.choice([2, 4, 6, 8])
    sexed = rnd.random() < 0.5
    protected = rnd.choice([["wol"], ["wol", "omb"]])
    dims = ["region", "sex"] if sexed else ["region"]
    periods = ["%d-Q%d" % (2023 + q // 4, q % 4 + 1) for q in range(nq)]
    regions = ["R%02d" % i for i in range(nreg)]
    sexes = ["F", "M"] if sexed else [""]
    d = os.path.join(work, "random%d" % n)
    os.makedirs(d)
    rows = []
    for src, scale in (("gpo", 6), ("omb", 9), ("wol", 12)):
        for p in periods:
            for r in regions:
                for s in sexes:
                    v = max(0, int(rnd.expovariate(1 / scale)))
                    rows.append({"source": src,
                                 "indicator": "torture_complaints",
                                 "period": p, "region": r, "sex": s,
                                 "value": str(v), "status": "",
                                 "origin": "%s.csv:%d" % (src,
                                                          len(rows) + 2)})
    totals = rounding and rnd.random() < 0.5
    if totals:                     # the protected sources' own totals
        for src in protected:
            for p in periods:
                for s in sexes:
                    v = sum(int(r["value"]) for r in rows
                            if r["source"] == src and r["period"] == p and
                            r["sex"] == s)
                    rows.append({"source": src,
                                 "indicator": "torture_complaints",
                                 "period": p, "region": "", "sex": s,
                                 "value": str(v), "status": "",
                                 "origin": "%s.csv:%d" % (src,
                                                          len(rows) + 2)})
    fields = ["source", "indicator", "period", "region", "sex", "value",
              "status", "origin"]
    if not sexed:
        fields.remove("sex")
        for r in rows:
            del r["sex"]
    write_tidy(os.path.join(d, "tidy.csv"), fields, rows)
    with open(os.path.join(d, "pipeline.yaml"), "w") as f:
        f.write("pipeline: random%d\n" % n)
        f.write("period: {from: %s, to: %s, grain: quarter}\n"
                % (periods[0], periods[-1]))
        f.write("dimensions: [%s]\n" % ", ".join(dims))
        f.write("sources:\n")
        for s in ("gpo", "omb", "wol"):
            f.write("  - {id: %s, file: %s.csv, published: %s}\n"
                    % (s, s, "false" if s in protected else "true"))
        f.write("compare:\n  - {indicator: torture_complaints, "
                "reference: gpo, against: [omb, wol]}\n")
        f.write("report: {output: brief.xlsx, languages: [en], %s}\n"
                % ("rounding: 5" if rounding else "suppress_below: 5"))
    label = "random %d: %d regions x %d quarters%s, protected: %s%s" % (
        n, nreg, nq, " x 2 sexes" if sexed else "", ", ".join(protected),
        ", with their totals" if totals else "")
    return os.path.join(d, "pipeline.yaml"), os.path.join(d, "tidy.csv"), \
        dims, label


def rounding_attack(config, tidy, work, leaky=False, label="brief"):
    """Whether the brief of T and the brief of its rounded table T_r store
    the same values; prints what differs."""
    fields, rows = read_tidy(tidy)
    base = brief(config, fields, rows, work, "T")
    key = [f for f in fields if f not in ("value", "status", "origin")]
    with open(os.path.join(work, "T", "results", "rounded.csv"),
              newline="", encoding="utf-8") as f:
        rounded = {tuple(r[k] for k in key): r["value"]
                   for r in csv.DictReader(f)}
    alt, changed = [], 0
    for r in rows:
        r = dict(r)
        k = tuple(r[x] for x in key)
        if k in rounded and r["value"] != rounded[k]:
            r["value"] = rounded[k]
            changed += 1
        alt.append(r)

    def true_total(rs):
        return "%d" % sum(int(r["value"]) for r in rs
                          if tuple(r[x] for x in key) in rounded and
                          r["value"])
    seen_base = stored(base, true_total(rows) if leaky else None)
    b = brief(config, fields, alt, work, "Tr")
    seen = stored(b, true_total(alt) if leaky else None)
    diffs = sorted((p for p in set(seen) | set(seen_base)
                    if seen.get(p) != seen_base.get(p)), key=str)
    print("%s: %d protected count(s), %d changed by rounding; the brief of "
          "the rounded table differs in %d stored value(s)%s" % (
              label, len(rounded), changed, len(diffs),
              " (a leak)" if diffs else ""))
    for p in diffs[:4]:
        print("  leak: %s\n    T:   %s\n    T_r: %s" % (
            "/".join(str(x) for x in p), str(seen_base.get(p))[:200],
            str(seen.get(p))[:200]))
    return not diffs, changed


def main(argv):
    work = tempfile.mkdtemp(prefix="reckon-attack.")
    try:
        if argv[0] in ("--rounding", "--rounding-leaky"):
            rnd = random.Random(int(argv[1]))
            ok, changed = True, 0
            for n in range(int(argv[2])):
                config, tidy, dims, label = random_pipeline(
                    rnd, work, n, rounding=True)
                r = rounding_attack(config, tidy,
                                    os.path.join(work, "a%d" % n),
                                    leaky=argv[0] == "--rounding-leaky",
                                    label=label)
                ok &= r[0]
                changed += r[1]
            return 0 if ok and changed else 1
        if argv[0] == "--random":
            rnd = random.Random(int(argv[1]))
            ok, same = True, 0
            for n in range(int(argv[2])):
                config, tidy, dims, label = random_pipeline(rnd, work, n)
                r = attack(config, tidy, os.path.join(work, "a%d" % n),
                           dims, 5, label=label)
                ok &= r[0]
                same += r[1]
            return 0 if ok and same else 1
        leaky = argv[0] == "--leaky"
        run = argv[-1]             # a directory with pipeline.yaml and
        config = os.path.join(run, "pipeline.yaml")   # tidy.csv
        ok, same = attack(config, os.path.join(run, "tidy.csv"), work,
                          ["region", "sex"], 5, leaky=leaky,
                          label="leaky brief" if leaky else "the example")
        return 0 if ok and same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
