-- Table inheritance: the model has no INHERITS, so the importer keeps the child table (and every later
-- statement on it) as SQL, and pull rebuilds the same SQL object from the catalog (docs/import.md).
CREATE TABLE base (id int PRIMARY KEY, note text DEFAULT 'b');
CREATE TABLE derived (extra int CHECK (extra > 0)) INHERITS (base);
ALTER TABLE derived ADD CONSTRAINT derived_pkey PRIMARY KEY (id);
CREATE INDEX ON derived (extra);
COMMENT ON TABLE derived IS 'inherits base';
