#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deterministic generator of a long-format agency CSV for the benchmarks.

One observation per line, as agencies send them:

    Регион;Пол;Квартал;Количество;Примечание

with the labels as messy as in real files (Russian, Latin and Tajik spellings
of the same region, "муж."/"М", numbers with a space as thousands mark, "-"
and "н/д" for zero and missing, quoted notes holding ';' and doubled quotes),
'Итого ...' total lines mixed in, ';' separated, CRLF line ends.  Only
characters that windows-1251 can encode are used, so the UTF-8 and the
windows-1251 file of one seed hold the same text.

Standard library only; run it with Debian's /usr/bin/python3:

    /usr/bin/python3 bench/gen_long.py --rows 1000000 --encoding utf-8 \
        --output build/bench/utf-8/long.csv

Besides OUTPUT it writes OUTPUT.meta (key=value lines: the seed, the rows,
how many of them are 'Итого' total lines, the size in bytes, the sha256 of
this script) so that a caller can tell whether a file is up to date and how
many tidy rows reckon-extract must write for it.
"""

import argparse
import hashlib
import os
import random
import sys

GENERATOR_VERSION = 1
DEFAULT_SEED = 20240615
HEADER = ["Регион", "Пол", "Квартал", "Количество", "Примечание"]

# (weight, spellings): one region, many ways of writing it.  Tajik letters
# (ғ ӣ қ ӯ ҳ ҷ) are not in windows-1251, so the Tajik forms are written the
# way agencies type them on a Russian keyboard.
REGIONS = [
    (30, ["г. Душанбе", "Dushanbe", "ш. Душанбе", "ш.Душанбе", "г.Душанбе",
          "Душанбе", "город Душанбе", "shahri Dushanbe"]),
    (25, ["Согдийская обл.", "Согдийская область", "вилояти Сугд", "Сугд",
          "Sughd", "Sughd region", "Согдийская обл", "вил. Сугд"]),
    (25, ["Хатлонская обл.", "Хатлонская область", "вилояти Хатлон",
          "Хатлон", "Khatlon", "Khatlon region", "вил. Хатлон"]),
    (8, ["ГБАО", "Горно-Бадахшанская автономная область", "ВМКБ", "GBAO",
         "Вилояти Мухтори Кухистони Бадахшон",
         "Горно-Бадахшанская АО"]),
    (12, ["РРП", "Районы республиканского подчинения",
          "нохияхои тобеи чумхури", "DRS", "Districts of Republican "
          "Subordination", "районы респ. подчинения"]),
]
TOTALS = ["Итого", "Итого:", "Итого по республике", "Итого по области",
          "Итого за квартал", "Итого (все регионы)"]
SEXES = ["муж.", "жен.", "М", "Ж"]
SEX_WEIGHTS = [35, 35, 15, 15]
ROMAN = ["I", "II", "III", "IV"]
QUARTERS = ["%s кв. %d" % (q, y) for y in (2023, 2024) for q in ROMAN]

# Note fragments; a note is one to four of them.  Some hold ';' or '"',
# which forces quoting (and doubling of the quotes).
NOTE_PARTS = [
    "данные уточняются",
    "по данным Генеральной прокуратуры Республики Таджикистан",
    "сведения предоставлены Уполномоченным по правам человека",
    "включая обращения, поступившие по электронной почте",
    "см. письмо № 12/345 от 05.04.2024",
    "жалобы; заявления; сообщения в СМИ",
    "по сообщению \"Бюро по правам человека\"",
    "без учета повторных обращений",
    "в т.ч. 2 коллективные жалобы",
    "Коалиция НПО \"против пыток\"; мониторинг ИВС",
    "исправлено по сравнению с предыдущим отчетом",
    "source: Ombudsman annual report",
    "ИВС и СИЗО; учреждения ГУИН",
    "данные за неполный квартал",
    "передано в следственный комитет (ст. 143-1 УК РТ)",
]


def check_cp1251():
    """Raises if a label cannot be written in windows-1251."""
    texts = HEADER + TOTALS + SEXES + QUARTERS + NOTE_PARTS + ["н/д", "\u00a0"]
    for _, names in REGIONS:
        texts += names
    for t in texts:
        t.encode("cp1251")


def csv_field(s):
    if any(c in s for c in ';"\r\n') or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


def make_value(rnd):
    r = rnd.random()
    if r < 0.020:
        return "-"
    if r < 0.035:
        return "н/д"
    if r < 0.115:
        # 1 234 / 12 345, thousands marked by a space or a no-break space
        n = rnd.randint(1000, 99999)
        sep = " " if rnd.random() < 0.8 else "\u00a0"
        return "%d%s%03d" % (n // 1000, sep, n % 1000)
    if r < 0.125:
        return " %d " % rnd.randint(0, 999)     # stray spaces
    # mostly small counts
    return str(int(rnd.expovariate(1 / 40.0)))


def make_note(rnd):
    if rnd.random() < 0.555:
        return ""
    k = rnd.choice((1, 2, 2, 3, 3, 4, 5))
    parts = [rnd.choice(NOTE_PARTS) for _ in range(k)]
    note = rnd.choice(("; ", ", ", ". ")).join(parts)
    if rnd.random() < 0.002:
        note += "\r\nпродолжение на следующей строке"
    return note


def generate(rows, seed, out):
    """Writes rows lines (after the header) to the text stream out.
    Returns how many of them are 'Итого' totals, and how many of those
    are not given ('н/д')."""
    rnd = random.Random(seed)
    weights = [w for w, _ in REGIONS]
    totals = not_given = 0
    buf = [";".join(HEADER)]
    for _ in range(rows):
        if rnd.random() < 0.02:
            totals += 1
            region = rnd.choice(TOTALS)
            sex = rnd.choice(("", "всего", "оба пола"))
        else:
            names = rnd.choices(REGIONS, weights)[0][1]
            region = rnd.choice(names)
            sex = rnd.choices(SEXES, SEX_WEIGHTS)[0]
        quarter = rnd.choice(QUARTERS)
        value = make_value(rnd)
        if region in TOTALS and value.strip() == "н/д":
            not_given += 1            # a total not given: none to check
        line = ";".join((csv_field(region), sex, quarter,
                         csv_field(value),
                         csv_field(make_note(rnd))))
        buf.append(line)
        if len(buf) >= 8192:
            out.write("\r\n".join(buf) + "\r\n")
            buf = []
    if buf:
        out.write("\r\n".join(buf) + "\r\n")
    return totals, not_given


def self_sha256():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1000000,
                    help="data lines after the header (default 1000000)")
    ap.add_argument("--encoding", choices=("utf-8", "windows-1251"),
                    default="utf-8")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--output", "-o", required=True)
    a = ap.parse_args()
    if a.rows < 0:
        ap.error("--rows must be >= 0")
    check_cp1251()
    pyenc = "cp1251" if a.encoding == "windows-1251" else "utf-8"
    d = os.path.dirname(a.output)
    if d:
        os.makedirs(d, exist_ok=True)
    tmp = a.output + ".tmp.%d" % os.getpid()
    try:
        with open(tmp, "w", encoding=pyenc, errors="strict", newline="",
                  buffering=1 << 20) as f:
            totals, not_given = generate(a.rows, a.seed, f)
        os.replace(tmp, a.output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    size = os.path.getsize(a.output)
    meta = {
        "generator_version": GENERATOR_VERSION,
        "generator_sha256": self_sha256(),
        "seed": a.seed,
        "rows": a.rows,
        "encoding": a.encoding,
        "totals": totals,
        "totals_not_given": not_given,
        "data_rows": a.rows - totals,
        "bytes": size,
    }
    with open(a.output + ".meta", "w", encoding="ascii") as f:
        for k, v in meta.items():
            f.write("%s=%s\n" % (k, v))
    print("%s: %d rows (%d totals), %d bytes" % (a.output, a.rows, totals,
                                                  size), file=sys.stderr)


if __name__ == "__main__":
    main()
