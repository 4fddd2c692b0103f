/** DDL fragments for columns: the definition inside CREATE TABLE / ADD COLUMN, and ALTER COLUMN pieces. */
import type { Column, Table } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent } from './quote';
import { parenthesize } from './expression';
import { renderType } from './types';
import { identityClause, nextvalDefault } from './sequence';

/** columnDefinition renders `"name" type [COLLATE c] [DEFAULT|GENERATED|IDENTITY] [NOT NULL]`. */
export function columnDefinition(table: Table, column: Column, names: SqlNames): string {
  let sql = `${quoteIdent(column.name)} ${renderType(column.type, names, () => columnWhere(table, column))}`;
  if (column.collation !== undefined) sql += ` COLLATE ${quoteIdent(column.collation)}`;
  const def = columnDefault(column, names);
  if (column.generated) sql += ` GENERATED ALWAYS AS ${parenthesize(column.generated.expression)} STORED`;
  else if (column.identity) sql += ` ${identityClause(column.identity, table.schemaId, names)}`;
  else if (def !== undefined) sql += ` DEFAULT ${def}`;
  if (!column.nullable) sql += ' NOT NULL';
  return sql;
}

function columnWhere(table: Table, column: Column): string {
  return `column ${table.name}.${column.name}`;
}

/** columnDefault is the DEFAULT expression SQL: nextval for sequence-backed columns, else the user's text. */
export function columnDefault(column: Column, names: SqlNames): string | undefined {
  if (column.sequenceId !== undefined) return nextvalDefault(names.sequenceObject(column.sequenceId), names);
  if (column.default !== undefined) return parenthesize(column.default);
  return undefined;
}

function alterColumn(table: Table, column: Column, names: SqlNames, action: string): string {
  return `ALTER TABLE ${names.table(table)} ALTER COLUMN ${quoteIdent(column.name)} ${action}`;
}

export function addColumn(table: Table, column: Column, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} ADD COLUMN ${columnDefinition(table, column, names)}`;
}

export function dropColumn(table: Table, column: Column, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} DROP COLUMN ${quoteIdent(column.name)}`;
}

export function renameColumn(table: Table, from: string, to: string, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`;
}

/** alterColumnType changes type and collation; USING casts the old value so most changes need no hand edit. */
export function alterColumnType(table: Table, column: Column, names: SqlNames): string {
  const type = renderType(column.type, names, () => columnWhere(table, column));
  const collate = column.collation !== undefined ? ` COLLATE ${quoteIdent(column.collation)}` : '';
  return alterColumn(table, column, names, `TYPE ${type}${collate} USING ${quoteIdent(column.name)}::${type}`);
}

export function setNotNull(table: Table, column: Column, names: SqlNames, notNull: boolean): string {
  return alterColumn(table, column, names, notNull ? 'SET NOT NULL' : 'DROP NOT NULL');
}

export function setDefault(table: Table, column: Column, names: SqlNames): string {
  const def = columnDefault(column, names);
  return alterColumn(table, column, names, def === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${def}`);
}

export function addIdentity(table: Table, column: Column, names: SqlNames): string {
  if (!column.identity) throw new Error(`column ${column.id} has no identity`);
  return alterColumn(table, column, names, `ADD ${identityClause(column.identity, table.schemaId, names)}`);
}

export function dropIdentity(table: Table, column: Column, names: SqlNames): string {
  return alterColumn(table, column, names, 'DROP IDENTITY');
}

export function setGenerationExpression(table: Table, column: Column, names: SqlNames): string {
  if (!column.generated) throw new Error(`column ${column.id} is not generated`);
  return alterColumn(table, column, names, `SET EXPRESSION AS ${parenthesize(column.generated.expression)}`);
}

export function dropGenerationExpression(table: Table, column: Column, names: SqlNames): string {
  return alterColumn(table, column, names, 'DROP EXPRESSION');
}

/** alterIdentity sets generation and every sequence option (defaults spelled out) on an identity column. */
export function alterIdentity(table: Table, column: Column, names: SqlNames, optionResets: string[]): string {
  if (!column.identity) throw new Error(`column ${column.id} has no identity`);
  const generation = column.identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT';
  const sets = optionResets.filter((o) => !o.startsWith('AS ')).map((o) => `SET ${o}`);
  return alterColumn(table, column, names, [`SET GENERATED ${generation}`, ...sets].join(' '));
}
