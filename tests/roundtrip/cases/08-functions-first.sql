-- Functions that policies, defaults and checks call, whose SQL bodies read tables: they must exist before
-- the tables that use them, so they are created first with the body check off, as pg_dump does. A SQL-standard
-- body (BEGIN ATOMIC) is resolved at creation, so that one comes after the tables; so does a function typed
-- by a table's row type.
SET check_function_bodies = false;
CREATE SCHEMA auth;
CREATE FUNCTION auth.uid() RETURNS int LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.uid', true), '')::int $$;
CREATE TABLE members (uid int NOT NULL, org int NOT NULL, PRIMARY KEY (uid, org));
CREATE FUNCTION is_member(o int) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  AS $$ SELECT EXISTS (SELECT 1 FROM members WHERE org = o AND uid = auth.uid()) $$;
CREATE FUNCTION next_doc_number() RETURNS bigint LANGUAGE sql AS 'SELECT coalesce(max(number), 0) + 1 FROM docs';
CREATE TABLE docs (
  id int PRIMARY KEY,
  org int NOT NULL,
  number bigint DEFAULT next_doc_number(),
  CONSTRAINT docs_org_member CHECK (is_member(org) OR org = 0)
);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_members ON docs USING (is_member(org)) WITH CHECK (is_member(org));
CREATE FUNCTION doc_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM docs; END;
CREATE FUNCTION first_doc() RETURNS docs LANGUAGE sql AS 'SELECT * FROM docs ORDER BY id LIMIT 1';
COMMENT ON FUNCTION is_member(int) IS 'membership test';
