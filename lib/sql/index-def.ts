/** DDL fragments for indexes: method, elements (column or expression, collation, opclass, order, nulls), INCLUDE, NULLS NOT DISTINCT, WHERE. */
import type { Index, IndexElement, Table } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent } from './quote';
import { parenthesize } from './expression';
import { requireTarget } from './target';

/**
 * An operator class is a (possibly schema-qualified) name; each dotted part is quoted, so
 * `gin_trgm_ops` becomes "gin_trgm_ops" and `public.my_ops` becomes "public"."my_ops".
 */
export function renderOpclass(opclass: string): string {
  return opclass.split('.').map((part) => quoteIdent(part)).join('.');
}

function element(table: Table, e: IndexElement, names: SqlNames): string {
  let sql: string;
  if (e.columnId !== undefined) sql = names.column(table, e.columnId);
  else if (e.expression !== undefined) sql = parenthesize(e.expression);
  else throw new Error('index element has neither column nor expression');
  if (e.collation !== undefined) sql += ` COLLATE ${quoteIdent(e.collation)}`;
  if (e.opclass !== undefined) sql += ` ${renderOpclass(e.opclass)}`;
  if (e.order === 'desc') sql += ' DESC';
  else if (e.order === 'asc') sql += ' ASC';
  if (e.nulls !== undefined) sql += e.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
  return sql;
}

export function createIndex(table: Table, index: Index, names: SqlNames): string {
  let sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ON ${names.table(table)}`;
  if (index.method !== undefined) sql += ` USING ${index.method}`;
  sql += ` (${index.elements.map((e) => element(table, e, names)).join(', ')})`;
  if (index.include?.length) sql += ` INCLUDE (${names.columns(table, index.include)})`;
  if (index.nullsNotDistinct) {
    requireTarget(names.target, 15, 'NULLS NOT DISTINCT', `index ${index.name} on ${table.name}`);
    sql += ' NULLS NOT DISTINCT';
  }
  if (index.where !== undefined) sql += ` WHERE ${parenthesize(index.where)}`;
  return sql;
}

export function dropIndex(table: Table, index: Index, names: SqlNames): string {
  return `DROP INDEX ${names.qualified(table.schemaId, index.name)}`;
}

export function renameIndex(table: Table, from: string, to: string, names: SqlNames): string {
  return `ALTER INDEX ${names.qualified(table.schemaId, from)} RENAME TO ${quoteIdent(to)}`;
}
