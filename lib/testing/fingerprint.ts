/**
 * catalogFingerprint reads a database's user schema from pg_catalog into plain, sorted data, so two
 * databases can be compared with one `expect(a).toEqual(b)`. It is the oracle of the round-trip and
 * compile tests: everything is read through PostgreSQL's own deparsers (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef), which work the same on the server and on PGlite.
 * System schemas and objects that belong to extensions are left out.
 */
import type { TestDatabase } from './database';

type Query = TestDatabase['query'];

export interface CatalogFingerprint {
  schemas: Record<string, { comment: string | null }>;
  extensions: string[];
  enums: Record<string, { labels: string[]; comment: string | null }>;
  sequences: Record<string, Record<string, unknown>>;
  tables: Record<string, Record<string, unknown>>;
}

const USER_NAMESPACES = `
  n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;

const NOT_EXTENSION_MEMBER = (classid: string, objid: string) => `
  NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${objid} AND d.deptype = 'e')`;

export async function catalogFingerprint(query: Query, options: { schemas?: string[] } = {}): Promise<CatalogFingerprint> {
  const filter = options.schemas?.length ? `AND n.nspname = ANY($1::text[])` : '';
  const params = options.schemas?.length ? [options.schemas] : undefined;
  const q = async <T>(sql: string) => (await query<T>(sql, params)).rows;

  const schemas = await q<{ name: string; comment: string | null }>(`
    SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
    FROM pg_namespace n WHERE ${USER_NAMESPACES} ${filter} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}`);

  // Extensions are database-wide, so the schema filter (and its parameter) does not apply.
  const extensions = (await query<{ name: string }>(`SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'`)).rows;

  const enums = await q<{ name: string; labels: string[]; comment: string | null }>(`
    SELECT quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name,
           array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
           obj_description(t.oid, 'pg_type') AS comment
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND ${USER_NAMESPACES} ${filter} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`);

  const sequences = await q<Record<string, unknown> & { name: string }>(`
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
           format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start, s.seqincrement::text AS increment,
           s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
           (SELECT quote_ident(dn.nspname) || '.' || quote_ident(dc.relname) || '.' || quote_ident(a.attname)
              FROM pg_depend d JOIN pg_class dc ON dc.oid = d.refobjid JOIN pg_namespace dn ON dn.oid = dc.relnamespace
              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
               AND d.deptype IN ('a', 'i')) AS owned_by,
           EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i') AS identity,
           obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
    WHERE c.relkind = 'S' AND ${USER_NAMESPACES} ${filter} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`);

  const tables = await q<Record<string, unknown> & { oid: number; name: string }>(`
    SELECT c.oid::int AS oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind::text AS kind,
           c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
           CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
           CASE WHEN c.relispartition THEN (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)
             FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE i.inhrelid = c.oid) END AS partition_of,
           CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
           obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND ${USER_NAMESPACES} ${filter} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`);

  const columns = await q<{ relid: number; position: number } & Record<string, unknown>>(`
    SELECT a.attrelid::int AS relid, a.attnum AS position, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity::text AS identity,
           a.attgenerated::text AS generated, a.attislocal AS local,
           CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END AS collation,
           col_description(a.attrelid, a.attnum) AS comment,
           CASE WHEN a.attidentity <> '' THEN (SELECT row_to_json(x)::text FROM (SELECT s.seqstart::text AS start, s.seqincrement::text AS increment,
             s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle
             FROM pg_sequence s WHERE s.seqrelid = pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)::regclass) x) END AS identity_sequence
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND ${USER_NAMESPACES} ${filter}
    ORDER BY a.attrelid, a.attnum`);

  const constraints = await q<{ relid: number; name: string } & Record<string, unknown>>(`
    SELECT co.conrelid::int AS relid, co.conname AS name, co.contype::text AS type, pg_get_constraintdef(co.oid) AS definition,
           co.condeferrable AS deferrable, co.condeferred AS deferred, co.conislocal AS local,
           obj_description(co.oid, 'pg_constraint') AS comment
    FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND ${USER_NAMESPACES} ${filter}`);

  const indexes = await q<{ relid: number; name: string } & Record<string, unknown>>(`
    SELECT i.indrelid::int AS relid, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
           obj_description(i.indexrelid, 'pg_class') AS comment
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_NAMESPACES} ${filter}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))`);

  const policies = await q<{ relid: number; name: string } & Record<string, unknown>>(`
    SELECT p.polrelid::int AS relid, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
           array(SELECT CASE WHEN r = 0 THEN 'public' ELSE (SELECT rolname::text FROM pg_roles WHERE oid = r) END
                 FROM unnest(p.polroles) r ORDER BY 1) AS roles,
           pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
           obj_description(p.oid, 'pg_policy') AS comment
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_NAMESPACES} ${filter}`);

  const byRel = <T extends { relid: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.relid) ?? [];
      list.push(row);
      map.set(row.relid, list);
    }
    return map;
  };
  const columnsByRel = byRel(columns);
  const constraintsByRel = byRel(constraints);
  const indexesByRel = byRel(indexes);
  const policiesByRel = byRel(policies);
  const strip = <T extends Record<string, unknown>>(row: T, ...keys: string[]) => {
    const copy: Record<string, unknown> = { ...row };
    for (const k of keys) delete copy[k];
    return copy;
  };
  const keyed = <T extends { name: string } & Record<string, unknown>>(rows: T[] | undefined, ...drop: string[]) =>
    Object.fromEntries((rows ?? []).map((r) => [r.name, strip(r, 'relid', 'name', ...drop)]).sort(([a], [b]) => String(a).localeCompare(String(b))));

  return {
    schemas: Object.fromEntries(schemas.map((s) => [s.name, { comment: s.comment }]).sort()),
    extensions: extensions.map((e) => e.name).sort(),
    enums: Object.fromEntries(enums.map((e) => [e.name, { labels: e.labels, comment: e.comment }]).sort()),
    sequences: keyed(sequences),
    tables: Object.fromEntries(
      tables
        .map((t) => [t.name, {
          ...strip(t, 'oid', 'name'),
          // Column order is part of the design, so columns stay a list; attnum gaps from dropped columns are not.
          columns: (columnsByRel.get(t.oid) ?? []).map((c) => strip(c, 'relid', 'position')),
          constraints: keyed(constraintsByRel.get(t.oid)),
          indexes: keyed(indexesByRel.get(t.oid)),
          policies: keyed(policiesByRel.get(t.oid)),
        }] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}
