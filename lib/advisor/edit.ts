/**
 * Helpers fixes use to build the next model: copy, change, return. The input model is never mutated,
 * so the editor can keep it for undo.
 */
import { shortHash, truncateUtf8, utf8ByteLength, type Column, type Model, type Table } from '@/lib/model';
import { MAX_NAME_BYTES } from '@/lib/model/validate/names';
import type { Fix } from './types';

export function edit(model: Model, change: (draft: Model) => void): Model {
  const draft = structuredClone(model);
  change(draft);
  return draft;
}

export function editTable(model: Model, tableId: string, change: (table: Table, draft: Model) => void): Model {
  return edit(model, (draft) => {
    const table = draft.tables.find((t) => t.id === tableId);
    if (table) change(table, draft);
  });
}

export function editColumn(model: Model, tableId: string, columnId: string, change: (column: Column, table: Table, draft: Model) => void): Model {
  return editTable(model, tableId, (table, draft) => {
    const column = table.columns.find((c) => c.id === columnId);
    if (column) change(column, table, draft);
  });
}

/** fitName joins parts with `_` and keeps the result within 63 bytes (cut + hash when longer). */
export function fitName(...parts: string[]): string {
  const full = parts.join('_');
  if (utf8ByteLength(full) <= MAX_NAME_BYTES) return full;
  return `${truncateUtf8(full, MAX_NAME_BYTES - 7)}_${shortHash(full)}`;
}

/** relationNames: names that share the relation namespace of a schema (tables, indexes, sequences, key indexes). */
export function relationNames(model: Model, schemaId: string): Set<string> {
  const taken = new Set<string>();
  for (const t of model.tables) {
    if (t.schemaId !== schemaId) continue;
    taken.add(t.name);
    for (const i of t.indexes ?? []) taken.add(i.name);
    for (const u of t.uniques ?? []) taken.add(u.name);
    if (t.primaryKey) taken.add(t.primaryKey.name);
  }
  for (const s of model.sequences ?? []) if (s.schemaId === schemaId) taken.add(s.name);
  return taken;
}

/** constraintNames: names of a table's constraints (they must differ within the table). */
export function constraintNames(table: Table): Set<string> {
  return new Set([table.primaryKey?.name, ...(table.uniques ?? []).map((u) => u.name), ...(table.checks ?? []).map((c) => c.name), ...(table.foreignKeys ?? []).map((f) => f.name)].filter((n): n is string => n !== undefined));
}

export function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = fitName(base);
  for (let i = 2; taken.has(name); i++) name = fitName(base, String(i));
  return name;
}

/** derivedId makes a deterministic new id from a prefix and an existing id (ids are at most 64 characters). */
export function derivedId(prefix: string, base: string, model: Model): string {
  const used = JSON.stringify(model);
  let id = `${prefix}_${base}`.slice(0, 57);
  if (id.length < `${prefix}_${base}`.length) id = `${id}_${shortHash(base)}`;
  for (let i = 2; used.includes(`"${id}"`); i++) id = `${id.slice(0, 60)}_${i}`;
  return id;
}

/**
 * addIndexFix: the fix that adds a plain btree index on columns of a table, named
 * <table>_<columns>_idx (free among the schema's relations) with an id derived from idBase.
 */
export function addIndexFix(table: Table, columnIds: readonly string[], columnNames: readonly string[], idPrefix: string, idBase: string): Fix {
  return {
    title: `Add an index on ${table.name} (${columnNames.join(', ')})`,
    apply: (model) => editTable(model, table.id, (t, draft) => {
      const name = freeName(fitName(t.name, ...columnNames, 'idx'), relationNames(draft, t.schemaId));
      (t.indexes ??= []).push({ id: derivedId(idPrefix, idBase, draft), name, elements: columnIds.map((columnId) => ({ columnId })) });
    }),
  };
}
