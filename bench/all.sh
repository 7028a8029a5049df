#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make bench: every stage benchmark and the whole pipeline, each beside its
# peer, then bench/RESULTS.md (machine facts, versions, the summary table,
# the targets of issue 9, and each stage script's own table).
#
#   bench/all.sh            the full run (a few minutes on 2 CPUs)
#   bench/all.sh --smoke    tiny inputs, 1 run of each: the harness works
#
# options:
#   --reps N     runs of each task, interleaved; the median counts (default 3)
#   --no-db      skip the database benchmarks: load, and the pipeline with
#                --db (they start a throwaway PostgreSQL)
#   --out FILE   the report (default bench/RESULTS.md)
#   --report-only  write the report from the last run's results, run nothing
#
# Stages: bench/run.sh (CSV extract, UTF-8 and windows-1251, vs bare libcsv;
# 1M and 100k rows), xlsx (reckon-extract vs xlsx2csv and in2csv, timed
# here; 100k and 1M rows), a 25-sheet cross-tab xlsx (bench/gen_crosstab.py:
# reckon-extract on every sheet vs xlsx2csv -a and pandas read_excel + melt,
# timed here), bench/normalise.sh (vs pandas), bench/load.sh (vs psql \copy
# and pgloader), bench/report.sh (vs bare libxlsxwriter and python3-xlsxwriter),
# and `reckon run --no-db` on a two-source pipeline over the 1M-row and the
# 100k-row CSV vs bench/pipeline_pandas.py, and `reckon run --db` vs
# pipeline_pandas.py --db (DataFrame.to_sql), each into an empty database
# schema on a throwaway cluster (timed here).  Peak RSS from /usr/bin/time.
# A peer that is not installed is reported so, not fatal.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
TIME=/usr/bin/time
smoke=0 reps=3 db=1 res= only=0
die() { echo "bench/all.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 ;;
	--reps) reps=${2:?}; shift ;;
	--no-db) db=0 ;;
	--report-only) only=1 ;;
	--out) res=${2:?}; shift ;;
	-h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1" ;;
	esac
	shift
done
[ "$smoke" = 1 ] && reps=1
: "${res:=bench/RESULTS.md}"
B=build/bench
[ "$smoke" = 1 ] && B=build/bench/smoke
mkdir -p "$B" build/bench
load0=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date -u '+%Y-%m-%d %H:%M UTC')
log() { echo "== $*" >&2; }

if [ "$only" = 0 ]; then
# ---- the stage scripts ----
if [ "$smoke" = 1 ]; then
	log "extract (bench/run.sh --smoke)"; bench/run.sh --smoke >/dev/null
	log "normalise"; bench/normalise.sh --smoke >/dev/null
	log "report"; bench/report.sh --smoke >/dev/null
	if [ "$db" = 1 ] && tests/pg/cluster.sh available 2>/dev/null; then
		log "load"; bench/load.sh --smoke --out "$B/load" >&2
	fi
else
	log "extract 1M (bench/run.sh)"; bench/run.sh --reps "$reps" >/dev/null
	log "extract 100k"; bench/run.sh --rows 100000 --reps "$reps" --out build/bench/100k >/dev/null
	log "normalise 1M"; bench/normalise.sh --reps "$reps" >/dev/null
	log "normalise 100k"; bench/normalise.sh --rows 100000 --reps "$reps" --out build/bench-normalise/100k >/dev/null
	log "report 100k"; bench/report.sh --reps "$reps" >/dev/null
	log "report 10k"; bench/report.sh --rows 10000 --reps "$reps" --out build/bench/report/10k >/dev/null
	if [ "$db" = 1 ]; then
		log "load 1M"; bench/load.sh --reps "$reps" >/dev/null || echo "load benchmark failed" >&2
	fi
fi

# ---- tasks timed here: xlsx, the cross-tab and the whole pipeline ----
# private copies of the programs, so that a make running meanwhile cannot
# swap them under a run (reckon run finds its stages next to itself)
RB=$ROOT/$B/bin
mkdir -p "$RB"
for f in bin/reckon bin/reckon-*; do
	cp -f "$f" "$RB/.$(basename "$f").tmp.$$" && mv -f "$RB/.$(basename "$f").tmp.$$" "$RB/$(basename "$f")"
done
declare -A WALL RSS
: >"$B/all.times"
# timed TASK DIR CMD...: one run under /usr/bin/time in DIR; median later
timed() {
	local t=$1 d=$2 t0 t1
	shift 2
	local rc=0
	t0=${EPOCHREALTIME/[.,]/}
	(cd "$d" && "$TIME" -f %M -o "$ROOT/$B/all.time" "$@" >"$ROOT/$B/all.out" 2>"$ROOT/$B/all.err") || rc=$?
	# reckon run's exit 1 is "done, thresholds crossed"
	if [ "$rc" != 0 ] && ! { [ "$rc" = 1 ] && [[ $t = reckon-run* ]]; }; then
		cat "$ROOT/$B/all.err" >&2
		die "$t exited $rc"
	fi
	t1=${EPOCHREALTIME/[.,]/}
	WALL[$t]+=" $(( t1 - t0 ))"
	RSS[$t]+=" $(tail -n1 "$ROOT/$B/all.time")"
	echo "$t $(( t1 - t0 )) $(tail -n1 "$ROOT/$B/all.time")" >>"$ROOT/$B/all.times"
	printf '  %-20s %8.3f s\n' "$t" "$(( t1 - t0 ))e-6" >&2
}
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{v[NR]=$1} END{print (NR ? v[int((NR+1)/2)] : "")}'; }
maxof() { tr ' ' '\n' | sed '/^$/d' | sort -g | tail -n1; }
med_s() { echo "${WALL[$1]:-}" | median | awk '$1 != "" {printf "%.3f", $1 / 1e6}'; }
rss_m() { echo "${RSS[$1]:-}" | maxof | awk '$1 != "" {printf "%.1f", $1 / 1024}'; }

# xlsx: bench/gen_xlsx.py's 9-column sheet with shared strings
xrows=100000; [ "$smoke" = 1 ] && xrows=1000
xl=$ROOT/build/bench/sheet_$xrows.xlsx
[ -f "$xl" ] || "$PY" bench/gen_xlsx.py "$xrows" "$xl"
XTIDY=(--quiet --field region=Регион --field sex=Пол --field period=Дата
	--value Количество --constant indicator=complaints)
have_in2csv=0; command -v in2csv >/dev/null && have_in2csv=1
log "xlsx $xrows rows"
for ((i = 1; i <= reps; i++)); do
	timed xlsx-reckon . "$RB/reckon-extract" "${XTIDY[@]}" "$xl"
	timed xlsx-cells . "$RB/reckon-extract" --cells "$xl"
	command -v xlsx2csv >/dev/null && timed xlsx2csv . xlsx2csv "$xl"
	# in2csv (csvkit, openpyxl) is slow: once
	[ "$have_in2csv" = 1 ] && [ "$i" = 1 ] && timed in2csv . in2csv "$xl"
done
if [ "$smoke" = 0 ]; then
	xl1=$ROOT/build/bench/sheet_1000000.xlsx
	[ -f "$xl1" ] || "$PY" bench/gen_xlsx.py 1000000 "$xl1"
	log "xlsx 1M rows (reckon and xlsx2csv, once each)"
	timed xlsx-reckon-1M . "$RB/reckon-extract" "${XTIDY[@]}" "$xl1"
	command -v xlsx2csv >/dev/null && timed xlsx2csv-1M . xlsx2csv "$xl1"
fi

# the cross-tab workbook: 25 sheets (a year and region each), two header
# tiers with merged cells; reckon-extract on every sheet (one call, the
# config written before the runs, as a pipeline has it) vs xlsx2csv -a and
# pandas; every reader must give the generator's rows
crows=1000; [ "$smoke" = 1 ] && crows=4
ct=$ROOT/build/bench/crosstab_$crows.xlsx
if [ ! -s "$ct.tsv" ] || [ bench/gen_crosstab.py -nt "$ct.tsv" ]; then
	"$PY" bench/gen_crosstab.py --rows "$crows" "$ct.tmp" >"$ct.tsv.tmp"
	mv -f "$ct.tmp" "$ct" && mv -f "$ct.tsv.tmp" "$ct.tsv"
fi
ct_sheets=$(wc -l <"$ct.tsv")
ct_rows=$(awk -F'\t' '{n += $6} END {print n}' "$ct.tsv")
have_pandas=0; "$PY" -c 'import pandas' 2>/dev/null && have_pandas=1
log "cross-tab xlsx: $ct_sheets sheets, $ct_rows tidy rows"
"$ROOT/bench/crosstab_reckon.sh" --config "$ct" "$ROOT/$B/crosstab.yaml"
for ((i = 1; i <= reps; i++)); do
	timed crosstab-reckon . "$RB/reckon-extract" -q --config "$ROOT/$B/crosstab.yaml" --source crosstab
	n=$(grep -v '^source,' "$ROOT/$B/all.out" | grep -vc ',source_total,\|,source_note,' || true)   # the totals rows, written for normalise to check, are not values
	[ "$n" = "$ct_rows" ] || die "cross-tab: reckon-extract wrote $n rows, the generator put in $ct_rows"
	if command -v xlsx2csv >/dev/null; then
		timed crosstab-xlsx2csv . xlsx2csv -a "$ct"
		n=$(grep -c '^-------- ' "$ROOT/$B/all.out" || true)
		[ "$n" = "$ct_sheets" ] || die "cross-tab: xlsx2csv -a wrote $n sheets, not $ct_sheets"
	fi
	if [ "$have_pandas" = 1 ]; then
		timed crosstab-pandas . "$PY" "$ROOT/bench/crosstab_pandas.py" "$ct"
		grep -q "^rows=$ct_rows " "$ROOT/$B/all.err" ||
			die "cross-tab: pandas: $(tail -n1 "$ROOT/$B/all.err"), the generator put in $ct_rows rows"
	fi
done

# the whole pipeline: the long CSV (UTF-8) against a small windows-1251 one
# pipe DIR LONG.csv: a pipeline directory over LONG.csv; the runs go to
# DIR/runs.PID (not DIR/runs, where someone may be running reckon by hand)
# and are removed when checked
RUNS=runs.$$
pipe() {
	mkdir -p "$1"
	rm -rf "$1/codelists" "$1/$RUNS"
	cp -r pipelines/examples/tj-torture/codelists "$1/"
	ln -sf "$2" "$1/long.csv"
	ln -sf "$ROOT/build/bench/smoke/windows-1251/long.csv" "$1/small.csv"
	cat >"$1/pipeline.yaml" <<'YAML'
# written by bench/all.sh
pipeline: bench-long
title: {en: "Benchmark: long CSV", ru: "Бенчмарк: длинный CSV"}
period: {from: 2023-Q1, to: 2024-Q4, grain: quarter}
dimensions: [region, sex]
codelists:
  dir: codelists
  strip: {region: ["г.", "ш.", "обл.", "область", "вилояти", "вил.", "region", "oblast"]}
  unmapped: {region: warn, sex: warn}
sources:
  - id: long
    name: {en: "Generated long CSV", ru: "Сгенерированный CSV"}
    kind: government
    file: long.csv
    layout:
      fields: {region: "Регион", sex: "Пол", period: "Квартал"}
      values: "Количество"
      skip_rows: "^Итого"
      sentinels: {"-": 0, "н/д": missing}
    constants: {indicator: torture_complaints}
  - id: small
    name: {en: "Generated small CSV", ru: "Малый CSV"}
    kind: civil_society
    file: small.csv
    layout:
      fields: {region: "Регион", sex: "Пол", period: "Квартал"}
      values: "Количество"
      skip_rows: "^Итого"
      sentinels: {"-": 0, "н/д": missing}
    constants: {indicator: torture_complaints}
compare:
  - {indicator: torture_complaints, reference: long, against: [small], alpha: 0.05}
report: {output: brief.xlsx, languages: [en, ru], suppress_below: 5}
YAML
}
[ -f build/bench/smoke/windows-1251/long.csv ] || bench/run.sh --smoke >/dev/null
P=$ROOT/$B/pipe
prows=1000000; [ "$smoke" = 1 ] && prows=1000
pipe "$P" "$ROOT/$B/utf-8/long.csv"
PANDAS_PIPE=(codelists pandas.xlsx long=long.csv:utf-8 small=small.csv:cp1251)
log "pipeline $prows rows"
for ((i = 1; i <= reps; i++)); do
	rm -rf "$P/$RUNS"
	timed reckon-run "$P" "$RB/reckon" run --no-db -q --out "$RUNS" pipeline.yaml
	[ "$have_pandas" = 1 ] && timed pandas-pipeline "$P" "$PY" "$ROOT/bench/pipeline_pandas.py" "${PANDAS_PIPE[@]}"
done
ls "$P/$RUNS"/bench-long/*/brief.xlsx >/dev/null 2>&1 || die "reckon run wrote no brief"
rm -rf "$P/$RUNS"
# and at 100k rows, for the scaling table
if [ "$smoke" = 0 ]; then
	P1=$ROOT/$B/pipe100k
	[ -f build/bench/100k/utf-8/long.csv ] ||
		bench/run.sh --rows 100000 --reps 1 --out build/bench/100k >/dev/null
	pipe "$P1" "$ROOT/build/bench/100k/utf-8/long.csv"
	log "pipeline 100000 rows"
	for ((i = 1; i <= reps; i++)); do
		rm -rf "$P1/$RUNS"
		timed reckon-run-100k "$P1" "$RB/reckon" run --no-db -q --out "$RUNS" pipeline.yaml
		[ "$have_pandas" = 1 ] && timed pandas-pipeline-100k "$P1" "$PY" "$ROOT/bench/pipeline_pandas.py" "${PANDAS_PIPE[@]}"
	done
	ls "$P1/$RUNS"/bench-long/*/brief.xlsx >/dev/null 2>&1 || die "reckon run (100k) wrote no brief"
	rm -rf "$P1/$RUNS"
fi

# the same pipeline with the database: a throwaway cluster, an empty
# warehouse for each run; beside it the pandas script with --db
# (DataFrame.to_sql into an empty schema, read back for the comparison)
have_pgpy=0
[ "$have_pandas" = 1 ] && "$PY" -c 'import psycopg2, sqlalchemy' 2>/dev/null && have_pgpy=1
if [ "$db" = 1 ] && tests/pg/cluster.sh available 2>/dev/null; then
	pgdir=$(mktemp -d /tmp/reckon-bench-pg.XXXXXX)
	trap 'tests/pg/cluster.sh stop "$pgdir/cluster" >/dev/null 2>&1; rm -rf "$pgdir"' EXIT
	base=$(tests/pg/cluster.sh start "$pgdir/cluster")
	psql=$(tests/pg/cluster.sh bindir)/psql
	"$psql" "$base" -qAtX -v ON_ERROR_STOP=1 -c "CREATE DATABASE benchrun TEMPLATE template0" >/dev/null
	dsn=${base/dbname=postgres/dbname=benchrun}
	url="postgresql+psycopg2://reckon@/benchrun?host=$pgdir/cluster&port=5432"
	runsql() { PGOPTIONS="-c client_min_messages=warning" "$psql" "$dsn" -qAtX -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
	log "pipeline $prows rows, with the database"
	for ((i = 1; i <= reps; i++)); do
		rm -rf "$P/$RUNS"
		runsql "DROP SCHEMA IF EXISTS reckon CASCADE"
		timed reckon-run-db "$P" "$RB/reckon" run --db "$dsn" -q --out "$RUNS" pipeline.yaml
		if [ "$have_pgpy" = 1 ]; then
			runsql "DROP SCHEMA IF EXISTS pandas_bench CASCADE"
			timed pandas-pipeline-db "$P" "$PY" "$ROOT/bench/pipeline_pandas.py" \
				--db "$url" --table pandas_bench.observation "${PANDAS_PIPE[@]}"
		fi
	done
	ls "$P/$RUNS"/bench-long/*/brief.xlsx >/dev/null 2>&1 || die "reckon run --db wrote no brief"
	rm -rf "$P/$RUNS"
	# both wrote observations (not the same number: the pandas script keeps
	# rows that reckon-normalise rejects or leaves out)
	n_r=$("$psql" "$dsn" -qAtX -c "SELECT count(*) FROM reckon.observation")
	if [ "$have_pgpy" = 1 ]; then
		n_p=$("$psql" "$dsn" -qAtX -c "SELECT count(*) FROM pandas_bench.observation")
		echo "  observations: reckon $n_r, pandas $n_p" >&2
		[ "$n_r" -gt 0 ] && [ "$n_p" -gt 0 ] || die "an empty warehouse after the database runs"
	fi
fi
rm -f "$B/all.time" "$B/all.out" "$B/all.err"
if [ "$smoke" = 1 ]; then
	echo "bench/all.sh: smoke ok" >&2
	exit 0
fi
echo "$(cut -d' ' -f1-3 /proc/loadavg)" >"$B/all.loadavg-after"
echo "$load0" >"$B/all.loadavg-before"
echo "$start" >"$B/all.start"
fi   # only

# ---- the report ----
P=$ROOT/build/bench/pipe
xl=$ROOT/build/bench/sheet_100000.xlsx
xl1=$ROOT/build/bench/sheet_1000000.xlsx
T=build/bench/all.times
# tmed TASK / trss TASK: median wall s and peak RSS MiB of a task timed here
tmed() { awk -v t="$1" '$1 == t {print $2}' "$T" | sort -g | awk '{v[NR]=$1} END{if (NR) printf "%.3f", v[int((NR+1)/2)]/1e6}'; }
trss() { awk -v t="$1" '$1 == t && $3 > m {m = $3} END{if (m) printf "%.1f", m/1024}' "$T"; }
tn() { awk -v t="$1" '$1 == t' "$T" | wc -l; }
# mdrow FILE NAME COL: column COL (1-based, between the |s) of the table row NAME
mdrow() { awk -F'|' -v n="$2" -v c="$3" '{x=$2; gsub(/^ +| +$/, "", x)} x == n {v=$(c+1); gsub(/ /, "", v); print v; exit}' "$1" 2>/dev/null; }
ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"; }
pyver() { "$PY" -c "import $1; print($1.__version__)" 2>/dev/null || echo "not installed"; }
f1() { awk -v x="$1" 'BEGIN{if (x == "") print "–"; else printf "%.1f", x}'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN{if (a == "" || b == "" || b == 0) print ""; else printf f, a / b}'; }
mbs() { div "$(awk -v b="$1" 'BEGIN{print b/1e6}')" "$2" %.1f; }
rps() { div "$1" "$2" %.0f | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
met() { awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN{if (x == "") {print "not measured"; exit}
	ok = (op == ">=") ? x >= y : x <= y; print ok ? "met" : "**NOT met**"}'; }
row() { echo "| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 | ${10} | ${11} |"; }
# rx A B [FMT]: A / B followed by ×, or nothing
rx() { local r; r=$(div "$@"); echo "${r:+$r×}"; }
# num X: X when it is a number (a stage table says "not installed" instead)
num() { case $1 in '' | *[!0-9.]*) ;; *) echo "$1" ;; esac; }
# peer NAME TIME INSTALLED: the peer's name, saying why it has no time
peer() {
	if [ -n "$2" ]; then echo "$1"
	elif [ "$3" = 0 ]; then echo "$1: not installed"
	else echo "$1: not measured"; fi
}
has() { command -v "$1" >/dev/null && echo 1 || echo 0; }
haspy() { "$PY" -c "import $1" 2>/dev/null && echo 1 || echo 0; }
# scal TASK T100k T1M RSS100k RSS1M: a scaling row, with the verdict;
# the tasks where time is worse than linear or memory grows go to SCALE_BAD
SCALE_BAD=()
scal() {
	local t m v
	t=$(div "$3" "$2" %.1f) m=$(div "$5" "$4" %.2f)
	v=$(awk -v t="$t" -v m="$m" 'BEGIN {
		if (t == "") a = "–"; else if (t > 12) a = "**time worse than linear**";
		else if (t < 7) a = "time sub-linear (fixed costs weigh at 100k)"; else a = "time linear";
		if (m == "") b = "–"; else if (m > 1.25) b = "**memory grows " m "×**"; else b = "memory flat";
		print a "; " b }')
	case $v in *'**'*) SCALE_BAD+=("$1: $(echo "$v" | tr ';' '\n' | sed -n 's/^ *\*\*\(.*\)\*\*$/\1/p' | paste -sd, | sed 's/,/, /g')") ;; esac
	echo "| $1 | $2 | $3 | $t | $4 | $5 | $v |"
}

X=build/bench/results.md X1=build/bench/100k/results.md
N=build/bench-normalise/results.txt N1=build/bench-normalise/100k/results.txt
L=build/bench-load/results.md R=build/bench/report/results.md R1=build/bench/report/10k/results.md
nrm() { awk -v t="$2" '$1 == t {print $'"$3"'}' "$1" 2>/dev/null; }
in_u=build/bench/utf-8/long.csv
bu=$(stat -c %s build/bench/utf-8/long.csv) bw=$(stat -c %s build/bench/windows-1251/long.csv)
bu1=$(stat -c %s build/bench/100k/utf-8/long.csv 2>/dev/null || echo 0)
bn=$(stat -c %s build/bench-normalise/raw.csv 2>/dev/null || echo 0)
bn1=$(stat -c %s build/bench-normalise/100k/raw.csv 2>/dev/null || echo 0)
bx=$(stat -c %s "$xl") bx1=$(stat -c %s "$xl1" 2>/dev/null || echo 0)
bl=$(stat -c %s build/bench-load/tidy.csv 2>/dev/null || echo 0)
ct=build/bench/crosstab_1000.xlsx
bct=$(stat -c %s "$ct" 2>/dev/null || echo 0)
ct_sheets=0 ct_rows=0
if [ -f "$ct.tsv" ]; then
	ct_sheets=$(wc -l <"$ct.tsv")
	ct_rows=$(awk -F'\t' '{n += $6} END {print n + 0}' "$ct.tsv")
fi
reps=$(tn reckon-run)

# figures
xr=$(mdrow $X "reckon-extract, UTF-8" 3) xb=$(mdrow $X "bare libcsv, UTF-8" 3) xw=$(mdrow $X "reckon-extract, windows-1251" 3)
xr1=$(mdrow $X1 "reckon-extract, UTF-8" 3) xb1=$(mdrow $X1 "bare libcsv, UTF-8" 3) xw1=$(mdrow $X1 "reckon-extract, windows-1251" 3)
nr=$(nrm $N reckon 2) np=$(nrm $N pandas 2) nr1=$(nrm $N1 reckon 2) np1=$(nrm $N1 pandas 2)
lc=$(mdrow $L copy 2) ll=$(mdrow $L load 2) lratio=$(mdrow $L load 3)
lp=$(num "$(mdrow $L pgloader 2)") lpratio=$(num "$(mdrow $L load 5)")
rb=$(mdrow $R "bare libxlsxwriter" 2) rr=$(mdrow $R reckon-report 2)
rp=$(num "$(mdrow $R "python xlsxwriter" 2)")
rtidy=$(sed -n 's/.*`gen_report.py --rows [0-9]*`: \([0-9]*\) tidy rows.*/\1/p' $R)
rtidy1=$(sed -n 's/.*`gen_report.py --rows [0-9]*`: \([0-9]*\) tidy rows.*/\1/p' $R1 2>/dev/null)
rr1=$(mdrow $R1 reckon-report 2) rb1=$(mdrow $R1 "bare libxlsxwriter" 2)
rc=$(mdrow $R reckon-compare 2) rc1=$(mdrow $R1 reckon-compare 2)
xx=$(tmed xlsx-reckon) x2=$(tmed xlsx2csv) xi=$(tmed in2csv) xc=$(tmed xlsx-cells) xx1=$(tmed xlsx-reckon-1M)
x21=$(tmed xlsx2csv-1M)
ctr=$(tmed crosstab-reckon) ctx=$(tmed crosstab-xlsx2csv) ctp=$(tmed crosstab-pandas)
pr=$(tmed reckon-run) pp=$(tmed pandas-pipeline) pr1=$(tmed reckon-run-100k) pp1=$(tmed pandas-pipeline-100k)
prd=$(tmed reckon-run-db) ppd=$(tmed pandas-pipeline-db)
bu1=$(stat -c %s build/bench/100k/utf-8/long.csv 2>/dev/null || echo 0)

{
echo "# Benchmark results"
echo
echo "Written by \`make bench\` (\`bench/all.sh\`), run started $(cat build/bench/all.start 2>/dev/null)."
echo "Each task beside its peer on the same input in the same run; repetitions interleaved"
echo "(reckon, peer, reckon, peer, …), the median wall time counts; peak RSS is the largest"
echo "\"Maximum resident set size\" from \`/usr/bin/time\` over the runs. MB = 10^6 bytes of the"
echo "input as it is on disk."
echo
echo "## Machine"
echo
echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(nproc) logical CPUs$(grep -qw hypervisor /proc/cpuinfo && echo ', virtual machine')"
echo "- RAM: $(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo); kernel $(uname -sr); $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
echo "- load average (1, 5, 15 min) before the run: $(cat build/bench/all.loadavg-before 2>/dev/null), after: $(cat build/bench/all.loadavg-after 2>/dev/null)." \
     "The machine is shared (2 CPUs, other sessions building and testing): a load average above 1 means the figures are pessimistic."
echo "- compiler: $(cc --version | head -n1); reckon built by \`make\` (-O2)"
# the results of an earlier run are no change to the code measured
echo "- reckon: $(git rev-parse --short HEAD 2>/dev/null)$([ -n "$(git status --porcelain --untracked-files=no -- . ':!bench/RESULTS.md' 2>/dev/null)" ] && echo ' plus uncommitted changes in the work tree')"
echo "- libraries: libcsv3 $(ver libcsv3), libicu72 $(ver libicu72), libxlsxwriter4 $(ver libxlsxwriter4), zlib1g $(ver zlib1g)"
echo "- PostgreSQL $("$(tests/pg/cluster.sh bindir 2>/dev/null)/postgres" --version 2>/dev/null | awk '{print $3}') (throwaway cluster from tests/pg/cluster.sh: fsync off, Unix socket)"
echo "- peers: $("$PY" --version 2>&1) (Debian's /usr/bin/python3), pandas $(pyver pandas), openpyxl $(pyver openpyxl), xlsxwriter $(pyver xlsxwriter), psycopg2 $(pyver psycopg2 | cut -d' ' -f1), sqlalchemy $(pyver sqlalchemy), xlsx2csv $(ver xlsx2csv), csvkit (in2csv) $(ver csvkit), pgloader $(ver pgloader)$(command -v pgloader >/dev/null && pgloader --version 2>/dev/null | sed -n '1s/^pgloader version "\(.*\)"$/ (it calls itself \1)/p')"
echo
echo "## Summary"
echo
echo "ratio = peer time / reckon time (above 1: reckon is faster), except load and report,"
echo "where it is reckon time / peer time as the targets put it."
echo
echo "| task | input | reckon s | MB/s | rows/s | reckon peak RSS MiB | peer | peer s | peer RSS MiB | ratio | target |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"
row "CSV extract, UTF-8" "1M rows, $(f1 "$(div "$bu" 1e6)") MB" "$xr" "$(mbs "$bu" "$xr")" "$(rps 1000000 "$xr")" "$(mdrow $X "reckon-extract, UTF-8" 8)" \
    "bare libcsv (parse only)" "$xb" "$(mdrow $X "bare libcsv, UTF-8" 8)" "$(div "$xb" "$xr")" "≥ 120 MB/s: $(met "$(mbs "$bu" "$xr")" '>=' 120)"
row "CSV extract, windows-1251" "1M rows, $(f1 "$(div "$bw" 1e6)") MB" "$xw" "$(mbs "$bw" "$xw")" "$(rps 1000000 "$xw")" "$(mdrow $X "reckon-extract, windows-1251" 8)" \
    "bare libcsv (UTF-8 file)" "$xb" "" "$(div "$xb" "$xw")" "(none)"
row "CSV extract, UTF-8" "100k rows, $(f1 "$(div "$bu1" 1e6)") MB" "$xr1" "$(mbs "$bu1" "$xr1")" "$(rps 100000 "$xr1")" "$(mdrow $X1 "reckon-extract, UTF-8" 8)" \
    "bare libcsv" "$xb1" "$(mdrow $X1 "bare libcsv, UTF-8" 8)" "$(div "$xb1" "$xr1")" "scaling"
row "xlsx extract (tidy)" "100k rows, $(f1 "$(div "$bx" 1e6)") MB xlsx" "$xx" "$(mbs "$bx" "$xx")" "$(rps 100000 "$xx")" "$(trss xlsx-reckon)" \
    "xlsx2csv" "$x2" "$(trss xlsx2csv)" "$(div "$x2" "$xx" %.1f)×" "≥ 10× xlsx2csv: $(met "$(div "$x2" "$xx")" '>=' 10)"
row "xlsx extract (tidy)" "100k rows" "$xx" "" "" "$(trss xlsx-reckon)" \
    "in2csv (1 run)" "$xi" "$(trss in2csv)" "$(div "$xi" "$xx" %.1f)×" "(none)"
row "xlsx cells view (--cells)" "100k rows" "$xc" "$(mbs "$bx" "$xc")" "$(rps 100000 "$xc")" "$(trss xlsx-cells)" \
    "xlsx2csv" "$x2" "$(trss xlsx2csv)" "$(div "$x2" "$xc" %.1f)×" "(none)"
row "xlsx extract (tidy), 1 run" "1M rows, $(f1 "$(div "$bx1" 1e6)") MB xlsx" "$xx1" "$(mbs "$bx1" "$xx1")" "$(rps 1000000 "$xx1")" "$(trss xlsx-reckon-1M)" \
    "$(peer "xlsx2csv (1 run)" "$x21" "$(has xlsx2csv)")" "$x21" "$(trss xlsx2csv-1M)" "$(rx "$x21" "$xx1" %.1f)" "scaling"
row "cross-tab xlsx, every sheet" "$ct_sheets sheets, $ct_rows tidy rows, $(f1 "$(div "$bct" 1e6)") MB xlsx" "$ctr" "$(mbs "$bct" "$ctr")" "$(rps "$ct_rows" "$ctr")" "$(trss crosstab-reckon)" \
    "$(peer "xlsx2csv -a" "$ctx" "$(has xlsx2csv)")" "$ctx" "$(trss crosstab-xlsx2csv)" "$(rx "$ctx" "$ctr" %.1f)" "≥ 5× xlsx2csv -a: $(met "$(div "$ctx" "$ctr")" '>=' 5)"
row "cross-tab xlsx, every sheet" "$ct_sheets sheets" "$ctr" "" "" "$(trss crosstab-reckon)" \
    "$(peer "pandas read_excel + melt" "$ctp" "$(haspy pandas)")" "$ctp" "$(trss crosstab-pandas)" "$(rx "$ctp" "$ctr" %.1f)" "(none)"
row "normalise" "1M rows, $(f1 "$(div "$bn" 1e6)") MB" "$nr" "$(mbs "$bn" "$nr")" "$(rps 1000000 "$nr")" "$(nrm $N reckon 4)" \
    "pandas" "$np" "$(nrm $N pandas 4)" "$(div "$np" "$nr" %.1f)×" "≥ 5× pandas: $(met "$(div "$np" "$nr")" '>=' 5)"
row "normalise" "100k rows, $(f1 "$(div "$bn1" 1e6)") MB" "$nr1" "$(mbs "$bn1" "$nr1")" "$(rps 100000 "$nr1")" "$(nrm $N1 reckon 4)" \
    "pandas" "$np1" "$(nrm $N1 pandas 4)" "$(div "$np1" "$nr1" %.1f)×" "scaling"
row "load (empty warehouse)" "1M rows, $(f1 "$(div "$bl" 1e6)") MB" "$ll" "$(mbs "$bl" "$ll")" "$(rps 1000000 "$ll")" "$(mdrow $L load 4) (client)" \
    "psql \\copy" "$lc" "$(mdrow $L copy 4) (client)" "${lratio:+$lratio×}" "≤ 1.5× \\copy: $(met "$lratio" '<=' 1.5)"
row "load (empty warehouse)" "1M rows" "$ll" "" "" "$(mdrow $L load 4) (client)" \
    "$(peer pgloader "$lp" "$(has pgloader)")" "$lp" "$(num "$(mdrow $L pgloader 4)")${lp:+ (client)}" "${lpratio:+$lpratio×}" "(none)"
row "brief (reckon-report)" "${rtidy:-?} tidy rows" "$rr" "" "$(rps "${rtidy:-0}" "$rr")" "$(mdrow $R reckon-report 5)" \
    "bare libxlsxwriter" "$rb" "$(mdrow $R "bare libxlsxwriter" 5)" "$(rx "$rr" "$rb")" "≤ 1.3× bare: $(met "$(div "$rr" "$rb")" '<=' 1.3)"
row "brief (reckon-report)" "${rtidy:-?} tidy rows" "$rr" "" "" "$(mdrow $R reckon-report 5)" \
    "$(peer "python xlsxwriter (default mode)" "$rp" "$(haspy xlsxwriter)")" "$rp" "$(num "$(mdrow $R "python xlsxwriter" 5)")" "$(rx "$rr" "$rp")" "(none)"
row "compare (reckon-compare --from)" "${rtidy:-?} tidy rows" "$rc" "" "$(rps "${rtidy:-0}" "$rc")" "$(mdrow $R reckon-compare 5)" \
    "no peer in Debian" "" "" "" "(none)"
row "whole pipeline, \`reckon run --no-db\`" "1M + 1k CSV rows, $(f1 "$(div "$bu" 1e6)") MB" "$pr" "$(mbs "$bu" "$pr")" "$(rps 1001000 "$pr")" "$(trss reckon-run)" \
    "$(peer "pandas (bench/pipeline_pandas.py)" "$pp" "$(haspy pandas)")" "$pp" "$(trss pandas-pipeline)" "$(rx "$pp" "$pr" %.1f)" "≥ 5× pandas: $(met "$(div "$pp" "$pr")" '>=' 5)"
row "whole pipeline, \`reckon run --no-db\`" "100k + 1k CSV rows, $(f1 "$(div "$bu1" 1e6)") MB" "$pr1" "$(mbs "$bu1" "$pr1")" "$(rps 101000 "$pr1")" "$(trss reckon-run-100k)" \
    "$(peer "pandas (bench/pipeline_pandas.py)" "$pp1" "$(haspy pandas)")" "$pp1" "$(trss pandas-pipeline-100k)" "$(rx "$pp1" "$pr1" %.1f)" "scaling"
row "whole pipeline, \`reckon run --db\`" "1M + 1k CSV rows" "$prd" "$(mbs "$bu" "$prd")" "$(rps 1001000 "$prd")" "$(trss reckon-run-db)" \
    "$(peer "pandas + to_sql (pipeline_pandas.py --db)" "$ppd" "$(haspy "psycopg2, sqlalchemy")")" "$ppd" "$(trss pandas-pipeline-db)" "$(rx "$ppd" "$prd" %.1f)" "(none)"
echo
echo "Runs: $reps of each task timed by bench/all.sh (xlsx, cross-tab, pipeline) and by the stage"
echo "scripts, except where the table says 1 run; load's ratios are the medians of each round's"
echo "ratio to its own \\copy and its own pgloader. The cross-tab row's rows/s counts the tidy rows"
echo "reckon writes; xlsx2csv writes the sheets as they are (no melting), pandas the same tidy rows."
echo
echo "## Scaling (100k → 1M rows, time should grow about 10×, memory stay flat)"
echo
echo "| task | 100k s | 1M s | × | RSS 100k MiB | RSS 1M MiB | verdict |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
scal "CSV extract, UTF-8" "$xr1" "$xr" "$(mdrow $X1 "reckon-extract, UTF-8" 8)" "$(mdrow $X "reckon-extract, UTF-8" 8)"
scal "CSV extract, windows-1251" "$xw1" "$xw" "$(mdrow $X1 "reckon-extract, windows-1251" 8)" "$(mdrow $X "reckon-extract, windows-1251" 8)"
scal "bare libcsv (peer)" "$xb1" "$xb" "$(mdrow $X1 "bare libcsv, UTF-8" 8)" "$(mdrow $X "bare libcsv, UTF-8" 8)"
scal "xlsx extract (tidy; 1M: 1 run)" "$xx" "$xx1" "$(trss xlsx-reckon)" "$(trss xlsx-reckon-1M)"
scal "xlsx2csv (peer; 1M: 1 run)" "$x2" "$x21" "$(trss xlsx2csv)" "$(trss xlsx2csv-1M)"
scal "normalise" "$nr1" "$nr" "$(nrm $N1 reckon 4)" "$(nrm $N reckon 4)"
scal "normalise, pandas (peer)" "$np1" "$np" "$(nrm $N1 pandas 4)" "$(nrm $N pandas 4)"
scal "load (client RSS)" "$(mdrow $L tenth 2)" "$ll" "$(mdrow $L tenth 4)" "$(mdrow $L load 4)"
scal "whole pipeline, \`reckon run --no-db\`" "$pr1" "$pr" "$(trss reckon-run-100k)" "$(trss reckon-run)"
scal "brief, reckon-report (${rtidy1:-10k} → ${rtidy:-100k} tidy rows)" "$rr1" "$rr" "$(mdrow $R1 reckon-report 5)" "$(mdrow $R reckon-report 5)"
scal "brief, bare libxlsxwriter (peer; the same sizes)" "$rb1" "$rb" "$(mdrow $R1 "bare libxlsxwriter" 5)" "$(mdrow $R "bare libxlsxwriter" 5)"
scal "compare (${rtidy1:-10k} → ${rtidy:-100k} tidy rows)" "$rc1" "$rc" "$(mdrow $R1 reckon-compare 5)" "$(mdrow $R reckon-compare 5)"
scal "whole pipeline, pandas (peer)" "$pp1" "$pp" "$(trss pandas-pipeline-100k)" "$(trss pandas-pipeline)"
echo
echo "The verdict: time linear when 1M takes 7–12× the 100k time (below 7×, fixed costs such as"
echo "start-up and the 1k-row second source weigh at 100k); memory flat when the 1M peak RSS is at"
echo "most 1.25× the 100k one. The load's 100k figure is reckon-load of a tenth of the rows into an"
echo "empty warehouse (bench/load.sh's \`tenth\`). The brief and compare rows are at 10k and 100k tidy"
echo "rows (tidy rows are sums: a real pipeline has thousands); the brief holds every cell in"
echo "memory until the workbook is written, as libxlsxwriter's default mode does, so its memory"
echo "grows with the Data sheet, as the bare peer's does; reckon-compare holds the tidy cells it"
echo "aligns across sources (the statistics need every pair), so its memory grows with them too."
if [ "${#SCALE_BAD[@]}" -gt 0 ]; then
	echo "Where linear time or flat memory fails: $(printf '%s; ' "${SCALE_BAD[@]}" | sed 's/; $//')."
else
	echo "Linear time and flat memory hold for every task measured at both sizes."
fi
echo
echo "Not measured at both sizes: \`reckon run --db\` and its"
echo "pandas + to_sql peer, pgloader and \\copy (1M only), in2csv (100k only), the cross-tab (one size)."
echo
echo "## Not measured"
echo
echo "- a peer for reckon-compare: Debian has no tool for its tests (exact conditional binomial,"
echo "  Benjamini–Hochberg, Bland–Altman); it is timed alone."
echo "- python3-xlsxwriter's constant_memory mode (\`bench/bare_xlsxwriter.py --constant-memory\`"
echo "  runs it, not timed)."
echo "- in2csv at 1M rows and on the cross-tab (openpyxl: about 7 s at 100k, once)."
echo "- \`reckon run --db\` and \`pipeline_pandas.py --db\` at 100k rows."
echo "- the server's side of a load (PostgreSQL's own CPU and memory): only the client's RSS is"
echo "  measured, for reckon-load, \\copy and pgloader alike."
echo
echo "## What each task does"
echo
echo "- **CSV extract** (\`bench/run.sh\`, \`bench/gen_long.py\`): a long-format \`;\` CSV with messy"
echo "  labels, CRLF, quoted notes, totals rows; reckon-extract maps columns, sentinels, skips"
echo "  \`^Итого\` and writes the tidy CSV (timed); bare libcsv only parses and counts."
echo "- **xlsx** (\`bench/gen_xlsx.py\`): a 9-column sheet with shared strings; reckon-extract"
echo "  writes the tidy rows of one value column (or every cell with \`--cells\`) to stdout;"
echo "  xlsx2csv and in2csv convert the whole sheet to CSV on stdout. At 1M rows reckon and"
echo "  xlsx2csv run once each."
echo "- **cross-tab xlsx** (\`bench/gen_crosstab.py --rows 1000\`): $ct_sheets sheets, one per year and region,"
echo "  each a title merged across, two header tiers (sex merged over its four quarters, \`Район\`"
echo "  and \`Всего\` merged down), a row per district with messy labels, \`-\`, \`н/д\`, \`1 234\`"
echo "  and \`15*\` cells, a \`Всего\` column, a totals row and a footnote; $ct_rows value cells."
echo "  reckon-extract is called once for all the sheets, with the config that"
echo "  \`bench/crosstab_reckon.sh --config\` writes before the runs (a pipeline has its config: the"
echo "  call is timed alone, not the shell and the here-document that write it), as a pipeline's"
echo "  source would say it (\`sheet: \"*\"\`, the year and region from each sheet's name by"
echo "  \`sheet_fields\`, \`header_rows: 2\`, \`values: B:I\`, \`value_headers: [sex, quarter]\`,"
echo "  \`skip_rows\`, \`stop_at\`): the workbook is opened once. Peers: \`xlsx2csv -a\` (every sheet to CSV, no"
echo "  melting) and \`bench/crosstab_pandas.py\` (\`read_excel(sheet_name=None, header=[2, 3])\`,"
echo "  drop totals and footnotes, melt, sentinels). reckon's and pandas' row counts are checked"
echo "  against the generator's; xlsx2csv's sheet count."
echo "- **normalise** (\`bench/normalise.sh\`, \`bench/gen_raw.py\`): labels to codes, months to quarters, sums;"
echo "  pandas does the same with ready-made dictionaries (\`bench/normalise_pandas.py\`); both outputs checked."
echo "- **load** (\`bench/load.sh\`): reckon-load into an empty warehouse vs \`psql \\copy\` and vs"
echo "  pgloader (a LOAD CSV command file through the Unix socket), each into a table keyed"
echo "  (source, indicator, period, region, sex, age); every peer's row count checked. pgloader's"
echo "  client RSS is its SBCL heap."
echo "- **brief** (\`bench/report.sh\`): reckon-report vs \`bench/bare_xlsxwriter.c\` (libxlsxwriter) and"
echo "  \`bench/bare_xlsxwriter.py\` (python3-xlsxwriter) writing the bulk of the same cells (the tidy"
echo "  rows, the cell table twice; the cell counts checked equal). Both peers keep every cell in"
echo "  memory until the workbook closes (libxlsxwriter's and xlsxwriter's default mode, not"
echo "  constant_memory), as reckon-report does (\`constant_memory = 0\`): that is the fair pairing."
echo "- **compare** (\`bench/report.sh\`): reckon-compare --from the same tidy rows (two sources, two"
echo "  indicators, ten years monthly by district and sex): every statistic of the results files;"
echo "  its cells checked the same as the run that made the brief's inputs."
echo "- **whole pipeline**: \`reckon run --no-db\` on a generated two-source pipeline (the 1M-row, and"
echo "  the 100k-row, UTF-8 long CSV against the 1k-row windows-1251 one, the example's code lists;"
echo "  written to \`build/bench/pipe/\` and \`build/bench/pipe100k/\`): extract, normalise, compare,"
echo "  brief; vs \`bench/pipeline_pandas.py\`: read_csv, drop totals, dictionary mapping, quarter"
echo "  parsing, group-by sum, differences, Excel writing (xlsxwriter engine). The pandas script"
echo "  maps labels more loosely (no fuzzy matching, no rules, no suppression, unmapped labels and"
echo "  periods outside the range kept), so it does less work than reckon."
echo "- **whole pipeline with the database**: \`reckon run --db\` (extract, normalise, reckon-load,"
echo "  compare from the database, brief) into an empty warehouse each run, vs"
echo "  \`pipeline_pandas.py --db postgresql+psycopg2://…?host=SOCKETDIR\`: the same script, writing"
echo "  the summed tidy rows with \`DataFrame.to_sql\` into a new table (schema dropped before each"
echo "  run; no key, no load record) and reading them back with \`read_sql_table\` for the"
echo "  comparison; both on one throwaway cluster. After normalisation the 1M rows are a few"
echo "  hundred quarterly sums, so the database adds little to either."
echo
echo "## The stage scripts' own tables"
for f in "$X" "$X1" "$N" "$N1" "$L" "$R"; do
	[ -f "$f" ] || continue
	echo
	echo "### $f"
	echo
	case $f in *.txt) echo '```'; cat "$f"; echo '```' ;; *) sed 's/^## /#### /' "$f" ;; esac
done
echo
echo "## How to run"
echo
echo '```'
echo "make bench                 # bench/all.sh: everything above, writes bench/RESULTS.md"
echo "make bench-smoke           # bench/all.sh --smoke: tiny inputs, every peer path, about ten seconds"
echo "bench/all.sh --reps 5 --no-db"
echo "bench/run.sh | bench/normalise.sh | bench/load.sh | bench/report.sh   # one stage, see --help"
echo '```'
} >"$res"
echo "bench/all.sh: wrote $res" >&2
