/**
 * Tables from catalog rows: columns (types, defaults, serial sequences, identity, generated, collation),
 * partitioning, constraints, indexes, RLS and policies, in the same normal form as the SQL importer.
 */
import { parseSync } from 'pgsql-parser';
import type { Column, FkAction, Index, IndexMethod, Policy, PolicyCommand, Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { inner, strings, deparse, type Fields } from '@/lib/import/ast';
import { nextvalTarget } from '@/lib/import/expressions';
import { makeObjectName } from '@/lib/model/names';
import { normalizeSequenceOptions, sequenceTypeOf } from '@/lib/import/sequence-options';
import { quoteIdent as quoteI, quoteLiteral, quoteQualified as quoteQ } from '@/lib/sql/quote';
import { columnTypeFromCatalog } from './column-type';
import { postTablesRoutines } from './sql-objects';
import type { BuildContext } from './context';
import type { Row } from './read';

const FK_ACTIONS: Record<string, FkAction | undefined> = { a: undefined, r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
const COMMANDS: Record<string, PolicyCommand | undefined> = { '*': undefined, r: 'select', a: 'insert', w: 'update', d: 'delete' };
const STRATEGIES: Record<string, 'range' | 'list' | 'hash'> = { PARTITION_STRATEGY_RANGE: 'range', PARTITION_STRATEGY_LIST: 'list', PARTITION_STRATEGY_HASH: 'hash' };

function comment(row: Row): { comment?: string } {
  return row.comment === null || row.comment === undefined ? {} : { comment: row.comment as string };
}

export function buildTables(ctx: BuildContext): void {
  for (const row of ctx.rows.tables) {
    if (row.inherits) {
      // As in the importer: the model has no INHERITS, so the child is pulled as SQL (inherited-tables.ts).
      ctx.note('table', 'table inheritance (INHERITS) is not in the model, so the table stays SQL', row.name);
      continue;
    }
    const table: Table = { id: newId('tbl'), schemaId: ctx.schemaIds.get(row.schema)!, name: row.name, ...comment(row), columns: [] };
    if (row.partition_bound !== null && row.partition_bound !== undefined) {
      const parent = ctx.tables.get(String(row.parent));
      if (parent) table.partitionOf = { parentId: parent.table.id, bound: row.partition_bound };
    }
    if (row.persistence === 'u') ctx.note('table', 'UNLOGGED is not in the model; pulled as a logged table', row.name);
    if (row.rls || row.force_rls) table.rls = { enabled: Boolean(row.rls), ...(row.force_rls ? { forced: true } : {}) };
    ctx.tables.set(String(row.oid), { table, schema: row.schema, attnames: new Map() });
    ctx.model.tables.push(table);
  }
  for (const row of ctx.rows.columns) addColumn(ctx, row);
  for (const row of ctx.rows.tables) if (row.partition_key) partitionKey(ctx, ctx.tables.get(String(row.oid))!.table, row.partition_key);
  for (const row of ctx.rows.constraints) addConstraint(ctx, row);
  for (const row of ctx.rows.indexes) addIndex(ctx, row);
  // Views and inheritance children are created after the tables, so policies that read them must wait too.
  const relations = [...ctx.rows.views, ...ctx.rows.tables.filter((t) => t.inherits)];
  const later = { relations: new Set(relations.map((v) => String(v.oid))), routines: postTablesRoutines(ctx) };
  for (const row of ctx.rows.policies) addPolicy(ctx, row, later);
}

function addColumn(ctx: BuildContext, row: Row): void {
  const info = ctx.tables.get(String(row.table_oid));
  if (!info) return;
  info.attnames.set(Number(row.position), row.name);
  if (info.table.partitionOf) return; // a partition's columns are its parent's
  const column: Column = {
    id: newId('col'), name: row.name,
    type: columnTypeFromCatalog(row.type, Boolean(row.is_array), ctx.enumIds.get(String(row.type_oid))),
    nullable: !row.not_null,
  };
  if (row.generated === 's' || row.generated === 'v') {
    if (row.generated === 'v') ctx.note('column', 'virtual generated column pulled as STORED (the model holds stored ones)', `${info.table.name}.${row.name}`);
    column.generated = { expression: row.default_sql };
  } else if (row.default_sql !== null && row.default_sql !== undefined) {
    const seqId = row.default_sequence !== null && row.default_sequence !== undefined ? ctx.sequenceIds.get(String(row.default_sequence)) : undefined;
    if (seqId && isNextval(row.default_sql)) column.sequenceId = seqId;
    else column.default = row.default_sql;
  }
  if (row.identity === 'a' || row.identity === 'd') {
    const type = column.type.kind === 'builtin' ? sequenceTypeOf(column.type.name) ?? 'bigint' : 'bigint';
    column.identity = {
      generation: row.identity === 'a' ? 'always' : 'by-default',
      ...normalizeSequenceOptions(type, {
        start: row.identity_start, increment: row.identity_increment, minValue: row.identity_min,
        maxValue: row.identity_max, cache: row.identity_cache, cycle: Boolean(row.identity_cycle),
      }),
    };
    if (row.identity_sequence && row.identity_sequence !== makeObjectName(info.table.name, row.name, 'seq')) column.identity.sequenceName = row.identity_sequence;
  }
  if (row.collation) column.collation = row.collation;
  if (row.comment !== null && row.comment !== undefined) column.comment = row.comment;
  info.table.columns.push(column);
}

function isNextval(sql: string): boolean {
  try {
    const stmt = (parseSync(`SELECT ${sql}`) as { stmts: { stmt: Fields }[] }).stmts[0]!.stmt;
    const target = inner(stmt.SelectStmt?.targetList?.[0], 'ResTarget')?.val;
    return nextvalTarget(target) !== undefined;
  } catch {
    return false;
  }
}

/** partitionKey reads pg_get_partkeydef's text with the parser, as the SQL importer reads PARTITION BY. */
function partitionKey(ctx: BuildContext, table: Table, def: string): void {
  const stmt = (parseSync(`CREATE TABLE x () PARTITION BY ${def}`) as { stmts: { stmt: Fields }[] }).stmts[0]!.stmt;
  const spec = stmt.CreateStmt.partspec as Fields;
  table.partitionBy = {
    strategy: STRATEGIES[spec.strategy as string]!,
    keys: ((spec.partParams as unknown[]) ?? []).map((p) => {
      const e = inner(p, 'PartitionElem')!;
      const col = e.name ? table.columns.find((c) => c.name === e.name) : undefined;
      const collation = strings(e.collation);
      const opclass = strings(e.opclass);
      return {
        ...(col ? { columnId: col.id } : { expression: deparse(e.expr) }),
        ...(collation.length ? { collation: collation[collation.length - 1]! } : {}),
        ...(opclass.length ? { opclass: opclass.join('.') } : {}),
      };
    }),
  };
}

function ids(ctx: BuildContext, tableOid: unknown, attnums: unknown): string[] | undefined {
  const list = (attnums as number[] | null) ?? [];
  const out = list.map((n) => ctx.columnId(tableOid, n));
  return out.some((x) => x === undefined) ? undefined : (out as string[]);
}

function deferrable(row: Row): { deferrable?: boolean; initiallyDeferred?: boolean } {
  return { ...(row.deferrable ? { deferrable: true } : {}), ...(row.deferred ? { initiallyDeferred: true } : {}) };
}

function addConstraint(ctx: BuildContext, row: Row): void {
  const info = ctx.tables.get(String(row.table_oid));
  if (!info) {
    // An inheritance child's foreign keys wait for every table; its other constraints are in its CREATE TABLE.
    const child = row.type === 'f' ? inheritanceChild(ctx, row.table_oid) : undefined;
    if (child) constraintAsSql(ctx, child.schema, child.name, row, 'foreign key');
    return;
  }
  const t = info.table;
  const columnIds = ids(ctx, row.table_oid, row.columns);
  switch (row.type as string) {
    case 'p':
      if (row.deferrable) {
        // As in the importer: the model's primary key is never deferrable, so this one stays SQL.
        ctx.note('primary key', 'a DEFERRABLE primary key is not in the model; kept as SQL, so the table has no model primary key', row.name);
        constraintAsSql(ctx, info.schema, t.name, row, 'primary key');
      } else if (columnIds) t.primaryKey = { id: newId('pk'), name: row.name, columnIds, ...comment(row) };
      return;
    case 'u':
      if (columnIds) (t.uniques ??= []).push({ id: newId('uq'), name: row.name, columnIds, ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}), ...deferrable(row), ...comment(row) });
      return;
    case 'c':
      (t.checks ??= []).push({ id: newId('ck'), name: row.name, expression: row.check_sql, ...(row.no_inherit ? { noInherit: true } : {}), ...comment(row) });
      return;
    case 'f': {
      const ref = ctx.tables.get(String(row.ref_table));
      const refColumnIds = ids(ctx, row.ref_table, row.ref_columns);
      if (!ref || !columnIds || !refColumnIds) {
        const why = inheritanceChild(ctx, row.ref_table) ? 'references a table kept as SQL (INHERITS)' : 'references a table outside the pulled schemas';
        ctx.note('foreign key', `${why}; kept as SQL`, row.name);
        constraintAsSql(ctx, info.schema, t.name, row, 'foreign key');
        return;
      }
      const onDelete = FK_ACTIONS[row.on_delete];
      const onUpdate = FK_ACTIONS[row.on_update];
      (t.foreignKeys ??= []).push({
        id: newId('fk'), name: row.name, columnIds, refTableId: ref.table.id, refColumnIds,
        ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}),
        ...(row.match === 'f' ? { match: 'full' as const } : {}),
        ...deferrable(row), ...comment(row),
      });
      return;
    }
    case 'x':
      constraintAsSql(ctx, info.schema, t.name, row, 'exclusion constraint');
      return;
    default:
      return;
  }
}

/** constraintAsSql keeps a constraint the model cannot hold as `ALTER TABLE ... ADD CONSTRAINT`, with its comment. */
function constraintAsSql(ctx: BuildContext, schema: string, table: string, row: Row, kind: string): void {
  if (!row.definition) return;
  const target = `${quoteI(row.name)} ON ${quoteQ(schema, table)}`;
  const note = row.comment === null || row.comment === undefined ? '' : `;\nCOMMENT ON CONSTRAINT ${target} IS ${quoteLiteral(row.comment)}`;
  ctx.pendingSql.push({ kind, name: row.name, sql: `ALTER TABLE ${quoteQ(schema, table)} ADD CONSTRAINT ${quoteI(row.name)} ${row.definition as string}${note}` });
}

/** indexAsSql keeps an index the model cannot hold as its pg_get_indexdef text, with its comment. */
function indexAsSql(ctx: BuildContext, row: Row, schema: string | undefined): void {
  const note = row.comment === null || row.comment === undefined || schema === undefined ? '' : `;\nCOMMENT ON INDEX ${quoteQ(schema, row.name)} IS ${quoteLiteral(row.comment)}`;
  ctx.pendingSql.push({ kind: 'index', name: row.name, sql: `${row.definition as string}${note}` });
}

const METHODS: ReadonlySet<string> = new Set(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']);

/** unsupportedIndex says why the model cannot hold an index (as the importer's rule), or undefined. */
function unsupportedIndex(row: Row, stmt: Fields | undefined, params: Fields[]): string | undefined {
  if (!METHODS.has(row.method as string)) return `index method ${String(row.method)}`;
  if (stmt?.options?.length) return 'storage parameters (WITH ...)';
  if (params.some((e) => e.opclassopts?.length)) return 'operator class options';
  return undefined;
}

function addIndex(ctx: BuildContext, row: Row): void {
  const info = ctx.tables.get(String(row.table_oid));
  if (!info || row.table_kind === 'm') {
    indexAsSql(ctx, row, row.table_schema);
    return;
  }
  const keys = (row.keys as number[]) ?? [];
  const keyCount = Number(row.key_count);
  // Collation, operator class, order and NULLS placement exactly as pg_get_indexdef prints them (it leaves
  // out defaults), read back with the parser; expressions keep pg_get_indexdef's text for that key.
  const stmt = (parseSync(row.definition as string) as { stmts: { stmt: Fields }[] }).stmts[0]!.stmt;
  const params = ((stmt.IndexStmt?.indexParams as unknown[]) ?? []).map((p) => inner(p, 'IndexElem')!);
  const why = unsupportedIndex(row, stmt.IndexStmt as Fields | undefined, params);
  if (why) {
    ctx.note('index', `${why} is not in the model, so the index stays SQL`, row.name);
    indexAsSql(ctx, row, info.schema);
    return;
  }
  const elements: Index['elements'] = [];
  for (let k = 0; k < keyCount; k++) {
    const attnum = Number(keys[k]);
    const e = params[k] ?? {};
    const desc = e.ordering === 'SORTBY_DESC';
    const nulls = e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? 'first' : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? 'last' : undefined;
    const columnId = attnum !== 0 ? ctx.columnId(row.table_oid, attnum) : undefined;
    const opclass = strings(e.opclass);
    const collation = strings(e.collation);
    elements.push({
      ...(columnId ? { columnId } : { expression: row.key_sql[k] as string }),
      ...(collation.length ? { collation: collation[collation.length - 1]! } : {}),
      ...(opclass.length ? { opclass: opclass.join('.') } : {}),
      ...(desc ? { order: 'desc' as const } : {}),
      ...(nulls && nulls !== (desc ? 'first' : 'last') ? { nulls } : {}),
    });
  }
  const include = keys.slice(keyCount).map((n) => ctx.columnId(row.table_oid, Number(n))!);
  const index: Index = {
    id: newId('ix'), name: row.name,
    ...(row.is_unique ? { unique: true } : {}),
    ...(row.method !== 'btree' ? { method: row.method as IndexMethod } : {}),
    elements,
    ...(include.length ? { include } : {}),
    ...(row.predicate ? { where: row.predicate } : {}),
    ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
    ...comment(row),
  };
  (info.table.indexes ??= []).push(index);
}

/** inheritanceChild: the catalog row of a table pulled as SQL because it inherits, if that is what the oid is. */
function inheritanceChild(ctx: BuildContext, oid: unknown): Row | undefined {
  return ctx.rows.tables.find((t) => t.inherits && String(t.oid) === String(oid));
}

function addPolicy(ctx: BuildContext, row: Row, later: { relations: Set<string>; routines: Set<string> }): void {
  const info = ctx.tables.get(String(row.table_oid));
  const child = info ? undefined : inheritanceChild(ctx, row.table_oid);
  if (!info && !child) return;
  const roles = (row.roles as string[]) ?? [];
  const command = COMMANDS[row.command];
  const usesLater = ((row.uses_relations as unknown[] | null) ?? []).some((o) => later.relations.has(String(o)))
    || ((row.uses_routines as unknown[] | null) ?? []).some((o) => later.routines.has(String(o)));
  if (usesLater || !info) {
    // As in the importer: policies are created with the tables, before views and post-tables functions
    // (and before the inheritance children, which are SQL themselves).
    if (info) ctx.note('policy', 'it uses a view, a function or an inheritance child created after the tables; kept as SQL', row.name);
    const on = info ? quoteQ(info.schema, info.table.name) : quoteQ(child!.schema, child!.name);
    const to = roles.length && !(roles.length === 1 && roles[0] === 'public') ? ` TO ${roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteI(r))).join(', ')}` : '';
    const sql = `CREATE POLICY ${quoteI(row.name)} ON ${on}${row.permissive ? '' : ' AS RESTRICTIVE'}${command ? ` FOR ${command.toUpperCase()}` : ''}${to}`
      + `${row.using_sql ? ` USING (${row.using_sql as string})` : ''}${row.with_check_sql ? ` WITH CHECK (${row.with_check_sql as string})` : ''}`
      + `${row.comment === null || row.comment === undefined ? '' : `;\nCOMMENT ON POLICY ${quoteI(row.name)} ON ${on} IS ${quoteLiteral(row.comment)}`}`;
    ctx.pendingSql.push({ kind: 'policy', name: row.name, sql });
    return;
  }
  const policy: Policy = {
    id: newId('pol'), name: row.name,
    ...(row.permissive ? {} : { permissive: false }),
    ...(command ? { command } : {}),
    ...(roles.length && !(roles.length === 1 && roles[0] === 'public') ? { roles } : {}),
    ...(row.using_sql ? { using: row.using_sql } : {}),
    ...(row.with_check_sql ? { withCheck: row.with_check_sql } : {}),
    ...comment(row),
  };
  (info.table.policies ??= []).push(policy);
}
