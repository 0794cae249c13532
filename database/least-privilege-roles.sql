-- Least-privilege PostgreSQL roles for Epic 16 (instead of connecting as the `postgres` superuser).
--
--   epic16_owner  owns the schema and its tables; the only role that runs `db migrate` (DDL).
--   epic16_app    what the dashboard and the other verbs connect as: read and write rows (SELECT, INSERT, UPDATE,
--                 DELETE; TRUNCATE and sequence UPDATE for the bulk `migrate` and the id counters of a cutover).
--                 It cannot create, alter or drop anything, and it is not a superuser.
--
-- Run once per database as a superuser; safe to run again (roles are created only when missing, grants repeat):
--   psql -d synapse_business_core -v owner_password='…' -v app_password='…' -f database/least-privilege-roles.sql
-- Then: `db migrate --connection "…;Username=epic16_owner;Password=…"` for schema changes, and the app with
-- ConnectionStrings__BusinessCore="…;Username=epic16_app;Password=…".
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE epic16_owner LOGIN PASSWORD %L', :'owner_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'epic16_owner') \gexec
SELECT format('CREATE ROLE epic16_app LOGIN PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'epic16_app') \gexec

SELECT format('ALTER DATABASE %I OWNER TO epic16_owner', current_database()) \gexec
SELECT format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO epic16_app', current_database()) \gexec
ALTER SCHEMA public OWNER TO epic16_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO epic16_app;

-- A database migrated before the roles existed: its tables (and their identity sequences) move to the owner.
SELECT format('ALTER TABLE public.%I OWNER TO epic16_owner', tablename)
  FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'epic16_owner' \gexec

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO epic16_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO epic16_app;
-- Tables and sequences a later `db migrate` creates get the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE epic16_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO epic16_app;
ALTER DEFAULT PRIVILEGES FOR ROLE epic16_owner IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO epic16_app;
