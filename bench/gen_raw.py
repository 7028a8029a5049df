#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deterministic generator of raw tidy CSV for the normalisation benchmark.

Rows as reckon-extract writes them from messy civil-society and state
exports: source,indicator,period,region,sex,value,status,origin, with the
labels as they come (Russian, Latin and Tajik spellings, stray spaces, case,
look-alike letters) and monthly periods written eight ways (июль 2024,
июл. 2024, июли 2024, Jul 2024, 07.2024, 2024-07, July 2024, ИЮЛЬ 2024).

Besides OUTPUT it writes OUTPUT.maps.json: for every label in the file, the
code (or the quarter, for periods) it stands for, so that a comparison job
(bench/normalise_pandas.py) can map without folding anything; and
OUTPUT.expected.csv, the sums by key that a right answer has
(source,indicator,period,region,sex,value,rows; value empty when no row of
the key has one), for bench/normalise_check.py.  OUTPUT.meta says with which
seed, rows and generator the file was made.

    /usr/bin/python3 bench/gen_raw.py --rows 1000000 --output build/bench/raw.csv
"""

import argparse
import json
import random

SEED = 20240916

REGIONS = {
    "TJ-DU": ["г. Душанбе", "Dushanbe", "ш. Душанбе", "ш.Душанбе", "ДУШАНБЕ",
              " Душанбе ", "DUSHANBE", "Душaнбе", "город Душанбе"],
    "TJ-SU": ["Согдийская обл.", "Согдийская область", "вилояти Суғд", "Суғд",
              "Sughd", "Sughd region", "вилояти Сугд", "Sogd", "СОГД"],
    "TJ-KT": ["Хатлонская обл.", "Хатлонская область", "вилояти Хатлон",
              "Хатлон", "Khatlon", "Khatlon region", "ХАТЛОН", "Hatlon"],
    "TJ-GB": ["ГБАО", "Горно-Бадахшанская автономная область", "ВМКБ",
              "GBAO", "Вилояти Мухтори Кӯҳистони Бадахшон"],
    "TJ-RA": ["РРП", "Районы республиканского подчинения", "НТҶ",
              "Ноҳияҳои тобеи ҷумҳурӣ", "RRP"],
}
SEXES = {
    "1": ["муж.", "мужчины", "М", "M", "мард", "мардон"],
    "2": ["жен.", "женщины", "Ж", "F", "зан", "занон"],
    "": ["", "всего", "ҳамагӣ", "Итого"],
}
INDICATORS = {
    "torture_complaints": ["Жалобы на пытки", "torture complaints",
                           "Шикоятҳо дар бораи шиканҷа", "жалобы"],
    "criminal_cases_143_1": ["ст. 143-1", "art. 143-1",
                             "Возбуждено уголовных дел по ст. 143¹ УК"],
}
MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль",
             "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
MONTHS_TG = ["январ", "феврал", "март", "апрел", "май", "июн", "июл",
             "август", "сентябр", "октябр", "ноябр", "декабр"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]


def month_labels(y, m):
    ru, tg, en = MONTHS_RU[m - 1], MONTHS_TG[m - 1], MONTHS_EN[m - 1]
    return [f"{ru} {y}", f"{ru[:3]}. {y}", f"{tg}и {y}", f"{en[:3]} {y}",
            f"{m:02d}.{y}", f"{y}-{m:02d}", f"{en} {y}", f"{ru.upper()} {y}"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--output", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    periods = []
    maps = {"region": {}, "sex": {}, "indicator": {}, "period": {}}
    for y in (2023, 2024):
        for m in range(1, 13):
            for label in month_labels(y, m):
                periods.append(label)
                maps["period"][label] = f"{y}-Q{(m - 1) // 3 + 1}"
    for name, table in (("region", REGIONS), ("sex", SEXES),
                        ("indicator", INDICATORS)):
        for code, labels in table.items():
            for label in labels:
                maps[name][label] = code
    regions = [l for ls in REGIONS.values() for l in ls]
    sexes = [l for ls in SEXES.values() for l in ls]
    inds = [l for ls in INDICATORS.values() for l in ls]
    sources = ["ngo", "gpo"]
    sums = {}
    with open(a.output, "w", encoding="utf-8", newline="\n") as f:
        f.write("source,indicator,period,region,sex,value,status,origin\n")
        for i in range(a.rows):
            src = sources[i & 1]
            ind, per = rnd.choice(inds), rnd.choice(periods)
            reg, sex = rnd.choice(regions), rnd.choice(sexes)
            missing = rnd.random() < 0.02
            value = "" if missing else str(rnd.randrange(0, 60))
            status = "missing" if missing else ""
            f.write(f"{src},{ind},{per},{reg},{sex},{value},"
                    f"{status},{src}_2024.csv:{i // 2 + 2}\n")
            key = (src, maps["indicator"][ind], maps["period"][per],
                   maps["region"][reg], maps["sex"][sex])
            v, n, rows = sums.get(key, (0, 0, 0))
            sums[key] = (v + (0 if missing else int(value)),
                         n + (not missing), rows + 1)
    with open(a.output + ".maps.json", "w", encoding="utf-8") as f:
        json.dump(maps, f, ensure_ascii=False, sort_keys=True)
    with open(a.output + ".expected.csv", "w", encoding="utf-8",
              newline="\n") as f:
        f.write("source,indicator,period,region,sex,value,rows\n")
        for key in sorted(sums):
            v, n, rows = sums[key]
            f.write(",".join(key) + f",{v if n else ''},{rows}\n")
    with open(a.output + ".meta", "w", encoding="utf-8") as f:
        f.write(f"seed={a.seed}\nrows={a.rows}\n")


if __name__ == "__main__":
    main()
