#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the inputs of the tj-regions example pipeline into data/.

    /usr/bin/python3 make_data.py        (the standard library only)

The larger sibling of tj-torture (issue 20): twelve cities and districts
of Tajikistan over eight quarters, 2023-Q1 to 2024-Q4, as three bodies
recorded torture complaints.  Every figure is invented; the shapes are
those of tj-torture:

  gpo_2023_2024.xlsx     the Prosecutor General's Office: a cross-tab with a
                         title row, each year merged over its quarters, the
                         cities and districts down the side in Russian, '-'
                         for none, a totals row with formulas, and footnotes,
                         one of them calling IV quarter 2024 provisional
  ombudsman_2023_2024.ods  the Human Rights Ombudsman, in Tajik: the cities
                         and districts across, quarters (merged down) and
                         sex down the side, a totals row and column
  coalition_2023_2024.csv  the civil-society coalition: UTF-8 with a BOM,
                         ';', long format, Russian, Tajik and Latin
                         spellings mixed, old names (Курган-Тюбе), a
                         totals row

The coalition records more than the prosecutor's offices in Dushanbe,
Bokhtar, Kulob and Khorog (in Bokhtar about three times as many: a gap
beyond chance in two quarters), and has ten counts below 5 (four of them
in Rasht), which the brief protects (report.suppress_below: 5).  No label
is left unmapped: the run is clean (exit 0).

The output is the same bytes on every run: fixed zip timestamps, a seeded
generator that uses random() alone, no dates from the clock.  The xlsx,
ods and zip writers are tj-torture's (../tj-torture/make_data.py).
"""
import importlib.util
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def load_tj_torture():
    # no __pycache__ left beside the other example's script
    sys.dont_write_bytecode = True
    path = os.path.join(HERE, "..", "tj-torture", "make_data.py")
    spec = importlib.util.spec_from_file_location("tj_torture_make_data", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tj = load_tj_torture()
tj.ZIP_TIME = (2025, 1, 15, 9, 0, 0)     # the files are of January 2025

YEARS = (2023, 2024)
ROMAN = ("I", "II", "III", "IV")

# code, the prosecutor's spelling, the Ombudsman's (Tajik), the coalition's
# two spellings (used in turn, quarter by quarter), then the prosecutor's
# complaints per quarter at the start, and the coalition's and Ombudsman's
# records as multiples of them
REGIONS = [
    ("TJ-DU", "г.Душанбе", "ш. Душанбе", ("Dushanbe", "г. Душанбе"), 25.0, 1.40, 0.85),
    ("TJ-SU-KH", "г. Худжанд", "ш. Хуҷанд", ("Khujand", "ш. Хуҷанд"), 13.0, 1.10, 0.80),
    ("TJ-KT-BO", "г. Бохтар", "ш. Бохтар", ("Бохтар", "Курган-Тюбе"), 10.0, 3.00, 0.90),
    ("TJ-KT-KU", "г. Куляб", "ш. Кӯлоб", ("Kulob", "г. Куляб"), 8.0, 1.60, 0.80),
    ("TJ-GB-KH", "г. Хорог", "ш. Хоруғ", ("Хорог", "Khorog"), 2.5, 2.00, 1.00),
    ("TJ-SU-IS", "г. Истаравшан", "ш. Истаравшан", ("Istaravshan", "Истаравшан"), 6.0, 1.00, 0.75),
    ("TJ-SU-PA", "г. Пенджикент", "ш. Панҷакент", ("Пенджикент", "Panjakent"), 5.5, 1.00, 0.80),
    ("TJ-SU-IF", "г. Исфара", "ш. Исфара", ("Isfara", "г. Исфара"), 3.5, 1.10, 0.80),
    ("TJ-RA-VA", "г. Вахдат", "ш. Ваҳдат", ("Вахдат", "Vahdat"), 7.0, 1.05, 0.80),
    ("TJ-RA-HI", "г. Гиссар", "ш. Ҳисор", ("Hisor", "г. Гиссар"), 6.0, 0.95, 0.75),
    ("TJ-RA-TU", "г. Турсунзаде", "ш. Турсунзода", ("Турсунзаде", "Tursunzoda"), 8.0, 1.05, 0.80),
    ("TJ-RA-RA", "Раштский район", "ноҳияи Рашт", ("Rasht", "Раштский р-н"), 2.5, 1.40, 0.90),
]
SEED = 20250145
GROWTH = 1.035             # complaints rise by about 3.5 % a quarter
WOMEN = 0.15               # the Ombudsman's share of women

QUARTERS = [(y, q) for y in YEARS for q in range(1, 5)]


def poisson(rng, lam):
    """A Poisson draw from rng.random() alone (Knuth), the same everywhere."""
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def binomial(rng, n, p):
    return sum(1 for _ in range(n) if rng.random() < p)


def figures():
    """{code: [(gpo, wol, omb_men, omb_women) per quarter]}"""
    rng = random.Random(SEED)
    out = {}
    for code, _, _, _, base, wol_x, omb_x in REGIONS:
        rows = []
        for i in range(len(QUARTERS)):
            lam = base * GROWTH ** i
            gpo = poisson(rng, lam)
            wol = poisson(rng, lam * wol_x)
            omb = poisson(rng, lam * omb_x)
            women = binomial(rng, omb, WOMEN)
            rows.append((gpo, wol, omb - women, women))
        out[code] = rows
    return out


# ---- the Prosecutor General's Office ------------------------------------

def gpo_cell(v):
    return "-" if v == 0 else v


def gpo_xlsx(fig):
    ncols = 1 + len(QUARTERS)
    last = tj.col_letter(ncols)
    sh = tj.XlsxSheet("Жалобы", [26] + [9] * len(QUARTERS))
    sh.put(1, 1, "Сведения о жалобах на применение пыток, поступивших в органы прокуратуры "
           "городов и районов Республики Таджикистан, 2023–2024 гг.", 1)
    sh.merges.append("A1:%s1" % last)
    sh.put(3, 1, "Город, район", 2)
    sh.put(4, 1, None, 2)
    sh.merges.append("A3:A4")
    for j, year in enumerate(YEARS):
        first = 2 + 4 * j
        sh.put(3, first, year, 2)
        for c in range(first + 1, first + 4):
            sh.put(3, c, None, 2)
        sh.merges.append("%s3:%s3" % (tj.col_letter(first), tj.col_letter(first + 3)))
        for q in range(4):
            sh.put(4, first + q, "%s кв." % ROMAN[q], 2)
    for i, region in enumerate(REGIONS):
        r = 5 + i
        sh.put(r, 1, region[1], 3)
        for c, row in enumerate(fig[region[0]], 2):
            sh.put(r, c, gpo_cell(row[0]), 3)
    total = 5 + len(REGIONS)
    sh.put(total, 1, "Итого", 2)
    for c in range(2, ncols + 1):
        letter = tj.col_letter(c)
        cached = sum(fig[region[0]][c - 2][0] for region in REGIONS)
        sh.put(total, c, tj.Formula("SUM(%s5:%s%d)" % (letter, letter, total - 1), cached), 2)
    sh.put(total + 2, 1, "Примечание: «-» — обращений не поступало.", 4)
    sh.put(total + 3, 1, "Данные за IV квартал 2024 г. предварительные.", 4)
    return tj.xlsx_bytes([sh], "Жалобы на пытки, 2023–2024")


# ---- the Ombudsman, an OpenDocument spreadsheet in Tajik -----------------

def omb_period(year, q):
    return "семоҳаи %s %d" % (ROMAN[q - 1], year)


def omb_table(fig):
    cell, row, covered = tj.ods_cell, tj.ods_row, tj.covered
    heads = tuple(region[2] for region in REGIONS)
    width = 2 + len(heads) + 1
    rows = [row([cell("Шикоятҳо дар бораи шиканҷа ва муносибати бераҳмона дар шаҳрҳо ва "
                      "ноҳияҳо, солҳои 2023–2024", span=width, style="bold"),
                 covered(width - 1)]),
            row([cell("Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон",
                      span=width), covered(width - 1)]),
            row([cell(None)]),
            row([cell(h, style="head") for h in ("Давра", "Ҷинс") + heads + ("Ҳамагӣ",)])]
    totals = [0] * len(heads)
    for i, (year, q) in enumerate(QUARTERS):
        for k, sex in enumerate(("мард", "зан")):
            values = [fig[region[0]][i][2 + k] for region in REGIONS]
            totals = [t + v for t, v in zip(totals, values)]
            first = cell(omb_period(year, q), rows=2) if k == 0 else covered(1)
            rows.append(row([first, cell(sex)] + [cell(v) for v in values] +
                            [cell(sum(values))]))
    rows.append(row([cell("Ҳамагӣ", style="bold"), cell(None)] +
                    [cell(t) for t in totals] + [cell(sum(totals))]))
    rows.append(row([cell(None)]))
    rows.append(row([cell("Эзоҳ: шикоятҳо аз рӯи ҷои ҳодиса ба ҳисоб гирифта шудаанд.")]))
    return ('<table:table table:name="Шикоятҳо">'
            '<table:table-column table:number-columns-repeated="%d"/>%s</table:table>'
            % (width, "".join(rows)))


def omb_ods(fig):
    return tj.ods_bytes(omb_table(fig), "Шикоятҳо 2023–2024",
                        "2025-01-15T09:00:00")


# ---- the civil-society coalition: UTF-8 with a BOM, ';' -----------------

def wol_csv(fig):
    rows = [("Регион", "Квартал", "Количество", "Примечание")]
    total = 0
    for i, (year, q) in enumerate(QUARTERS):
        for region in REGIONS:
            v = fig[region[0]][i][1]
            total += v
            rows.append((region[3][i % 2], "%s кв. %d" % (ROMAN[q - 1], year),
                         str(v) if v else "-", "нет обращений" if not v else ""))
    rows.append(("Итого", "", str(total), ""))
    lines = [";".join(tj.csv_field(f, ";") for f in row) for row in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def main():
    fig = figures()
    os.makedirs(DATA, exist_ok=True)
    tj.write_atomic(os.path.join(DATA, "gpo_2023_2024.xlsx"), gpo_xlsx(fig))
    tj.write_atomic(os.path.join(DATA, "ombudsman_2023_2024.ods"), omb_ods(fig))
    tj.write_atomic(os.path.join(DATA, "coalition_2023_2024.csv"), wol_csv(fig))


if __name__ == "__main__":
    main()
