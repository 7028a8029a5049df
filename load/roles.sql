-- SPDX-License-Identifier: GPL-3.0-or-later
-- The warehouse's two roles.  Run once per database, as a superuser (or
-- the database's owner with CREATEROLE); running it again does no harm:
--
--     psql -d warehouse -v ON_ERROR_STOP=1 -f load/roles.sql
--     reckon-db psql -f load/roles.sql          # the private cluster
--
-- Then give people logins that belong to a role, with passwords set by
-- \password or kept by your authentication (never written in a file):
--
--     CREATE ROLE etl LOGIN IN ROLE reckon_loader;
--     CREATE ROLE analyst LOGIN IN ROLE reckon_reader;
--
-- reckon_loader  migrates the schema and loads; not a superuser.  reckon-load
--                acts as this role (SET ROLE) when its login belongs to it,
--                so that what it creates is the role's, whoever ran it.
-- reckon_reader  reads the schema reckon; nothing else.

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reckon_loader') THEN
		CREATE ROLE reckon_loader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reckon_reader') THEN
		CREATE ROLE reckon_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
	END IF;
END $$;

-- The schema is the loader's: it creates the tables in it (migrations)
-- and a temporary staging table for each load.
CREATE SCHEMA IF NOT EXISTS reckon AUTHORIZATION reckon_loader;
ALTER SCHEMA reckon OWNER TO reckon_loader;
DO $$
BEGIN
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO reckon_loader',
	               current_database());
	EXECUTE format('GRANT CONNECT ON DATABASE %I TO reckon_reader',
	               current_database());
END $$;

-- What an earlier load made as another user (a superuser's first load)
-- becomes the loader's too.  Identity sequences follow their tables.
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT c.oid::regclass AS t FROM pg_class c
	         JOIN pg_namespace n ON n.oid = c.relnamespace
	         WHERE n.nspname = 'reckon' AND c.relkind IN ('r', 'p', 'v', 'm')
	LOOP
		EXECUTE format('ALTER TABLE %s OWNER TO reckon_loader', r.t);
	END LOOP;
	FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
	         JOIN pg_namespace n ON n.oid = p.pronamespace
	         WHERE n.nspname = 'reckon'
	LOOP
		EXECUTE format('ALTER FUNCTION %s OWNER TO reckon_loader', r.f);
	END LOOP;
END $$;

-- The reader sees every table, those to come included, and writes none.
GRANT USAGE ON SCHEMA reckon TO reckon_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reckon TO reckon_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE reckon_loader IN SCHEMA reckon
	GRANT SELECT ON TABLES TO reckon_reader;
