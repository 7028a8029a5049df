#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# reckon-extract on every sheet of bench/gen_crosstab.py's workbook in one
# call, as an analyst would write it in a pipeline's sources: sheet: "*"
# (the workbook opened once, its shared strings read once), the sheet's
# year and region from its name (sheet_fields).  The tidy rows of all the
# sheets go to stdout under one header.  bench/all.sh times it.
#
#   bench/crosstab_reckon.sh RECKON-EXTRACT FILE.xlsx SHEETS.tsv
#   bench/crosstab_reckon.sh --config FILE.xlsx CONFIG.yaml
#
# SHEETS.tsv is gen_crosstab.py's stdout (used by bench/all.sh to check the
# row count).  With --config it only writes the pipeline config: bench/all.sh
# writes it once, as an analyst's pipeline has it, and times reckon-extract
# alone, not bash, mktemp and the here-document.
set -euo pipefail
if [ "${1:-}" = --config ] && [ $# = 3 ]; then
	xlsx=$2 cfg=$3
else
	[ $# = 3 ] || { echo "usage: bench/crosstab_reckon.sh RECKON-EXTRACT FILE.xlsx SHEETS.tsv" >&2; exit 64; }
	rx=$1 xlsx=$2
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
	cfg=$dir/p.yaml
fi
cat >"$cfg" <<YAML
pipeline: crosstab
dimensions: [region, district, sex]
sources:
  - id: crosstab
    file: "$(cd "$(dirname "$xlsx")" && pwd)/$(basename "$xlsx")"
    sheet_fields: {year: "^([0-9]{4}) ", region: "^[0-9]{4} (.+)\$"}
    constants: {indicator: torture_complaints}
    layout:
      sheet: "*"
      fields: {district: "Район"}
      values: "B:I"
      header_rows: 2
      value_headers: [sex, quarter]
      period: "{quarter} {year}"
      sentinels: {"-": 0, "н/д": missing}
      skip_rows: "^(Итого|Всего)"
      stop_at: "^\\\\*"
YAML
[ "${1:-}" = --config ] && exit 0
"$rx" -q --config "$cfg" --source crosstab
