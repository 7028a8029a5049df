#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the tests and benchmarks: initdb in
# DIR/data, a Unix socket in DIR and no TCP, trust, fsync off (a test
# cluster: the kill test kills processes, not the machine).  As root the
# server runs as the postgres system user (PostgreSQL refuses root).
#
#   tests/pg/cluster.sh available      exit 0 when initdb and pg_ctl exist
#   tests/pg/cluster.sh bindir         prints the directory of the programs
#   tests/pg/cluster.sh start DIR      create and start; prints the
#                                      connection string of database postgres
#   tests/pg/cluster.sh stop DIR       stop (fast) and remove DIR
#   tests/pg/cluster.sh kill DIR       SIGKILL the server and all its processes
#   tests/pg/cluster.sh restart DIR    start again after kill (crash recovery)
#
# The programs come from $RECKON_PG_BINDIR, else the newest
# /usr/lib/postgresql/N/bin, else PATH.
set -eu

bindir() {
	if [ -n "${RECKON_PG_BINDIR:-}" ] && [ -x "$RECKON_PG_BINDIR/initdb" ]; then
		echo "$RECKON_PG_BINDIR"; return
	fi
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4n -r); do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return; }
	done
	p=$(command -v initdb 2>/dev/null) || return 1
	dirname "$p"
}

# Runs a command as the server's user.
as_server() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

die() { echo "cluster.sh: $*" >&2; exit 1; }

cmd=${1:-}
dir=${2:-}
case $cmd in
available)
	bin=$(bindir) || exit 1
	[ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1 || exit 1
	exit 0 ;;
bindir) bindir; exit ;;
start|stop|kill|restart) [ -n "$dir" ] || die "usage: cluster.sh $cmd DIR" ;;
*) die "usage: cluster.sh available|bindir|start|stop|kill|restart DIR" ;;
esac
bin=$(bindir) || die "no PostgreSQL server programs (install postgresql)"
[ "$cmd" != start ] || mkdir -p "$(dirname "$dir")"
parent=$(cd "$(dirname "$dir")" && pwd) || die "no directory $(dirname "$dir")"
dir=$parent/$(basename "$dir")

case $cmd in
start)
	mkdir -p "$dir"
	chmod 755 "$(dirname "$dir")" 2>/dev/null || true
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	chmod 700 "$dir"
	as_server "$bin/initdb" -D "$dir/data" -U reckon -A trust -E UTF8 \
		--locale=C --no-instructions >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	as_server sh -c "cat >>'$dir/data/postgresql.conf'" <<-EOF
		listen_addresses = ''
		unix_socket_directories = '$dir'
		unix_socket_permissions = 0700
		port = 5432
		fsync = off
		full_page_writes = off
		max_wal_size = '4GB'
	EOF
	as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s -t 120 start >&2 ||
		{ tail -5 "$dir/server.log" >&2; die "the server did not start"; }
	echo "host=$dir port=5432 dbname=postgres user=reckon" ;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w -s stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir" ;;
kill)
	pid=$(head -1 "$dir/data/postmaster.pid")
	# the postmaster leads its own process group (pg_ctl starts it so)
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done ;;
restart)
	as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s -t 120 start >&2 ||
		{ tail -5 "$dir/server.log" >&2; die "the server did not start again"; } ;;
esac
