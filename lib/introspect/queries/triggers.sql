-- User triggers (not internal ones behind foreign keys, not clones on partitions).
SELECT t.oid::int8 AS oid, c.relname AS table_name, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgparentid = 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
ORDER BY t.oid
