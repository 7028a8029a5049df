#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes forms/register_*.xlsx: the register reckon template makes for the
# coalition, filled with invented cases by three member organisations (a
# few cases held by two of them), each saved on a day of its own (the
# workbook's dcterms:modified, which reckon-extract reads as when the form
# was received).  Needs bin/reckon and Debian's
# python3-openpyxl.  Run from the repository: pipelines/examples/tj-forms/make_forms.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
export SOURCE_DATE_EPOCH=1727740800
for org in nhrc ippt bureau; do
	"$top/bin/reckon" template "$here/pipeline.yaml" --source coal --shape cases \
		--fields act,complaint_status --rows 120 --organisation "$org" -o "$here/forms/empty_$org.xlsx"
done
/usr/bin/python3 - "$here/forms" <<'PY'
import datetime, os, random, sys
import openpyxl
d = sys.argv[1]
rnd = random.Random(20241001)
regions = ["г. Душанбе", "Согдийская область", "Хатлонская область",
           "Горно-Бадахшанская автономная область", "Районы республиканского подчинения"]
weights = [5, 3, 3, 1, 2]
sexes = ["мужчины", "женщины"]
letters = "АБВГДЕЖЗИКЛМНОПРСТУФХЧШЭЮЯ"
acts = ["Пытки", "Жестокое, бесчеловечное или унижающее достоинство обращение",
        "Угрозы", "Сексуальное насилие", "Отказ в медицинской помощи",
        "Содержание без связи с внешним миром", "Произвольное задержание"]
statuses = ["Поступила", "Направлена в прокуратуру", "Возбуждено уголовное дело",
            "Отказано в возбуждении дела", "Закрыта"]
def case():
    key = "".join(rnd.choice(letters) for _ in range(3)) + "%02d%02d%02d" % (
        rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(60, 99))
    sex = rnd.choices(sexes, [4, 1])[0]
    key += "М" if sex == "мужчины" else "Ж"
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rnd.randint(0, 272))
    act = rnd.choices(acts, [6, 4, 3, 1, 2, 1, 2])[0]
    status = rnd.choices(statuses, [3, 4, 1, 2, 1])[0]
    return key, day, rnd.choices(regions, weights)[0], sex, act, status
cases = {org: [case() for _ in range(n)] for org, n in (("nhrc", 60), ("ippt", 40), ("bureau", 25))}
cases["bureau"] += cases["nhrc"][:6]      # people who went to two members
# when each member saved its register, as Excel records it (the forms are
# due on 15 October: the bureau's came two days late)
saved = {"nhrc": datetime.datetime(2024, 10, 9, 15, 12),
         "ippt": datetime.datetime(2024, 10, 14, 8, 40),
         "bureau": datetime.datetime(2024, 10, 17, 10, 5)}
for org, rows in cases.items():
    wb = openpyxl.load_workbook(os.path.join(d, "empty_%s.xlsx" % org))
    ws = wb.worksheets[1]
    for i, (key, day, region, sex, act, status) in enumerate(rows):
        r = 5 + i
        ws.cell(r, 1).value = key
        ws.cell(r, 2).value = day
        ws.cell(r, 2).number_format = "dd.mm.yyyy"
        ws.cell(r, 4).value = region
        ws.cell(r, 5).value = sex
        ws.cell(r, 6).value = act
        ws.cell(r, 7).value = status
    wb.properties.modified = saved[org]
    wb.properties.lastModifiedBy = org
    wb.save(os.path.join(d, "register_%s.xlsx" % org))
    os.remove(os.path.join(d, "empty_%s.xlsx" % org))
PY
