/**
 * roundTripFingerprint is lib/testing's catalogFingerprint plus what the model keeps only as verbatim SQL
 * objects (views, routines, triggers, rules, domains, composite types, indexes on materialized views),
 * table inheritance, extension schemas and privileges. catalogFingerprint alone would not notice a view
 * or a GRANT lost on the way, and the issue asks that nothing be dropped and the round trip stay exact.
 * Everything is read through PostgreSQL's own deparsers (pg_get_viewdef, pg_get_functiondef,
 * pg_get_triggerdef, pg_get_ruledef, pg_get_indexdef, pg_get_constraintdef, format_type).
 */
import { catalogFingerprint, type CatalogFingerprint, type TestDatabase } from '@/lib/testing';

type Query = TestDatabase['query'];

export interface RoundTripFingerprint extends CatalogFingerprint {
  objects: Record<string, unknown>;
}

const USER = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;
const NOT_MEMBER = (classid: string, objid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${objid} AND d.deptype = 'e')`;

/** Each query returns (key, value) rows; keys are unique within a query. */
const OBJECT_QUERIES: Record<string, string> = {
  extensionSchemas: `
    SELECT e.extname AS key, n.nspname AS value FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'`,
  views: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS key,
           json_build_object('kind', c.relkind, 'definition', pg_get_viewdef(c.oid), 'comment', obj_description(c.oid, 'pg_class'),
             'columnComments', (SELECT json_agg(json_build_array(a.attname, col_description(c.oid, a.attnum)) ORDER BY a.attnum)
                                FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL),
             'indexes', (SELECT json_agg(pg_get_indexdef(i.indexrelid) ORDER BY pg_get_indexdef(i.indexrelid)) FROM pg_index i WHERE i.indrelid = c.oid))::text AS value
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm') AND ${USER} AND ${NOT_MEMBER('pg_class', 'c.oid')}`,
  routines: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key,
           json_build_object('kind', p.prokind, 'definition', CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END,
             'result', pg_get_function_result(p.oid), 'comment', obj_description(p.oid, 'pg_proc'))::text AS value
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE ${USER} AND ${NOT_MEMBER('pg_proc', 'p.oid')}`,
  triggers: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '/' || quote_ident(t.tgname) AS key,
           json_build_object('definition', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled, 'comment', obj_description(t.oid, 'pg_trigger'))::text AS value
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND ${USER}`,
  rules: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '/' || quote_ident(r.rulename) AS key, pg_get_ruledef(r.oid) AS value
    FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE r.rulename <> '_RETURN' AND ${USER}`,
  types: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS key,
           json_build_object('kind', t.typtype, 'base', format_type(t.typbasetype, t.typtypmod), 'notNull', t.typnotnull, 'default', t.typdefault,
             'collation', t.typcollation::regcollation::text, 'comment', obj_description(t.oid, 'pg_type'),
             'checks', (SELECT json_agg(co.conname || ' ' || pg_get_constraintdef(co.oid) ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid),
             'attributes', (SELECT json_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
                            FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))::text AS value
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
      AND ${USER} AND ${NOT_MEMBER('pg_type', 't.oid')}`,
  inheritance: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS key,
           (SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) AS value
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AND ${USER}`,
  privileges: `
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS key, c.relacl::text AS value
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL AND ${USER} AND ${NOT_MEMBER('pg_class', 'c.oid')}
    UNION ALL
    SELECT quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proacl::text
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proacl IS NOT NULL AND ${USER} AND ${NOT_MEMBER('pg_proc', 'p.oid')}`,
};

/**
 * `privileges: false` leaves out table privileges: pull does not read them (docs/import.md: roles and
 * grants belong to the security settings), while the SQL importer keeps GRANT verbatim.
 */
export async function roundTripFingerprint(query: Query, options: { privileges?: boolean } = {}): Promise<RoundTripFingerprint> {
  const objects: Record<string, unknown> = {};
  for (const [what, sql] of Object.entries(OBJECT_QUERIES)) {
    if (what === 'privileges' && options.privileges === false) continue;
    const rows = (await query<{ key: string; value: string | null }>(sql)).rows;
    objects[what] = Object.fromEntries(rows.map((r) => [r.key, r.value]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  }
  return { ...(await catalogFingerprint(query)), objects };
}
