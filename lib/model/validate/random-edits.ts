/**
 * Random edits of a model's JSON for property tests: what an editor, a buggy client or a hostile one
 * may send next after a model it loaded. Each edit picks a place anywhere in the document and
 * replaces the value there (often with one taken from elsewhere in the model, which makes duplicate
 * names, dangling or swapped references), removes it, adds an unknown field, duplicates an array
 * element or swaps two tables. The result may be valid or not, in any way. Test-only (the
 * fast-check arbitrary is built in the tests from EDIT_KINDS).
 */
type Json = unknown;
type Path = readonly (string | number)[];

const VALUES: readonly Json[] = [
  '', 'x', 'id', 'public', 'now()', 'amount >= (', 'gen_random_uuid()', 'text', 'builtin', 'enum', 'custom', 'btree', 'gin',
  'a'.repeat(64), 'é'.repeat(32), 'FOR VALUES IN (1)', 0, -1, 1.5, 63, 1e21, true, false, null, {}, [],
];

export interface Edit {
  readonly kind: 'replace' | 'copy' | 'remove' | 'unknown-field' | 'duplicate' | 'swap-tables' | 'comment';
  /** Which place (index into the document's places, modulo their number). */
  readonly at: number;
  /** Which value or which other place (modulo). */
  readonly pick: number;
}

export const EDIT_KINDS: readonly Edit['kind'][] = ['replace', 'copy', 'copy', 'remove', 'unknown-field', 'duplicate', 'swap-tables', 'comment', 'comment'];

function places(value: Json, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) value.forEach((v, i) => { out.push([...path, i]); places(v, [...path, i], out); });
    else for (const [k, v] of Object.entries(value)) { out.push([...path, k]); places(v, [...path, k], out); }
  }
  return out;
}

function at(doc: Json, path: Path): Json {
  let node = doc;
  for (const key of path) node = (node as Record<string | number, Json>)[key];
  return node;
}

/** applyEdits edits a deep copy of `model` (plain JSON) and returns it. */
export function applyEdits(model: unknown, edits: readonly Edit[]): Record<string, unknown> {
  const doc = structuredClone(model) as Record<string, unknown>;
  for (const edit of edits) {
    const all = places(doc);
    if (all.length === 0) break;
    const path = all[edit.at % all.length]!;
    const parent = at(doc, path.slice(0, -1)) as Record<string | number, Json>;
    const key = path[path.length - 1]!;
    switch (edit.kind) {
      case 'replace': parent[key] = structuredClone(VALUES[edit.pick % VALUES.length]); break;
      case 'copy': parent[key] = structuredClone(at(doc, all[edit.pick % all.length]!)); break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'unknown-field': {
        const target = at(doc, path);
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[`extra${edit.pick % 3}`] = 1;
        break;
      }
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
        break;
      case 'swap-tables': {
        const tables = doc['tables'];
        if (Array.isArray(tables) && tables.length > 1) {
          const i = edit.at % tables.length;
          const j = edit.pick % tables.length;
          [tables[i], tables[j]] = [tables[j], tables[i]];
        }
        break;
      }
      case 'comment': {
        // The common autosave: one table's comment changes.
        const tables = doc['tables'];
        if (Array.isArray(tables) && tables.length > 0) {
          const t = tables[edit.at % tables.length];
          if (t !== null && typeof t === 'object' && !Array.isArray(t)) (t as Record<string, Json>)['comment'] = `edit ${edit.pick}`;
        }
        break;
      }
    }
  }
  return doc;
}
