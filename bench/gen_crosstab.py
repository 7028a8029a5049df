#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a cross-tab workbook with many sheets, as an agency publishes one:
a sheet per year and region (5 years x 5 regions = 25 sheets), each a title
row merged across the table, a blank row, two header tiers (sex merged over
its four quarters; 'Район' and 'Всего' merged down over both tiers), a row
per district with messy labels, a 'Всего' column, a totals row and a
footnote.  Value cells are mostly numbers, with '-', 'н/д', numbers stored
as text with a thousands space ('1 234') and footnote marks ('15*').

    /usr/bin/python3 bench/gen_crosstab.py [--rows N] [--seed S] OUT.xlsx

N is the district rows of the largest sheet (default 1000); the other
sheets have between half and all of it.  Prints one line per sheet on
stdout, tab-separated: the sheet's number, year, region, name, district
rows and the tidy rows a reader should get from it (8 value cells per
district row; the totals row, the 'Всего' column and the footnote are not
data).  Standard library only; deterministic for a seed."""

import argparse
import random
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

YEARS = [2020, 2021, 2022, 2023, 2024]
REGIONS = ["Душанбе", "Согд", "Хатлон", "РРП", "ГБАО"]
REGION_TITLE = ["г. Душанбе", "Согдийская обл.", "Хатлонская обл.",
                "районы республиканского подчинения", "ГБАО"]
QUARTERS = ["I кв.", "II кв.", "III кв.", "IV кв."]
SEXES = ["муж.", "жен."]
# the ways a district's name is written in one table (messy labels)
FORMS = ["р-н {}", "{} р-н", "{} район", " {} ", "район {}", "{}  (р-н)", "г. {}"]
STEMS = ["Рудаки", "Вахдат", "Гиссар", "Турсунзаде", "Файзабад", "Нурабад",
         "Рашт", "Таджикабад", "Лахш", "Шахринав", "Варзоб", "Бохтар",
         "Вахш", "Дангара", "Кулоб", "Муминобод", "Хуросон", "Шахритус",
         "Истаравшан", "Исфара", "Канибадам", "Пенджикент", "Ишкашим", "Рушан"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20241001)
    ap.add_argument("out")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    strings, index = [], {}
    refs = 0

    def sst(s):
        nonlocal refs
        refs += 1
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    def text(ref, s, style=0):
        st = ' s="%d"' % style if style else ""
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, st, sst(s))

    def num(ref, v):
        return '<c r="%s"><v>%d</v></c>' % (ref, v)

    sheets = [(y, i) for y in YEARS for i in range(len(REGIONS))]
    names = ["%d %s" % (y, REGIONS[i]) for y, i in sheets]
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as z:
        over = "".join('<Override PartName="/xl/worksheets/sheet%d.xml" '
                       'ContentType="%s.worksheet+xml"/>' % (k + 1, CT)
                       for k in range(len(sheets)))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="%s.sheet.main+xml"/>%s'
                   '<Override PartName="/xl/styles.xml" ContentType="%s.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="%s.sharedStrings+xml"/>'
                   '</Types>' % (CT, over, CT, CT))
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="%s"><Relationship Id="rId1" '
                   'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, REL))
        rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" '
                       'Target="worksheets/sheet%d.xml"/>' % (k + 1, REL, k + 1)
                       for k in range(len(sheets)))
        n = len(sheets)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="%s">%s'
                   '<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>'
                   '<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>' % (PKG, rels, n + 1, REL, n + 2, REL))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<workbook xmlns="%s" xmlns:r="%s"><workbookPr defaultThemeVersion="164011"/>'
                   '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
                   '<sheets>%s</sheets><calcPr calcId="191029"/></workbook>'
                   % (NS, REL, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>'
                                       % (esc(nm), k + 1, k + 1) for k, nm in enumerate(names))))
        z.writestr("xl/styles.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<styleSheet xmlns="%s"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
                   '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                   '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                   '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                   '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                   '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1">'
                   '<alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs>'
                   '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                   '</styleSheet>' % NS)
        for k, (year, ri) in enumerate(sheets):
            drows = a.rows // 2 + rnd.randrange(a.rows - a.rows // 2 + 1)
            rows = []
            rows.append('<row r="1">%s</row>' % text(
                "A1", "Сведения о жалобах на применение пыток по районам: %s, %d г."
                % (REGION_TITLE[ri], year), 1))
            h1 = [text("A3", "Район", 1), text("B3", SEXES[0], 1), text("F3", SEXES[1], 1),
                  text("J3", "Всего", 1)]
            rows.append('<row r="3">%s</row>' % "".join(h1))
            h2 = [text("%s4" % col(1 + s * 4 + q), QUARTERS[q], 1)
                  for s in range(2) for q in range(4)]
            rows.append('<row r="4">%s</row>' % "".join(h2))
            tot = [0] * 9
            for d in range(drows):
                r = 5 + d
                stem = STEMS[d % len(STEMS)]
                if d >= len(STEMS):
                    stem = "%s-%d" % (stem, d // len(STEMS))
                label = rnd.choice(FORMS).format(stem)
                cells = [text("A%d" % r, label)]
                rsum = 0
                for c in range(8):
                    ref = "%s%d" % (col(1 + c), r)
                    x = rnd.random()
                    v = rnd.randrange(0, 60) if x < 0.9 else rnd.randrange(1000, 3000)
                    if x < 0.04:
                        cells.append(text(ref, "-"))
                        v = 0
                    elif x < 0.06:
                        cells.append(text(ref, "н/д"))
                        v = 0
                    elif x < 0.07:
                        cells.append(text(ref, "%d*" % v))
                    elif v >= 1000 and x < 0.95:
                        cells.append(text(ref, "%d %03d" % (v // 1000, v % 1000)))
                    else:
                        cells.append(num(ref, v))
                    rsum += v
                    tot[c] += v
                cells.append(num("J%d" % r, rsum))
                tot[8] += rsum
                rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
            r = 5 + drows
            rows.append('<row r="%d">%s%s</row>' % (
                r, text("A%d" % r, rnd.choice(["Итого", "Итого по региону", "Всего"])),
                "".join(num("%s%d" % (col(1 + c), r), tot[c]) for c in range(9))))
            rows.append('<row r="%d">%s</row>' % (r + 2, text(
                "A%d" % (r + 2), "* предварительные данные; н/д — нет данных")))
            merges = ["A1:J1", "A3:A4", "B3:E3", "F3:I3", "J3:J4"]
            with z.open("xl/worksheets/sheet%d.xml" % (k + 1), "w", force_zip64=True) as f:
                f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:J%d"/>'
                         '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
                         '<sheetFormatPr defaultRowHeight="15"/><sheetData>'
                         % (NS, REL, r + 2)).encode())
                for i in range(0, len(rows), 1000):
                    f.write("".join(rows[i:i + 1000]).encode())
                f.write(('</sheetData><mergeCells count="%d">%s</mergeCells>'
                         '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                         'header="0.3" footer="0.3"/></worksheet>'
                         % (len(merges), "".join('<mergeCell ref="%s"/>' % m
                                                 for m in merges))).encode())
            print("%d\t%d\t%s\t%s\t%d\t%d" % (k + 1, year, REGIONS[ri], names[k],
                                              drows, drows * 8))
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                   % (NS, refs, len(strings),
                      "".join('<si><t xml:space="preserve">%s</t></si>' % esc(s)
                              for s in strings)))


if __name__ == "__main__":
    main()
