/**
 * Relationship gestures from the canvas: connect two columns (the side that is a key is referenced),
 * reference a whole table (creates `<table>_id` with the key's type), and the many-to-many helper
 * (a junction table with a composite primary key and a foreign key to each side).
 */
import { newId } from '@/lib/model/ids';
import type { Column, Model, Table } from '@/lib/model';
import { chooseName, namesInSchema, uniqueColumnName, uniqueTableName } from '../names';
import { referencingType } from '../types';
import { findTable, setLayoutPart, tableLayouts } from './access';
import { addPart } from './constraints';
import { done, refuse, type CommandResult } from './result';

function isKey(table: Table, columnId: string): boolean {
  return Boolean(table.primaryKey?.columnIds.length === 1 && table.primaryKey.columnIds[0] === columnId)
    || (table.uniques ?? []).some((u) => u.columnIds.length === 1 && u.columnIds[0] === columnId);
}

export interface ConnectColumnsArgs {
  readonly sourceTableId: string;
  readonly sourceColumnId: string;
  readonly targetTableId: string;
  readonly targetColumnId: string;
  readonly fkId?: string;
}

/** connectColumns makes a foreign key between two columns; the referencing side is the non-key one. */
export function connectColumns(model: Model, args: ConnectColumnsArgs): CommandResult {
  const src = findTable(model, args.sourceTableId);
  const dst = findTable(model, args.targetTableId);
  if (!src || !dst) return refuse('table-missing', 'both tables must exist');
  const srcKey = isKey(src, args.sourceColumnId);
  const dstKey = isKey(dst, args.targetColumnId);
  const reverse = srcKey && !dstKey;
  const [from, fromCol, to, toCol] = reverse
    ? [dst, args.targetColumnId, src, args.sourceColumnId]
    : [src, args.sourceColumnId, dst, args.targetColumnId];
  if (from.id === to.id && fromCol === toCol) return refuse('foreign-key', 'a column cannot reference itself');
  if ((from.foreignKeys ?? []).some((fk) => fk.refTableId === to.id && fk.columnIds.length === 1 && fk.columnIds[0] === fromCol && fk.refColumnIds[0] === toCol)) {
    return refuse('foreign-key', 'that foreign key exists already');
  }
  return addPart(model, { tableId: from.id, kind: 'foreignKeys', part: { id: args.fkId, columnIds: [fromCol], refTableId: to.id, refColumnIds: [toCol] } });
}

/** referenceTable adds `<ref>_<key>` column(s) to `tableId` and a foreign key to `refTableId`'s primary key. */
export function referenceTable(model: Model, args: { tableId: string; refTableId: string; nullable?: boolean }): CommandResult {
  const table = findTable(model, args.tableId);
  const ref = findTable(model, args.refTableId);
  if (!table || !ref) return refuse('table-missing', 'both tables must exist');
  if (table.partitionOf) return refuse('partition-columns', `${table.name} is a partition: add the column to its parent`);
  const keyIds = ref.primaryKey?.columnIds ?? [];
  if (keyIds.length === 0) return refuse('foreign-key', `${ref.name} has no primary key to reference; give it one or drag onto a unique column`);
  const keyCols = keyIds.map((id) => ref.columns.find((c) => c.id === id)!);
  const existing = table.columns.map((c) => c.name);
  const newCols: Column[] = keyCols.map((k) => {
    const base = keyCols.length === 1 && k.name === 'id' ? `${ref.name}_id` : `${ref.name}_${k.name}`;
    const name = uniqueColumnName(existing, base);
    existing.push(name);
    return { id: newId('col'), name, type: referencingType(k), nullable: args.nullable ?? false };
  });
  const withCols: Model = { ...model, tables: model.tables.map((t) => (t.id === table.id ? { ...t, columns: [...t.columns, ...newCols] } : t)) };
  const result = addPart(withCols, { tableId: table.id, kind: 'foreignKeys', part: { columnIds: newCols.map((c) => c.id), refTableId: ref.id, refColumnIds: keyIds } });
  return result.ok ? done(result.model, [...(result.created ?? []), ...newCols.map((c) => c.id)]) : result;
}

/** addManyToMany creates `<a>_<b>` with a column per key column of each side, a composite PK and two FKs. */
export function addManyToMany(model: Model, args: { aTableId: string; bTableId: string; name?: string; tableId?: string }): CommandResult {
  const a = findTable(model, args.aTableId);
  const b = findTable(model, args.bTableId);
  if (!a || !b) return refuse('table-missing', 'both tables must exist');
  for (const t of [a, b]) if (!t.primaryKey?.columnIds.length) return refuse('foreign-key', `${t.name} has no primary key to reference`);
  const id = args.tableId ?? newId('tbl');
  const name = args.name ?? uniqueTableName(model, a.schemaId, `${a.name}_${b.name}`);
  const la = tableLayouts(model)[a.id] ?? { x: 0, y: 0 };
  const lb = tableLayouts(model)[b.id] ?? { x: 0, y: 0 };
  let next: Model = { ...model, tables: [...model.tables, { id, schemaId: a.schemaId, name, columns: [] }] };
  next = setLayoutPart(next, 'tables', { ...tableLayouts(next), [id]: { x: Math.round((la.x + lb.x) / 2), y: Math.round(Math.max(la.y, lb.y) + 320) } });
  const keyCols: string[] = [];
  for (const side of a.id === b.id ? [a, { ...b, name: `${b.name}_2` }] : [a, b]) {
    const r = referenceTable(next, { tableId: id, refTableId: side.id });
    if (!r.ok) return r;
    // referenceTable names columns after the referenced table; a self-relation needs distinct names, which uniqueColumnName gave.
    next = r.model;
    keyCols.push(...(r.created ?? []).filter((c) => c.startsWith('col')));
  }
  const junction = findTable(next, id)!;
  const pk = { id: newId('pk'), name: chooseName(name, undefined, 'pkey', namesInSchema(next, junction.schemaId)), columnIds: keyCols };
  next = { ...next, tables: next.tables.map((t) => (t.id === id ? { ...t, primaryKey: pk } : t)) };
  return done(next, [id]);
}
