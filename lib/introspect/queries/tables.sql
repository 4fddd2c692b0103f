-- Tables and partitioned tables of user schemas (not extension members), parents before partitions.
-- An inheritance child (INHERITS, not a partition) lists its parents in INHERITS order.
SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
       c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, c.relpersistence::text AS persistence,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relispartition THEN (SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid) END AS parent,
       (NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)) AS inherits,
       CASE WHEN NOT c.relispartition THEN array(SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) END AS parents,
       CASE WHEN NOT c.relispartition THEN array(SELECT pn.nspname::text FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                                                  JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) END AS parent_schemas,
       CASE WHEN NOT c.relispartition THEN array(SELECT p.relname::text FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                                                  WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) END AS parent_names,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relispartition, c.oid
