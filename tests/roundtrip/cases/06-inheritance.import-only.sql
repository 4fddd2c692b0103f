-- Table inheritance: the model has no INHERITS, so the importer keeps the child table (and every later
-- statement on it) as SQL, and the SQL round trip stays exact. Pull reads the child as a plain table with
-- a warning (docs/import.md), so this case is not in the database round trip.
CREATE TABLE base (id int PRIMARY KEY, note text DEFAULT 'b');
CREATE TABLE derived (extra int CHECK (extra > 0)) INHERITS (base);
ALTER TABLE derived ADD CONSTRAINT derived_pkey PRIMARY KEY (id);
CREATE INDEX ON derived (extra);
COMMENT ON TABLE derived IS 'inherits base';
