/**
 * What the model does not hold, pulled as SQL objects: domains and composite types, functions,
 * procedures and aggregates (pg_get_functiondef), views and materialized views (pg_get_viewdef),
 * triggers (pg_get_triggerdef), rules (pg_get_ruledef), inheritance children (inherited-tables.ts), exclusion constraints and indexes on materialized views. Each phase is
 * in creation (oid) order, which is an order PostgreSQL accepted once.
 */
import { parseSync } from 'pgsql-parser';
import type { SqlObject } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { inner, qkey, type Fields, type QualifiedName } from '@/lib/import/ast';
import { routinePlacement, withoutBodyCheck } from '@/lib/import/statements';
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { BuildContext } from './context';
import { inheritedTableSql } from './inherited-tables';
import type { Row } from './read';

interface Pending {
  readonly order: number;
  readonly object: SqlObject;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function commentSql(what: string, comment: unknown): string {
  return typeof comment === 'string' ? `;\nCOMMENT ON ${what} IS ${quoteLiteral(comment)}` : '';
}

function typeSql(row: Row): string | undefined {
  const q = quoteQualified(row.schema, row.name);
  if (row.kind === 'd') {
    const parts = [`CREATE DOMAIN ${q} AS ${row.base_type as string}`];
    if (row.collation) parts.push(`COLLATE ${row.collation as string}`);
    if (row.default_sql !== null && row.default_sql !== undefined) parts.push(`DEFAULT ${row.default_sql as string}`);
    if (row.not_null) parts.push('NOT NULL');
    for (const c of (row.checks as string[] | null) ?? []) parts.push(c);
    return parts.join(' ') + commentSql(`DOMAIN ${q}`, row.comment);
  }
  if (row.kind === 'c') return `CREATE TYPE ${q} AS (${((row.attributes as string[] | null) ?? []).join(', ')})${commentSql(`TYPE ${q}`, row.comment)}`;
  return undefined;
}

function routineSql(row: Row): string | undefined {
  const q = quoteQualified(row.schema, row.name);
  const what = `${row.kind === 'p' ? 'PROCEDURE' : row.kind === 'a' ? 'AGGREGATE' : 'FUNCTION'} ${q}(${row.arguments as string})`;
  if (row.kind === 'a') {
    const opts = [`SFUNC = ${row.agg_sfunc as string}`, `STYPE = ${row.agg_stype as string}`];
    if (row.agg_finalfunc) opts.push(`FINALFUNC = ${row.agg_finalfunc as string}`);
    if (row.agg_combinefunc) opts.push(`COMBINEFUNC = ${row.agg_combinefunc as string}`);
    if (row.agg_initcond !== null && row.agg_initcond !== undefined) opts.push(`INITCOND = ${quoteLiteral(row.agg_initcond as string)}`);
    return `CREATE AGGREGATE ${q}(${row.arguments as string}) (${opts.join(', ')})${commentSql(what, row.comment)}`;
  }
  if (!row.definition) return undefined;
  return `${(row.definition as string).trim()}${commentSql(what, row.comment)}`;
}

/** routinePhase reuses the importer's rule (routinePlacement). */
function routinePhase(ctx: BuildContext, sql: string): ReturnType<typeof routinePlacement> {
  const isRelation = (q: QualifiedName) => ctx.relationNames.has(qkey(q));
  try {
    const stmt = (parseSync(sql) as { stmts: { stmt: Fields }[] }).stmts[0]!.stmt;
    const f = inner(stmt, 'CreateFunctionStmt');
    return f ? routinePlacement(f, isRelation) : 'post-tables';
  } catch {
    return 'post-tables';
  }
}

/** postTablesRoutines: oids of the routines that will be created after the tables. */
export function postTablesRoutines(ctx: BuildContext): Set<string> {
  const out = new Set<string>();
  for (const row of ctx.rows.routines) if (row.kind !== 'a' && row.definition && routinePhase(ctx, row.definition as string) === 'post-tables') out.add(String(row.oid));
  return out;
}

export function buildSqlObjects(ctx: BuildContext): void {
  const pre: Pending[] = [];
  const post: Pending[] = [];
  const add = (list: Pending[], order: unknown, kind: string, name: string, sql: string, phase: SqlObject['phase']) =>
    list.push({ order: Number(order), object: { id: newId('sql'), kind, name, phase, sql } });
  for (const row of ctx.rows.types) {
    const sql = typeSql(row);
    if (sql) add(pre, row.oid, row.kind === 'd' ? 'domain' : 'type', row.name, sql, 'pre-tables');
  }
  for (const row of ctx.rows.routines) {
    const sql = routineSql(row);
    if (!sql) {
      ctx.note('function', `a ${String(row.kind)} routine without a definition was not pulled`, row.name);
      continue;
    }
    const kind = row.kind === 'p' ? 'procedure' : row.kind === 'a' ? 'aggregate' : 'function';
    const placement = row.kind === 'a' ? 'pre-tables' : routinePhase(ctx, row.definition as string);
    if (placement === 'post-tables') add(post, row.oid, kind, row.name, sql, 'post-tables');
    else add(pre, row.oid, kind, row.name, placement === 'pre-tables-unchecked' ? withoutBodyCheck(sql) : sql, 'pre-tables');
  }
  for (const row of ctx.rows.views) {
    const q = quoteQualified(row.schema, row.name);
    const body = (row.definition as string).trim().replace(/;$/, '');
    const mat = row.kind === 'm';
    const columnComments = ((row.commented_columns as string[] | null) ?? []).map((c, i) => commentSql(`COLUMN ${q}.${quoteIdent(c)}`, (row.column_comments as string[])[i])).join('');
    const sql = `CREATE ${mat ? 'MATERIALIZED ' : ''}VIEW ${q} AS\n${body}${commentSql(`${mat ? 'MATERIALIZED ' : ''}VIEW ${q}`, row.comment)}${columnComments}`;
    add(post, row.oid, mat ? 'materialized view' : 'view', row.name, sql, 'post-tables');
  }
  for (const row of ctx.rows.triggers) {
    const sql = `${row.definition as string}${commentSql(`TRIGGER ${quoteIdent(row.name)} ON ${quoteQualified(row.schema, row.table_name)}`, row.comment)}`;
    add(post, row.oid, 'trigger', `${row.name as string} on ${row.table_name as string}`, sql, 'post-tables');
  }
  for (const row of ctx.rows.rules) {
    const sql = `${(row.definition as string).trim().replace(/;$/, '')}${commentSql(`RULE ${quoteIdent(row.name)} ON ${quoteQualified(row.schema, row.table_name)}`, row.comment)}`;
    add(post, row.oid, 'rule', `${row.name as string} on ${row.table_name as string}`, sql, 'post-tables');
  }
  for (const t of inheritedTableSql(ctx)) add(post, t.order, 'table', t.name, t.sql, 'post-tables');
  // Constraint, index and policy SQL has no oid in these rows; it goes last, after the views it may index,
  // indexes before the foreign keys that may need them, each kind by name: not in catalog (oid) order, which
  // differs in a copy built from the pulled model (its tables and children are created in another order).
  const rank = (kind: string) => (kind === 'index' ? 0 : kind === 'foreign key' ? 2 : kind === 'policy' ? 3 : 1);
  const pending = [...ctx.pendingSql].sort((a, b) => rank(a.kind) - rank(b.kind) || compare(a.name, b.name) || compare(a.sql, b.sql));
  for (const p of pending) add(post, Number.MAX_SAFE_INTEGER, p.kind, p.name, p.sql, 'post-tables');
  const objects = [...pre.sort((a, b) => a.order - b.order), ...post.sort((a, b) => a.order - b.order)].map((p) => p.object);
  if (objects.length) ctx.model.sqlObjects = objects;
  for (const o of objects) ctx.report.push({ action: 'verbatim', kind: o.kind, name: o.name, line: 0, message: `kept as SQL (${o.phase})` });
}

