#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints each result file of reckon-compare under DIR after a line
# '== NAME', then removes DIR.  Usage: . ../compare_data/show.sh DIR
for f in cells summary distribution trend mse; do
	if [ -f "$1/$f.csv" ]; then
		echo "== $f.csv"
		cat "$1/$f.csv"
	fi
done
rm -rf "$1"
