#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# reckon-extract on every sheet of bench/gen_crosstab.py's workbook: one
# call per sheet (reckon-extract reads one sheet at a time), with the
# sheet's year and region as constants, as an analyst would write them in
# a pipeline's sources.  The tidy rows of all the sheets go to stdout, each
# sheet's with its CSV header.  bench/all.sh times the whole loop.
#
#   bench/crosstab_reckon.sh RECKON-EXTRACT FILE.xlsx SHEETS.tsv
#
# SHEETS.tsv is gen_crosstab.py's stdout: number, year, region, ... a line.
set -euo pipefail
[ $# = 3 ] || { echo "usage: bench/crosstab_reckon.sh RECKON-EXTRACT FILE.xlsx SHEETS.tsv" >&2; exit 64; }
rx=$1 xlsx=$2 sheets=$3
while IFS=$'\t' read -r n year region _; do
	"$rx" -q --sheet "$n" --dimensions region,district,sex \
		--field district=Район --value B:I --header-rows 2 \
		--value-header sex --value-header quarter --period '{quarter} {year}' \
		--constant "year=$year" --constant "region=$region" \
		--constant indicator=torture_complaints \
		--sentinel -=0 --sentinel н/д=missing \
		--skip-rows '^(Итого|Всего)' --stop-at '^\*' "$xlsx"
done <"$sheets"
