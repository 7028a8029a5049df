#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Adds up the counts of every tests/run.sh pass and prints the last line of
# make check; fails if anything failed or a pass did not run.
set -u
pass=0 fail=0 skip=0 parts= failed=
for d in "$@"; do
	if [ ! -f "$d/counts" ]; then
		echo "check: no results in $d (did that pass run?)"
		exit 1
	fi
	read -r label p f s rest <"$d/counts"
	pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
	parts="$parts $label"
	[ -n "${rest:-}" ] && failed="$failed $rest"
done
if [ $fail -gt 0 ]; then
	echo "check: FAILED: $pass passed, $fail failed, $skip skipped (${parts# }); failing:$failed"
	exit 1
fi
echo "check: OK: $pass passed, 0 failed, $skip skipped (${parts# })"
