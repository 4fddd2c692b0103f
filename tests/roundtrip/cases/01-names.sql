-- Unnamed constraints and indexes: PostgreSQL's default names, collisions and 63-byte truncation.
CREATE TABLE "Mixed Case" (
  id serial PRIMARY KEY,
  "Name" text UNIQUE,
  code varchar(10) NOT NULL UNIQUE UNIQUE,
  qty integer CHECK (qty > 0) CHECK (qty < 1000),
  a int, b int,
  CHECK (a < b),
  CHECK (true),
  UNIQUE (a, b)
);
CREATE TABLE this_table_name_is_quite_long_and_keeps_going_until_it_needs_trunc (
  this_column_name_is_also_very_long_and_will_force_truncation_yes int PRIMARY KEY,
  other_column_with_a_long_name_that_does_not_fit_anywhere_at_all int UNIQUE,
  "ünïcödé_cölümn_wïth_mültïbyte_chäracters_ëvërywhërë_ïn_ït_ÿes" int UNIQUE
);
CREATE TABLE child (
  id bigserial PRIMARY KEY,
  parent_id int REFERENCES "Mixed Case" ON DELETE CASCADE,
  parent_code varchar(10) REFERENCES "Mixed Case" (code) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  a int, b int,
  FOREIGN KEY (a, b) REFERENCES "Mixed Case" (a, b) MATCH FULL
);
CREATE INDEX ON child (parent_id);
CREATE INDEX ON child (parent_id);
CREATE INDEX ON child (lower(parent_code), (a + b));
CREATE UNIQUE INDEX ON child (a) INCLUDE (b) WHERE a > 0;
CREATE INDEX ON child USING hash (b);
CREATE INDEX ON child (a DESC NULLS LAST, b NULLS FIRST);
ALTER TABLE child ADD CHECK (a <> b), ADD UNIQUE (b);
ALTER TABLE child ADD COLUMN extra text DEFAULT 'x' CHECK (extra <> '');
COMMENT ON TABLE child IS 'the child';
COMMENT ON COLUMN child.extra IS 'extra text';
COMMENT ON CONSTRAINT child_pkey ON child IS 'pk';
COMMENT ON INDEX child_parent_id_idx1 IS 'second index';
