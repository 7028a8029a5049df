#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The normalisation benchmark: reckon-normalise against the same job in
# python3-pandas (read_csv, map the labels with ready-made dictionaries, sum
# by key with groupby) on generated raw tidy CSV: messy labels in Russian,
# Tajik and Latin spellings, months written eight ways, summed to quarters.
# Both outputs are checked against the generator's own sums.
#
#   bench/normalise.sh            1,000,000 rows, 5 runs of each, interleaved
#   bench/normalise.sh --smoke    2,000 rows, 1 run, outputs checked
#
# options:
#   --rows N      raw rows (default 1000000)
#   --reps N      runs of each task; the median wall time counts (default 5)
#   --bin PATH    reckon-normalise to time (default bin/reckon-normalise)
#   --out DIR     work folder (default build/bench-normalise)
#
# pandas comes from Debian's python3-pandas and runs under /usr/bin/python3
# (not a python3 that comes first on PATH); without it only reckon-normalise
# is timed.  Peak RSS is the largest "Maximum resident set size" of the runs;
# CPU is user + system time, which counts both of reckon-normalise's threads.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=/usr/bin/python3
TIME=/usr/bin/time

smoke=0 rows= reps= out= bin=bin/reckon-normalise
die() { echo "bench: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 ;;
	--rows) rows=${2:?}; shift ;;
	--reps) reps=${2:?}; shift ;;
	--bin) bin=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	-h|--help) sed -n '3,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
	shift
done
if [ "$smoke" = 1 ]; then
	: "${rows:=2000}" "${reps:=1}" "${out:=build/bench-normalise/smoke}"
else
	: "${rows:=1000000}" "${reps:=5}" "${out:=build/bench-normalise}"
fi
case $rows$reps in *[!0-9]*) die "--rows and --reps take numbers" ;; esac
[ -x "$PY" ] || die "$PY is missing"
[ -x "$TIME" ] || die "$TIME is missing: apt-get install time"
[ -x "$bin" ] || die "$bin is missing: run make first, or give --bin PATH"
have_pandas=1
"$PY" -c 'import pandas' 2>/dev/null || have_pandas=0

mkdir -p "$out"
out=$(cd "$out" && pwd)
rn="$out/reckon-normalise"
cp -f "$bin" "$rn.tmp.$$" && mv -f "$rn.tmp.$$" "$rn"

raw="$out/raw.csv"
gen_sha=$(sha256sum bench/gen_raw.py | cut -d' ' -f1)
if [ ! -f "$raw.meta" ] || ! grep -qx "rows=$rows" "$raw.meta" ||
   ! grep -qx "generator=$gen_sha" "$raw.meta"; then
	"$PY" -B bench/gen_raw.py --rows "$rows" --output "$raw" ||
		die "gen_raw.py failed"
	echo "generator=$gen_sha" >>"$raw.meta"
fi
bytes=$(stat -c %s "$raw")
cat "$raw" >/dev/null                    # into the page cache

declare -A WALL CPU RSS
run() {    # run TASK: one timed run
	local task=$1 t="$out/time.txt"
	case $task in
	reckon) "$TIME" -f '%e %U %S %M' -o "$t" "$rn" -q --config bench/normalise.yaml \
			-o "$out/ours.csv" "$raw" ;;
	pandas) "$TIME" -f '%e %U %S %M' -o "$t" "$PY" bench/normalise_pandas.py \
			"$raw" "$out/pandas.csv" ;;
	esac
	read -r wall user sys rss <"$t"
	WALL[$task]+="$wall "
	CPU[$task]+="$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}') "
	[ "$rss" -gt "${RSS[$task]:-0}" ] && RSS[$task]=$rss
	return 0
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

tasks=(reckon)
[ "$have_pandas" = 1 ] && tasks+=(pandas)
for ((i = 0; i < reps; i++)); do
	for t in "${tasks[@]}"; do run "$t"; done
done
"$PY" bench/normalise_check.py "$raw.expected.csv" ours "$out/ours.csv" ||
	die "reckon-normalise's output is wrong"
[ "$have_pandas" = 0 ] ||
	"$PY" bench/normalise_check.py "$raw.expected.csv" pandas "$out/pandas.csv" ||
	die "the pandas output is wrong"

{
	echo "normalise benchmark: $rows raw rows ($((bytes / 1000000)) MB) to $(($(wc -l <"$out/ours.csv") - 1)) quarterly rows, $reps runs each"
	echo "$(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
	printf '%-18s %10s %10s %12s\n' task "wall (s)" "CPU (s)" "peak RSS"
	for t in "${tasks[@]}"; do
		printf '%-18s %10.2f %10.2f %8.1f MiB\n' "$t" "$(echo "${WALL[$t]}" | median)" \
			"$(echo "${CPU[$t]}" | median)" "$(awk -v k="${RSS[$t]}" 'BEGIN {print k / 1024}')"
	done
	if [ "$have_pandas" = 1 ]; then
		w1=$(echo "${WALL[reckon]}" | median); w2=$(echo "${WALL[pandas]}" | median)
		awk -v a="$w1" -v b="$w2" 'BEGIN { if (a > 0) printf "reckon-normalise: %.1fx the speed of pandas (median wall time)\n", b / a;
			else print "reckon-normalise: too fast to time at this size" }'
	else
		echo "pandas not timed: apt-get install python3-pandas"
	fi
} | tee "$out/results.txt"
