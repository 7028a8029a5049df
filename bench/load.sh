#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The load benchmark, side by side on one throwaway server
# (tests/pg/cluster.sh): the same N tidy rows
#
#   copy      psql -c '\copy' into a table with the same key
#             (source, indicator, period, region, sex, age)
#   pgloader  pgloader (a LOAD CSV command file) into another such table;
#             "not installed" in the table when there is no pgloader
#   load      reckon-load into an empty warehouse
#   reload    reckon-load of the same file again (nothing changes)
#   correct   reckon-load of a corrected release (every 100th value changed)
#
# interleaved in REPS rounds: median wall time, and the median of each
# round's ratio to its \copy and to its pgloader; peak client RSS from
# /usr/bin/time; a CHECKPOINT before each timed step; the rows in the
# tables counted after each copy and pgloader step.  Then reckon-load's
# RSS on a tenth of the rows, to show that client memory does not grow
# with the input.
#
#   bench/load.sh            1,000,000 rows, 3 runs of each
#   bench/load.sh --smoke    10,000 rows, 1 run: checks the counts only
#
# options:
#   --rows N    rows (default 1000000)
#   --reps N    runs of each step (default 3)
#   --bin PATH  reckon-load to time (default $RECKON_LOAD or bin/reckon-load)
#   --out DIR   work folder (default build/bench-load)
#
# The table goes to stdout and DIR/results.md.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=/usr/bin/python3
TIME=/usr/bin/time
rows=1000000 reps=3 smoke=0 out=
bin=${RECKON_LOAD:-bin/reckon-load}

die() { echo "bench/load.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 rows=10000 reps=1 ;;
	--rows) rows=${2:?}; shift ;;
	--reps) reps=${2:?}; shift ;;
	--bin) bin=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	-h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1" ;;
	esac
	shift
done
[ -x "$bin" ] || die "no $bin (run make)"
tests/pg/cluster.sh available || die "PostgreSQL is not installed (make deps)"
out=${out:-build/bench-load}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# a private copy, so that a make running meanwhile cannot swap it
cp -f "$bin" "$out/reckon-load.tmp.$$" && mv -f "$out/reckon-load.tmp.$$" "$out/reckon-load"
bin=$out/reckon-load
psql=$(tests/pg/cluster.sh bindir)/psql

# inputs, regenerated when the row count or the generator changed
meta="rows=$rows gen=$(sha256sum bench/gen_tidy.py | cut -c1-16)"
if [ "$(cat "$out/tidy.meta" 2>/dev/null)" != "$meta" ]; then
	$PY bench/gen_tidy.py --rows "$rows" >"$out/tidy.csv"
	$PY bench/gen_tidy.py --rows "$rows" --change 100 >"$out/corrected.csv"
	$PY bench/gen_tidy.py --rows $((rows / 10)) >"$out/tenth.csv"
	echo "$meta" >"$out/tidy.meta"
fi

pgdir=$(mktemp -d /tmp/reckon-bench-pg.XXXXXX)
trap 'tests/pg/cluster.sh stop "$pgdir/cluster"; rm -rf "$pgdir"' EXIT
base=$(tests/pg/cluster.sh start "$pgdir/cluster")
db=${base/dbname=postgres/dbname=bench}
sql() { PGOPTIONS="-c client_min_messages=warning" "$psql" "$1" -qAtX -v ON_ERROR_STOP=1 -c "$2" >/dev/null; }
sql "$base" "CREATE DATABASE bench TEMPLATE template0"

# timed STEP CMD...: runs CMD under /usr/bin/time; appends "STEP secs KiB"
timed() {
	local step=$1
	shift
	sql "$db" "CHECKPOINT"
	$TIME -f "%e %M" -o "$out/time.txt" "$@" >"$out/$step.out" 2>"$out/$step.err" ||
		{ cat "$out/$step.err" >&2; die "$step failed"; }
	echo "$step $(cat "$out/time.txt")" >>"$out/times.txt"
}

copy_cmd="\\copy bench_copy FROM '$out/tidy.csv' WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (region, sex, age))"
keyed() {
	sql "$db" "DROP TABLE IF EXISTS $1; CREATE TABLE $1 (
		source text, indicator text, period text, region text, sex text,
		age text, value numeric, status text, origin text,
		PRIMARY KEY (source, indicator, period, region, sex, age))"
}
# count TABLE: the rows must all be there, or the time means nothing
count() {
	local n
	n=$(PGOPTIONS="-c client_min_messages=warning" "$psql" "$db" -qAtX -c "SELECT count(*) FROM $1")
	[ "$n" = "$rows" ] || die "$1: $n rows, not $rows ($(tail -n 3 "$out/$2.err" "$out/$2.out" 2>/dev/null))"
}

# pgloader: the same file, the same keyed table; empty unquoted region, sex
# and age are '' (as \copy's FORCE_NOT_NULL), the other empty fields NULL;
# through the Unix socket
have_pgloader=0
command -v pgloader >/dev/null && have_pgloader=1
if [ "$have_pgloader" = 1 ]; then
	cat >"$out/pgloader.load" <<-EOF
	LOAD CSV
	     FROM '$out/tidy.csv'
	          HAVING FIELDS (source, indicator, period, region, sex, age, value, status, origin)
	     INTO postgresql://reckon@unix:$pgdir/cluster:5432/bench
	          TARGET TABLE bench_pgloader
	          TARGET COLUMNS (source, indicator, period,
	               region text using (or region ""),
	               sex text using (or sex ""),
	               age text using (or age ""),
	               value, status, origin)
	     WITH skip header = 1,
	          on error stop,
	          fields optionally enclosed by '"',
	          fields escaped by double-quote,
	          fields terminated by ','
	      SET client_min_messages to 'warning';
	EOF
fi

# before each timed step: the server's and the kernel's dirty pages of the
# step before written out, so that no step pays for another's writes
settle() { sql "$db" "CHECKPOINT"; sync; }
: >"$out/times.txt"
for ((i = 1; i <= reps; i++)); do
	keyed bench_copy
	settle
	timed copy "$psql" "$db" -qX -v ON_ERROR_STOP=1 -c "$copy_cmd"
	count bench_copy copy
	sql "$db" "DROP TABLE bench_copy"
	if [ "$have_pgloader" = 1 ]; then
		keyed bench_pgloader
		rm -rf "$out/pgloader"
		settle
		timed pgloader pgloader --quiet --root-dir "$out/pgloader" "$out/pgloader.load"
		count bench_pgloader pgloader
		sql "$db" "DROP TABLE bench_pgloader"
	fi
	sql "$db" "DROP SCHEMA IF EXISTS reckon CASCADE"
	"$bin" --db "$db" --migrate -q
	settle
	timed load "$bin" --db "$db" "$out/tidy.csv"
	settle
	timed reload "$bin" --db "$db" "$out/tidy.csv"
	settle
	timed correct "$bin" --db "$db" "$out/corrected.csv"
done
sql "$db" "DROP SCHEMA reckon CASCADE"
"$bin" --db "$db" --migrate -q
settle
timed tenth "$bin" --db "$db" "$out/tenth.csv"

# the counts must be right, or the times mean nothing
grep -q " $rows read, $rows inserted, 0 updated, 0 deleted, 0 unchanged" "$out/load.err" ||
	die "load: $(cat "$out/load.err")"
grep -q " $rows read, 0 inserted, 0 updated, 0 deleted, $rows unchanged" "$out/reload.err" ||
	die "reload: $(cat "$out/reload.err")"
grep -q " $rows read, 0 inserted, $((rows / 100)) updated, 0 deleted, $((rows - rows / 100)) unchanged" \
	"$out/correct.err" || die "correct: $(cat "$out/correct.err")"
if [ "$smoke" = 1 ]; then
	echo "bench/load.sh: smoke OK ($rows rows$([ "$have_pgloader" = 1 ] && echo ', pgloader too' || echo ', pgloader not installed'))"
	exit 0
fi

mid() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
median() { grep "^$1 " "$out/times.txt" | awk '{print $2}' | mid; }
# ratio STEP [PEER]: the median of the ratios to the PEER (default copy) of
# the same round (rounds are interleaved, so a busy moment of the machine
# weighs on both)
ratio() {
	grep -q "^${2:-copy} " "$out/times.txt" || return 0
	paste <(grep "^$1 " "$out/times.txt" | awk '{print $2}') \
		<(grep "^${2:-copy} " "$out/times.txt" | awk '{print $2}') |
		awk '$2 > 0 {printf "%.2f\n", $1 / $2}' | mid
}
peak() { grep "^$1 " "$out/times.txt" | awk 'BEGIN {m = 0} $3 > m {m = $3} END {printf "%.1f", m / 1024}'; }
{
	echo "## reckon-load vs \\copy: $rows rows, median of $reps, $(date -u +%Y-%m-%d)"
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
		"PostgreSQL $(cat "$pgdir/cluster/data/PG_VERSION"), a throwaway cluster" \
		"(tests/pg/cluster.sh: fsync off, Unix socket); input $(du -m "$out/tidy.csv" | cut -f1) MB."
	echo
	echo "| step | wall s (median) | × \\copy (median of rounds) | client peak RSS MiB | × pgloader (median of rounds) |"
	echo "| --- | ---: | ---: | ---: | ---: |"
	for s in copy pgloader load reload correct; do
		if [ "$s" = pgloader ] && [ "$have_pgloader" = 0 ]; then
			echo "| pgloader | not installed | | | |"; continue
		fi
		printf '| %s | %s | %s | %s | %s |\n' "$s" "$(median "$s")" "$(ratio "$s")" "$(peak "$s")" \
			"$([ "$have_pgloader" = 1 ] && ratio "$s" pgloader)"
	done
	printf '| tenth | %s | | %s | |\n' "$(median tenth)" "$(peak tenth)"
	echo
	echo "copy: psql \\copy into a table keyed (source, indicator, period, region, sex, age);"
	[ "$have_pgloader" = 1 ] &&
		echo "pgloader: $(pgloader --version 2>/dev/null | head -n1 | sed 's/^pgloader version //; s/"//g') (Debian package $(dpkg-query -W -f='${Version}' pgloader 2>/dev/null)), a LOAD CSV file into another such table through the Unix socket ($out/pgloader.load);"
	echo "load: into an empty warehouse; reload: the same file again; correct: every 100th"
	echo "value changed; tenth: $((rows / 10)) rows into an empty warehouse (memory does not grow with rows)."
} | tee "$out/results.md"
