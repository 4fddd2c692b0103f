/**
 * Column commands: add, update (rename, type, nullability, default, identity, ...), delete (taking every
 * constraint and index that uses the column with it, as DROP COLUMN does), reorder and primary key.
 */
import { newId } from '@/lib/model/ids';
import type { Column, Model, Table } from '@/lib/model';
import { chooseName, namesInSchema, uniqueColumnName } from '../names';
import { applyPatch, findTable, replaceColumn, updateTable, withOptional } from './access';
import { done, refuse, type CommandResult } from './result';

export interface AddColumnArgs {
  readonly tableId: string;
  readonly column?: Partial<Column>;
  /** Position in the column list; default: at the end. */
  readonly index?: number;
}

export function addColumn(model: Model, args: AddColumnArgs): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  if (table.partitionOf) return refuse('partition-columns', `${table.name} is a partition: its columns come from the parent table`);
  const id = args.column?.id ?? newId('col');
  const column: Column = {
    name: uniqueColumnName(table.columns.map((c) => c.name), args.column?.name ?? 'column'),
    type: { kind: 'builtin', name: 'text' },
    nullable: true,
    ...args.column,
    id,
  };
  const columns = [...table.columns];
  columns.splice(args.index ?? columns.length, 0, column);
  return done(updateTable(model, table.id, (t) => ({ ...t, columns })), [id]);
}

export interface UpdateColumnArgs {
  readonly tableId: string;
  readonly columnId: string;
  readonly patch: Partial<Omit<Column, 'id'>>;
}

export function updateColumn(model: Model, args: UpdateColumnArgs): CommandResult {
  const table = findTable(model, args.tableId);
  const column = table?.columns.find((c) => c.id === args.columnId);
  if (!table || !column) return refuse('column-missing', `column ${args.columnId} does not exist`);
  let next = applyPatch(column, args.patch);
  // A primary-key column is NOT NULL; identity and generated columns have no DEFAULT.
  if (table.primaryKey?.columnIds.includes(column.id) && next.nullable) next = { ...next, nullable: false };
  if (args.patch.identity) next = withOptional(withOptional(next, 'default', undefined), 'generated', undefined);
  if (args.patch.generated) next = withOptional(withOptional(next, 'default', undefined), 'identity', undefined);
  if (args.patch.default) next = withOptional(next, 'identity', undefined);
  return done(updateTable(model, table.id, (t) => replaceColumn(t, next)));
}

export function renameColumn(model: Model, args: { tableId: string; columnId: string; name: string }): CommandResult {
  return updateColumn(model, { tableId: args.tableId, columnId: args.columnId, patch: { name: args.name } });
}

export function deleteColumn(model: Model, args: { tableId: string; columnId: string }): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table || !table.columns.some((c) => c.id === args.columnId)) return refuse('column-missing', `column ${args.columnId} does not exist`);
  const col = args.columnId;
  const name = table.columns.find((c) => c.id === col)!.name;
  if (table.partitionBy?.keys.some((k) => k.columnId === col)) return refuse('partition-key', `${name} is part of the partition key and cannot be removed`);
  const has = (ids: readonly string[] | undefined) => Boolean(ids?.includes(col));
  let t: Table = { ...table, columns: table.columns.filter((c) => c.id !== col) };
  if (has(t.primaryKey?.columnIds)) t = withOptional(t, 'primaryKey', undefined);
  t = withOptional(t, 'uniques', t.uniques?.filter((u) => !has(u.columnIds)));
  t = withOptional(t, 'foreignKeys', t.foreignKeys?.filter((fk) => !has(fk.columnIds) && !(fk.refTableId === t.id && has(fk.refColumnIds))));
  t = withOptional(t, 'indexes', t.indexes?.filter((ix) => !ix.elements.some((e) => e.columnId === col) && !has(ix.include)));
  const tables = model.tables.map((other) => {
    if (other.id === table.id) return t;
    const fks = other.foreignKeys ?? [];
    const kept = fks.filter((fk) => !(fk.refTableId === table.id && has(fk.refColumnIds)));
    return kept.length === fks.length ? other : withOptional(other, 'foreignKeys', kept);
  });
  let next: Model = { ...model, tables };
  const seqs = model.sequences ?? [];
  if (seqs.some((s) => s.ownedBy?.columnId === col)) next = withOptional(next, 'sequences', seqs.filter((s) => s.ownedBy?.columnId !== col));
  return done(next);
}

/** reorderColumns sets the column order; columnIds must be a permutation of the table's columns. */
export function reorderColumns(model: Model, args: { tableId: string; columnIds: readonly string[] }): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  if (args.columnIds.length !== byId.size || new Set(args.columnIds).size !== byId.size || !args.columnIds.every((id) => byId.has(id))) {
    return refuse('bad-order', 'the new order must list every column of the table exactly once');
  }
  return done(updateTable(model, table.id, (t) => ({ ...t, columns: args.columnIds.map((id) => byId.get(id)!) })));
}

/** moveColumn moves one column by `delta` places (keyboard reordering). */
export function moveColumn(model: Model, args: { tableId: string; columnId: string; delta: number }): CommandResult {
  const table = findTable(model, args.tableId);
  const from = table?.columns.findIndex((c) => c.id === args.columnId) ?? -1;
  if (!table || from < 0) return refuse('column-missing', `column ${args.columnId} does not exist`);
  const to = Math.max(0, Math.min(table.columns.length - 1, from + args.delta));
  const ids = table.columns.map((c) => c.id);
  ids.splice(to, 0, ...ids.splice(from, 1));
  return reorderColumns(model, { tableId: table.id, columnIds: ids });
}

/** setPrimaryKey replaces the primary key (empty list removes it); key columns become NOT NULL. */
export function setPrimaryKey(model: Model, args: { tableId: string; columnIds: readonly string[] }): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  if (!args.columnIds.every((id) => table.columns.some((c) => c.id === id))) return refuse('column-missing', 'primary key columns must belong to the table');
  if (args.columnIds.length === 0) return done(updateTable(model, table.id, (t) => withOptional(t, 'primaryKey', undefined)));
  const keep = table.primaryKey;
  const except = keep ? new Set([keep.id]) : undefined;
  const name = keep?.name ?? chooseName(table.name, undefined, 'pkey', namesInSchema(model, table.schemaId, except));
  const pk = { ...(keep ?? { id: newId('pk') }), name, columnIds: [...args.columnIds] };
  return done(updateTable(model, table.id, (t) => ({
    ...t,
    primaryKey: pk,
    columns: t.columns.map((c) => (args.columnIds.includes(c.id) && c.nullable ? { ...c, nullable: false } : c)),
  })));
}

/** togglePrimaryKeyColumn adds a column to the key or takes it out. */
export function togglePrimaryKeyColumn(model: Model, args: { tableId: string; columnId: string }): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  const ids = table.primaryKey?.columnIds ?? [];
  const next = ids.includes(args.columnId) ? ids.filter((id) => id !== args.columnId) : [...ids, args.columnId];
  return setPrimaryKey(model, { tableId: table.id, columnIds: next });
}
