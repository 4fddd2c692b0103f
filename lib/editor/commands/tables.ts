/**
 * Table commands: add, rename/update, delete (with every foreign key that points at the table, its
 * partitions, owned sequences and layout, in the same transaction), move, colour/collapse.
 */
import { newId } from '@/lib/model/ids';
import { PUBLIC_SCHEMA_ID } from '@/lib/model/empty';
import type { Model, Table } from '@/lib/model';
import { chooseName, freeName, namesInSchema, uniqueTableName } from '../names';
import { applyPatch, findTable, setLayoutPart, tableLayouts, updateTable, withOptional, type TableLayout } from './access';
import { done, refuse, type CommandResult } from './result';

export interface AddTableArgs {
  readonly tableId?: string;
  readonly schemaId?: string;
  readonly name?: string;
  readonly position?: { x: number; y: number };
  /** Without columns the table gets `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`. */
  readonly empty?: boolean;
}

export function addTable(model: Model, args: AddTableArgs): CommandResult {
  const schemaId = args.schemaId ?? model.schemas.find((s) => s.name === 'public')?.id ?? model.schemas[0]?.id ?? PUBLIC_SCHEMA_ID;
  let next = model;
  if (!model.schemas.some((s) => s.id === schemaId)) {
    if (schemaId !== PUBLIC_SCHEMA_ID) return refuse('schema-missing', `schema ${schemaId} does not exist`);
    next = { ...next, schemas: [...next.schemas, { id: PUBLIC_SCHEMA_ID, name: 'public' }] };
  }
  const name = args.name ?? uniqueTableName(next, schemaId, 'new_table');
  const id = args.tableId ?? newId('tbl');
  if (next.tables.some((t) => t.id === id)) return refuse('id-taken', `id ${id} is already used`);
  let table: Table = { id, schemaId, name, columns: [] };
  if (!args.empty) {
    const colId = newId('col');
    const taken = namesInSchema(next, schemaId);
    taken.add(name);
    table = {
      ...table,
      columns: [{ id: colId, name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } }],
      primaryKey: { id: newId('pk'), name: chooseName(name, undefined, 'pkey', taken), columnIds: [colId] },
    };
  }
  next = { ...next, tables: [...next.tables, table] };
  const pos = args.position ?? defaultPosition(next);
  next = setLayoutPart(next, 'tables', { ...tableLayouts(next), [id]: { x: pos.x, y: pos.y } });
  return done(next, [id]);
}

function defaultPosition(model: Model): { x: number; y: number } {
  const n = model.tables.length - 1;
  return { x: (n % 6) * 320, y: Math.floor(n / 6) * 360 };
}

export interface UpdateTableArgs {
  readonly tableId: string;
  readonly patch: Partial<Pick<Table, 'name' | 'schemaId' | 'comment' | 'rls' | 'security' | 'partitionBy' | 'partitionOf'>>;
}

export function updateTableProps(model: Model, args: UpdateTableArgs): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  const schemaId = args.patch.schemaId;
  if (schemaId !== undefined && !model.schemas.some((s) => s.id === schemaId)) return refuse('schema-missing', `schema ${schemaId} does not exist`);
  const partitionOf = args.patch.partitionOf;
  if (partitionOf && (partitionOf.parentId === table.id || !findTable(model, partitionOf.parentId))) {
    return refuse('partition-parent', 'a partition needs another existing table as its parent');
  }
  const badKey = args.patch.partitionBy?.keys.find((k) => k.columnId !== undefined && !table.columns.some((c) => c.id === k.columnId));
  if (badKey) return refuse('column-missing', `column ${badKey.columnId} does not exist in ${table.name}`);
  return done(updateTable(model, table.id, (t) => {
    const next = applyPatch(t, args.patch);
    return args.patch.name !== undefined ? renameParts(model, t, next) : next;
  }));
}

/**
 * renameParts keeps generated names in step with a table rename: a constraint or index named
 * `<old table>_...` becomes `<new table>_...` (PostgreSQL itself keeps the old names; a design tool
 * should not leave `new_table_pkey` behind). Names the user chose otherwise are left alone.
 */
function renameParts(model: Model, before: Table, after: Table): Table {
  const oldName = before.name;
  const newName = after.name;
  if (!oldName || !newName || oldName === newName) return after;
  const own = [after.primaryKey, ...(after.uniques ?? []), ...(after.checks ?? []), ...(after.foreignKeys ?? []), ...(after.indexes ?? [])].filter(Boolean) as { id: string; name: string }[];
  if (!own.some((p) => p.name.startsWith(`${oldName}_`))) return after;
  const taken = namesInSchema(model, after.schemaId, new Set(own.map((p) => p.id)));
  taken.delete(oldName);
  taken.add(newName);
  const fix = <T extends { name: string }>(p: T): T => (p.name.startsWith(`${oldName}_`) ? { ...p, name: freeName(newName + p.name.slice(oldName.length), taken) } : p);
  return {
    ...after,
    ...(after.primaryKey ? { primaryKey: fix(after.primaryKey) } : {}),
    ...(after.uniques ? { uniques: after.uniques.map(fix) } : {}),
    ...(after.checks ? { checks: after.checks.map(fix) } : {}),
    ...(after.foreignKeys ? { foreignKeys: after.foreignKeys.map(fix) } : {}),
    ...(after.indexes ? { indexes: after.indexes.map(fix) } : {}),
  };
}

export function renameTable(model: Model, args: { tableId: string; name: string }): CommandResult {
  return updateTableProps(model, { tableId: args.tableId, patch: { name: args.name } });
}

/** deleteTables removes tables and everything that cannot exist without them. */
export function deleteTables(model: Model, args: { tableIds: readonly string[] }): CommandResult {
  const doomed = new Set(args.tableIds);
  // Partitions go with their parent (DROP TABLE drops them too).
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of model.tables) {
      if (!doomed.has(t.id) && t.partitionOf && doomed.has(t.partitionOf.parentId)) { doomed.add(t.id); grew = true; }
    }
  }
  if (![...doomed].some((id) => findTable(model, id))) return refuse('table-missing', 'nothing to delete');
  const doomedSeqs = new Set((model.sequences ?? []).filter((s) => s.ownedBy && doomed.has(s.ownedBy.tableId)).map((s) => s.id));
  const tables = model.tables.filter((t) => !doomed.has(t.id)).map((t) => {
    let next = t;
    const fks = t.foreignKeys ?? [];
    if (fks.some((fk) => doomed.has(fk.refTableId))) next = withOptional(next, 'foreignKeys', fks.filter((fk) => !doomed.has(fk.refTableId)));
    if (next.columns.some((c) => c.sequenceId && doomedSeqs.has(c.sequenceId))) {
      next = { ...next, columns: next.columns.map((c) => (c.sequenceId && doomedSeqs.has(c.sequenceId) ? withOptional(c, 'sequenceId', undefined) : c)) };
    }
    return next;
  });
  let next: Model = { ...model, tables };
  if (doomedSeqs.size) next = withOptional(next, 'sequences', (model.sequences ?? []).filter((s) => !doomedSeqs.has(s.id)));
  const layouts = tableLayouts(next);
  if (Object.keys(layouts).some((id) => doomed.has(id))) {
    const kept: Record<string, TableLayout> = {};
    for (const [id, l] of Object.entries(layouts)) if (!doomed.has(id)) kept[id] = l;
    next = setLayoutPart(next, 'tables', kept);
  }
  return done(next);
}

/** moveTables sets positions of several tables at once (one drag of a selection is one command). */
export function moveTables(model: Model, args: { positions: Readonly<Record<string, { x: number; y: number }>> }): CommandResult {
  const layouts = { ...tableLayouts(model) };
  for (const [id, p] of Object.entries(args.positions)) {
    if (!findTable(model, id)) return refuse('table-missing', `table ${id} does not exist`);
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return refuse('bad-position', 'position must be finite numbers');
    layouts[id] = { ...(layouts[id] ?? {}), x: Math.round(p.x), y: Math.round(p.y) };
  }
  return done(setLayoutPart(model, 'tables', layouts));
}

export function setTableLayout(model: Model, args: { tableIds: readonly string[]; color?: string | null; collapsed?: boolean }): CommandResult {
  const layouts = { ...tableLayouts(model) };
  for (const id of args.tableIds) {
    if (!findTable(model, id)) return refuse('table-missing', `table ${id} does not exist`);
    let l: TableLayout = layouts[id] ?? { x: 0, y: 0 };
    if (args.color !== undefined) l = withOptional(l, 'color', args.color ?? undefined);
    if (args.collapsed !== undefined) l = withOptional(l, 'collapsed', args.collapsed || undefined);
    layouts[id] = l;
  }
  return done(setLayoutPart(model, 'tables', layouts));
}
