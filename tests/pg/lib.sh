# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the database CLI cases (tests/cli/load_*, db_*).  tests/run.sh
# starts a throwaway cluster (tests/pg/cluster.sh) and exports:
#   RECKON_TEST_PG      connection string of its database "postgres"
#   RECKON_TEST_PGDIR   its directory (for cluster.sh kill/restart)
#   RECKON_TEST_PSQL    the psql to use

# pg_fresh_db NAME: (re)creates database NAME; prints its connection string.
# (From template0: an autovacuum worker in template1 would make CREATE
# DATABASE fail now and then.)
pg_fresh_db() {
	PGOPTIONS="-c client_min_messages=warning" \
		"$RECKON_TEST_PSQL" "$RECKON_TEST_PG" -qAtX -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
		-c "CREATE DATABASE \"$1\" TEMPLATE template0" >/dev/null
	echo "$RECKON_TEST_PG" | sed "s/dbname=postgres/dbname=$1/"
}

# pg_sql CONNINFO SQL: runs SQL, prints rows unaligned with a header.
pg_sql() {
	db=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" \
		"$RECKON_TEST_PSQL" "$db" -qAX -v ON_ERROR_STOP=1 -P footer=off \
		-c "$@"
}
