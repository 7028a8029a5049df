#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The extraction benchmark: times bare libcsv parsing and reckon-extract on a
# generated long-format CSV (UTF-8 and windows-1251) under /usr/bin/time -v.
#
#   bench/run.sh            1,000,000 rows, 5 runs of each task, interleaved
#   bench/run.sh --smoke    1,000 rows, 1 run: checks the output, exits
#                           non-zero on failure; takes about a second
#
# options:
#   --rows N      data lines in the generated input (default 1000000)
#   --reps N      runs of each task; the median wall time counts (default 5)
#   --seed N      generator seed (default: gen_long.py's fixed one)
#   --bin PATH    reckon-extract to time (default $RECKON_EXTRACT or
#                 bin/reckon-extract)
#   --out DIR     work folder (default build/bench, build/bench/smoke)
#
# Inputs go to DIR/utf-8/long.csv and DIR/windows-1251/long.csv (both named
# long.csv, so that reckon's source and origin columns come out the same and
# the two outputs can be compared byte for byte); they are regenerated only
# when their .meta (seed, rows, size, generator checksum) does not match.
# reckon-extract writes its tidy CSV to DIR/<encoding>/tidy.csv with -o: the
# writing is timed.  The table is printed at the end and written with the
# machine facts to DIR/results.md.
#
# MB = 10^6 bytes of input as it is on disk (the windows-1251 file is smaller
# than the UTF-8 one for the same text: both sizes are shown).  Peak RSS is
# the largest "Maximum resident set size" over the runs.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
TIME=/usr/bin/time

smoke=0
rows=
reps=
seed=
out=
bin=${RECKON_EXTRACT:-bin/reckon-extract}

die() { echo "bench: $*" >&2; exit 1; }
usage() { sed -n '/^#   bench/,/^# options/p;/^#   --/,/^#$/p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-64}"; }

while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 ;;
	--rows) rows=${2:?}; shift ;;
	--reps) reps=${2:?}; shift ;;
	--seed) seed=${2:?}; shift ;;
	--bin) bin=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	-h|--help) usage 0 ;;
	*) echo "bench: unknown option $1" >&2; usage >&2 ;;
	esac
	shift
done
if [ "$smoke" = 1 ]; then
	: "${rows:=1000}" "${reps:=1}" "${out:=build/bench/smoke}"
else
	: "${rows:=1000000}" "${reps:=5}" "${out:=build/bench}"
fi
case $rows$reps$seed in *[!0-9]*) die "--rows, --reps and --seed take numbers" ;; esac
[ "$reps" -ge 1 ] || die "--reps must be at least 1"

# ---- what the benchmark needs ----

[ -x "$PY" ] || die "$PY is missing (Debian's python3; the standard library is enough)"
if [ ! -x "$TIME" ]; then
	# GNU time, Debian package 'time'; install it when we may.
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "bench: installing GNU time (Debian package 'time')" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y --no-install-recommends time >/dev/null 2>&1 ||
			{ apt-get update >/dev/null 2>&1 &&
			  apt-get install -y --no-install-recommends time >/dev/null 2>&1; } || true
	fi
	[ -x "$TIME" ] || die "$TIME is missing: apt-get install time"
fi
[ -x "$bin" ] || die "$bin is missing: run make first, or give --bin PATH"

mkdir -p "$out"
out=$(cd "$out" && pwd)

# A private copy of the program, so that a make running meanwhile cannot
# swap it in the middle of the runs.
rx="$out/reckon-extract"
cp -f "$bin" "$rx.tmp.$$" && mv -f "$rx.tmp.$$" "$rx"

bare="$ROOT/build/bench/bare_libcsv"
if [ ! -x "$bare" ] || [ bench/bare_libcsv.c -nt "$bare" ]; then
	mkdir -p "$(dirname "$bare")"
	cc -O2 -std=c11 -Wall -Wextra -o "$bare.tmp.$$" bench/bare_libcsv.c -lcsv ||
		die "cannot build bench/bare_libcsv.c (libcsv-dev installed?)"
	mv -f "$bare.tmp.$$" "$bare"
fi

# ---- inputs ----

meta() { sed -n "s/^$2=//p" "$1.meta" 2>/dev/null; }

gen_sha=$(sha256sum bench/gen_long.py | cut -d' ' -f1)
[ -n "$seed" ] || seed=$("$PY" -B -c 'import sys; sys.path.insert(0, "bench"); import gen_long; print(gen_long.DEFAULT_SEED)')

# gen ENCODING: makes $out/ENCODING/long.csv unless it is already there
gen() {
	local f="$out/$1/long.csv"

	if [ -f "$f" ] && [ "$(meta "$f" generator_sha256)" = "$gen_sha" ] &&
	   [ "$(meta "$f" seed)" = "$seed" ] && [ "$(meta "$f" rows)" = "$rows" ] &&
	   [ "$(meta "$f" encoding)" = "$1" ] &&
	   [ "$(meta "$f" bytes)" = "$(stat -c %s "$f")" ]; then
		return 0
	fi
	rm -f "$f" "$f.meta"
	mkdir -p "$out/$1"
	"$PY" -B bench/gen_long.py --rows "$rows" --seed "$seed" --encoding "$1" \
		--output "$f" 2>"$out/$1/gen.log" ||
		{ cat "$out/$1/gen.log" >&2; die "gen_long.py failed for $1"; }
}
gen utf-8
gen windows-1251
in_u="$out/utf-8/long.csv"
in_w="$out/windows-1251/long.csv"
bytes_u=$(stat -c %s "$in_u")
bytes_w=$(stat -c %s "$in_w")
totals=$(meta "$in_u" totals)
# every row, the 'Итого' totals as source_total rows (for reckon-normalise
# to check; a total not given, 'н/д', has none to check), plus the header
not_given=$(meta "$in_u" totals_not_given)
expect_lines=$(( rows + 1 - not_given ))
[ "$(meta "$in_w" totals)" = "$totals" ] || die "the two inputs differ in totals"

# ---- the tasks ----

LAYOUT=(--field region=Регион --field sex=Пол --field period=Квартал
	--value Количество --constant indicator=torture_complaints
	--sentinel -=0 --sentinel 'н/д=missing' --skip-rows '^Итого')

TASKS=(bare rx-utf8 rx-cp1251)
declare -A NAME BYTES
NAME[bare]="bare libcsv, UTF-8"
NAME[rx-utf8]="reckon-extract, UTF-8"
NAME[rx-cp1251]="reckon-extract, windows-1251"
BYTES[bare]=$bytes_u
BYTES[rx-utf8]=$bytes_u
BYTES[rx-cp1251]=$bytes_w

# cmd TASK: sets CMD to the task's command line
cmd() {
	case $1 in
	bare) CMD=("$bare" -s "$in_u") ;;
	rx-utf8) CMD=("$rx" "${LAYOUT[@]}" -o "$out/utf-8/tidy.csv" "$in_u") ;;
	rx-cp1251) CMD=("$rx" "${LAYOUT[@]}" -o "$out/windows-1251/tidy.csv" "$in_w") ;;
	esac
}

# check TASK: the output of the run just done is right
check() {
	local got
	case $1 in
	bare)
		got=$(cat "$out/run.stdout")
		[ "$got" = "bytes=$bytes_u fields=$(( (rows + 1) * 5 )) rows=$(( rows + 1 ))" ] ||
			{ echo "bench: bare libcsv counted '$got'" >&2; return 1; } ;;
	rx-*)
		local f="$out/utf-8/tidy.csv"
		[ "$1" = rx-cp1251 ] && f="$out/windows-1251/tidy.csv"
		got=$(wc -l < "$f")
		[ "$got" = "$expect_lines" ] ||
			{ echo "bench: $1 wrote $got lines, expected $expect_lines ($rows rows, $totals of them totals, + header)" >&2; return 1; }
		got=$(grep -c ',source_total,' "$f")
		[ "$got" = "$(( totals - not_given ))" ] ||
			{ echo "bench: $1 wrote $got source totals, expected $(( totals - not_given ))" >&2; return 1; } ;;
	esac
}

# A command line as one could type it, paths relative to the repository.
SPECIAL=$' \t\n\'"\\$`*?()[]{};&|<>^!#~'
show() {
	local a s='' k q
	for a in "$@"; do
		a=${a#"$ROOT/"}
		q=0
		[ -z "$a" ] && q=1
		for ((k = 0; k < ${#SPECIAL}; k++)); do
			[[ $a == *"${SPECIAL:k:1}"* ]] && q=1
		done
		if [ "$q" = 1 ]; then
			s+=" '${a//\'/\'\\\'\'}'"
		else
			s+=" $a"
		fi
	done
	echo "${s# }"
}

declare -A WALL RSS UCPU SCPU
failed=0
cat "$in_u" "$in_w" >/dev/null          # into the page cache
# CPU time the whole machine spent busy, in clock ticks (for the noise line)
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
busy0=$(busy_ticks)
wall0=${EPOCHREALTIME/[.,]/}
echo "bench: $rows rows, $reps run(s) of each task, in ${out#"$ROOT/"}" >&2
for ((i = 1; i <= reps; i++)); do
	for t in "${TASKS[@]}"; do
		cmd "$t"
		case $t in
		rx-utf8) rm -f "$out/utf-8/tidy.csv" ;;
		rx-cp1251) rm -f "$out/windows-1251/tidy.csv" ;;
		esac
		t0=${EPOCHREALTIME/[.,]/}
		rc=0
		"$TIME" -v -o "$out/run.time" "${CMD[@]}" >"$out/run.stdout" 2>"$out/run.stderr" || rc=$?
		t1=${EPOCHREALTIME/[.,]/}
		if [ "$rc" != 0 ]; then
			echo "bench: $t exited $rc:" >&2
			cat "$out/run.stderr" >&2
			failed=1
			continue
		fi
		check "$t" || failed=1
		WALL[$t]+=" $(( t1 - t0 ))"
		RSS[$t]+=" $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/run.time")"
		UCPU[$t]+=" $(sed -n 's/.*User time (seconds): //p' "$out/run.time")"
		SCPU[$t]+=" $(sed -n 's/.*System time (seconds): //p' "$out/run.time")"
		printf '  run %d %-10s %8.3f s\n' "$i" "$t" "$(( t1 - t0 ))e-6" >&2
	done
done
busy1=$(busy_ticks)
wall1=${EPOCHREALTIME/[.,]/}
if ! cmp -s "$out/utf-8/tidy.csv" "$out/windows-1251/tidy.csv"; then
	echo "bench: the UTF-8 and windows-1251 outputs differ" >&2
	failed=1
fi

# median of numbers; max of numbers
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{v[NR]=$1} END{if(!NR)print "nan"; else if(NR%2)print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
maxof() { tr ' ' '\n' | sed '/^$/d' | sort -g | tail -n1; }

# ---- the report ----

# where the program came from, as far as we can tell
describe_bin() {
	local head
	if [ "$(realpath "$bin")" != "$ROOT/bin/reckon-extract" ]; then
		echo "given with --bin"
	elif ! head=$(git rev-parse --short HEAD 2>/dev/null); then
		echo "built from a tree without commits"
	elif [ -n "$(git status --porcelain --untracked-files=no -- lib extract Makefile 2>/dev/null)" ]; then
		echo "built from the work tree: $head plus uncommitted changes"
	else
		echo "built from the work tree at $head"
	fi
}

res="$out/results.md"
{
	echo "## Machine"
	echo
	echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
	     "$(grep -c '^processor' /proc/cpuinfo) logical CPUs (nproc $(nproc))" \
	     "$(grep -qw hypervisor /proc/cpuinfo && echo '(virtual machine)')"
	echo "- RAM: $(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "- kernel: $(uname -sr)"
	# shellcheck disable=SC1091
	echo "- OS: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
	echo "- compiler: $(cc --version | head -n1)"
	echo "- libraries: $(dpkg-query -W -f='${Package} ${Version}, ' libcsv3 'libicu[0-9]*' 2>/dev/null | sed 's/, $//')"
	echo "- python (generator): $("$PY" --version 2>&1)"
	echo "- reckon-extract: ${bin#"$ROOT/"} (sha256 $(sha256sum "$rx" | cut -c1-12)), $(describe_bin)"
	echo
	echo "## Inputs"
	echo
	echo "- \`gen_long.py --rows $rows --seed $seed\`: $rows rows + header, $totals of them 'Итого' totals"
	echo "- UTF-8: $bytes_u bytes ($(awk "BEGIN{printf \"%.1f\", $bytes_u/1e6}") MB)"
	echo "- windows-1251: $bytes_w bytes ($(awk "BEGIN{printf \"%.1f\", $bytes_w/1e6}") MB), the same text"
	echo
	echo "## Commands"
	echo
	echo '```'
	for t in "${TASKS[@]}"; do
		cmd "$t"
		show "${CMD[@]}"
	done
	echo '```'
	echo
	echo "each under \`$TIME -v\`, $reps run(s) interleaved; wall time measured around it, median shown;"
	echo "user and sys: medians of the CPU times."
	# everything busy on the machine meanwhile, less what the timed runs used
	[ "$smoke" = 1 ] || awk -v b="$(( busy1 - busy0 ))" -v hz="$(getconf CLK_TCK)" -v w="$(( wall1 - wall0 ))" \
	    -v own="$(echo "${UCPU[*]} ${SCPU[*]}" | tr ' ' '\n' | awk '{s+=$1} END{print s+0}')" \
	    -v n="$(nproc)" 'BEGIN {
		other = b / hz - own; if (other < 0) other = 0
		printf "Other work on the machine during the %.0f s of runs: %.1f CPU-seconds " \
		       "(%.0f%% of one of the %d CPUs); when it is high, the wall times are too.\n",
		       w / 1e6, other, 100 * other / (w / 1e6), n }'
	echo
	echo "## Results"
	echo
	echo "| task | input MB | median s | MB/s | rows/s | user s | sys s | peak RSS MiB |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for t in "${TASKS[@]}"; do
		[ -n "${WALL[$t]:-}" ] || { echo "| ${NAME[$t]} | failed | | | | | | |"; continue; }
		med=$(echo "${WALL[$t]}" | median)
		awk -v n="${NAME[$t]}" -v b="${BYTES[$t]}" -v us="$med" -v r="$rows" \
		    -v u="$(echo "${UCPU[$t]}" | median)" -v s="$(echo "${SCPU[$t]}" | median)" \
		    -v k="$(echo "${RSS[$t]}" | maxof)" 'BEGIN {
			sec = us / 1e6
			printf "| %s | %.1f | %.3f | %.1f | %.0f | %.2f | %.2f | %.1f |\n",
			       n, b / 1e6, sec, b / 1e6 / sec, r / sec, u, s, k / 1024 }'
	done
	if [ "$smoke" = 0 ]; then
		echo
		echo "## Targets (reckon-extract, UTF-8)"
		echo
		if [ -n "${WALL[rx-utf8]:-}" ]; then
			awk -v b="$bytes_u" -v us="$(echo "${WALL[rx-utf8]}" | median)" \
			    -v k="$(echo "${RSS[rx-utf8]}" | maxof)" 'BEGIN {
				mbs = b / 1e6 / (us / 1e6); mib = k / 1024
				printf "- throughput >= 120 MB/s: %.1f MB/s, %s\n", mbs, (mbs >= 120 ? "met" : "NOT met")
				printf "- peak RSS < 32 MiB: %.1f MiB, %s\n", mib, (mib < 32 ? "met" : "NOT met") }'
		fi
	fi
} >"$res"

cat "$res"
rm -f "$out/run.stdout" "$out/run.stderr" "$out/run.time"
if [ "$failed" != 0 ]; then
	echo "bench: FAILED" >&2
	exit 1
fi
[ "$smoke" = 1 ] && echo "bench: smoke ok ($expect_lines lines per output)" >&2
exit 0
