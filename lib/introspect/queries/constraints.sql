-- Primary key, unique, check, foreign key and exclusion constraints defined on the table itself
-- (not inherited by a partition from its parent). The definition is read where the constraint may have to
-- stay SQL: exclusion, foreign key (to a table not pulled), deferrable (a primary key the model lacks) and
-- any constraint of an inheritance child (the child is pulled as SQL). {{NULLS_NOT_DISTINCT}} is indnullsnotdistinct on 15+.
SELECT co.conrelid::int8 AS table_oid, co.conname AS name, co.contype::text AS type,
       co.conkey::int2[] AS columns, co.confrelid::int8 AS ref_table, co.confkey::int2[] AS ref_columns,
       co.confupdtype::text AS on_update, co.confdeltype::text AS on_delete, co.confmatchtype::text AS match,
       co.condeferrable AS deferrable, co.condeferred AS deferred, co.connoinherit AS no_inherit,
       CASE WHEN co.contype = 'c' THEN pg_get_expr(co.conbin, co.conrelid) END AS check_sql,
       CASE WHEN co.contype IN ('x', 'f') OR co.condeferrable
              OR (NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid))
            THEN pg_get_constraintdef(co.oid) END AS definition,
       COALESCE((SELECT {{NULLS_NOT_DISTINCT}} FROM pg_index i WHERE i.indexrelid = co.conindid), false) AS nulls_not_distinct,
       obj_description(co.oid, 'pg_constraint') AS comment
FROM pg_constraint co
JOIN pg_class c ON c.oid = co.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p')
  AND co.conislocal AND co.conparentid = 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
ORDER BY co.conrelid, co.oid
