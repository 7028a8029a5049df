#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The normalisation benchmark's comparison job in pandas: the same raw tidy
CSV mapped to codes and summed to quarters.

pandas gets the answer for every label ready-made (OUTPUT.maps.json from
bench/gen_raw.py): it maps with dictionaries and folds nothing, so it does
less than reckon-normalise.  Run with Debian's python3-pandas:

    /usr/bin/python3 bench/normalise_pandas.py RAW.csv OUT.csv
"""

import json
import sys

import pandas as pd


def main():
    raw, out = sys.argv[1], sys.argv[2]
    with open(raw + ".maps.json", encoding="utf-8") as f:
        maps = json.load(f)
    df = pd.read_csv(raw, dtype=str, keep_default_na=False)
    for col in ("indicator", "region", "sex", "period"):
        df[col] = df[col].map(maps[col])
    df["value"] = pd.to_numeric(df["value"])
    df["rows"] = 1
    g = df.groupby(["source", "indicator", "period", "region", "sex"],
                   sort=True, dropna=False)
    res = g.agg(value=("value", "sum"), rows=("rows", "sum"))
    res["value"] = res["value"].astype("int64")
    res.to_csv(out)


if __name__ == "__main__":
    main()
