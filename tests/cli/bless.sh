#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the current output of CLI cases as their expected output:
#   tests/cli/bless.sh CASE...   (then review the diff before committing)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
for case in "$@"; do
	dir="$top/tests/cli/$case"
	set +e
	(cd "$dir" && PATH="$top/bin:$PATH" LC_ALL=C.UTF-8 TOP="$top" sh ./cmd \
		>"$dir/stdout" 2>"$dir/stderr")
	rc=$?
	set -e
	if [ $rc -eq 0 ]; then rm -f "$dir/status"; else echo $rc >"$dir/status"; fi
	[ -s "$dir/stderr" ] || rm -f "$dir/stderr"
	echo "$case: exit $rc"
done
