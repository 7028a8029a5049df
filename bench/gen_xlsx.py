#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a benchmark workbook as Excel writes one: ROWS rows x 9 columns
(six text columns through shared strings, a date, an integer, a decimal),
rows and cells with r attributes, spans, a styles part with a date format.

    /usr/bin/python3 bench/gen_xlsx.py ROWS OUT.xlsx

Standard library only; deterministic (fixed seed)."""

import random
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

REGIONS = ["г. Душанбе", "Согдийская обл.", "Хатлонская обл.", "ГБАО", "РРП",
           "вилояти Суғд", "Sughd region", "Khatlon"] + ["Регион %d" % i for i in range(52)]
SEXES = ["муж.", "жен."]
AGES = ["0-17", "18-24", "25-34", "35-49", "50-64", "65+"]
INDICATORS = ["torture_complaints", "cases_opened", "deaths_in_custody",
              "detainees", "complaints_rejected", "cases_closed",
              "convictions", "acquittals", "appeals", "visits"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(c):
    return "ABCDEFGHI"[c]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(20240930)
    districts = ["Район %d" % i for i in range(600)]
    facilities = ["СИЗО-%d" % i for i in range(200)]
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    header = ["Регион", "Район", "Учреждение", "Пол", "Возраст", "Показатель",
              "Дата", "Количество", "Доля"]
    total_refs = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="%s"><Relationship Id="rId1" '
                   'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, REL))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="%s">'
                   '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>'
                   '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>' % (PKG, REL, REL, REL))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<workbook xmlns="%s" xmlns:r="%s"><workbookPr defaultThemeVersion="164011"/>'
                   '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
                   '<sheets><sheet name="Данные" sheetId="1" r:id="rId1"/></sheets>'
                   '<calcPr calcId="191029"/></workbook>' % (NS, REL))
        z.writestr("xl/styles.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<styleSheet xmlns="%s"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                   '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                   '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                   '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                   '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
                   '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                   '</styleSheet>' % NS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<worksheet xmlns="%s" xmlns:r="%s" '
                     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                     'mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
                     '<dimension ref="A1:I%d"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
                     '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>'
                     % (NS, REL, rows + 1)).encode())
            cells = "".join('<c r="%s1" t="s"><v>%d</v></c>' % (col(c), sst(h))
                            for c, h in enumerate(header))
            f.write(('<row r="1" spans="1:9" x14ac:dyDescent="0.25">%s</row>' % cells).encode())
            total_refs += 9
            buf = []
            for r in range(2, rows + 2):
                texts = (rnd.choice(REGIONS), rnd.choice(districts), rnd.choice(facilities),
                         rnd.choice(SEXES), rnd.choice(AGES), rnd.choice(INDICATORS))
                c = "".join('<c r="%s%d" t="s"><v>%d</v></c>' % (col(k), r, sst(t))
                            for k, t in enumerate(texts))
                c += '<c r="G%d" s="1"><v>%d</v></c>' % (r, 45200 + rnd.randrange(400))
                c += '<c r="H%d"><v>%d</v></c>' % (r, rnd.randrange(5000))
                c += '<c r="I%d"><v>%s</v></c>' % (r, repr(round(rnd.random() * 100, 2)))
                total_refs += 6
                buf.append('<row r="%d" spans="1:9" x14ac:dyDescent="0.25">%s</row>' % (r, c))
                if len(buf) == 1000:
                    f.write("".join(buf).encode())
                    buf = []
            f.write("".join(buf).encode())
            f.write(b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" '
                    b'bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                   % (NS, total_refs, len(strings),
                      "".join("<si><t>%s</t></si>" % esc(s) for s in strings)))


if __name__ == "__main__":
    main()
