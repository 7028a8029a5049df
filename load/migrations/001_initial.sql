-- SPDX-License-Identifier: GPL-3.0-or-later
-- 001_initial: the warehouse (design.md §4).
--
-- reckon-load applies the files of load/migrations/ in order, each once, in
-- one transaction, and records them in reckon.schema_version; the schema
-- "reckon" exists by then.  A migration is never edited once released: a
-- change is a new file with the next number.
--
-- Scale-out: everything stays within what Citus distributes.  On a Citus
-- coordinator, after `reckon-load --migrate`:
--   SELECT create_reference_table('reckon.schema_version');
--   SELECT create_reference_table('reckon.source');
--   SELECT create_reference_table('reckon.load_run');
--   SELECT create_distributed_table('reckon.observation', 'source');
--   SELECT create_distributed_table('reckon.discrepancy', 'indicator');
-- Every primary key holds its table's distribution column, and there are
-- no foreign keys: load_run and source ids are kept by reckon-load itself.

-- Who the figures come from; a row appears the first time a source loads.
CREATE TABLE reckon.source (
	id             text PRIMARY KEY CHECK (id <> ''),
	name           jsonb,          -- {"en": "...", "ru": "..."} when known
	kind           text CHECK (kind IN ('government', 'nhri', 'civil_society',
	                                    'international', 'other')),
	first_load_run bigint NOT NULL
);

-- One row per load that committed: where its rows came from and what it did.
CREATE TABLE reckon.load_run (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	started_at     timestamptz NOT NULL,
	finished_at    timestamptz,
	tool_version   text NOT NULL,
	db_user        text NOT NULL DEFAULT session_user,
	input_name     text NOT NULL,          -- the path given, or "stdin"
	input_sha256   text CHECK (input_sha256 ~ '^[0-9a-f]{64}$'),
	input_bytes    bigint,
	config_name    text,                   -- --config, when given
	config_sha256  text CHECK (config_sha256 ~ '^[0-9a-f]{64}$'),
	replace        boolean NOT NULL,
	dimensions     text[] NOT NULL,        -- the file's dimension columns
	rows_read      bigint NOT NULL DEFAULT 0,
	rows_inserted  bigint NOT NULL DEFAULT 0,
	rows_updated   bigint NOT NULL DEFAULT 0,
	rows_deleted   bigint NOT NULL DEFAULT 0,
	rows_unchanged bigint NOT NULL DEFAULT 0
);

-- One number per (source, indicator, period, dimensions).  dims_key is the
-- canonical text of dims (exactly dims::text: keys in jsonb order, empty
-- dimensions left out), so that files with their dimension columns in
-- another order, or with extra all-empty ones, key the same cells.  The
-- period's form (2024, 2024-S1, 2024-Q3, 2024-07, 2024-07-15) is checked
-- by reckon-load before the rows are sent, where a regular expression
-- here would cost each load of a million rows most of a second.
CREATE TABLE reckon.observation (
	source         text NOT NULL CHECK (source <> ''),
	indicator      text NOT NULL CHECK (indicator <> ''),
	period         text NOT NULL,          -- tidy form: checked by reckon-load
	dims_key       text NOT NULL,
	dims           jsonb NOT NULL,
	value          numeric,                -- NULL: missing, never zero
	status         text CONSTRAINT observation_status_check CHECK (status IN (
	                   'missing', 'suppressed', 'estimated', 'provisional',
	                   'footnote', 'incomplete')),
	origin         text NOT NULL,          -- file#sheet!CELL or file:LINE
	load_run       bigint NOT NULL,        -- the load that last changed it
	first_load_run bigint NOT NULL,        -- the load that first brought it
	PRIMARY KEY (source, indicator, period, dims_key)
);

-- What reckon-compare measured, per run and aligned cell.
CREATE TABLE reckon.discrepancy (
	run_id          text NOT NULL,
	indicator       text NOT NULL,
	period          text NOT NULL,
	dims_key        text NOT NULL,
	dims            jsonb NOT NULL,
	reference       text NOT NULL,         -- source A
	against         text NOT NULL,         -- source B
	value_reference numeric,
	value_against   numeric,
	difference      numeric,
	sym_pct         double precision,
	ratio           double precision,
	ratio_lo        double precision,
	ratio_hi        double precision,
	p_value         double precision,
	q_value         double precision,
	flag            text,
	computed_at     timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (indicator, run_id, reference, against, period, dims_key)
);

-- The first and last day of a period ('2024', '2024-S1', '2024-Q3',
-- '2024-07', '2024-07-15'); NULL for anything else.  --replace uses them
-- to find the rows inside the loaded period range.
CREATE FUNCTION reckon.period_start(p text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE
		WHEN p ~ '^[0-9]{4}$' THEN make_date(p::int, 1, 1)
		WHEN p ~ '^[0-9]{4}-S[12]$'
			THEN make_date(left(p, 4)::int, right(p, 1)::int * 6 - 5, 1)
		WHEN p ~ '^[0-9]{4}-Q[1-4]$'
			THEN make_date(left(p, 4)::int, right(p, 1)::int * 3 - 2, 1)
		WHEN p ~ '^[0-9]{4}-[0-9]{2}$'
			THEN make_date(left(p, 4)::int, right(p, 2)::int, 1)
		WHEN p ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN p::date
	END
$$;

CREATE FUNCTION reckon.period_end(p text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT (reckon.period_start(p) + CASE
		WHEN p ~ '^[0-9]{4}$' THEN interval '1 year'
		WHEN p ~ '^[0-9]{4}-S[12]$' THEN interval '6 months'
		WHEN p ~ '^[0-9]{4}-Q[1-4]$' THEN interval '3 months'
		WHEN p ~ '^[0-9]{4}-[0-9]{2}$' THEN interval '1 month'
		ELSE interval '1 day'
	END)::date - 1
$$;
