#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The brief benchmark: reckon-report writing a brief with 100,000 data rows
# against a bare libxlsxwriter program (bench/bare_xlsxwriter.c) writing the
# bulk of the same cells (the tidy rows, and the cell table twice), and
# against the same cells written by python3-xlsxwriter
# (bench/bare_xlsxwriter.py, default mode, as the C program: every cell in
# memory until close), under /usr/bin/time -v.  Target: the brief in at
# most 1.3 times the bare time.  Without python3-xlsxwriter its row says
# "not installed".  reckon-compare is timed too, alone (it has no peer in
# Debian), on the same tidy rows.
#
#   bench/report.sh            100,000 rows, 5 runs of each, interleaved
#   bench/report.sh --smoke    1,000 rows, 1 run: checks the outputs
#
# options:
#   --rows N      tidy rows to generate (default 100000)
#   --reps N      runs of each task; the median wall time counts (default 5)
#   --bin DIR     where reckon-report and reckon-compare are (default bin)
#   --out DIR     work folder (default build/bench/report, .../smoke)
#
# The inputs (bench/gen_report.py: two sources, two indicators, ten years
# monthly by district and sex, one compare entry) and reckon-compare's
# results are made once and kept while the generator and the row count are
# the same; only the writing of the two workbooks is timed.  Both write to a
# real file.  The report has suppression on (suppress_below: 5), so its time
# includes deciding what to withhold.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
TIME=/usr/bin/time

smoke=0 rows= reps= out= bin=bin

die() { echo "bench: $*" >&2; exit 1; }
usage() { sed -n '/^#   bench/,/^# options/p;/^#   --/,/^#$/p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-64}"; }

while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 ;;
	--rows) rows=${2:?}; shift ;;
	--reps) reps=${2:?}; shift ;;
	--bin) bin=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	-h|--help) usage 0 ;;
	*) echo "bench: unknown option $1" >&2; usage >&2 ;;
	esac
	shift
done
if [ "$smoke" = 1 ]; then
	: "${rows:=1000}" "${reps:=1}" "${out:=build/bench/report/smoke}"
else
	: "${rows:=100000}" "${reps:=5}" "${out:=build/bench/report}"
fi
case $rows$reps in *[!0-9]*) die "--rows and --reps take numbers" ;; esac
[ -x "$PY" ] || die "$PY is missing (Debian's python3)"
[ -x "$TIME" ] || die "$TIME is missing: apt-get install time"
for p in reckon-report reckon-compare; do
	[ -x "$bin/$p" ] || die "$bin/$p is missing: run make first, or give --bin DIR"
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

# private copies, so that a make running meanwhile cannot swap them
for p in reckon-report reckon-compare; do
	cp -f "$bin/$p" "$out/$p.tmp.$$" && mv -f "$out/$p.tmp.$$" "$out/$p"
done
bare="$ROOT/build/bench/bare_xlsxwriter"
if [ ! -x "$bare" ] || [ bench/bare_xlsxwriter.c -nt "$bare" ]; then
	mkdir -p "$(dirname "$bare")"
	cc -O2 -std=c11 -Wall -Wextra -o "$bare.tmp.$$" bench/bare_xlsxwriter.c \
		$(pkg-config --cflags --libs xlsxwriter) -lcsv ||
		die "cannot build bench/bare_xlsxwriter.c"
	mv -f "$bare.tmp.$$" "$bare"
fi

# ---- inputs ----

gen_sha=$(sha256sum bench/gen_report.py | cut -d' ' -f1)
stamp="rows=$rows generator=$gen_sha compare=$(sha256sum "$bin/reckon-compare" | cut -c1-16)"
if [ "$(cat "$out/inputs.meta" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$out/in" "$out/inputs.meta"
	"$PY" -B bench/gen_report.py --rows "$rows" --out "$out/in" >"$out/gen.log" ||
		{ cat "$out/gen.log" >&2; die "gen_report.py failed"; }
	(cd "$out/in" && "$ROOT/$bin/reckon-compare" --config pipeline.yaml \
		--from tidy.csv --out results) >"$out/compare.log" 2>&1 ||
		{ cat "$out/compare.log" >&2; die "reckon-compare failed"; }
	echo "$stamp" >"$out/inputs.meta"
fi
tidy_rows=$(($(wc -l <"$out/in/tidy.csv") - 1))
cell_rows=$(($(wc -l <"$out/in/results/cells.csv") - 1))

# ---- the tasks ----

TASKS=(bare report compare)
have_py=0
"$PY" -c 'import xlsxwriter' 2>/dev/null && have_py=1 && TASKS+=(py)
declare -A NAME=([bare]="bare libxlsxwriter" [report]="reckon-report" [py]="python xlsxwriter"
		[compare]="reckon-compare")
declare -A OUTF=([bare]=bare.xlsx [report]=brief.xlsx [py]=py.xlsx [compare]=cmp)
cmd() {
	case $1 in
	bare) CMD=("$bare" tidy.csv results/cells.csv "$out/bare.xlsx") ;;
	py) CMD=("$PY" "$ROOT/bench/bare_xlsxwriter.py" tidy.csv results/cells.csv "$out/py.xlsx") ;;
	report) CMD=("$out/reckon-report" --config pipeline.yaml --results results
		     --data tidy.csv -o "$out/brief.xlsx") ;;
	compare) CMD=("$out/reckon-compare" --config pipeline.yaml --from tidy.csv
		      --out "$out/cmp") ;;
	esac
}

check() {
	case $1 in
	bare) grep -q '^cells=' "$out/run.stdout" ||
		{ echo "bench: bare_xlsxwriter wrote no cells" >&2; return 1; } ;;
	report) [ -s "$out/brief.xlsx" ] ||
		{ echo "bench: reckon-report wrote no brief" >&2; return 1; } ;;
	compare) cmp -s "$out/cmp/cells.csv" "$out/in/results/cells.csv" ||
		{ echo "bench: reckon-compare wrote other cells than before" >&2; return 1; } ;;
	py) [ -s "$out/py.xlsx" ] && grep -q '^cells=' "$out/run.stdout" ||
		{ echo "bench: bare_xlsxwriter.py wrote no cells" >&2; return 1; }
	    # the same cells as the C program
	    [ ! -s "$out/bare.cells" ] ||
		[ "$(sed -n 's/^cells=//p' "$out/run.stdout")" = "$(cat "$out/bare.cells")" ] ||
		{ echo "bench: bare_xlsxwriter.py: $(cat "$out/run.stdout"), C: $(cat "$out/bare.cells")" >&2; return 1; } ;;
	esac
}

declare -A WALL RSS UCPU SCPU
failed=0
rm -f "$out/bare.cells"
cat "$out/in/tidy.csv" "$out/in/results/cells.csv" >/dev/null   # page cache
echo "bench: $tidy_rows tidy rows, $cell_rows cells, $reps run(s) of each" >&2
for ((i = 1; i <= reps; i++)); do
	for t in "${TASKS[@]}"; do
		cmd "$t"
		rm -rf "${out:?}/${OUTF[$t]}"
		t0=${EPOCHREALTIME/[.,]/}
		rc=0
		(cd "$out/in" && SOURCE_DATE_EPOCH=1727740800 "$TIME" -v -o "$out/run.time" \
			"${CMD[@]}" >"$out/run.stdout" 2>"$out/run.stderr") || rc=$?
		t1=${EPOCHREALTIME/[.,]/}
		if [ "$rc" != 0 ]; then
			echo "bench: $t exited $rc:" >&2
			cat "$out/run.stderr" >&2
			failed=1
			continue
		fi
		check "$t" || failed=1
		[ "$t" = bare ] && sed -n 's/^cells=//p' "$out/run.stdout" >"$out/bare.cells"
		WALL[$t]+=" $(( t1 - t0 ))"
		RSS[$t]+=" $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/run.time")"
		UCPU[$t]+=" $(sed -n 's/.*User time (seconds): //p' "$out/run.time")"
		SCPU[$t]+=" $(sed -n 's/.*System time (seconds): //p' "$out/run.time")"
		printf '  run %d %-7s %8.3f s\n' "$i" "$t" "$(( t1 - t0 ))e-6" >&2
	done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{v[NR]=$1} END{if(!NR)print "nan"; else if(NR%2)print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
maxof() { tr ' ' '\n' | sed '/^$/d' | sort -g | tail -n1; }

res="$out/results.md"
{
	echo "## Machine"
	echo
	echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
	     "$(grep -c '^processor' /proc/cpuinfo) logical CPUs" \
	     "$(grep -qw hypervisor /proc/cpuinfo && echo '(virtual machine)')"
	echo "- load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- libxlsxwriter $(dpkg-query -W -f='${Version}' libxlsxwriter4 2>/dev/null || echo '?')," \
	     "zlib $(dpkg-query -W -f='${Version}' zlib1g 2>/dev/null || echo '?')"
	echo
	echo "## Inputs"
	echo
	echo "- \`gen_report.py --rows $rows\`: $tidy_rows tidy rows; reckon-compare: $cell_rows cells"
	echo "- the brief: $(unzip -l "$out/brief.xlsx" 2>/dev/null | grep -c 'worksheets/sheet') sheets," \
	     "$(stat -c %s "$out/brief.xlsx" 2>/dev/null || echo '?') bytes;" \
	     "bare: $(cat "$out/bare.cells" 2>/dev/null) cells written$([ "$have_py" = 1 ] && echo ', python xlsxwriter the same')"
	echo
	echo "## Results"
	echo
	echo "| task | median s | user s | sys s | peak RSS MiB |"
	echo "| --- | ---: | ---: | ---: | ---: |"
	for t in bare report py compare; do
		if [ "$t" = py ] && [ "$have_py" = 0 ]; then
			echo "| ${NAME[$t]} | not installed | | | |"; continue
		fi
		[ -n "${WALL[$t]:-}" ] || { echo "| ${NAME[$t]} | failed | | | |"; continue; }
		awk -v n="${NAME[$t]}" -v us="$(echo "${WALL[$t]}" | median)" \
		    -v u="$(echo "${UCPU[$t]}" | median)" -v s="$(echo "${SCPU[$t]}" | median)" \
		    -v k="$(echo "${RSS[$t]}" | maxof)" 'BEGIN {
			printf "| %s | %.3f | %.2f | %.2f | %.1f |\n", n, us / 1e6, u, s, k / 1024 }'
	done
	if [ -n "${WALL[bare]:-}" ] && [ -n "${WALL[report]:-}" ]; then
		echo
		awk -v b="$(echo "${WALL[bare]}" | median)" -v r="$(echo "${WALL[report]}" | median)" \
		    -v bu="$(echo "${UCPU[bare]}" | median)" -v ru="$(echo "${UCPU[report]}" | median)" 'BEGIN {
			printf "- wall time ratio %.2f (target <= 1.3: %s); user CPU ratio %.2f\n",
			       r / b, (r / b <= 1.3 ? "met" : "NOT met"), (bu > 0 ? ru / bu : 0) }'
	fi
	if [ -n "${WALL[py]:-}" ] && [ -n "${WALL[report]:-}" ]; then
		awk -v p="$(echo "${WALL[py]}" | median)" -v r="$(echo "${WALL[report]}" | median)" 'BEGIN {
			printf "- reckon-report / python xlsxwriter wall time ratio %.2f\n", r / p }'
	fi
} >"$res"

cat "$res"
rm -f "$out/run.stdout" "$out/run.stderr" "$out/run.time" "$out/bare.cells"
[ "$failed" = 0 ] || { echo "bench: FAILED" >&2; exit 1; }
[ "$smoke" = 1 ] && echo "bench: report smoke ok" >&2
exit 0
