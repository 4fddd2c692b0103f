/**
 * The delta a PATCH sends: applyModelDelta(saved, diffModel(saved, current)) is `current` as JSON for
 * random models and random edits (with the structural sharing the editor's commands give, and
 * without it), and deltas that do not fit their base are refused with a message.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbModel } from '@/lib/testing/arbitraries';
import { sameJson } from '@/lib/model/validate';
import { applyEdits, EDIT_KINDS, type Edit } from '@/lib/model/validate/random-edits';
import { applyModelDelta, DELTA_COLLECTIONS, diffModel } from './model-delta';

const arbEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constantFrom(...EDIT_KINDS), at: fc.nat(), pick: fc.nat() });

/** share puts back the saved objects that an edit left equal, as the editor's structural sharing does. */
function share(saved: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...edited };
  for (const key of Object.keys(out)) {
    if (sameJson(out[key], saved[key])) { out[key] = saved[key]; continue; }
    if (!(DELTA_COLLECTIONS as readonly string[]).includes(key) || !Array.isArray(out[key]) || !Array.isArray(saved[key])) continue;
    const before = new Map((saved[key] as { id?: unknown }[]).map((o) => [o?.id, o]));
    out[key] = (out[key] as { id?: unknown }[]).map((o) => (before.has(o?.id) && sameJson(o, before.get(o?.id)) ? before.get(o?.id) : o));
  }
  return out;
}

describe('model delta', () => {
  it('apply(saved, diff(saved, current)) equals current, for random edits with and without shared objects', () => {
    fc.assert(fc.property(arbModel({ maxTables: 5 }), fc.array(arbEdit, { minLength: 0, maxLength: 4 }), fc.boolean(), (model, edits, shared) => {
      const saved = structuredClone(model) as unknown as Record<string, unknown>;
      const edited = applyEdits(saved, edits);
      const current = shared ? share(saved, edited) : edited;
      const delta = diffModel(saved, current);
      const applied = applyModelDelta(saved, JSON.parse(JSON.stringify(delta)));
      expect(applied.ok).toBe(true);
      if (applied.ok) expect(sameJson(applied.model, JSON.parse(JSON.stringify(current)))).toBe(true);
    }), { numRuns: 300 });
  });

  it('sends only the changed objects, removals and a new order', () => {
    const a = { id: 'a', name: 'a' };
    const b = { id: 'b', name: 'b' };
    const c = { id: 'c', name: 'c' };
    const saved = { format: 1, schemas: [], tables: [a, b, c], layout: { tables: {} } };
    const b2 = { ...b, comment: 'x' };
    expect(diffModel(saved, { ...saved, tables: [a, b2, c] })).toEqual({ changes: { tables: { put: [b2] } } });
    expect(diffModel(saved, { ...saved, tables: [c, a] })).toEqual({ changes: { tables: { remove: ['b'], order: ['c', 'a'] } } });
    const d = { id: 'd' };
    expect(diffModel(saved, { ...saved, tables: [a, b, c, d] })).toEqual({ changes: { tables: { put: [d] } } });
    expect(diffModel(saved, { ...saved, name: 'n', layout: undefined })).toEqual({ set: { name: 'n' }, unset: ['layout'] });
    expect(diffModel(saved, saved)).toEqual({});
  });

  it('refuses deltas that do not fit the stored model, saying why', () => {
    const base = { format: 1, schemas: [], tables: [{ id: 'a' }, { id: 'b' }] };
    const refused = (delta: unknown) => {
      const r = applyModelDelta(base, delta);
      expect(r.ok, JSON.stringify(delta)).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(refused([])).toMatch(/must be an object/);
    expect(refused({ changes: { tables: { remove: ['zz'] } } })).toMatch(/no "zz"/);
    expect(refused({ changes: { tables: { put: [{ name: 'no id' }] } } })).toMatch(/put\[0\].*"id"/);
    expect(refused({ changes: { tables: { put: [{ id: 'a' }], remove: ['a'] } } })).toMatch(/more than once/);
    expect(refused({ changes: { tables: { order: ['a'] } } })).toMatch(/every id/);
    expect(refused({ changes: { tables: { order: ['a', 'a'] } } })).toMatch(/every id/);
    expect(refused({ changes: { layout: {} } })).toMatch(/not a collection/);
    expect(refused({ changes: { tables: {} }, set: { tables: [] } })).toMatch(/more than once/);
    expect(refused({ changes: { tables: { put: {} } } })).toMatch(/array/);
    expect(refused({ model: {} })).toMatch(/unknown field "model"/);
    expect(applyModelDelta(base, { changes: { tables: { put: [{ id: 'c' }], order: ['c', 'b', 'a'] } } })).toEqual({ ok: true, changed: 2, model: { format: 1, schemas: [], tables: [{ id: 'c' }, { id: 'b' }, { id: 'a' }] } });
    // The base is never modified.
    expect(base.tables).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
