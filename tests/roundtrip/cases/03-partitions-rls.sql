-- Partitions (declared and attached), identity options, generated columns, collation, RLS and policies.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE measurements (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10),
  at date NOT NULL,
  city citext COLLATE "C",
  celsius numeric(5,1),
  fahrenheit numeric GENERATED ALWAYS AS (celsius * 9 / 5 + 32) STORED,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;
CREATE TABLE measurements_2023 (id bigint NOT NULL, at date NOT NULL, city citext COLLATE "C", celsius numeric(5,1), fahrenheit numeric);
CREATE TABLE by_kind (kind text NOT NULL, n int) PARTITION BY LIST (kind);
CREATE TABLE by_kind_ab PARTITION OF by_kind FOR VALUES IN ('a', 'b');
CREATE TABLE hashed (k int NOT NULL) PARTITION BY HASH (k);
CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hashed_1 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE docs (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs USING (owner = current_user);
CREATE POLICY docs_insert ON docs AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (owner = current_user);
COMMENT ON POLICY docs_owner ON docs IS 'owners see their rows';
CREATE TABLE unlike (a int, b int, c text COLLATE "C", UNIQUE NULLS NOT DISTINCT (a, b));
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE uses_domain (p positive, q positive[]);
GRANT SELECT ON docs TO PUBLIC;
