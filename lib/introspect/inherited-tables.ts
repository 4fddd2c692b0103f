/**
 * Inheritance children (CREATE TABLE ... INHERITS, not partitions) are pulled as verbatim SQL objects, as the
 * SQL importer keeps them: the model has no INHERITS. The SQL is rebuilt so that applying it gives the same
 * catalog: CREATE TABLE lists only the child's own columns (attislocal), so inherited ones stay inherited
 * (attislocal false) and merged ones stay merged; what the child changed on an inherited column (default,
 * NOT NULL) and what PostgreSQL does not take from CREATE TABLE (RLS, comments, OWNED BY) follow as ALTERs.
 * Indexes and foreign keys of a child go with the other kept indexes and constraints (after all tables), and
 * its policies with the policies kept as SQL.
 */
import { quoteIdent as quoteI, quoteLiteral, quoteQualified as quoteQ } from '@/lib/sql/quote';
import type { BuildContext } from './context';
import type { Row } from './read';

function columnType(c: Row): string {
  return `${c.type as string}${c.is_array ? '[]' : ''}`;
}

function identitySql(c: Row): string {
  const opts = [
    ...(c.identity_sequence ? [`SEQUENCE NAME ${quoteQ(c.identity_sequence_schema, c.identity_sequence)}`] : []),
    `START WITH ${c.identity_start as string}`, `INCREMENT BY ${c.identity_increment as string}`,
    `MINVALUE ${c.identity_min as string}`, `MAXVALUE ${c.identity_max as string}`, `CACHE ${c.identity_cache as string}`,
    c.identity_cycle ? 'CYCLE' : 'NO CYCLE',
  ];
  return ` GENERATED ${c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY (${opts.join(' ')})`;
}

function columnSql(c: Row): string {
  let sql = `${quoteI(c.name)} ${columnType(c)}`;
  if (c.collation) sql += ` COLLATE ${quoteI(c.collation)}`;
  if (c.generated === 's' || c.generated === 'v') sql += ` GENERATED ALWAYS AS (${c.default_sql as string}) ${c.generated === 'v' ? 'VIRTUAL' : 'STORED'}`;
  else if (c.default_sql !== null && c.default_sql !== undefined) sql += ` DEFAULT ${c.default_sql as string}`;
  if (c.identity === 'a' || c.identity === 'd') sql += identitySql(c);
  else if (c.not_null) sql += ' NOT NULL';
  return sql;
}

function group(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** inheritedTableSql builds each child's SQL; `order` puts a child after its parents (and at its oid otherwise). */
export function inheritedTableSql(ctx: BuildContext): { order: number; name: string; sql: string }[] {
  const children = ctx.rows.tables.filter((t) => t.inherits);
  if (!children.length) return [];
  const columns = group(ctx.rows.columns, 'table_oid');
  const constraints = group(ctx.rows.constraints, 'table_oid');
  const byOid = new Map(children.map((t) => [String(t.oid), t]));
  const orders = new Map<string, number>();
  const orderOf = (t: Row, seen: Set<string>): number => {
    const oid = String(t.oid);
    const known = orders.get(oid);
    if (known !== undefined) return known;
    let order = Number(t.oid);
    seen.add(oid);
    for (const p of (t.parents as unknown[]) ?? []) {
      const parent = byOid.get(String(p));
      if (parent && !seen.has(String(p))) order = Math.max(order, orderOf(parent, seen) + 0.5);
    }
    orders.set(oid, order);
    return order;
  };
  return children.map((t) => ({ order: orderOf(t, new Set()), name: t.name as string, sql: childSql(ctx, t, columns, constraints) }));
}

function childSql(ctx: BuildContext, t: Row, columns: Map<string, Row[]>, constraints: Map<string, Row[]>): string {
  const q = quoteQ(t.schema, t.name);
  const own = columns.get(String(t.oid)) ?? [];
  const parents = ((t.parents as unknown[]) ?? []).map(String);
  const parentNames = parents.map((_, i) => quoteQ((t.parent_schemas as string[])[i]!, (t.parent_names as string[])[i]!));
  const parentColumns = parents.map((p) => columns.get(p));
  if (parentColumns.some((c) => c === undefined)) {
    ctx.note('table', 'a parent is outside the pulled schemas; the child is pulled as if it changed nothing it inherits', t.name);
  }
  // What CREATE TABLE ... INHERITS gives an inherited column: the parents' NOT NULL and their one default.
  const fromParents = (name: string) => {
    const cols = parentColumns.flatMap((list) => (list ?? []).filter((c) => c.name === name));
    const defaults = new Set(cols.filter((c) => !c.generated && c.default_sql !== null && c.default_sql !== undefined).map((c) => c.default_sql as string));
    return { notNull: cols.some((c) => c.not_null), default: defaults.size === 1 ? [...defaults][0] : undefined };
  };
  const expectedOrder = [...new Set(parentColumns.flatMap((list) => (list ?? []).map((c) => c.name as string)))];
  expectedOrder.push(...own.filter((c) => Number(c.inherited_count) === 0).map((c) => c.name as string));
  if (parentColumns.every((c) => c !== undefined) && expectedOrder.join('\u0000') !== own.map((c) => c.name).join('\u0000')) {
    ctx.note('table', 'its columns are not in the order CREATE TABLE ... INHERITS gives (parents\' columns first: a parent gained a column after the child was created); pulled in that order', t.name);
  }
  const items = own.filter((c) => c.is_local).map(columnSql);
  const after: string[] = [];
  const comments: string[] = [];
  for (const c of own) {
    const col = `${q} ALTER COLUMN ${quoteI(c.name)}`;
    if (Number(c.inherited_count) > 0 && !c.generated) {
      const inherited = fromParents(c.name);
      const hasOwn = c.default_sql !== null && c.default_sql !== undefined;
      const created = c.is_local && hasOwn ? c.default_sql : inherited.default;
      if (hasOwn && created !== c.default_sql) after.push(`ALTER TABLE ${col} SET DEFAULT ${c.default_sql as string}`);
      else if (!hasOwn && created !== undefined) after.push(`ALTER TABLE ${col} DROP DEFAULT`);
      if (c.not_null && !inherited.notNull && !c.is_local) after.push(`ALTER TABLE ${col} SET NOT NULL`);
    }
    if (c.comment !== null && c.comment !== undefined) comments.push(`COMMENT ON COLUMN ${q}.${quoteI(c.name)} IS ${quoteLiteral(c.comment)}`);
  }
  // By kind and name, not oid: the text must not change in a copy that creates them in another order.
  const rank = (type: string) => (type === 'c' ? 0 : type === 'p' ? 1 : 2);
  const ownConstraints = [...(constraints.get(String(t.oid)) ?? [])]
    .sort((a, b) => rank(a.type) - rank(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const con of ownConstraints) {
    if (con.type === 'f' || !con.definition) continue; // foreign keys: with the kept constraints, after every table
    const def = `CONSTRAINT ${quoteI(con.name)} ${con.definition as string}`;
    // CREATE TABLE validates a NOT VALID check anyway; only ALTER TABLE ... ADD keeps it unvalidated.
    if ((con.definition as string).endsWith(' NOT VALID')) after.push(`ALTER TABLE ${q} ADD ${def}`);
    else items.push(def);
    if (con.comment !== null && con.comment !== undefined) comments.push(`COMMENT ON CONSTRAINT ${quoteI(con.name)} ON ${q} IS ${quoteLiteral(con.comment)}`);
  }
  if (t.rls) after.push(`ALTER TABLE ${q} ENABLE ROW LEVEL SECURITY`);
  if (t.force_rls) after.push(`ALTER TABLE ${q} FORCE ROW LEVEL SECURITY`);
  for (const s of ctx.rows.sequences) {
    if (String(s.owner_table) !== String(t.oid)) continue;
    const owner = own.find((c) => Number(c.position) === Number(s.owner_column));
    if (owner) after.push(`ALTER SEQUENCE ${quoteQ(s.schema, s.name)} OWNED BY ${q}.${quoteI(owner.name)}`);
  }
  if (t.comment !== null && t.comment !== undefined) comments.unshift(`COMMENT ON TABLE ${q} IS ${quoteLiteral(t.comment)}`);
  const body = items.length ? `(\n  ${items.join(',\n  ')}\n)` : '()';
  const create = `CREATE ${t.persistence === 'u' ? 'UNLOGGED ' : ''}TABLE ${q} ${body} INHERITS (${parentNames.join(', ')})`;
  return [create, ...after, ...comments].join(';\n');
}
