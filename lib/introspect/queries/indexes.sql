-- Indexes that back no constraint and were not created by a parent's partitioned index, with their
-- keys (column numbers, or expression text for 0), order flags, non-default operator classes and collations.
SELECT i.indrelid::int8 AS table_oid, ic.relname AS name, i.indisunique AS is_unique, am.amname AS method,
       i.indnkeyatts AS key_count, i.indkey::int2[] AS keys, i.indoption::int2[] AS options,
       array(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k ORDER BY k) AS key_sql,
       array(SELECT CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END
               FROM unnest(i.indclass::oid[]) WITH ORDINALITY u(opc_oid, k) JOIN pg_opclass opc ON opc.oid = u.opc_oid ORDER BY u.k) AS opclasses,
       array(SELECT CASE WHEN u.coll = 0 THEN NULL
                         WHEN i.indkey[u.k - 1] <> 0 AND u.coll = (SELECT a.attcollation FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[u.k - 1]) THEN NULL
                         WHEN i.indkey[u.k - 1] = 0 AND u.coll = 100 THEN NULL
                         ELSE (SELECT collname::text FROM pg_collation WHERE oid = u.coll) END
               FROM unnest(i.indcollation::oid[]) WITH ORDINALITY u(coll, k) ORDER BY u.k) AS collations,
       pg_get_expr(i.indpred, i.indrelid) AS predicate, {{NULLS_NOT_DISTINCT}} AS nulls_not_distinct,
       pg_get_indexdef(i.indexrelid) AS definition, c.relkind::text AS table_kind, n.nspname AS table_schema,
       obj_description(i.indexrelid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY i.indrelid, i.indexrelid
