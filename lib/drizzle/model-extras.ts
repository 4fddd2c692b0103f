/**
 * The model-level parts of extras: extensions, verbatim SQL objects, sequence data types and OWNED BY,
 * comments on every object (a table's through tableComments, as it is emitted), and the partitioning Drizzle cannot declare (written as guidance, since the
 * parent already exists as a plain table after the drizzle-kit migration).
 */
import type { Table } from '@/lib/model';
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { EmitContext } from './context';
import { tableSql } from './sql-fragments';

function comment(ctx: EmitContext, target: string, text: string | undefined): void {
  if (text !== undefined) ctx.extras.add('comments', `COMMENT ON ${target} IS ${quoteLiteral(text)};`);
}

/** constraintComment adds a constraint's comment; it returns the table's SQL name (rendered when first needed). */
function constraintComment(ctx: EmitContext, table: Table, tableName: string | undefined, c: { name: string; comment?: string }): string {
  const name = tableName ?? tableSql(table, ctx.idx);
  comment(ctx, `CONSTRAINT ${quoteIdent(c.name)} ON ${name}`, c.comment);
  return name;
}

function partitionKeySql(ctx: EmitContext, table: Table): string {
  const by = table.partitionBy!;
  const keys = by.keys.map((k) => {
    const parts = [k.columnId !== undefined ? quoteIdent(ctx.idx.column(table, k.columnId)?.name ?? k.columnId) : `(${k.expression ?? ''})`];
    if (k.collation !== undefined) parts.push(`COLLATE ${quoteIdent(k.collation)}`);
    if (k.opclass !== undefined) parts.push(k.opclass);
    return parts.join(' ');
  });
  return `PARTITION BY ${by.strategy.toUpperCase()} (${keys.join(', ')})`;
}

/** commentLines turns SQL into `-- ` lines, so guidance can never run by accident. */
function commented(sql: string): string {
  return sql.split(/\r\n|\r|\n/).map((l) => `-- ${l}`).join('\n');
}

export function collectModelExtras(ctx: EmitContext, schemasBefore: ReadonlySet<string>): void {
  const { model, idx, extras } = ctx;
  for (const s of model.schemas) {
    if (schemasBefore.has(s.id)) extras.add('schemas', `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(s.name)};`);
  }
  for (const e of model.extensions ?? []) {
    const schema = e.schemaId !== undefined ? ` WITH SCHEMA ${quoteIdent(ctx.schemaName(e.schemaId))}` : '';
    extras.add('extensions', `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)}${schema};`);
  }
  for (const o of model.sqlObjects ?? []) {
    const sql = o.sql.trimEnd();
    extras.add(o.phase === 'pre-tables' ? 'pre-objects' : 'post-objects', /;\s*$/.test(sql) ? sql : `${sql};`);
  }
  for (const s of model.sequences ?? []) {
    const name = quoteQualified(ctx.schemaName(s.schemaId), s.name);
    if (s.dataType && s.dataType !== 'bigint') extras.add('sequences', `ALTER SEQUENCE ${name} AS ${s.dataType};`);
    if (s.ownedBy) {
      const ref = idx.columns.get(s.ownedBy.columnId);
      const owner = idx.tables.get(s.ownedBy.tableId);
      if (ref && owner) extras.add('sequences', `ALTER SEQUENCE ${name} OWNED BY ${tableSql(owner, idx)}.${quoteIdent(ref.column.name)};`);
    }
  }

  for (const s of model.schemas) comment(ctx, `SCHEMA ${quoteIdent(s.name)}`, s.comment);
  for (const e of model.extensions ?? []) comment(ctx, `EXTENSION ${quoteIdent(e.name)}`, e.comment);
  for (const e of model.enums ?? []) comment(ctx, `TYPE ${quoteQualified(ctx.schemaName(e.schemaId), e.name)}`, e.comment);
  for (const s of model.sequences ?? []) comment(ctx, `SEQUENCE ${quoteQualified(ctx.schemaName(s.schemaId), s.name)}`, s.comment);
  for (const table of model.tables) {
    if (table.partitionBy && !table.partitionOf) {
      extras.add('partitions', commented(`${tableSql(table, idx)}: to partition it, end its CREATE TABLE in the migration with\n  ${partitionKeySql(ctx, table)}`));
    }
  }
  for (const table of model.tables) {
    if (!table.partitionOf) continue;
    const parent = idx.tables.get(table.partitionOf.parentId);
    const bound = table.partitionOf.bound.trim();
    const sub = table.partitionBy ? ` ${partitionKeySql(ctx, table)}` : '';
    extras.add('partitions', commented(`CREATE TABLE ${tableSql(table, idx)} PARTITION OF ${parent ? tableSql(parent, idx) : '?'} ${bound}${sub};`));
  }
}

/**
 * tableComments adds the comments of a table and its columns, keys, indexes and policies. The emitter
 * calls it as it writes the table, in model order, while the table's objects are still in the cache (a
 * pass of its own over a large model reads every column again from memory).
 */
export function tableComments(ctx: EmitContext, table: Table): void {
  const { idx } = ctx;
  // Most objects have no comment: their SQL names are rendered only for those that do.
  let t: string | undefined;
  if (table.comment !== undefined) comment(ctx, `TABLE ${(t ??= tableSql(table, idx))}`, table.comment);
  for (const c of table.columns) if (c.comment !== undefined) comment(ctx, `COLUMN ${(t ??= tableSql(table, idx))}.${quoteIdent(c.name)}`, c.comment);
  if (table.primaryKey?.comment !== undefined) t = constraintComment(ctx, table, t, table.primaryKey);
  for (const c of table.uniques ?? []) if (c.comment !== undefined) t = constraintComment(ctx, table, t, c);
  for (const c of table.checks ?? []) if (c.comment !== undefined) t = constraintComment(ctx, table, t, c);
  for (const c of table.foreignKeys ?? []) if (c.comment !== undefined) t = constraintComment(ctx, table, t, c);
  for (const i of table.indexes ?? []) if (i.comment !== undefined) comment(ctx, `INDEX ${quoteQualified(ctx.schemaName(table.schemaId), i.name)}`, i.comment);
  for (const p of table.policies ?? []) if (p.comment !== undefined) comment(ctx, `POLICY ${quoteIdent(p.name)} ON ${(t ??= tableSql(table, idx))}`, p.comment);
}
