/**
 * Copy and paste of tables, within a project or between projects. The clipboard holds plain JSON with
 * the tables and what they need (schemas, enums, sequences by name). Paste gives every object a fresh
 * id, keeps names when free (else `_2`, ...), re-targets foreign keys inside the copy, keeps those whose
 * target exists in the destination, and drops the rest. Duplicate is copy + paste in one command.
 */
import { newId } from '@/lib/model/ids';
import type { Enum, Model, Schema, Sequence, Table } from '@/lib/model';
import { freeName, namesInSchema, uniqueTableName } from '../names';
import { setLayoutPart, tableLayouts, type TableLayout } from './access';
import { done, refuse, type CommandResult } from './result';

export const CLIPBOARD_KIND = 'pgcanvas/tables';

export interface ClipboardPayload {
  readonly kind: typeof CLIPBOARD_KIND;
  readonly version: 1;
  readonly schemas: Schema[];
  readonly enums: Enum[];
  readonly sequences: Sequence[];
  readonly tables: Table[];
  readonly layout: Record<string, TableLayout>;
}

export function copyTables(model: Model, tableIds: readonly string[]): ClipboardPayload {
  const ids = new Set(tableIds);
  const tables = model.tables.filter((t) => ids.has(t.id));
  const schemaIds = new Set(tables.map((t) => t.schemaId));
  const enumIds = new Set(tables.flatMap((t) => t.columns.flatMap((c) => (c.type.kind === 'enum' ? [c.type.enumId] : []))));
  const seqIds = new Set(tables.flatMap((t) => t.columns.flatMap((c) => (c.sequenceId ? [c.sequenceId] : []))));
  const enums = (model.enums ?? []).filter((e) => enumIds.has(e.id));
  for (const e of enums) schemaIds.add(e.schemaId);
  const layouts = tableLayouts(model);
  return {
    kind: CLIPBOARD_KIND, version: 1,
    schemas: model.schemas.filter((s) => schemaIds.has(s.id)),
    enums,
    sequences: (model.sequences ?? []).filter((s) => seqIds.has(s.id)),
    tables,
    layout: Object.fromEntries(tables.filter((t) => layouts[t.id]).map((t) => [t.id, layouts[t.id]!])),
  };
}

/** parseClipboard accepts text from the system clipboard; anything else is not ours. */
export function parseClipboard(text: string): ClipboardPayload | undefined {
  try {
    const data = JSON.parse(text) as Partial<ClipboardPayload>;
    if (data && data.kind === CLIPBOARD_KIND && data.version === 1 && Array.isArray(data.tables)) return data as ClipboardPayload;
  } catch { /* not JSON: not ours */ }
  return undefined;
}

export function pasteTables(model: Model, args: { payload: ClipboardPayload; offset?: { x: number; y: number } }): CommandResult {
  const p = args.payload;
  if (p.tables.length === 0) return refuse('empty-clipboard', 'the clipboard holds no tables');
  let next = model;
  const schemaMap = new Map<string, string>();
  for (const s of p.schemas) {
    const found = next.schemas.find((x) => x.name === s.name);
    if (found) schemaMap.set(s.id, found.id);
    else { const id = newId('sch'); next = { ...next, schemas: [...next.schemas, { id, name: s.name }] }; schemaMap.set(s.id, id); }
  }
  const schemaOf = (id: string) => schemaMap.get(id) ?? next.schemas.find((s) => s.name === 'public')?.id ?? next.schemas[0]!.id;
  const enumMap = new Map<string, string>();
  for (const e of p.enums) {
    const sid = schemaOf(e.schemaId);
    const found = (next.enums ?? []).find((x) => x.schemaId === sid && x.name === e.name);
    if (found) enumMap.set(e.id, found.id);
    else { const id = newId('enum'); next = { ...next, enums: [...(next.enums ?? []), { ...e, id, schemaId: sid }] }; enumMap.set(e.id, id); }
  }
  const ids = new Map<string, string>();
  const fresh = (old: string, prefix: string) => { const id = newId(prefix); ids.set(old, id); return id; };
  for (const t of p.tables) { fresh(t.id, 'tbl'); for (const c of t.columns) fresh(c.id, 'col'); }
  const map = (id: string) => ids.get(id) ?? id;
  const existingTables = new Set(next.tables.map((t) => t.id));
  const created: string[] = [];
  const layouts = { ...tableLayouts(next) };
  const off = args.offset ?? { x: 40, y: 40 };
  for (const t of p.tables) {
    const schemaId = schemaOf(t.schemaId);
    const name = uniqueTableName(next, schemaId, t.name);
    const taken = namesInSchema(next, schemaId);
    taken.add(name);
    const rename = (old: string) => freeName(old.startsWith(t.name) ? name + old.slice(t.name.length) : old, taken);
    const seqs: Sequence[] = [];
    const table: Table = {
      ...structuredClone(t), id: map(t.id), schemaId, name,
      columns: t.columns.map((c) => {
        const col = { ...structuredClone(c), id: map(c.id) };
        if (col.type.kind === 'enum') col.type = { ...col.type, enumId: enumMap.get(col.type.enumId) ?? col.type.enumId };
        if (c.sequenceId) {
          const seq = p.sequences.find((s) => s.id === c.sequenceId);
          if (seq) { const sid = newId('seq'); seqs.push({ ...seq, id: sid, schemaId, name: rename(seq.name), ownedBy: seq.ownedBy ? { tableId: map(seq.ownedBy.tableId), columnId: map(seq.ownedBy.columnId) } : undefined }); col.sequenceId = sid; }
          else if (!(next.sequences ?? []).some((s) => s.id === c.sequenceId)) delete col.sequenceId;
        }
        return col;
      }),
    };
    if (t.primaryKey) table.primaryKey = { ...t.primaryKey, id: newId('pk'), name: rename(t.primaryKey.name), columnIds: t.primaryKey.columnIds.map(map) };
    if (t.uniques) table.uniques = t.uniques.map((u) => ({ ...u, id: newId('uni'), name: rename(u.name), columnIds: u.columnIds.map(map) }));
    if (t.checks) table.checks = t.checks.map((c) => ({ ...c, id: newId('chk'), name: rename(c.name) }));
    if (t.indexes) table.indexes = t.indexes.map((ix) => ({ ...structuredClone(ix), id: newId('idx'), name: rename(ix.name), elements: ix.elements.map((e) => (e.columnId ? { ...e, columnId: map(e.columnId) } : e)), ...(ix.include ? { include: ix.include.map(map) } : {}) }));
    if (t.policies) table.policies = t.policies.map((po) => ({ ...po, id: newId('pol') }));
    const fks = (t.foreignKeys ?? []).filter((fk) => ids.has(fk.refTableId) || existingTables.has(fk.refTableId));
    if (fks.length) table.foreignKeys = fks.map((fk) => ({ ...fk, id: newId('fk'), name: rename(fk.name), columnIds: fk.columnIds.map(map), refTableId: map(fk.refTableId), refColumnIds: fk.refColumnIds.map(map) }));
    else delete table.foreignKeys;
    if (t.partitionBy) table.partitionBy = { ...t.partitionBy, keys: t.partitionBy.keys.map((k) => (k.columnId ? { ...k, columnId: map(k.columnId) } : k)) };
    if (t.partitionOf) {
      if (ids.has(t.partitionOf.parentId) || existingTables.has(t.partitionOf.parentId)) table.partitionOf = { ...t.partitionOf, parentId: map(t.partitionOf.parentId) };
      else delete table.partitionOf;
    }
    next = { ...next, tables: [...next.tables, table], ...(seqs.length ? { sequences: [...(next.sequences ?? []), ...seqs] } : {}) };
    const l = p.layout[t.id] ?? { x: 0, y: 0 };
    layouts[table.id] = { ...l, x: l.x + off.x, y: l.y + off.y };
    created.push(table.id);
  }
  return done(setLayoutPart(next, 'tables', layouts), created);
}


export function duplicateTables(model: Model, args: { tableIds: readonly string[] }): CommandResult {
  if (args.tableIds.length === 0) return refuse('nothing-selected', 'select a table to duplicate');
  return pasteTables(model, { payload: copyTables(model, args.tableIds), offset: { x: 60, y: 60 } });
}
