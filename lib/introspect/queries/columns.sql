-- Columns of user tables in order: type (element type for arrays), default, identity with its sequence, generated, collation;
-- for inheritance children, whether the column is the table's own (attislocal) and how many parents give it.
SELECT a.attrelid::int8 AS table_oid, a.attnum AS position, a.attname AS name,
       format_type(CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE a.atttypid END, a.atttypmod) AS type,
       (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,
       (CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE a.atttypid END)::int8 AS type_oid,
       a.attnotnull AS not_null, a.attidentity::text AS identity, a.attgenerated::text AS generated,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_sql,
       (SELECT d.refobjid::int8 FROM pg_depend d JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
         WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass LIMIT 1) AS default_sequence,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END AS collation,
       idn.seqname AS identity_sequence, idn.seqschema AS identity_sequence_schema,
       idn.seqstart::text AS identity_start, idn.seqincrement::text AS identity_increment, idn.seqmin::text AS identity_min,
       idn.seqmax::text AS identity_max, idn.seqcache::text AS identity_cache, idn.seqcycle AS identity_cycle,
       a.attislocal AS is_local, a.attinhcount AS inherited_count,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN LATERAL (
  SELECT sc.relname AS seqname, sn.nspname AS seqschema, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
  FROM pg_depend d JOIN pg_class sc ON sc.oid = d.objid JOIN pg_namespace sn ON sn.oid = sc.relnamespace JOIN pg_sequence s ON s.seqrelid = sc.oid
  WHERE a.attidentity <> '' AND d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
    AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'
  LIMIT 1
) idn ON true
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
ORDER BY a.attrelid, a.attnum
