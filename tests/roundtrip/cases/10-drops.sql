-- A script written as successive migrations: tables and indexes created, dropped and created again (their
-- names, serial sequences and foreign keys go with them), a DROP ... IF EXISTS of nothing, a view dropped
-- again, and a DROP that stays SQL because a kept index is on that table.
DROP TABLE IF EXISTS a;
CREATE TABLE a (id serial PRIMARY KEY, v int);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
CREATE INDEX ON b (a_id);
DROP INDEX b_a_id_idx;
CREATE INDEX ON b (a_id);
DROP TABLE b;
DROP TABLE a;
CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, w text UNIQUE);
CREATE TABLE c (id int PRIMARY KEY);
CREATE TABLE d (c_id int REFERENCES c, w text REFERENCES a (w));
DROP TABLE c CASCADE;
CREATE VIEW va AS SELECT id FROM a;
CREATE VIEW vb AS SELECT w FROM a;
DROP VIEW vb;
DROP TABLE d;
CREATE TABLE e (id int);
CREATE INDEX e_tuned ON e (id) WITH (fillfactor = 50);
DROP TABLE e;
