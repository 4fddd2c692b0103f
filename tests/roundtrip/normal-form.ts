/**
 * withoutIds rewrites a model so two models that differ only in their (random) ids compare equal:
 * every id becomes a path-free label derived from the object's kind and name, and every reference is
 * rewritten the same way. Order is kept (column order and sqlObject order are part of the design).
 */
import type { Model } from '@/lib/model';
import { parseSync } from 'pgsql-parser';
import type { Column, Index, Table } from '@/lib/model';
import { normalizeSequenceOptions, sequenceTypeOf } from '@/lib/import/sequence-options';
import { makeObjectName } from '@/lib/model/names';

export function withoutIds(model: Model): unknown {
  const label = new Map<string, string>();
  for (const s of model.schemas) label.set(s.id, `schema:${s.name}`);
  for (const e of model.enums ?? []) label.set(e.id, `enum:${e.name}`);
  for (const s of model.sequences ?? []) label.set(s.id, `sequence:${s.name}`);
  for (const e of model.extensions ?? []) label.set(e.id, `extension:${e.name}`);
  for (const t of model.tables) {
    const tl = `table:${label.get(t.schemaId)}.${t.name}`;
    label.set(t.id, tl);
    for (const c of t.columns) label.set(c.id, `${tl}.${c.name}`);
    if (t.primaryKey) label.set(t.primaryKey.id, `${tl}/pk:${t.primaryKey.name}`);
    for (const list of [t.uniques, t.checks, t.foreignKeys, t.indexes, t.policies]) for (const o of list ?? []) label.set(o.id, `${tl}/${o.name}`);
  }
  for (const o of model.sqlObjects ?? []) label.set(o.id, `sql:${o.kind}:${o.name ?? ''}`);
  // Only values under id-holding keys are rewritten: a name may happen to equal some id.
  const isIdKey = (k: string) => k === 'id' || k === 'include' || /Ids?$/.test(k);
  const rewrite = (value: unknown, idKey = false): unknown => {
    if (typeof value === 'string') return idKey ? label.get(value) ?? value : value;
    if (Array.isArray(value)) return value.map((v) => rewrite(v, idKey));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, isIdKey(k))]));
    return value;
  };
  return rewrite({ ...model, layout: undefined });
}


/**
 * expressionKey: two expressions are the same when their parse trees are, ignoring casts, parentheses
 * and positions (`'x'` and `'x'::text`, `a > 0` and `(a > 0)`). PostgreSQL prints expressions with
 * explicit casts and extra parentheses (pg_get_expr); a designer types them without.
 */
export function expressionKey(sql: string): string {
  return treeKey((parseSync(`SELECT (${sql})`) as { stmts: unknown[] }).stmts);
}

function boundKey(bound: string): string {
  return treeKey((parseSync(`CREATE TABLE x PARTITION OF y ${bound}`) as { stmts: unknown[] }).stmts);
}

function treeKey(tree: unknown): string {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if ('TypeCast' in o) return strip((o.TypeCast as Record<string, unknown>).arg);
    // PostgreSQL stores `a BETWEEN x AND y` as `a >= x AND a <= y` and `a IN (...)` as `a = ANY (ARRAY[...])`.
    const e = o.A_Expr as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
    const items = e ? (Array.isArray(e.rexpr) ? e.rexpr : e.rexpr?.List?.items) : undefined;
    if (e?.kind === 'AEXPR_BETWEEN' && items) {
      const op = (sval: string, rexpr: unknown) => ({ A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval } }], lexpr: e.lexpr, rexpr } });
      return strip({ BoolExpr: { boolop: 'AND_EXPR', args: [op('>=', items[0]), op('<=', items[1])] } });
    }
    if (e?.kind === 'AEXPR_IN' && items) {
      return strip({ A_Expr: { kind: 'AEXPR_OP_ANY', name: e.name, lexpr: e.lexpr, rexpr: { A_ArrayExpr: { elements: items } } } });
    }
    // A constant compares by its text: PostgreSQL prints -1 as '-1'::bigint.
    const c = o.A_Const as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (c) {
      if (c.isnull) return { const: null };
      if (c.ival) return { const: String(c.ival.ival ?? 0) };
      if (c.fval) return { const: String(c.fval.fval) };
      if (c.boolval) return { const: String(Boolean(c.boolval.boolval)) };
      // ''::bytea is stored as '\\x'::bytea (PostgreSQL evaluates constant casts).
      if (c.sval) return { const: c.sval.sval === '\\x' ? '' : String(c.sval.sval ?? '') };
      if (c.bsval) return { const: String(c.bsval.bsval) };
    }
    if ('ResTarget' in o) {
      const { name: _name, ...rest } = o.ResTarget as Record<string, unknown>;
      return { ResTarget: strip(rest) };
    }
    return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'location' && k !== 'stmt_len' && k !== 'stmt_location').map(([k, v]) => [k, strip(v)]));
  };
  return JSON.stringify(strip(tree));
}

const byName = <T extends { name: string }>(list: T[] | undefined) => (list && list.length ? [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : undefined);

/**
 * normalModel puts a model into the normal form documented in docs/import.md, so a designed model and
 * the model pulled back from the database compare equal: defaults left out, expressions as keys,
 * `char`/`bit` with their implicit length 1, numeric scale 0 dropped, lists of named objects sorted by
 * name, CURRENT_USER in policy roles resolved to the user that created them, and what the database
 * does not store (layout, security marks, roles, settings, model name) dropped.
 */
export function normalModel(model: Model, currentUser: string): Model {
  const m = structuredClone(model) as Model;
  const publicId = m.schemas.find((s) => s.name === 'public')?.id;
  delete m.layout; delete m.roles; delete m.settings; delete m.name;
  delete (m as { security?: unknown }).security;
  m.schemas = byName(m.schemas) ?? [];
  // Two schemas may hold a table (enum, sequence) of the same name: the schema's name sorts first.
  const schemaName = new Map(m.schemas.map((x) => [x.id, x.name]));
  const qualified = <T extends { schemaId: string; name: string }>(list: T[] | undefined) =>
    byName(list?.map((x) => ({ x, name: `${schemaName.get(x.schemaId) ?? ''}\u0000${x.name}` })))?.map((y) => y.x);
  for (const e of m.extensions ?? []) if (e.schemaId === publicId) delete e.schemaId;
  m.extensions = byName(m.extensions);
  m.enums = qualified(m.enums);
  m.sequences = qualified(m.sequences?.map((s) => {
    const type = s.dataType ?? 'bigint';
    const { id, schemaId, name, ownedBy, comment } = s;
    return { id, schemaId, name, ...(type !== 'bigint' ? { dataType: type } : {}), ...normalizeSequenceOptions(type, s), ...(ownedBy ? { ownedBy } : {}), ...(comment !== undefined ? { comment } : {}) };
  }));
  m.tables = qualified(m.tables.map((t) => normalTable(t, currentUser))) ?? [];
  for (const k of ['extensions', 'enums', 'sequences', 'sqlObjects'] as const) if (!m[k] || m[k]!.length === 0) delete m[k];
  return m;
}

function normalTable(t: Table, currentUser: string): Table {
  delete t.security;
  const pkColumns = new Set(t.primaryKey?.columnIds ?? []);
  t.columns = t.columns.map((c) => normalColumn(t, c, pkColumns.has(c.id)));
  if (t.rls && !t.rls.enabled && !t.rls.forced) delete t.rls;
  if (t.rls && !t.rls.forced) delete t.rls.forced;
  t.uniques = byName(t.uniques?.map((u) => dropFalse({ ...u })));
  t.checks = byName(t.checks?.map((c) => dropFalse({ ...c, expression: expressionKey(c.expression) })));
  t.foreignKeys = byName(t.foreignKeys?.map((f) => {
    const x = dropFalse({ ...f });
    if (x.onDelete === 'no action') delete x.onDelete;
    if (x.onUpdate === 'no action') delete x.onUpdate;
    if (x.match === 'simple') delete x.match;
    return x;
  }));
  t.indexes = byName(t.indexes?.map((i) => normalIndex(t, i)));
  t.policies = byName(t.policies?.map((p) => {
    const x = { ...p };
    if (x.permissive !== false) delete x.permissive;
    if (x.command === 'all') delete x.command;
    if (x.roles) x.roles = x.roles.map((r) => (r === 'current_user' ? currentUser : r)).sort();
    // PostgreSQL ignores other roles next to PUBLIC.
    if (!x.roles?.length || x.roles.includes('public')) delete x.roles;
    if (x.using) x.using = expressionKey(x.using);
    if (x.withCheck) x.withCheck = expressionKey(x.withCheck);
    return x;
  }));
  if (t.partitionBy) t.partitionBy.keys = t.partitionBy.keys.map((k) => (k.expression ? { ...k, expression: expressionKey(k.expression) } : k));
  if (t.partitionOf) t.partitionOf = { ...t.partitionOf, bound: boundKey(t.partitionOf.bound) };
  for (const k of ['uniques', 'checks', 'foreignKeys', 'indexes', 'policies'] as const) if (!t[k]) delete t[k];
  return t;
}

function normalColumn(t: Table, c: Column, inPrimaryKey: boolean): Column {
  const x = { ...c, type: { ...c.type } } as Column;
  delete x.security;
  if (x.type.kind === 'builtin') {
    if ((x.type.name === 'char' || x.type.name === 'bit') && x.type.length === undefined) x.type.length = 1;
    if (x.type.name === 'numeric' && x.type.scale === 0) delete x.type.scale;
  }
  if (!x.type.array) delete x.type.array;
  if (inPrimaryKey || x.identity) x.nullable = false;
  if (x.default !== undefined) x.default = expressionKey(x.default);
  if (x.generated) x.generated = { expression: expressionKey(x.generated.expression) };
  if (x.identity) {
    const type = x.type.kind === 'builtin' ? sequenceTypeOf(x.type.name) ?? 'bigint' : 'bigint';
    const { generation, sequenceName } = x.identity;
    x.identity = { generation, ...normalizeSequenceOptions(type, x.identity), ...(sequenceName && sequenceName !== makeObjectName(t.name, c.name, 'seq') ? { sequenceName } : {}) };
  }
  return x;
}

/** An element collation equal to its column's (effective) collation is the same as none: PostgreSQL does not record it. */
function normalIndex(t: Table, i: Index): Index {
  const x = dropFalse({ ...i });
  if (x.method === 'btree') delete x.method;
  if (x.where) x.where = expressionKey(x.where);
  if (x.include && x.include.length === 0) delete x.include;
  x.elements = x.elements.map((e) => {
    const y = { ...e };
    if (y.order === 'asc') delete y.order;
    const defaultNulls = y.order === 'desc' ? 'first' : 'last';
    if (y.nulls === defaultNulls) delete y.nulls;
    if (y.expression) y.expression = expressionKey(y.expression);
    const column = y.columnId ? t.columns.find((c) => c.id === y.columnId) : undefined;
    if (column && y.collation === (column.collation ?? 'default')) delete y.collation;
    return y;
  });
  return x;
}

function dropFalse<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) if (v === false && k !== 'nullable' && k !== 'permissive') delete (o as Record<string, unknown>)[k];
  return o;
}
