#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xlsx reading benchmark: a 9-column sheet with shared strings as Excel
# writes it (bench/gen_xlsx.py), read by reckon-extract (the cells view, and
# a tidy extraction of one value column) and by xlsx2csv (Debian package
# xlsx2csv, when installed), at each row count; wall time and peak RSS
# from /usr/bin/time.  Workbooks are cached in build/bench/.
#   bench/xlsx.sh [ROWS...]        default: 100000 1000000
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${RECKON_BIN:-$top/bin}
dir=$top/build/bench
mkdir -p "$dir"
[ $# -gt 0 ] || set -- 100000 1000000
timed() {   # prints "seconds peak-KiB" of the command
	/usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>"$dir/err" ||
		{ cat "$dir/err" >&2; echo "failed: $*" >&2; exit 1; }
	cat "$dir/time"
}
printf '%-9s %-8s %-22s %-22s %-22s\n' rows xlsx 'reckon --cells' 'reckon tidy' xlsx2csv
for n in "$@"; do
	f=$dir/sheet_$n.xlsx
	[ -f "$f" ] || /usr/bin/python3 "$top/bench/gen_xlsx.py" "$n" "$f"
	size=$(du -m "$f" | cut -f1)M
	set -- $(timed "$bin/reckon-extract" --cells "$f")
	cells="$1 s, $(($2 / 1024)) MiB"
	set -- $(timed "$bin/reckon-extract" --quiet --field region=Регион \
		--field sex=Пол --field period=Дата --value Количество \
		--constant indicator=complaints "$f")
	tidy="$1 s, $(($2 / 1024)) MiB"
	other=-
	if command -v xlsx2csv >/dev/null; then
		set -- $(timed xlsx2csv "$f")
		other="$1 s, $(($2 / 1024)) MiB"
	fi
	printf '%-9s %-8s %-22s %-22s %-22s\n' "$n" "$size" "$cells" "$tidy" "$other"
done
