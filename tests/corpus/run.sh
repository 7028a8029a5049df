#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Conformance against ../shared/corpus: runs the cells dump on every workbook
# and compares it byte for byte with the oracle <file>.cells.csv.  Workbooks
# without an oracle must fail cleanly (exit 0 or 65, no signal, no hang).
# Differences listed in expected-differences (path, TAB, reason) are known
# faults of the oracle and counted apart; any other difference fails.
#
# Usage: tests/corpus/run.sh [-v] [CORPUS_DIR]
#   RECKON_EXTRACT  the program to run (default: reckon-extract on PATH)
# Prints one summary line per format, then the failures; exits 1 on any
# failure, 0 otherwise (also when the corpus is absent: it says so).
set -u
verbose=0
[ "${1:-}" = -v ] && { verbose=1; shift; }
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$top/../shared/corpus}
extract=${RECKON_EXTRACT:-reckon-extract}
known="$top/tests/corpus/expected-differences"
if [ ! -d "$corpus/calamine" ] && [ ! -d "$corpus/libxlsxwriter" ]; then
	echo "corpus: skipped, no corpus at $corpus"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/fail"
: >"$tmp/counts"
for f in "$corpus"/*/*.xlsx "$corpus"/*/*.xlsm "$corpus"/*/*.xls "$corpus"/*/*.ods; do
	[ -f "$f" ] || continue
	rel=${f#"$corpus"/}
	ext=${f##*.}
	timeout 60 "$extract" --cells "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ -f "$f.cells.csv" ]; then
		if [ $rc = 0 ] && cmp -s "$tmp/out" "$f.cells.csv"; then
			echo "$ext pass" >>"$tmp/counts"
		elif grep -q "^$rel	" "$known" 2>/dev/null; then
			echo "$ext known" >>"$tmp/counts"
		else
			echo "$ext fail" >>"$tmp/counts"
			printf '  FAIL %s (exit %s)\n' "$rel" $rc >>"$tmp/fail"
			if [ $verbose = 1 ]; then
				head -3 "$tmp/err" | sed 's/^/    /' >>"$tmp/fail"
				diff "$f.cells.csv" "$tmp/out" | head -10 | sed 's/^/    /' >>"$tmp/fail"
			fi
		fi
	elif [ $rc = 0 ] || [ $rc = 65 ]; then
		echo "$ext clean" >>"$tmp/counts"
	else
		echo "$ext fail" >>"$tmp/counts"
		printf '  FAIL %s: no oracle, must fail cleanly, exit %s\n' "$rel" $rc >>"$tmp/fail"
		[ $verbose = 1 ] && head -3 "$tmp/err" | sed 's/^/    /' >>"$tmp/fail"
	fi
done
for ext in xlsx xlsm xls ods; do
	pass=$(grep -c "^$ext pass" "$tmp/counts")
	knownn=$(grep -c "^$ext known" "$tmp/counts")
	fail=$(grep -c "^$ext fail" "$tmp/counts")
	clean=$(grep -c "^$ext clean" "$tmp/counts")
	printf 'corpus %-4s %3d/%d match the oracle, %d known differences, %d without oracle failed cleanly\n' \
		"$ext" "$pass" $((pass + knownn + fail - $(grep -c "^  FAIL [^ ]*\.$ext: no oracle" "$tmp/fail"))) \
		"$knownn" "$clean"
done
if [ -s "$tmp/fail" ]; then
	cat "$tmp/fail"
	exit 1
fi
exit 0
