-- Sequences that are not identity sequences, with their options and the column that owns them.
SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name,
       format_type(s.seqtypid, NULL) AS data_type, s.seqstart::text AS start, s.seqincrement::text AS increment,
       s.seqmin::text AS min_value, s.seqmax::text AS max_value, s.seqcache::text AS cache, s.seqcycle AS cycle,
       own.refobjid::int8 AS owner_table, own.refobjsubid AS owner_column,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_depend own ON own.classid = 'pg_class'::regclass AND own.objid = c.oid AND own.refclassid = 'pg_class'::regclass AND own.deptype = 'a'
WHERE c.relkind = 'S'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
ORDER BY c.oid
