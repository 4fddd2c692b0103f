/**
 * A model delta: what PATCH /api/projects/:id/model sends instead of the whole document (see
 * docs/api.md). Per top-level collection of objects with ids (tables, enums, ...): objects put
 * (replaced in place, or appended when new), removed by id, and optionally the full id order; any
 * other top-level field set or unset whole. applyModelDelta turns (base model, delta) into the
 * resulting model as plain JSON, which then passes the same checkModel as a full save. Unchanged
 * objects stay the base's own objects, so parsing reuses them and jsonb-text reuses their text.
 *
 * A delta that does not fit its base (removing or ordering ids the base does not have, a field both
 * set and changed) is refused as a whole with a message; nothing is guessed.
 */

/** DELTA_COLLECTIONS are the top-level arrays whose items have stable ids. */
export const DELTA_COLLECTIONS = ['schemas', 'extensions', 'enums', 'sequences', 'tables', 'roles', 'sqlObjects'] as const;
export type DeltaCollection = (typeof DELTA_COLLECTIONS)[number];

export interface CollectionChange {
  put?: Record<string, unknown>[];
  remove?: string[];
  order?: string[];
}

export interface ModelDelta {
  changes?: Partial<Record<DeltaCollection, CollectionChange>>;
  set?: Record<string, unknown>;
  unset?: string[];
}

export type DeltaResult = { ok: true; model: Record<string, unknown>; changed: number } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCollection = (k: string): k is DeltaCollection => (DELTA_COLLECTIONS as readonly string[]).includes(k);

/** applyModelDelta applies `delta` (unchecked JSON) to `base` (a stored, valid model). */
export function applyModelDelta(base: Record<string, unknown>, delta: unknown): DeltaResult {
  const fail = (message: string): DeltaResult => ({ ok: false, message });
  if (!isObject(delta)) return fail('the body must be an object {"changes"?, "set"?, "unset"?}');
  for (const k of Object.keys(delta)) if (k !== 'changes' && k !== 'set' && k !== 'unset') return fail(`unknown field ${JSON.stringify(k)} (expected changes, set, unset)`);
  const { changes = {}, set = {}, unset = [] } = delta as Record<string, unknown>;
  if (!isObject(changes)) return fail('"changes" must be an object of collections');
  if (!isObject(set)) return fail('"set" must be an object of top-level fields');
  if (!Array.isArray(unset) || !unset.every((k) => typeof k === 'string')) return fail('"unset" must be an array of field names');
  const touched = new Set<string>();
  const claim = (key: string, where: string): string | undefined => {
    if (touched.has(key)) return `${JSON.stringify(key)} appears more than once (${where})`;
    touched.add(key);
    return undefined;
  };
  const model: Record<string, unknown> = { ...base };
  let changed = 0;
  for (const [key, change] of Object.entries(changes)) {
    if (!isCollection(key)) return fail(`changes.${key}: not a collection with ids (${DELTA_COLLECTIONS.join(', ')}); send it in "set"`);
    const dup = claim(key, 'changes');
    if (dup) return fail(dup);
    const current = base[key] ?? [];
    if (!Array.isArray(current)) return fail(`changes.${key}: the stored model has no such list`);
    const result = applyCollection(key, current, change);
    if (typeof result === 'string') return fail(result);
    model[key] = result.items;
    changed += result.changed;
  }
  for (const [key, value] of Object.entries(set)) {
    const dup = claim(key, 'set');
    if (dup) return fail(dup);
    model[key] = value;
    changed++;
  }
  for (const key of unset as string[]) {
    const dup = claim(key, 'unset');
    if (dup) return fail(dup);
    delete model[key];
    changed++;
  }
  return { ok: true, model, changed };
}

function applyCollection(key: string, items: unknown[], change: unknown): { items: unknown[]; changed: number } | string {
  const at = `changes.${key}`;
  if (!isObject(change)) return `${at} must be an object {"put"?, "remove"?, "order"?}`;
  for (const k of Object.keys(change)) if (k !== 'put' && k !== 'remove' && k !== 'order') return `${at}: unknown field ${JSON.stringify(k)}`;
  const { put = [], remove = [], order } = change;
  if (!Array.isArray(put)) return `${at}.put must be an array of objects with an "id"`;
  if (!Array.isArray(remove) || !remove.every((id) => typeof id === 'string')) return `${at}.remove must be an array of ids`;
  if (order !== undefined && (!Array.isArray(order) || !order.every((id) => typeof id === 'string'))) return `${at}.order must be an array of ids`;
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const id = isObject(item) ? item['id'] : undefined;
    if (typeof id === 'string' && !index.has(id)) index.set(id, i);
  });
  const named = new Set<string>();
  const out: (unknown | undefined)[] = items.slice();
  const removed = new Set<number>();
  for (const id of remove as string[]) {
    if (named.has(id)) return `${at}: id ${JSON.stringify(id)} appears more than once`;
    named.add(id);
    const i = index.get(id);
    if (i === undefined) return `${at}.remove: the stored model has no ${JSON.stringify(id)} (is the delta based on another version?)`;
    removed.add(i);
  }
  for (let n = 0; n < put.length; n++) {
    const item = put[n];
    const id = isObject(item) ? item['id'] : undefined;
    if (typeof id !== 'string') return `${at}.put[${n}] must be an object with a string "id"`;
    if (named.has(id)) return `${at}: id ${JSON.stringify(id)} appears more than once`;
    named.add(id);
    const i = index.get(id);
    if (i === undefined) out.push(item);
    else out[i] = item;
  }
  let result = removed.size === 0 ? out : out.filter((_, i) => !removed.has(i));
  if (order !== undefined) {
    const byId = new Map<string, unknown>();
    for (const item of result) {
      const id = (item as Record<string, unknown>)['id'];
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, item);
    }
    if (byId.size !== result.length) return `${at}.order: the list has items without an id or with a repeated id; send it whole in "set"`;
    if ((order as string[]).length !== result.length || new Set(order as string[]).size !== result.length || !(order as string[]).every((id) => byId.has(id))) {
      return `${at}.order must name every id of the resulting list exactly once (${result.length} ids)`;
    }
    result = (order as string[]).map((id) => byId.get(id));
  }
  return { items: result, changed: put.length + remove.length + (order ? 1 : 0) };
}

/**
 * diffModel is the delta that turns `saved` into `current` (the editor's autosave): collections are
 * compared per object by reference (edits return structurally shared models), so unchanged objects
 * are not sent; any other top-level field that changed is sent whole. applyModelDelta(saved, diff)
 * equals `current` as JSON.
 */
export function diffModel(saved: Record<string, unknown>, current: Record<string, unknown>): ModelDelta {
  const delta: ModelDelta = {};
  const keys = new Set([...Object.keys(saved), ...Object.keys(current)]);
  for (const key of keys) {
    const a = saved[key];
    const b = current[key];
    if (a === b) continue;
    if (b === undefined) {
      (delta.unset ??= []).push(key);
      continue;
    }
    if (isCollection(key) && Array.isArray(a) && Array.isArray(b)) {
      const change = diffCollection(a, b);
      if (change === undefined) (delta.set ??= {})[key] = b;
      else if (change.put || change.remove || change.order) (delta.changes ??= {})[key] = change;
      continue;
    }
    (delta.set ??= {})[key] = b;
  }
  return delta;
}

/** diffCollection is undefined when ids are missing or repeated (the caller then sends the list whole). */
function diffCollection(a: unknown[], b: unknown[]): CollectionChange | undefined {
  const ids = (list: unknown[]): Map<string, unknown> | undefined => {
    const m = new Map<string, unknown>();
    for (const item of list) {
      const id = isObject(item) ? item['id'] : undefined;
      if (typeof id !== 'string' || m.has(id)) return undefined;
      m.set(id, item);
    }
    return m;
  };
  const before = ids(a);
  const after = ids(b);
  if (!before || !after) return undefined;
  const change: CollectionChange = {};
  for (const [id, item] of after) if (before.get(id) !== item) (change.put ??= []).push(item as Record<string, unknown>);
  for (const id of before.keys()) if (!after.has(id)) (change.remove ??= []).push(id);
  // The order after applying put/remove: survivors in their old order, then new ids in `b`'s order.
  const expected = [...before.keys()].filter((id) => after.has(id));
  for (const id of after.keys()) if (!before.has(id)) expected.push(id);
  const wanted = [...after.keys()];
  if (expected.some((id, i) => id !== wanted[i])) change.order = wanted;
  return change;
}
