/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "db.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "cluster.h"

struct rk_db {
	PGconn *conn;
	char *target;
	enum rk_db_via via;
	int password_given;
};

/* The PG* variables that say "libpq, connect where I told you". */
static const char *const libpq_vars[] = {
	"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE",
	NULL
};

static int set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

enum rk_db_via rk_db_choose(const char *conninfo)
{
	if (conninfo)
		return RK_DB_VIA_ARG;
	if (set("RECKON_DB"))
		return RK_DB_VIA_ENV;
	for (size_t i = 0; libpq_vars[i]; i++)
		if (set(libpq_vars[i]))
			return RK_DB_VIA_LIBPQ;
	return RK_DB_VIA_PRIVATE;
}

/* ---- password-free display ---- */

struct sbuf {
	struct bytebuf b;
	int failed;       /* out of memory once: the result is NULL */
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (!b->failed && bytebuf_add(&b->b, s, n) < 0)
		b->failed = 1;
}

static void sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Appends " key=value", quoting the value as libpq's parser expects. */
static void sb_option(struct sbuf *b, const char *key, const char *val)
{
	int quote = !*val || strpbrk(val, " \t\n\r\f\v'\\") != NULL;

	if (b->b.len)
		sb_puts(b, " ");
	sb_puts(b, key);
	sb_puts(b, "=");
	if (!quote) {
		sb_puts(b, val);
		return;
	}
	sb_puts(b, "'");
	for (const char *p = val; *p; p++) {
		if (*p == '\'' || *p == '\\')
			sb_puts(b, "\\");
		sb_add(b, p, 1);
	}
	sb_puts(b, "'");
}

static char *sb_finish(struct sbuf *b)
{
	if (b->failed) {
		bytebuf_free(&b->b);
		return NULL;
	}
	if (!b->b.p)
		return strdup("");
	return b->b.p;
}

/* Options shown first, in this order; the rest follow in libpq's order. */
static const char *const shown_first[] = {
	"service", "host", "hostaddr", "port", "dbname", "user", NULL
};

static int is_secret(const PQconninfoOption *o)
{
	return strcmp(o->keyword, "password") == 0 ||
	       strcmp(o->keyword, "sslpassword") == 0 ||
	       (o->dispchar && o->dispchar[0] == '*');
}

static int listed(const char *key)
{
	for (size_t i = 0; shown_first[i]; i++)
		if (strcmp(key, shown_first[i]) == 0)
			return 1;
	return 0;
}

char *rk_db_redact(const char *conninfo)
{
	PQconninfoOption *opts;
	char *msg = NULL;
	struct sbuf b = { 0 };

	opts = PQconninfoParse(conninfo, &msg);
	if (!opts) {
		PQfreemem(msg);
		return NULL;
	}
	for (size_t i = 0; shown_first[i]; i++)
		for (PQconninfoOption *o = opts; o->keyword; o++)
			if (strcmp(o->keyword, shown_first[i]) == 0 &&
			    o->val && *o->val)
				sb_option(&b, o->keyword, o->val);
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (o->val && *o->val && !listed(o->keyword) && !is_secret(o))
			sb_option(&b, o->keyword, o->val);
	PQconninfoFree(opts);
	return sb_finish(&b);
}

/* The effective target of a connection, made or failed. */
static char *conn_target(PGconn *conn)
{
	struct sbuf b = { 0 };
	PQconninfoOption *opts = PQconninfo(conn);
	const char *v;

	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (strcmp(o->keyword, "service") == 0 && o->val && *o->val)
			sb_option(&b, "service", o->val);
	PQconninfoFree(opts);
	if ((v = PQhost(conn)) && *v)
		sb_option(&b, "host", v);
	if ((v = PQport(conn)) && *v)
		sb_option(&b, "port", v);
	if ((v = PQdb(conn)) && *v)
		sb_option(&b, "dbname", v);
	if ((v = PQuser(conn)) && *v)
		sb_option(&b, "user", v);
	return sb_finish(&b);
}

/* ---- messages ---- */

/*
 * Copies the first line of a libpq or server message into out, without
 * libpq's "connection to server ... failed: " preface, the severity, a
 * trailing full stop, and with a lower-case first letter.
 */
static void clean_message(const char *m, char *out, size_t size)
{
	const char *p, *end;
	size_t n;

	if (!m)
		m = "";
	if ((p = strstr(m, " failed: ")) != NULL && (end = strchr(m, '\n')) &&
	    p < end)
		m = p + 9;
	for (const char *sev = "FATAL:  "; ; sev = "ERROR:  ") {
		if (strncmp(m, sev, strlen(sev)) == 0)
			m += strlen(sev);
		if (sev[0] == 'E')
			break;
	}
	end = strchr(m, '\n');
	n = end ? (size_t)(end - m) : strlen(m);
	while (n && (m[n - 1] == '.' || isspace((unsigned char)m[n - 1])))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, m, n);
	out[n] = '\0';
	if (isupper((unsigned char)out[0]) && islower((unsigned char)out[1]))
		out[0] = (char)tolower((unsigned char)out[0]);
}

static const char *via_name(enum rk_db_via via)
{
	switch (via) {
	case RK_DB_VIA_ARG: return "--db";
	case RK_DB_VIA_ENV: return "RECKON_DB";
	case RK_DB_VIA_LIBPQ: return "the PG* variables";
	default: return "the private cluster";
	}
}

static void connect_hint(const struct rk_db *db, const char *msg,
			 struct rk_error *err)
{
	if (strstr(msg, "password") || strstr(msg, "authentication"))
		rk_error_hint(err, "check the user; keep the password in "
				   "~/.pgpass or PGPASSFILE, never in %s",
			      via_name(db->via));
	else if (strstr(msg, "database") && strstr(msg, "does not exist"))
		rk_error_hint(err, "create the database (createdb NAME) or "
				   "name another one in %s", via_name(db->via));
	else if (strstr(msg, "role") && strstr(msg, "does not exist"))
		rk_error_hint(err, "connect as an existing role (user=NAME "
				   "in %s; see load/roles.sql)",
			      via_name(db->via));
	else if (strstr(msg, "service"))
		rk_error_hint(err, "check the service name, and the service "
				   "file (PGSERVICEFILE or ~/.pg_service.conf)");
	else if (db->via == RK_DB_VIA_PRIVATE)
		rk_error_hint(err, "check the private cluster with "
				   "'reckon db status' and its log");
	else
		rk_error_hint(err, "is the server running? check %s",
			      via_name(db->via));
}

/* ---- connecting ---- */

/* Modules never print: the server's notices are dropped. */
static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int check_conninfo(struct rk_db *db, const char *conninfo,
			  struct rk_error *err)
{
	PQconninfoOption *opts;
	char *msg = NULL;

	opts = PQconninfoParse(conninfo, &msg);
	PQfreemem(msg);
	if (!opts) {
		rk_error_set(err, RK_EXIT_USAGE, NULL, 0,
			     "cannot parse the connection string in %s",
			     via_name(db->via));
		rk_error_hint(err, "use key=value pairs (host=H dbname=D "
				   "user=U) or a postgresql:// URI");
		return -1;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (is_secret(o) && o->val && *o->val)
			db->password_given = 1;
	PQconninfoFree(opts);
	return 0;
}

static const char *private_conninfo(struct rk_cluster **cl,
				    struct rk_error *err)
{
	enum rk_cluster_state state;
	pid_t pid;

	*cl = rk_cluster_open(NULL, err);
	if (!*cl)
		return NULL;
	if (getenv(RK_DB_NO_START)) {
		if (rk_cluster_status(*cl, &state, &pid, err) < 0)
			return NULL;
		if (state != RK_CLUSTER_RUNNING) {
			rk_error_set(err, RK_EXIT_UNAVAILABLE,
				     rk_cluster_home(*cl), 0, "the private "
				     "cluster is not running, and is not "
				     "started here (" RK_DB_NO_START " is set)");
			rk_error_hint(err, "start it with 'reckon db start', or "
					   "give --db CONNINFO");
			return NULL;
		}
	} else if (rk_cluster_start(*cl, NULL, err) < 0) {
		return NULL;
	}
	return rk_cluster_conninfo(*cl);
}

static int connect_to(struct rk_db *db, const char *conninfo,
		      const char *app, struct rk_error *err)
{
	const char *keys[] = { "dbname", "fallback_application_name", NULL };
	const char *vals[] = { conninfo, app, NULL };
	char msg[sizeof(err->msg) - 64];

	db->conn = PQconnectdbParams(keys, vals, 1);
	if (!db->conn)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	db->target = conn_target(db->conn);
	if (!db->target)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (PQstatus(db->conn) == CONNECTION_OK) {
		PQsetNoticeProcessor(db->conn, ignore_notice, NULL);
		return 0;
	}
	clean_message(PQerrorMessage(db->conn), msg, sizeof(msg));
	rk_error_set(err, RK_EXIT_UNAVAILABLE, db->target, 0,
		     "cannot connect to the database: %s", msg);
	connect_hint(db, msg, err);
	return -1;
}

struct rk_db *rk_db_open(const char *conninfo, const char *app,
			 struct rk_error *err)
{
	struct rk_db *db = calloc(1, sizeof(*db));
	struct rk_cluster *cl = NULL;
	const char *ci = NULL;

	if (!db) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	db->via = rk_db_choose(conninfo);
	if (db->via == RK_DB_VIA_ARG)
		ci = conninfo;
	else if (db->via == RK_DB_VIA_ENV)
		ci = getenv("RECKON_DB");
	else if (db->via == RK_DB_VIA_PRIVATE &&
		 (ci = private_conninfo(&cl, err)) == NULL)
		goto fail;
	if (ci && check_conninfo(db, ci, err) < 0)
		goto fail;
	if (connect_to(db, ci, app, err) < 0)
		goto fail;
	rk_cluster_close(cl);
	return db;
fail:
	rk_cluster_close(cl);
	rk_db_close(db);
	return NULL;
}

PGconn *rk_db_conn(const struct rk_db *db)
{
	return db->conn;
}

const char *rk_db_target(const struct rk_db *db)
{
	return db->target ? db->target : "";
}

int rk_db_password_given(const struct rk_db *db)
{
	return db->password_given;
}

void rk_db_close(struct rk_db *db)
{
	if (!db)
		return;
	if (db->conn)
		PQfinish(db->conn);
	free(db->target);
	free(db);
}

/* ---- queries ---- */

char *rk_db_text_array(char *const *v, size_t n)
{
	size_t cap = 3;
	char *s, *p;

	for (size_t i = 0; i < n; i++)
		cap += 2 * strlen(v[i]) + 3;
	if (!(s = p = malloc(cap)))
		return NULL;
	*p++ = '{';
	for (size_t i = 0; i < n; i++) {
		if (i)
			*p++ = ',';
		*p++ = '"';
		for (const char *c = v[i]; *c; c++) {
			if (*c == '"' || *c == '\\')
				*p++ = '\\';
			*p++ = *c;
		}
		*p++ = '"';
	}
	*p++ = '}';
	*p = '\0';
	return s;
}

const char *rk_db_sqlstate(const PGresult *res)
{
	const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return s ? s : "";
}

static int unavailable_state(const char *st)
{
	return strncmp(st, "08", 2) == 0 || strncmp(st, "53", 2) == 0 ||
	       strcmp(st, "57P01") == 0 || strcmp(st, "57P02") == 0 ||
	       strcmp(st, "57P03") == 0 || strcmp(st, "42501") == 0 ||
	       strcmp(st, "3D000") == 0;
}

static int code_for(const struct rk_db *db, const char *st)
{
	if (PQstatus(db->conn) != CONNECTION_OK || unavailable_state(st))
		return RK_EXIT_UNAVAILABLE;
	if (strncmp(st, "22", 2) == 0 || strncmp(st, "23", 2) == 0)
		return RK_EXIT_DATAERR;
	return RK_EXIT_SOFTWARE;
}

int rk_db_fail(struct rk_db *db, const PGresult *res, const char *what,
	       struct rk_error *err)
{
	const char *st = rk_db_sqlstate(res);
	const char *primary = res ? PQresultErrorField(res,
					PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res,
					PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res,
					PG_DIAG_MESSAGE_HINT) : NULL;
	char msg[sizeof(err->msg) / 2], det[sizeof(err->msg) / 4];
	int code = code_for(db, st), lost;

	clean_message(primary ? primary : PQerrorMessage(db->conn), msg,
		      sizeof(msg));
	lost = PQstatus(db->conn) != CONNECTION_OK && !primary;
	det[0] = '\0';
	if (detail)
		clean_message(detail, det, sizeof(det));
	rk_error_set(err, code, code == RK_EXIT_UNAVAILABLE ? db->target : NULL,
		     0, "%s: %s%s%s%s", what,
		     lost ? "lost the connection to the database: " : "",
		     msg[0] ? msg : "no reply", det[0] ? ": " : "", det);
	if (PQstatus(db->conn) != CONNECTION_OK)
		rk_error_hint(err, "check that the server is running, then "
				   "run again");
	else if (strncmp(st, "57P", 3) == 0)
		rk_error_hint(err, "the server ended the session (shut down, "
				   "restarted or the session was terminated); "
				   "nothing of this step was kept: run it again "
				   "when the server is back");
	else if (strcmp(st, "42501") == 0)
		rk_error_hint(err, "connect as a member of reckon_loader "
				   "(load/roles.sql)");
	else if (strcmp(st, "40P01") == 0 || strcmp(st, "40001") == 0)
		rk_error_hint(err, "another session's work on the same rows "
				   "got in the way; nothing of this step was "
				   "kept: run it again");
	else if (hint)
		rk_error_hint(err, "%s", hint);
	return -1;
}

int rk_db_exec(struct rk_db *db, const char *sql, const char *what,
	       struct rk_error *err)
{
	PGresult *res = PQexec(db->conn, sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		rc = rk_db_fail(db, res, what, err);
	PQclear(res);
	return rc;
}

PGresult *rk_db_query(struct rk_db *db, const char *sql, int nparams,
		      const char *const *params, const char *what,
		      struct rk_error *err)
{
	PGresult *res = PQexecParams(db->conn, sql, nparams, NULL, params,
				     NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	rk_db_fail(db, res, what, err);
	PQclear(res);
	return NULL;
}

int rk_db_has_table(struct rk_db *db, const char *table, const char *what,
		    struct rk_error *err)
{
	const char *param[1] = { table };
	PGresult *res = rk_db_query(db, "SELECT to_regclass($1) IS NOT NULL",
				    1, param, what, err);
	int yes;

	if (!res)
		return -1;
	yes = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	return yes;
}
