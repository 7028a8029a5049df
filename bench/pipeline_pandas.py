# SPDX-License-Identifier: GPL-3.0-or-later
"""The pandas equivalent of `reckon run --no-db` on bench/all.sh's pipeline:
read the long CSVs, drop the totals, map region and sex labels to codes with
dictionaries built from the code lists, quarters to 2023-Q1 form, sentinels,
group-by sum, the reference-vs-other differences per cell, and an Excel
workbook with the tidy rows and the cells (python3-xlsxwriter if installed,
else openpyxl).  Without --db it is compared with `reckon run --no-db`.

With --db URL (an SQLAlchemy URL, e.g. through a Unix socket
postgresql+psycopg2://reckon@/benchrun?host=/socket/dir&port=5432) it also
does what `reckon run --db` does with the database: writes the tidy rows
with DataFrame.to_sql into a new table (--table, default
pandas_bench.observation; the schema is created if absent, the table must
not exist) in one transaction, and reads them back with read_sql_table for
the comparison (reckon-compare reads its observations from the database).

    pipeline_pandas.py [--db URL [--table SCHEMA.TABLE]] CODELISTS OUT.xlsx ID=FILE:ENCODING ...
The first source is the reference.
"""
import re
import sys

import pandas as pd

ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}
STRIP = ["г.", "ш.", "обл.", "область", "вилояти", "вил.", "region", "oblast"]


def key(s):
    s = s.lower()
    for w in STRIP:
        s = s.replace(w, " ")
    return re.sub(r"[\s.,]+", " ", s).strip()


def codelist(path):
    d = {}
    cl = pd.read_csv(path, dtype=str, keep_default_na=False)
    for _, r in cl.iterrows():
        names = [r["code"]] + [r[c] for c in cl.columns if c.startswith("label_")]
        names += r["aliases"].split("|") if r["aliases"] else []
        for n in names:
            if n:
                d[key(n)] = r["code"]
    return d


def to_db(tidy, url, table):
    """tidy into a new table at url, and the rows as the database has them."""
    import sqlalchemy as sa
    schema, name = table.split(".", 1)
    engine = sa.create_engine(url)
    with engine.begin() as con:
        con.execute(sa.text('CREATE SCHEMA IF NOT EXISTS "%s"' % schema))
        tidy.to_sql(name, con, schema=schema, index=False, if_exists="fail")
    with engine.connect() as con:
        back = pd.read_sql_table(name, con, schema=schema)
    engine.dispose()
    if len(back) != len(tidy):
        sys.exit("pipeline_pandas.py: wrote %d rows, read back %d" % (len(tidy), len(back)))
    return back


def main():
    args = sys.argv[1:]
    url, table = None, "pandas_bench.observation"
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--db":
            url = args.pop(0)
        elif opt == "--table":
            table = args.pop(0)
        else:
            sys.exit("pipeline_pandas.py: unknown option " + opt)
    cdir, out, specs = args[0], args[1], args[2:]
    region = codelist(f"{cdir}/region.csv")
    sex = codelist(f"{cdir}/sex.csv")
    frames = []
    for spec in specs:
        sid, rest = spec.split("=", 1)
        path, enc = rest.rsplit(":", 1)
        df = pd.read_csv(path, sep=";", encoding=enc, dtype=str, keep_default_na=False)
        df = df[~df["Регион"].str.match(r"^\s*Итого")]
        reg = df["Регион"].map(lambda s: region.get(key(s), s))
        sx = df["Пол"].map(lambda s: sex.get(key(s), s))
        m = df["Квартал"].str.extract(r"^\s*(IV|III|II|I)\s*кв\.?\s*(\d{4})")
        per = m[1] + "-Q" + m[0].map(ROMAN)
        v = df["Количество"].str.replace(r"[\s\u00a0]", "", regex=True)
        v = v.replace({"-": "0", "н/д": None})
        frames.append(pd.DataFrame({
            "source": sid, "indicator": "torture_complaints", "period": per,
            "region": reg, "sex": sx,
            "value": pd.to_numeric(v, errors="coerce")}))
    tidy = pd.concat(frames, ignore_index=True)
    keys = ["source", "indicator", "period", "region", "sex"]
    tidy = tidy.groupby(keys, as_index=False)["value"].sum(min_count=1)
    if url:
        tidy = to_db(tidy, url, table)
    wide = tidy.pivot_table(index=keys[1:], columns="source", values="value",
                            aggfunc="sum").reset_index()
    ref = specs[0].split("=", 1)[0]
    cells = []
    for spec in specs[1:]:
        sid = spec.split("=", 1)[0]
        c = wide[keys[1:]].copy()
        c["reference"], c["against"] = ref, sid
        c["ref_value"], c["value"] = wide[ref], wide[sid]
        c["diff"] = c["value"] - c["ref_value"]
        c["ratio"] = c["value"] / c["ref_value"]
        cells.append(c)
    cells = pd.concat(cells, ignore_index=True)
    try:
        import xlsxwriter  # noqa: F401
        engine = "xlsxwriter"
    except ImportError:
        engine = "openpyxl"
    with pd.ExcelWriter(out, engine=engine) as xw:
        cells.to_excel(xw, sheet_name="cells", index=False)
        tidy.to_excel(xw, sheet_name="tidy", index=False)
    print(f"tidy={len(tidy)} cells={len(cells)} engine={engine}"
          + (f" db={table}" if url else ""))


main()
