#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs libFuzzer targets.  Each target fuzz_X takes its seeds from
# tests/fuzz/corpus/X/.
#   --smoke RESULTS BIN...      replay the seeds once (part of make check)
#   --seconds N RESULTS BIN...  fuzz each target N seconds; new inputs go to
#                               build/fuzz/corpus/X, crashes to build/fuzz/
set -u
mode=$1; shift
secs=0
[ "$mode" = --seconds ] && { secs=$1; shift; }
results=$1; shift
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$results"
pass=0 fail=0 failed=
for bin in "$@"; do
	name=$(basename "$bin"); name=${name#fuzz_}
	seeds="$top/tests/fuzz/corpus/$name"
	log="$results/$name.log"
	if [ "$mode" = --smoke ]; then
		"$bin" -runs=0 "$seeds" >"$log" 2>&1
		rc=$?
	else
		work="$top/build/fuzz/corpus/$name"
		mkdir -p "$work"
		"$bin" -max_total_time="$secs" -print_final_stats=1 \
			-artifact_prefix="$top/build/fuzz/$name-" "$work" "$seeds" >"$log" 2>&1
		rc=$?
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		printf '  fuzz %-8s %ss, %s executions\n' "$name" "$secs" "${execs:-?}"
	fi
	if [ $rc -eq 0 ] && ! grep -q 'ERROR: \(AddressSanitizer\|libFuzzer\|UndefinedBehavior\)\|runtime error' "$log"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed fuzz/$name"
		printf '  FAIL    fuzz %s\n' "$name"; tail -30 "$log" | sed 's/^/    /'
	fi
done
echo "fuzz $pass $fail 0$failed" >"$results/counts"
printf '  %-10s %d passed, %d failed\n' "fuzz:" $pass $fail
exit 0
