-- Functions, procedures and aggregates of user schemas (not extension members). Aggregates have no
-- pg_get_functiondef, so their parts come from pg_aggregate.
SELECT p.oid::int8 AS oid, n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
       CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END AS definition,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       ag.aggtransfn::regproc::text AS agg_sfunc, format_type(ag.aggtranstype, NULL) AS agg_stype,
       CASE WHEN ag.aggfinalfn <> 0 THEN ag.aggfinalfn::regproc::text END AS agg_finalfunc,
       CASE WHEN ag.aggcombinefn <> 0 THEN ag.aggcombinefn::regproc::text END AS agg_combinefunc,
       ag.agginitval AS agg_initcond,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY p.oid
