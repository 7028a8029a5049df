-- SPDX-License-Identifier: GPL-3.0-or-later
-- 002_editions: every release of a source kept (issue 22).
--
-- reckon.observation stays what it was: each cell's current value, with
-- load_run the load that brought that value.  What a later load changes or
-- withdraws (--replace) is not lost: the row as it was moves to
-- reckon.observation_history, with superseded_by the load that changed it.
-- A row is thus valid from its load_run up to (not including) its
-- superseded_by, and the state of a source after any load is
-- reckon.observation_at(source, load_run).
--
-- Each load records an edition per source it changed: its label and
-- publication date (reckon-load --edition, --edition-date), the input's
-- SHA-256 and when it was loaded.  An edition's date is its publication
-- date, else the day it was loaded (UTC); a source's editions are loaded in
-- date order (reckon-load refuses an earlier date), so the edition current
-- on a day is the source's last one dated on or before it.
--
-- Citus: reckon.edition is a reference table, reckon.observation_history
-- is distributed by source like reckon.observation:
--   SELECT create_reference_table('reckon.edition');
--   SELECT create_distributed_table('reckon.observation_history', 'source');

CREATE TABLE reckon.edition (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source         text NOT NULL CHECK (source <> ''),
	load_run       bigint NOT NULL,        -- the load that made it
	label          text CHECK (label <> ''),
	published      date,
	input_sha256   text CHECK (input_sha256 ~ '^[0-9a-f]{64}$'),
	loaded_at      timestamptz NOT NULL,
	UNIQUE (source, load_run)
);

CREATE TABLE reckon.observation_history (
	source         text NOT NULL,
	indicator      text NOT NULL,
	period         text NOT NULL,
	dims_key       text NOT NULL,
	dims           jsonb NOT NULL,
	value          numeric,
	status         text,
	origin         text NOT NULL,
	load_run       bigint NOT NULL,        -- valid from this load
	first_load_run bigint NOT NULL,
	superseded_by  bigint NOT NULL,        -- valid until this load
	PRIMARY KEY (source, indicator, period, dims_key, load_run)
);

-- The warehouse as it was: one edition per source, made by the source's
-- last load.
INSERT INTO reckon.edition (source, load_run, input_sha256, loaded_at)
SELECT o.source, o.run, l.input_sha256, coalesce(l.finished_at, l.started_at)
FROM (SELECT source, max(load_run) AS run FROM reckon.observation
      GROUP BY source) o
JOIN reckon.load_run l ON l.id = o.run
ORDER BY o.source;

-- The day an edition counts from.
CREATE FUNCTION reckon.edition_date(published date, loaded_at timestamptz)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce(published, (loaded_at AT TIME ZONE 'UTC')::date)
$$;

-- A source's cells as they stood right after load run.
CREATE FUNCTION reckon.observation_at(src text, run bigint)
RETURNS TABLE (source text, indicator text, period text, dims_key text,
	       dims jsonb, value numeric, status text, origin text,
	       load_run bigint)
LANGUAGE sql STABLE AS $$
	SELECT o.source, o.indicator, o.period, o.dims_key, o.dims, o.value,
	       o.status, o.origin, o.load_run
	FROM reckon.observation o
	WHERE o.source = src AND o.load_run <= run
	UNION ALL
	SELECT h.source, h.indicator, h.period, h.dims_key, h.dims, h.value,
	       h.status, h.origin, h.load_run
	FROM reckon.observation_history h
	WHERE h.source = src AND h.load_run <= run AND h.superseded_by > run
$$;

-- Each source's edition current on day d (none for a source with no
-- edition dated on or before d).
CREATE FUNCTION reckon.edition_as_of(d date)
RETURNS SETOF reckon.edition LANGUAGE sql STABLE AS $$
	SELECT DISTINCT ON (e.source) e.*
	FROM reckon.edition e
	WHERE reckon.edition_date(e.published, e.loaded_at) <= d
	ORDER BY e.source, e.id DESC
$$;

-- Every source's cells in the editions current on day d.
CREATE FUNCTION reckon.observation_as_of(d date)
RETURNS TABLE (source text, indicator text, period text, dims_key text,
	       dims jsonb, value numeric, status text, origin text,
	       load_run bigint)
LANGUAGE sql STABLE AS $$
	SELECT o.* FROM reckon.edition_as_of(d) e,
	       reckon.observation_at(e.source, e.load_run) o
$$;

-- The cells of these editions (one per source), whatever came after:
-- reckon verify reads a run's editions again so.
CREATE FUNCTION reckon.observation_of_editions(ids bigint[])
RETURNS TABLE (source text, indicator text, period text, dims_key text,
	       dims jsonb, value numeric, status text, origin text,
	       load_run bigint)
LANGUAGE sql STABLE AS $$
	SELECT o.* FROM reckon.edition e,
	       reckon.observation_at(e.source, e.load_run) o
	WHERE e.id = ANY (ids)
$$;
