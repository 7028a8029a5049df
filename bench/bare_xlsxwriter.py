# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python peer of bench/bare_xlsxwriter.c in bench/report.sh: the same
cells with python3-xlsxwriter.  Reads a tidy CSV and a cells.csv (the csv
module) and writes an .xlsx with the cell table on two sheets ('Cells',
'Ячейки': the brief has it in English and in Russian) and the tidy rows on
a third ('Data'), in the C program's sheet order; a field that is a whole
decimal number is written as a number, other non-empty fields as text,
empty fields skipped but counted.  No formats, no labels, no charts.

The workbook is in xlsxwriter's default mode (every cell kept in memory
until close), as the C program's workbook_new() and reckon-report
(constant_memory = 0) are; --constant-memory switches to xlsxwriter's
row-by-row mode for comparison.

    bare_xlsxwriter.py [--constant-memory] TIDY.csv CELLS.csv OUT.xlsx

Prints the cells written (cells=N), as the C program does.
"""
import csv
import math
import sys

import xlsxwriter


def number(s):
    """The value of a field that is a whole decimal number, else None."""
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def copy(path, ws):
    """Writes every field of the CSV at path to ws; returns the fields."""
    cells = 0
    with open(path, newline="", encoding="utf-8") as f:
        for r, rec in enumerate(csv.reader(f)):
            for c, s in enumerate(rec):
                x = number(s) if s else None
                if x is not None:
                    ws.write_number(r, c, x)
                elif s:
                    ws.write_string(r, c, s)
                cells += 1
    return cells


def main():
    args = sys.argv[1:]
    opts = {}
    if args and args[0] == "--constant-memory":
        opts["constant_memory"] = True
        args.pop(0)
    if len(args) != 3:
        sys.exit("usage: bare_xlsxwriter.py [--constant-memory] TIDY.csv CELLS.csv OUT.xlsx")
    tidy, cells, out = args
    wb = xlsxwriter.Workbook(out, opts)
    en = wb.add_worksheet("Cells")
    ru = wb.add_worksheet("Ячейки")
    data = wb.add_worksheet("Data")
    # constant_memory writes a sheet's rows in order and only the current
    # row is open: each sheet gets its rows in one pass, as here
    n = copy(tidy, data) + copy(cells, en) + copy(cells, ru)
    wb.close()
    print("cells=%d" % n)


main()
