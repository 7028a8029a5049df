#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes gpo.xlsx: an agency cross-tab as officials lay it out — a title row,
# a region header merged over two tiers, a year merged over its quarters, a
# region label merged down over its two sex rows, '-', 'н/д', a number
# stored as text, a footnote marker, a totals row and a footnote.
# Run with Debian's python3-openpyxl: /usr/bin/python3 make_fixture.py
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Жалобы"
ws["A1"] = "Жалобы на пытки по регионам, 2024"
ws["A3"] = "Регион"
ws.merge_cells("A3:A4")
ws["B3"] = "Пол"
ws.merge_cells("B3:B4")
ws["C3"] = 2024
ws.merge_cells("C3:E3")
for col, q in zip("CDE", ("I кв.", "II кв.", "III кв.")):
    ws[col + "4"] = q
rows = [
    ("г. Душанбе", "муж.", 12, "-", "15*"),
    (None, "жен.", 2, 1, 3),
    ("Согдийская обл.", "муж.", 7, "н/д", 9),
    (None, "жен.", 1, 0, 2),
    ("Хатлон", "муж.", "1 234", 3, 4),
    ("Итого", None, 1256, 4, 33),
]
for i, r in enumerate(rows):
    for j, v in enumerate(r):
        if v is not None:
            ws.cell(row=5 + i, column=1 + j, value=v)
ws.merge_cells("A5:A6")
ws.merge_cells("A7:A8")
ws["A12"] = "* предварительные данные"
wb.save("gpo.xlsx")
