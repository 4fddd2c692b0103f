-- Row level security policies with their roles (0 = PUBLIC) and the relations and functions their expressions use.
SELECT p.polrelid::int8 AS table_oid, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
       array(SELECT CASE WHEN r = 0 THEN 'public' ELSE (SELECT rolname::text FROM pg_roles WHERE oid = r) END FROM unnest(p.polroles) r) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_sql, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check_sql,
       obj_description(p.oid, 'pg_policy') AS comment,
       array(SELECT d.refobjid::int8 FROM pg_depend d WHERE d.classid = 'pg_policy'::regclass AND d.objid = p.oid
               AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> p.polrelid) AS uses_relations,
       array(SELECT d.refobjid::int8 FROM pg_depend d WHERE d.classid = 'pg_policy'::regclass AND d.objid = p.oid
               AND d.refclassid = 'pg_proc'::regclass) AS uses_routines
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
ORDER BY p.polrelid, p.oid
