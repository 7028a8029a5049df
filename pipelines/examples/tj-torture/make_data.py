#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the inputs of the tj-torture example pipeline into data/.

    /usr/bin/python3 make_data.py        (the standard library only)

Every figure and every case is invented; the case keys are hashes of
made-up numbers, not of anybody's name.  The files have the shapes users
meet in Tajikistan:

  gpo_2024.xlsx       the Prosecutor General's Office: a cross-tab with a
                      title row, the year merged over its quarters, regions
                      down the side in Russian spelt several ways, '-' and
                      'н/д', a number stored as text, a totals row with
                      formulas, footnotes, and a second sheet
  ombudsman_2024.ods  the Human Rights Ombudsman, in Tajik: regions across,
                      periods (merged down) and sex down the side, an empty
                      cell, a totals row and column, a footnote
  wol_cases.csv       the civil-society coalition: windows-1251, ';', long
                      format, Cyrillic, Latin and Tajik spellings mixed,
                      '-', 'н/д', 'x', a quoted label, a totals row
  cases_wol.csv       record-level case lists of the coalition and the
  cases_omb.csv       Ombudsman, linked by a pseudonymous key (for
                      capture-recapture)

The output is the same bytes on every run: fixed zip timestamps, a seeded
generator, no dates from the clock.
"""
import hashlib
import os
import random
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
ZIP_TIME = (2024, 10, 15, 9, 0, 0)

QUARTERS = ("I кв.", "II кв.", "III кв.")


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def zip_bytes(members):
    """members: (name, text, stored) in order; the zip as bytes."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text, stored in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


# ---- xlsx, written as the XML parts Excel writes ----------------------

def col_letter(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Formula:
    def __init__(self, text, cached):
        self.text, self.cached = text, cached


class XlsxSheet:
    def __init__(self, name, widths):
        self.name, self.widths = name, widths
        self.cells = {}          # (row, col) -> (value, style)
        self.merges = []

    def put(self, ref_row, col, value, style=0):
        self.cells[(ref_row, col)] = (value, style)

    def xml(self, strings):
        rows = sorted({r for r, _ in self.cells})
        maxc = max(c for _, c in self.cells)
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<dimension ref="A1:%s%d"/>' % (col_letter(maxc), rows[-1]),
               '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
               '<sheetFormatPr defaultRowHeight="15"/><cols>']
        for i, w in enumerate(self.widths, 1):
            out.append('<col min="%d" max="%d" width="%s" customWidth="1"/>' % (i, i, w))
        out.append('</cols><sheetData>')
        for r in rows:
            out.append('<row r="%d">' % r)
            for c in sorted(c for rr, c in self.cells if rr == r):
                value, style = self.cells[(r, c)]
                ref = "%s%d" % (col_letter(c), r)
                s = ' s="%d"' % style if style else ""
                if isinstance(value, Formula):
                    out.append('<c r="%s"%s><f>%s</f><v>%s</v></c>'
                               % (ref, s, escape(value.text), value.cached))
                elif isinstance(value, str):
                    out.append('<c r="%s"%s t="s"><v>%d</v></c>'
                               % (ref, s, strings.index(value)))
                elif value is None:
                    out.append('<c r="%s"%s/>' % (ref, s))
                else:
                    out.append('<c r="%s"%s><v>%s</v></c>' % (ref, s, value))
            out.append('</row>')
        out.append('</sheetData>')
        if self.merges:
            out.append('<mergeCells count="%d">' % len(self.merges))
            out.extend('<mergeCell ref="%s"/>' % m for m in self.merges)
            out.append('</mergeCells>')
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                   'header="0.3" footer="0.3"/></worksheet>')
        return "".join(out)


XLSX_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><i/><sz val="9"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"/><right style="thin"/><top style="thin"/>'
    '<bottom style="thin"/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" '
    'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles></styleSheet>')


def xlsx_bytes(sheets, title):
    strings = []
    for sh in sheets:
        for (r, c) in sorted(sh.cells):
            v = sh.cells[(r, c)][0]
            if isinstance(v, str) and v not in strings:
                strings.append(v)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>')
    for i in range(len(sheets)):
        ct += ('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
    ct += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
           '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
           '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
           '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>Генеральная прокуратура (пример)</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-15T09:00:00Z</dcterms:created>'
            '</cp:coreProperties>' % escape(title))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
    for i, sh in enumerate(sheets, 1):
        wb += '<sheet name=%s sheetId="%d" r:id="rId%d"/>' % (quoteattr(sh.name), i, i)
        wbrels += ('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
    n = len(sheets)
    wb += '</sheets></workbook>'
    wbrels += ('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/sharedStrings" Target="sharedStrings.xml"/>'
               '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/styles" Target="styles.xml"/></Relationships>' % (n + 1, n + 2))
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (len(strings), len(strings)))
    sst += "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)
    sst += '</sst>'
    members = [("[Content_Types].xml", ct, False), ("_rels/.rels", rels, False),
               ("docProps/core.xml", core, False), ("xl/workbook.xml", wb, False),
               ("xl/_rels/workbook.xml.rels", wbrels, False)]
    for i, sh in enumerate(sheets, 1):
        members.append(("xl/worksheets/sheet%d.xml" % i, sh.xml(strings), False))
    members += [("xl/sharedStrings.xml", sst, False), ("xl/styles.xml", XLSX_STYLES, False)]
    return zip_bytes(members)


# ---- the Prosecutor General's Office ------------------------------------

# region as the office spells it, then Q1..Q3: int, '-' (none), 'н/д' (not
# available), or a str of digits (a number stored as text)
GPO_COMPLAINTS = [
    ("г.Душанбе", 3, 4, 5),
    ("Согдийская обл.", 4, 3, 5),
    ("Хатлонская область", 5, "7", 6),
    ("ГБАО", "-", 1, "-"),
    ("РРП", 2, 3, "н/д"),
]

GPO_CASES = [          # criminal cases opened under art. 143-1: a second sheet
    ("г.Душанбе", 1, "-", 2),
    ("Согдийская обл.", "-", 1, "-"),
    ("Хатлонская область", 1, "-", 1),
    ("ГБАО", "-", "-", "-"),
    ("РРП", "-", "-", "н/д"),
]


def gpo_sheet(name, title, rows):
    sh = XlsxSheet(name, [26, 10, 10, 10])
    sh.put(1, 1, title, 1)
    sh.merges.append("A1:D1")
    sh.put(3, 1, "Регион", 2)
    sh.put(4, 1, None, 2)
    sh.merges.append("A3:A4")
    sh.put(3, 2, 2024, 2)
    sh.put(3, 3, None, 2)
    sh.put(3, 4, None, 2)
    sh.merges.append("B3:D3")
    for c, q in enumerate(QUARTERS, 2):
        sh.put(4, c, q, 2)
    for i, row in enumerate(rows):
        r = 5 + i
        sh.put(r, 1, row[0], 3)
        for c, v in enumerate(row[1:], 2):
            sh.put(r, c, v, 3)
    total = 5 + len(rows)
    sh.put(total, 1, "Итого", 2)
    for c in range(2, 5):
        # SUM skips text: the total silently leaves out '7' stored as text,
        # as Excel does
        cached = sum(row[c - 1] for row in rows if isinstance(row[c - 1], int))
        letter = col_letter(c)
        sh.put(total, c, Formula("SUM(%s5:%s%d)" % (letter, letter, total - 1), cached), 2)
    sh.put(total + 2, 1, "Примечание: «-» — обращений не поступало; «н/д» — сведения "
           "не представлены.", 4)
    sh.put(total + 3, 1, "Данные за III квартал 2024 г. предварительные.", 4)
    return sh


def gpo_xlsx():
    return xlsx_bytes([
        gpo_sheet("Жалобы", "Сведения о жалобах на применение пыток, поступивших в органы "
                  "прокуратуры Республики Таджикистан, 2024 г.", GPO_COMPLAINTS),
        gpo_sheet("Уголовные дела", "Возбуждено уголовных дел по ст. 143¹ УК Республики "
                  "Таджикистан, 2024 г.", GPO_CASES),
    ], "Жалобы на пытки, 2024")


# ---- the Ombudsman, an OpenDocument spreadsheet in Tajik -----------------

OMB_REGIONS = ("ш. Душанбе", "вилояти Суғд", "вилояти Хатлон", "ВМКБ", "НТҶ")
# (period, sex, values by region); None is an empty cell (not reported)
OMB_ROWS = [
    ("квартали 1 2024", "мард", (9, 5, 7, None, 3)),
    (None, "зан", (2, 1, 1, None, 0)),
    ("квартали 2 2024", "мард", (10, 4, 9, 1, 3)),
    (None, "зан", (2, 0, 2, 0, 1)),
    ("квартали 3 2024", "мард", (12, 6, 8, 0, 4)),
    (None, "зан", (3, 1, 1, 0, 0)),
]

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"')


def ods_cell(v, span=1, rows=1, style=None):
    attrs = ""
    if style:
        attrs += ' table:style-name="%s"' % style
    if span > 1:
        attrs += ' table:number-columns-spanned="%d"' % span
    if rows > 1:
        attrs += ' table:number-rows-spanned="%d"' % rows
    if v is None:
        return "<table:table-cell%s/>" % attrs
    if isinstance(v, int):
        return ('<table:table-cell%s office:value-type="float" office:value="%d">'
                '<text:p>%d</text:p></table:table-cell>' % (attrs, v, v))
    return ('<table:table-cell%s office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell>' % (attrs, escape(v)))


def ods_row(cells):
    return "<table:table-row>%s</table:table-row>" % "".join(cells)


def covered(n):
    if n == 1:
        return "<table:covered-table-cell/>"
    return '<table:covered-table-cell table:number-columns-repeated="%d"/>' % n


def omb_table():
    width = 2 + len(OMB_REGIONS) + 1
    rows = [ods_row([ods_cell("Шикоятҳо дар бораи шиканҷа ва муносибати бераҳмона, "
                              "соли 2024", span=width, style="bold"), covered(width - 1)]),
            ods_row([ods_cell("Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии "
                              "Тоҷикистон", span=width), covered(width - 1)]),
            ods_row([ods_cell(None)])]
    rows.append(ods_row([ods_cell(h, style="head") for h in
                         ("Давра", "Ҷинс") + OMB_REGIONS + ("Ҳамагӣ",)]))
    for period, sex, values in OMB_ROWS:
        cells = [ods_cell(period, rows=2) if period else covered(1), ods_cell(sex)]
        cells += [ods_cell(v) for v in values]
        cells.append(ods_cell(sum(v for v in values if v is not None)))
        rows.append(ods_row(cells))
    totals = [sum(r[2][i] or 0 for r in OMB_ROWS) for i in range(len(OMB_REGIONS))]
    rows.append(ods_row([ods_cell("Ҳамагӣ", style="bold"), ods_cell(None)] +
                        [ods_cell(t) for t in totals] + [ods_cell(sum(totals))]))
    rows.append(ods_row([ods_cell(None)]))
    rows.append(ods_row([ods_cell("Эзоҳ: маълумот барои ВМКБ дар семоҳаи якум пешниҳод "
                                  "нашудааст.")]))
    return ('<table:table table:name="Шикоятҳо">'
            '<table:table-column table:number-columns-repeated="%d"/>%s</table:table>'
            % (width, "".join(rows)))


def ods_bytes(table, title, created):
    """An ods package of one spreadsheet body (table), with its title and
    the time it was made (also used by ../tj-regions/make_data.py)."""
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content %s><office:automatic-styles>'
               '<style:style style:name="bold" style:family="table-cell">'
               '<style:text-properties fo:font-weight="bold"/></style:style>'
               '<style:style style:name="head" style:family="table-cell">'
               '<style:text-properties fo:font-weight="bold"/></style:style>'
               '</office:automatic-styles><office:body><office:spreadsheet>%s'
               '</office:spreadsheet></office:body></office:document-content>'
               % (ODS_NS, table))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<office:document-styles %s><office:styles/></office:document-styles>' % ODS_NS)
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta %s><office:meta><dc:title>%s</dc:title>'
            '<meta:creation-date>%s</meta:creation-date>'
            '</office:meta></office:document-meta>' % (ODS_NS, title, created))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                'manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.spreadsheet", True),
                      ("content.xml", content, False), ("styles.xml", styles, False),
                      ("meta.xml", meta, False), ("META-INF/manifest.xml", manifest, False)])


def omb_ods():
    return ods_bytes(omb_table(), "Шикоятҳо 2024", "2024-10-15T09:00:00")


# ---- the civil-society coalition: windows-1251, ';' ---------------------

WOL_ROWS = [
    ("Регион", "Пол", "Квартал", "Количество", "Примечание"),
    ("г. Душанбе", "муж.", "I кв. 2024", "14", ""),
    ("г. Душанбе", "жен.", "I кв. 2024", "3", ""),
    ("Согдийская обл.", "муж.", "I кв. 2024", "9", ""),
    ("Согдийская обл.", "жен.", "I кв. 2024", "-", "нет обращений"),
    ("вилояти Хатлон", "муж.", "I кв. 2024", "11", ""),
    ("вилояти Хатлон", "жен.", "I кв. 2024", "2", ""),
    ("ГБАО", "муж.", "I кв. 2024", "н/д", "данные не получены"),
    ("РРП", "муж.", "I кв. 2024", "6", ""),
    ("ш. Душанбе", "муж.", "II кв. 2024", "17", ""),
    ("ш. Душанбе", "жен.", "II кв. 2024", "4", ""),
    ("Sughd", "муж.", "II кв. 2024", "8", ""),
    ("Sughd", "жен.", "II кв. 2024", "1", ""),
    ("Хатлонская область", "муж.", "II кв. 2024", "13", ""),
    ("ГБАО", "муж.", "II кв. 2024", "2", ""),
    ("РРП", "муж.", "II кв. 2024", "5", ""),
    ("РРП", "жен.", "II кв. 2024", "x", "скрыто по просьбе заявителя"),
    ("Dushanbe", "муж.", "III кв. 2024", "19", ""),
    ("Dushanbe", "жен.", "III кв. 2024", "5", ""),
    ("вилояти Сугд", "муж.", "III кв. 2024", "10", ""),
    ("вилояти Сугд", "жен.", "III кв. 2024", "2", ""),
    ("Хатлон", "муж.", "III кв. 2024", "12", ""),
    # a district inside GBAO: no region code matches it (unmapped.csv)
    ("ГБАО; Ишкашим", "муж.", "III кв. 2024", "1",
     'по данным "Бюро по правам человека"'),
    # Tajik typed without its letters (windows-1251 has no ҳ, ҷ, ӣ)
    ("нохияхои тобеи чумхури", "муж.", "III кв. 2024", "7", ""),
    ("Итого", "", "", "1 234", ""),
]


def csv_field(s, delim):
    if delim in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def wol_csv():
    lines = [";".join(csv_field(f, ";") for f in row) for row in WOL_ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


# ---- record-level case lists --------------------------------------------

REGIONS = (("TJ-DU", 0.32), ("TJ-SU", 0.24), ("TJ-KT", 0.26), ("TJ-GB", 0.04),
           ("TJ-RA", 0.14))
CASES = 260             # cases that happened, documented or not
P_WOL, P_OMB = 0.58, 0.30


def pick(rng, weighted):
    x, acc = rng.random(), 0.0
    for value, w in weighted:
        acc += w
        if x < acc:
            return value
    return weighted[-1][0]


def case_lists():
    """Who documented which invented case: two CSV texts."""
    rng = random.Random(20241015)
    wol = ["key,case_no,indicator,period,region,sex"]
    omb = ["key,case_no,indicator,period,region,sex"]
    for i in range(1, CASES + 1):
        key = hashlib.sha256(b"tj-torture example case %d" % i).hexdigest()[:12].upper()
        region = pick(rng, REGIONS)
        period = "2024-Q%d" % (1 + int(rng.random() * 3))
        sex = "2" if rng.random() < 0.18 else "1"
        on_wol, on_omb = rng.random() < P_WOL, rng.random() < P_OMB
        row = "torture_complaints,%s,%s,%s" % (period, region, sex)
        if on_wol:
            wol.append("%s,W-%04d,%s" % (key, len(wol), row))
        if on_omb:
            omb.append("%s,ОМБ-%03d/24,%s" % (key, len(omb), row))
    return ("\n".join(wol) + "\n").encode(), ("\n".join(omb) + "\n").encode()


def main():
    os.makedirs(DATA, exist_ok=True)
    write_atomic(os.path.join(DATA, "gpo_2024.xlsx"), gpo_xlsx())
    write_atomic(os.path.join(DATA, "ombudsman_2024.ods"), omb_ods())
    write_atomic(os.path.join(DATA, "wol_cases.csv"), wol_csv())
    wol, omb = case_lists()
    write_atomic(os.path.join(DATA, "cases_wol.csv"), wol)
    write_atomic(os.path.join(DATA, "cases_omb.csv"), omb)


if __name__ == "__main__":
    main()
