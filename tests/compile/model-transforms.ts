/** Model rewrites for the convergence tests: disjoint ids, and renaming every named object. */
import type { Model } from '@/lib/model';

const ID_KEYS = new Set(['id', 'schemaId', 'enumId', 'tableId', 'columnId', 'parentId', 'refTableId', 'sequenceId']);
const ID_LIST_KEYS = new Set(['columnIds', 'refColumnIds', 'include']);

/** prefixIds gives every id (and reference) a prefix, except the public schema and extensions, so two random models share no objects. */
export function prefixIds(model: Model, prefix: string): Model {
  const keep = new Set<string>(model.schemas.filter((s) => s.name === 'public').map((s) => s.id));
  for (const e of model.extensions ?? []) keep.add(e.id);
  const map = (id: string) => (keep.has(id) ? id : `${prefix}${id}`);
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => (key && ID_LIST_KEYS.has(key) && typeof v === 'string' ? map(v) : walk(v)));
    if (value === null || typeof value !== 'object') return key && ID_KEYS.has(key) && typeof value === 'string' ? map(value) : value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'layout' ? undefined : walk(v, k);
    return out;
  };
  return JSON.parse(JSON.stringify(walk(model))) as Model;
}

/** Reversing code points keeps names unique and within 63 bytes. */
function reversed(name: string): string {
  return Array.from(name).reverse().join('');
}

/**
 * renameAll renames schemas (not public), tables, enums, sequences, constraints, indexes and policies.
 * Columns and enum labels keep their names: user expressions refer to them by name.
 */
export function renameAll(model: Model): Model {
  const m = structuredClone(model);
  for (const s of m.schemas) if (s.name !== 'public') s.name = reversed(s.name);
  for (const e of m.enums ?? []) e.name = reversed(e.name);
  for (const s of m.sequences ?? []) s.name = reversed(s.name);
  for (const t of m.tables) {
    t.name = reversed(t.name);
    if (t.primaryKey) t.primaryKey.name = reversed(t.primaryKey.name);
    for (const x of [...(t.uniques ?? []), ...(t.checks ?? []), ...(t.foreignKeys ?? []), ...(t.indexes ?? []), ...(t.policies ?? [])]) x.name = reversed(x.name);
  }
  return m;
}
