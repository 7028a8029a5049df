#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the unit test binaries given and every golden-file CLI case under
# tests/cli/ against the programs in --bin; writes counts to --results.
# Usage: tests/run.sh --label NAME --bin DIR --results DIR [unit-binary...]
set -u
label=tests bin= results=
while [ $# -gt 0 ]; do
	case $1 in
	--label) label=$2; shift 2 ;;
	--bin) bin=$2; shift 2 ;;
	--results) results=$2; shift 2 ;;
	*) break ;;
	esac
done
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$results"
rm -f "$results"/*.log "$results/counts"
pass=0 fail=0 skip=0
failed=

note_fail() { fail=$((fail + 1)); failed="$failed $1"; printf '  FAIL    %s (%s)\n' "$1" "$label"; }

for t in "$@"; do
	name=$(basename "$t")
	log="$results/$name.log"
	if "$t" >"$log" 2>&1; then :; else note_fail "$name"; sed 's/^/    /' "$log" | tail -30; fi
	n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	pass=$((pass + ${n:-0}))
done

# Golden-file CLI cases: tests/cli/<case>/{cmd,stdout,stderr,status}
tmp=$(mktemp -d)
pgdir=
cleanup() {
	[ -z "$pgdir" ] || "$top/tests/pg/cluster.sh" stop "$pgdir/cluster"
	[ -z "$pgdir" ] || rm -rf "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT

# A throwaway PostgreSQL cluster for the database cases (load_*, db_*):
# they skip, saying why, where PostgreSQL is not installed.
if "$top/tests/pg/cluster.sh" available; then
	pgdir=$(mktemp -d /tmp/reckon-test-pg.XXXXXX)
	if RECKON_TEST_PG=$("$top/tests/pg/cluster.sh" start "$pgdir/cluster" 2>"$tmp/pg.log"); then
		RECKON_TEST_PGDIR=$pgdir/cluster
		RECKON_TEST_PSQL=$("$top/tests/pg/cluster.sh" bindir)/psql
		export RECKON_TEST_PG RECKON_TEST_PGDIR RECKON_TEST_PSQL
	else
		note_fail "pg-cluster"
		sed 's/^/    /' "$tmp/pg.log"
	fi
fi
for dir in "$top"/tests/cli/*/; do
	[ -f "$dir/cmd" ] || continue
	case=$(basename "$dir")
	if [ -f "$dir/requires" ] && ! (cd "$dir" && sh ./requires) >/dev/null 2>&1; then
		skip=$((skip + 1))
		printf '  SKIP    %s: %s\n' "$case" "$(head -1 "$dir/requires" | sed 's/^# *//')"
		continue
	fi
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	(cd "$dir" && PATH="$bin:$PATH" LC_ALL=C.UTF-8 TOP="$top" sh ./cmd \
		>"$tmp/stdout" 2>"$tmp/stderr")
	status=$?
	ok=1
	[ "$status" = "$want_status" ] || { ok=0; echo "    $case: exit $status, expected $want_status"; }
	if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$tmp/stdout"; then
		ok=0; echo "    $case: stdout differs:"; diff "$dir/stdout" "$tmp/stdout" | head -20 | sed 's/^/      /'
	fi
	if [ -f "$dir/stderr" ] && ! cmp -s "$dir/stderr" "$tmp/stderr"; then
		ok=0; echo "    $case: stderr differs:"; diff "$dir/stderr" "$tmp/stderr" | head -20 | sed 's/^/      /'
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else note_fail "cli/$case"; fi
done

echo "$label $pass $fail $skip$failed" >"$results/counts"
printf '  %-10s %d passed, %d failed, %d skipped\n' "$label:" $pass $fail $skip
exit 0
