/**
 * An independent oracle for the compile tests: what the catalog fingerprint of a database must show
 * after the model's DDL ran, derived from the model alone (never from lib/sql or lib/compile).
 * Names are quoted by PostgreSQL's own quote_ident (asked once per model), types are spelled the way
 * format_type prints them, constraint and index definitions the way pg_get_constraintdef and
 * pg_get_indexdef print them. Where PostgreSQL's deparsed text cannot be predicted without
 * re-implementing its deparser (user expressions), the oracle checks presence and shape only; the
 * fixture tests compare those exactly against hand-written SQL.
 */
import { BUILTIN_TYPES, ModelIndex, type BuiltinTypeInfo, type Column, type Index, type Model, type Table } from '@/lib/model';
import type { CatalogFingerprint } from '@/lib/testing';

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface OracleNames {
  ident(name: string): string;
  currentUser: string;
  customType(sql: string): string;
}

/** oracleNames asks PostgreSQL how it quotes each name of the model, and how it prints custom types. */
export async function oracleNames(model: Model, query: Query): Promise<OracleNames> {
  const names = new Set<string>();
  const add = (n: string | undefined) => { if (n !== undefined) names.add(n); };
  for (const s of model.schemas) add(s.name);
  for (const e of model.enums ?? []) add(e.name);
  for (const s of model.sequences ?? []) add(s.name);
  for (const t of model.tables) {
    add(t.name);
    for (const c of t.columns) { add(c.name); add(c.collation); }
    for (const i of t.indexes ?? []) { add(i.name); for (const e of i.elements) add(e.collation); }
  }
  const list = [...names];
  const quoted = (await query('SELECT x AS name, quote_ident(x) AS quoted FROM unnest($1::text[]) x', [list])).rows;
  const map = new Map(quoted.map((r) => [r.name as string, r.quoted as string]));
  const currentUser = (await query('SELECT current_user::text AS u')).rows[0]!.u as string;
  const customs = new Set<string>();
  for (const t of model.tables) for (const c of t.columns) if (c.type.kind === 'custom') customs.add(c.type.sql);
  const customMap = new Map<string, string>();
  for (const sql of customs) {
    // format_type of the base type; the custom types the tests use take no modifiers.
    const row = (await query('SELECT format_type(to_regtype($1), NULL) AS t', [sql])).rows[0]!;
    customMap.set(sql, row.t as string);
  }
  return {
    ident: (n) => { const q = map.get(n); if (q === undefined) throw new Error(`oracle: name not prefetched: ${n}`); return q; },
    currentUser,
    customType: (sql) => customMap.get(sql)!,
  };
}

/** formatType is format_type()'s spelling of a built-in type with modifiers. */
export function formatBuiltin(name: keyof typeof BUILTIN_TYPES, mods: { length?: number; precision?: number; scale?: number }): string {
  const info: BuiltinTypeInfo = BUILTIN_TYPES[name];
  switch (info.args) {
    case 'none': return info.catalog;
    case 'length': {
      // character and bit without a length mean length 1; varchar and varbit mean unlimited.
      const length = mods.length ?? (name === 'char' || name === 'bit' ? 1 : undefined);
      return length === undefined ? info.catalog : `${info.catalog}(${length})`;
    }
    case 'precision-scale':
      return mods.precision === undefined ? info.catalog : `numeric(${mods.precision},${mods.scale ?? 0})`;
    case 'precision':
      return mods.precision === undefined ? info.catalog : `${info.catalog}(${mods.precision})`;
    case 'time-precision': {
      if (mods.precision === undefined) return info.catalog;
      const [first, ...rest] = info.catalog.split(' ');
      return [`${first}(${mods.precision})`, ...rest].join(' ');
    }
  }
}

const FK_ACTION: Record<string, string> = { restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT' };
const POLICY_CMD: Record<string, string> = { all: '*', select: 'r', insert: 'a', update: 'w', delete: 'd' };

export interface Projection {
  schemas: Record<string, string | null | 'any'>;
  enums: Record<string, unknown>;
  sequences: Record<string, unknown>;
  identitySequences: number;
  tables: Record<string, unknown>;
}

function seqDefaults(type: 'smallint' | 'integer' | 'bigint', o: { start?: string; increment?: string; minValue?: string; maxValue?: string; cache?: string; cycle?: boolean }) {
  const bounds = { smallint: ['-32768', '32767'], integer: ['-2147483648', '2147483647'], bigint: ['-9223372036854775808', '9223372036854775807'] }[type];
  const inc = o.increment ?? '1';
  const asc = !inc.startsWith('-');
  const min = o.minValue ?? (asc ? '1' : bounds[0]);
  const max = o.maxValue ?? (asc ? bounds[1] : '-1');
  return { start: o.start ?? (asc ? min : max), increment: inc, min, max, cache: o.cache ?? '1', cycle: o.cycle ?? false };
}

/** expectedCatalog projects what the model says into the same shape projectCatalog gives a fingerprint. */
export function expectedCatalog(model: Model, n: OracleNames): Projection {
  const ix = new ModelIndex(model);
  const qi = n.ident;
  const schemaName = (id: string) => ix.schemaName(id)!;
  const rel = (schemaId: string, name: string) => `${qi(schemaName(schemaId))}.${qi(name)}`;
  const visible = (schemaId: string, name: string) => (schemaName(schemaId) === 'public' ? qi(name) : rel(schemaId, name));
  const colName = (id: string) => qi(ix.columns.get(id)!.column.name);

  const typeOf = (c: Column): string => {
    const t = c.type;
    const base = t.kind === 'builtin' ? formatBuiltin(t.name as keyof typeof BUILTIN_TYPES, t)
      : t.kind === 'enum' ? visible(ix.enums.get(t.enumId)!.schemaId, ix.enums.get(t.enumId)!.name)
        : n.customType(t.sql);
    return t.array ? `${base}[]` : base;
  };

  const out: Projection = { schemas: {}, enums: {}, sequences: {}, identitySequences: 0, tables: {} };
  // The public schema exists in every database, modelled or not; its default comment varies by version.
  out.schemas.public = 'any';
  for (const s of model.schemas) out.schemas[s.name] = s.name === 'public' && s.comment === undefined ? 'any' : s.comment ?? null;
  for (const e of model.enums ?? []) out.enums[rel(e.schemaId, e.name)] = { labels: e.values, comment: e.comment ?? null };
  for (const s of model.sequences ?? []) {
    const owner = s.ownedBy ? ix.columns.get(s.ownedBy.columnId)! : undefined;
    out.sequences[rel(s.schemaId, s.name)] = {
      type: s.dataType ?? 'bigint', ...seqDefaults(s.dataType ?? 'bigint', s),
      owned_by: owner ? `${rel(owner.table.schemaId, owner.table.name)}.${qi(owner.column.name)}` : null,
      identity: false, comment: s.comment ?? null,
    };
  }

  for (const t of model.tables) {
    const partition = t.partitionOf !== undefined;
    const parent = partition ? ix.tables.get(t.partitionOf!.parentId)! : undefined;
    const pkCols = new Set(t.primaryKey?.columnIds ?? []);
    const columns = ix.columnsOf(t).map((c) => {
      if (partition) return { name: c.name, type: typeOf(c) };
      if (c.identity) out.identitySequences++;
      return {
        name: c.name, type: typeOf(c),
        not_null: !c.nullable || pkCols.has(c.id) || c.identity !== undefined,
        default: c.sequenceId !== undefined ? 'nextval' : c.default !== undefined || c.generated !== undefined ? 'expr' : null,
        identity: c.identity ? (c.identity.generation === 'always' ? 'a' : 'd') : '',
        generated: c.generated ? 's' : '',
        collation: c.collation ?? null,
        comment: c.comment ?? null,
        identity_sequence: c.identity ? seqDefaults(identityType(c), c.identity) : null,
      };
    });
    const constraints: Record<string, unknown> = {};
    const deferrable = (d?: boolean, i?: boolean) => (d ? (i ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE') : '');
    if (t.primaryKey) constraints[t.primaryKey.name] = { type: 'p', definition: `PRIMARY KEY (${t.primaryKey.columnIds.map(colName).join(', ')})`, deferrable: false, deferred: false, comment: t.primaryKey.comment ?? null };
    for (const u of t.uniques ?? []) {
      constraints[u.name] = {
        type: 'u', definition: `UNIQUE ${u.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}(${u.columnIds.map(colName).join(', ')})${deferrable(u.deferrable, u.initiallyDeferred)}`,
        deferrable: u.deferrable ?? false, deferred: (u.deferrable && u.initiallyDeferred) ?? false, comment: u.comment ?? null,
      };
    }
    for (const c of t.checks ?? []) constraints[c.name] = { type: 'c', definition: `CHECK${c.noInherit ? ' NO INHERIT' : ''}`, deferrable: false, deferred: false, comment: c.comment ?? null };
    for (const f of t.foreignKeys ?? []) {
      const ref = ix.tables.get(f.refTableId)!;
      let def = `FOREIGN KEY (${f.columnIds.map(colName).join(', ')}) REFERENCES ${visible(ref.schemaId, ref.name)}(${f.refColumnIds.map(colName).join(', ')})`;
      if (f.match === 'full') def += ' MATCH FULL';
      if (f.onUpdate && f.onUpdate !== 'no action') def += ` ON UPDATE ${FK_ACTION[f.onUpdate]}`;
      if (f.onDelete && f.onDelete !== 'no action') def += ` ON DELETE ${FK_ACTION[f.onDelete]}`;
      def += deferrable(f.deferrable, f.initiallyDeferred);
      constraints[f.name] = { type: 'f', definition: def, deferrable: f.deferrable ?? false, deferred: (f.deferrable && f.initiallyDeferred) ?? false, comment: f.comment ?? null };
    }
    const indexes: Record<string, unknown> = {};
    for (const i of t.indexes ?? []) indexes[i.name] = { definition: indexDef(t, i, ix, qi, rel), comment: i.comment ?? null };
    const policies: Record<string, unknown> = {};
    for (const p of t.policies ?? []) {
      // PostgreSQL keeps only PUBLIC when the list has PUBLIC and other roles (with a WARNING).
      const named = p.roles?.length ? p.roles : ['public'];
      const roles = (named.some((r) => r.toLowerCase() === 'public') ? ['public'] : named).map((r) => (r.toLowerCase() === 'current_user' ? n.currentUser : r.toLowerCase() === 'public' ? 'public' : r)).sort();
      policies[p.name] = { permissive: p.permissive ?? true, command: POLICY_CMD[p.command ?? 'all'], roles, using: p.using !== undefined, with_check: p.withCheck !== undefined, comment: p.comment ?? null };
    }
    const key = t.partitionBy?.keys.every((k) => k.columnId !== undefined)
      ? `${t.partitionBy.strategy.toUpperCase()} (${t.partitionBy.keys.map((k) => colName(k.columnId!)).join(', ')})`
      : t.partitionBy ? `${t.partitionBy.strategy.toUpperCase()} (expression)` : null;
    out.tables[rel(t.schemaId, t.name)] = {
      kind: t.partitionBy ? 'p' : 'r', rls: t.rls?.enabled ?? false, force_rls: t.rls?.forced ?? false,
      partition_of: parent ? rel(parent.schemaId, parent.name) : null, partition_bound: partition,
      partition_key: key, comment: t.comment ?? null, columns, constraints, indexes, policies, partition,
    };
  }
  return out;
}

function identityType(c: Column): 'smallint' | 'integer' | 'bigint' {
  return c.type.kind === 'builtin' && (c.type.name === 'smallint' || c.type.name === 'integer') ? c.type.name : 'bigint';
}

/** indexDef is pg_get_indexdef's text, or its prefix up to the element list when user expressions are involved. */
function indexDef(t: Table, i: Index, ix: ModelIndex, qi: (n: string) => string, rel: (s: string, n: string) => string): string {
  const head = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${qi(i.name)} ON ${t.partitionBy ? 'ONLY ' : ''}${rel(t.schemaId, t.name)} USING ${i.method ?? 'btree'} (`;
  if (i.where !== undefined || i.elements.some((e) => e.expression !== undefined)) return `${head}...`;
  const elements = i.elements.map((e) => {
    const column = ix.columns.get(e.columnId!)!.column;
    let s = qi(column.name);
    if (e.collation !== undefined && e.collation !== column.collation) s += ` COLLATE ${qi(e.collation)}`;
    if (e.opclass !== undefined) s += ` ${e.opclass}`;
    const desc = e.order === 'desc';
    if (desc) s += ' DESC';
    if (desc && e.nulls === 'last') s += ' NULLS LAST';
    if (!desc && e.nulls === 'first') s += ' NULLS FIRST';
    return s;
  });
  let def = `${head}${elements.join(', ')})`;
  if (i.include?.length) def += ` INCLUDE (${i.include.map((id) => qi(ix.columns.get(id)!.column.name)).join(', ')})`;
  if (i.nullsNotDistinct) def += ' NULLS NOT DISTINCT';
  return def;
}

/** projectCatalog reduces a fingerprint to what expectedCatalog can predict, shaped like it. */
export function projectCatalog(fp: CatalogFingerprint, expected: Projection): Projection {
  const out: Projection = { schemas: {}, enums: fp.enums as Record<string, unknown>, sequences: {}, identitySequences: 0, tables: {} };
  for (const [name, s] of Object.entries(fp.schemas)) out.schemas[name] = expected.schemas[name] === 'any' ? 'any' : s.comment;
  for (const [name, s] of Object.entries(fp.sequences)) {
    if (s.identity) { out.identitySequences++; continue; }
    const { name: _n, ...rest } = s as Record<string, unknown>;
    out.sequences[name] = { type: rest.type, start: rest.start, increment: rest.increment, min: rest.min, max: rest.max, cache: rest.cache, cycle: rest.cycle, owned_by: rest.owned_by, identity: rest.identity, comment: rest.comment };
  }
  for (const [name, raw] of Object.entries(fp.tables)) {
    const t = raw as Record<string, any>;
    const exp = expected.tables[name] as Record<string, any> | undefined;
    const partition = exp?.partition ?? false;
    const pick = <T extends Record<string, any>>(actual: Record<string, T>, wanted: Record<string, unknown> | undefined, map: (v: T, w: any) => unknown) => {
      const res: Record<string, unknown> = {};
      // A partition also holds what it inherits from its parent under names PostgreSQL picks: compare its own objects only.
      for (const [k, v] of Object.entries(actual)) if (!partition || (wanted && k in wanted)) res[k] = map(v, wanted?.[k]);
      return res;
    };
    const constraintDef = (c: Record<string, any>) => (c.type === 'c' ? `CHECK${String(c.definition).endsWith(' NO INHERIT') ? ' NO INHERIT' : ''}` : c.definition);
    out.tables[name] = {
      kind: t.kind, rls: t.rls, force_rls: t.force_rls, partition_of: t.partition_of, partition_bound: t.partition_bound !== null,
      partition_key: t.partition_key !== null && String(exp?.partition_key ?? '').endsWith('(expression)') ? `${String(t.partition_key).split(' ')[0]} (expression)` : t.partition_key,
      comment: t.comment,
      columns: (t.columns as Record<string, any>[]).map((c) => partition ? { name: c.name, type: c.type } : ({
        name: c.name, type: c.type, not_null: c.not_null,
        default: c.default === null ? null : String(c.default).startsWith('nextval(') ? 'nextval' : 'expr',
        identity: c.identity, generated: c.generated, collation: c.collation, comment: c.comment,
        identity_sequence: c.identity_sequence ? pickSeq(JSON.parse(c.identity_sequence)) : null,
      })),
      constraints: pick(t.constraints, exp?.constraints, (c) => ({ type: c.type, definition: constraintDef(c), deferrable: c.deferrable, deferred: c.deferred, comment: c.comment })),
      indexes: pick(t.indexes, exp?.indexes, (i, w) => ({
        definition: typeof w?.definition === 'string' && w.definition.endsWith('...') ? `${String(i.definition).slice(0, w.definition.length - 3)}...` : i.definition,
        comment: i.comment,
      })),
      policies: pick(t.policies, exp?.policies, (p) => ({ permissive: p.permissive, command: p.command, roles: [...p.roles].sort(), using: p.using !== null, with_check: p.with_check !== null, comment: p.comment })),
      partition,
    };
  }
  return out;
}

function pickSeq(s: Record<string, unknown>) {
  return { start: s.start, increment: s.increment, min: s.min, max: s.max, cache: s.cache, cycle: s.cycle };
}
