# SPDX-License-Identifier: GPL-3.0-or-later
"""The pandas peer of reckon-extract on bench/gen_crosstab.py's workbook:
every sheet with read_excel(sheet_name=None) and the two header tiers as a
column MultiIndex (pandas fills the merged sex cells forward), then per
sheet: drop the blank, totals ('Итого', 'Всего') and footnote rows and the
'Всего' column, melt to long rows, footnote marks and thousands spaces
off, '-' to 0 and 'н/д' to missing; year and region from the sheet name.
Writes the tidy CSV to stdout and the row count to stderr.

    crosstab_pandas.py FILE.xlsx
"""
import re
import sys

import pandas as pd

SKIP = re.compile(r"^\s*(?:Итого|Всего)|^\*")


def value(s):
    """(value, status) of a value cell as reckon-extract reads it."""
    if isinstance(s, (int, float)):
        return s, ""
    s = str(s).strip()
    if s == "-":
        return 0, ""
    if s == "н/д":
        return None, "missing"
    status = ""
    if s.endswith("*"):
        s, status = s[:-1], "footnote"
    return int(re.sub(r"[\s\u00a0]", "", s)), status


def main():
    path = sys.argv[1]
    book = pd.read_excel(path, sheet_name=None, header=[2, 3], index_col=0, dtype=object)
    frames = []
    for name, df in book.items():
        year, region = name.split(" ", 1)
        df = df[df.index.notna()]
        df = df[~df.index.astype(str).str.contains(SKIP)]
        df = df.drop(columns="Всего", level=0)
        df.columns = ["%s|%s" % c for c in df.columns]
        df.index.name = "district"
        long = df.reset_index().melt(id_vars="district", var_name="col", value_name="cell")
        sq = long["col"].str.split("|", expand=True)
        vs = long["cell"].map(value)
        frames.append(pd.DataFrame({
            "source": "ct", "indicator": "torture_complaints",
            "period": sq[1] + " " + year, "region": region,
            "district": long["district"], "sex": sq[0],
            "value": [v for v, _ in vs], "status": [s for _, s in vs]}))
    tidy = pd.concat(frames, ignore_index=True)
    tidy["value"] = tidy["value"].astype("Int64")
    tidy.to_csv(sys.stdout, index=False)
    print(f"rows={len(tidy)} sheets={len(book)}", file=sys.stderr)


main()
