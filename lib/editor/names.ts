/**
 * PostgreSQL-style names for objects the editor creates (`<table>_pkey`, `<table>_<cols>_fkey`, ...).
 * PostgreSQL's own makeObjectName (lib/model/names.ts) fits the parts in 63 bytes; like
 * ChooseRelationName, a number is appended to the label until the name is free in its schema.
 */
import type { Model, Table } from '@/lib/model';

/** byteLength and truncateBytes are the model's UTF-8 name arithmetic, under the names callers use. */
export { utf8ByteLength as byteLength, truncateUtf8 as truncateBytes } from '@/lib/model/bytes';
import { truncateUtf8 as truncateBytes } from '@/lib/model/bytes';
import { makeObjectName, NAMEDATALEN } from '@/lib/model/names';
export { makeObjectName };

export const MAX_NAME_BYTES = NAMEDATALEN - 1;

/** namesInSchema collects every table, index and constraint name of one schema (one namespace for our purposes). */
export function namesInSchema(model: Model, schemaId: string, except?: Set<string>): Set<string> {
  const taken = new Set<string>();
  for (const t of model.tables) {
    if (t.schemaId !== schemaId) continue;
    taken.add(t.name);
    for (const o of objectsOf(t)) if (!except?.has(o.id)) taken.add(o.name);
  }
  for (const s of model.sequences ?? []) if (s.schemaId === schemaId) taken.add(s.name);
  return taken;
}

function objectsOf(t: Table): { id: string; name: string }[] {
  return [
    ...(t.primaryKey ? [t.primaryKey] : []),
    ...(t.uniques ?? []), ...(t.checks ?? []), ...(t.foreignKeys ?? []), ...(t.indexes ?? []),
  ];
}

/** chooseName returns makeObjectName(...) or the same with label1, label2, ... until it is not taken. */
export function chooseName(name1: string, name2: string | undefined, label: string, taken: Set<string>): string {
  let candidate = makeObjectName(name1, name2, label);
  for (let n = 1; taken.has(candidate); n++) candidate = makeObjectName(name1, name2, `${label}${n}`);
  taken.add(candidate);
  return candidate;
}

/** uniqueTableName returns base, or base_2, base_3, ... free among the schema's tables. */
export function uniqueTableName(model: Model, schemaId: string, base: string): string {
  const names = new Set(model.tables.filter((t) => t.schemaId === schemaId).map((t) => t.name));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${truncateBytes(base, MAX_NAME_BYTES - String(n).length - 1)}_${n}`;
    if (!names.has(candidate)) return candidate;
  }
}

/** uniqueColumnName returns base, or base_2, ... free among the given column names. */
export function uniqueColumnName(existing: Iterable<string>, base: string): string {
  const names = new Set(existing);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${truncateBytes(base, MAX_NAME_BYTES - String(n).length - 1)}_${n}`;
    if (!names.has(candidate)) return candidate;
  }
}

/** freeName returns base (cut to 63 bytes), or base1, base2, ... when taken; marks the result taken. */
export function freeName(base: string, taken: Set<string>): string {
  let name = truncateBytes(base, MAX_NAME_BYTES);
  for (let n = 1; taken.has(name); n++) name = `${truncateBytes(base, MAX_NAME_BYTES - String(n).length)}${n}`;
  taken.add(name);
  return name;
}
