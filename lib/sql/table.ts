/** DDL fragments for tables: CREATE TABLE with columns and inline constraints, partitions, renames, RLS. */
import type { PartitionKey, Table } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent } from './quote';
import { endLineComment, parenthesize } from './expression';
import { columnDefinition } from './column';
import { constraintClause, inlineConstraints } from './constraint';
import { renderOpclass } from './index-def';

/**
 * createTable renders CREATE TABLE with columns, primary key, uniques and checks inline. Foreign keys are
 * left out: they are added with ALTER TABLE once every table exists, so reference cycles work; so are
 * uniques that CREATE TABLE would merge into an earlier key (see inlineConstraints).
 */
export function createTable(table: Table, names: SqlNames): string {
  const inline: string[] = [];
  for (const def of inlineConstraints(table).inline) inline.push(constraintClause(table, def, names));
  const head = `CREATE TABLE ${names.table(table)}`;
  let sql: string;
  if (table.partitionOf) {
    // A partition takes its columns from the parent; it may still carry constraints of its own.
    sql = `${head} PARTITION OF ${names.tableById(table.partitionOf.parentId)}`;
    if (inline.length) sql += ` (\n  ${inline.join(',\n  ')}\n)`;
    sql += ` ${endLineComment(table.partitionOf.bound.trim())}`;
  } else {
    const items: string[] = [];
    for (const c of table.columns) items.push(columnDefinition(table, c, names));
    for (const clause of inline) items.push(clause);
    sql = items.length ? `${head} (\n  ${items.join(',\n  ')}\n)` : `${head} ()`;
  }
  if (table.partitionBy) {
    const keys = table.partitionBy.keys.map((k) => partitionKey(table, k, names));
    sql += ` PARTITION BY ${table.partitionBy.strategy.toUpperCase()} (${keys.join(', ')})`;
  }
  return sql;
}

function partitionKey(table: Table, key: PartitionKey, names: SqlNames): string {
  let sql: string;
  if (key.columnId !== undefined) sql = names.column(table, key.columnId);
  else if (key.expression !== undefined) sql = parenthesize(key.expression);
  else throw new Error('partition key has neither column nor expression');
  if (key.collation !== undefined) sql += ` COLLATE ${quoteIdent(key.collation)}`;
  if (key.opclass !== undefined) sql += ` ${renderOpclass(key.opclass)}`;
  return sql;
}

export function dropTable(table: Table, names: SqlNames): string {
  return `DROP TABLE ${names.table(table)}`;
}

export function renameTable(schemaId: string, from: string, to: string, names: SqlNames): string {
  return `ALTER TABLE ${names.qualified(schemaId, from)} RENAME TO ${quoteIdent(to)}`;
}

export function setTableSchema(schemaId: string, name: string, toSchemaId: string, names: SqlNames): string {
  return `ALTER TABLE ${names.qualified(schemaId, name)} SET SCHEMA ${names.schema(toSchemaId)}`;
}

export function detachPartition(table: Table, parentId: string, names: SqlNames): string {
  return `ALTER TABLE ${names.tableById(parentId)} DETACH PARTITION ${names.table(table)}`;
}

export function attachPartition(table: Table, names: SqlNames): string {
  if (!table.partitionOf) throw new Error(`table ${table.id} is not a partition`);
  return `ALTER TABLE ${names.tableById(table.partitionOf.parentId)} ATTACH PARTITION ${names.table(table)} ${endLineComment(table.partitionOf.bound.trim())}`;
}

export function enableRls(table: Table, names: SqlNames, enabled: boolean): string {
  return `ALTER TABLE ${names.table(table)} ${enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`;
}

export function forceRls(table: Table, names: SqlNames, forced: boolean): string {
  return `ALTER TABLE ${names.table(table)} ${forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`;
}
