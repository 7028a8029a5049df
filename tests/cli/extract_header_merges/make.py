#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes headers.xlsx: one sheet per header shape, 1 to 4 tiers, with
horizontal, vertical and 2-D merges (openpyxl, Debian's python3-openpyxl)."""
import openpyxl

wb = openpyxl.Workbook()
wb.remove(wb.active)


def sheet(name, cells, merges, rows):
    ws = wb.create_sheet(name)
    for ref, text in cells.items():
        ws[ref] = text
    for m in merges:
        ws.merge_cells(m)
    first = 1 + max(int(''.join(c for c in ref if c.isdigit()))
                    for ref in cells)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            ws.cell(first + i, 1 + j, v)


# 1 tier: one heading over two columns
sheet("t1", {"A1": "Регион", "B1": "Жалобы", "D1": "Дела"}, ["B1:C1"],
      [("Душанбе", 1, 2, 3)])
# 2 tiers: the year over its quarters; the region merged down
sheet("t2", {"A1": "Регион", "B1": 2024, "B2": "I кв.", "C2": "II кв.",
             "D2": "III кв."}, ["A1:A2", "B1:D1"],
      [("Душанбе", 1, 2, 3)])
# 3 tiers: a heading merged down over the two lower tiers (no sexes)
sheet("t3", {"A1": "Регион", "B1": 2024, "B2": "Жалобы", "B3": "муж.",
             "C3": "жен.", "D2": "Возбуждено дел", "E2": "Осуждено"},
      ["A1:A3", "B1:E1", "B2:C2", "D2:D3", "E2:E3"],
      [("Душанбе", 5, 2, 1, 0)])
# 4 tiers: a 2-D block (two tiers, two columns) beside a split heading
sheet("t4", {"A1": "Регион", "B1": 2024, "B2": "Жалобы", "D2": "Дела",
             "D3": "возбуждено", "E3": "прекращено", "B4": "муж.",
             "C4": "жен.", "D4": "муж.", "E4": "жен."},
      ["A1:A4", "B1:E1", "B2:C3", "D2:E2"],
      [("Душанбе", 5, 2, 1, 0)])
# 4 tiers: a heading merged down over the middle tier beside a split one
# (its stage is blank, never the stage of the column to its left)
sheet("t5", {"A1": "Регион", "B1": 2024, "B2": "Жалобы", "B3": "приняты",
             "C3": "отклонены", "D2": "Дела", "B4": "муж.", "C4": "муж.",
             "D4": "жен."},
      ["A1:A4", "B1:D1", "B2:C2", "D2:D3"],
      [("Душанбе", 5, 2, 1)])
wb.save("headers.xlsx")
