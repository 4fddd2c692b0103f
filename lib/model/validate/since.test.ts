/**
 * validateParsedSince (a delta save's validation: the text rule skips the tables shared with an
 * already validated base) must find exactly what validateParsed finds: on random models, with
 * unstorable text planted in random strings of the base and of the edit, and random edits of any kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSqlParser } from '../expression';
import { arbModel } from '../../testing/arbitraries';
import { parseModel, validateParsed, validateParsedSince } from './index';
import { applyEdits, EDIT_KINDS, type Edit } from './random-edits';
import type { Model } from '../schema';

beforeAll(() => loadSqlParser());

const arbEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constantFrom(...EDIT_KINDS), at: fc.nat(), pick: fc.nat() });
const BAD = ['\u0000', '\ud800', '\udc00', 'x\u0000', '\ud83d\udc18'];
const arbPlant = fc.record({ at: fc.nat(), bad: fc.constantFrom(...BAD), key: fc.constantFrom(false, false, false, true), comment: fc.boolean() });
type Plant = { at: number; bad: string; key: boolean; comment: boolean };

/** plant appends, to a table's comment or anywhere, an unstorable (or, for a paired surrogate, storable) character to a string or key of the document. */
function plant(doc: Record<string, unknown>, plants: readonly Plant[]): Record<string, unknown> {
  for (const p of plants) {
    const tables = doc['tables'];
    if (p.comment && Array.isArray(tables) && tables.length > 0) {
      // A table's comment, the autosave's usual change: the model stays well-formed.
      const t = tables[p.at % tables.length] as Record<string, unknown>;
      if (t !== null && typeof t === 'object') t['comment'] = `${typeof t['comment'] === 'string' ? t['comment'] : ''}${p.bad}`;
      continue;
    }
    const spots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach((x, i) => { if (typeof x === 'string') spots.push([v, i]); else walk(x); });
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (typeof x === 'string' || p.key) spots.push([v as Record<string, unknown>, k]); if (typeof x !== 'string') walk(x); }
    };
    walk(doc);
    if (spots.length === 0) continue;
    const [parent, k] = spots[p.at % spots.length]!;
    const value = (parent as Record<string | number, unknown>)[k];
    if (typeof value === 'string') (parent as Record<string | number, unknown>)[k] = value + p.bad;
    else if (!Array.isArray(parent) && typeof k === 'string') { delete parent[k]; parent[k + p.bad] = value; }
  }
  return doc;
}

const textErrors = (m: Model) => validateParsed(m).filter((f) => f.code === 'text-unstorable');

describe('validateParsedSince', () => {
  it('equals validateParsed for random edits (and planted unstorable text) of a base without text findings', () => {
    let skipped = 0;
    let planted = 0;
    fc.assert(fc.property(arbModel({ maxTables: 5 }), fc.array(arbPlant, { maxLength: 2 }), fc.array(arbEdit, { maxLength: 3 }), fc.array(arbPlant, { maxLength: 4 }),
      (model, basePlants, edits, editPlants) => {
        const base = parseModel(plant(JSON.parse(JSON.stringify(model)), basePlants));
        if (!base.ok || textErrors(base.model).length > 0) return; // the precondition: the base has none
        const edited = plant(applyEdits(base.model, edits), editPlants);
        const next = parseModel(edited, { reuse: base.model });
        if (!next.ok) return;
        const full = validateParsed(next.model);
        if (full.some((f) => f.code === 'text-unstorable')) planted++;
        skipped += next.model.tables.filter((t) => base.model.tables.includes(t)).length;
        expect(validateParsedSince(next.model, base.model)).toStrictEqual(full);
      }), { numRuns: 500 });
    // The property is about something: tables were skipped, and findings were made in the edited parts.
    expect(skipped).toBeGreaterThan(100);
    expect(planted).toBeGreaterThan(15);
  });

  it('finds unstorable text in a changed table and not in the shared ones', () => {
    fc.assert(fc.property(arbModel({ minTables: 2, maxTables: 5 }), fc.nat(), (model, n) => {
      const base = parseModel(JSON.parse(JSON.stringify(model)));
      if (!base.ok) throw new Error('arbitrary model not valid');
      const doc = JSON.parse(JSON.stringify(base.model)) as { tables: Record<string, unknown>[] };
      const changed = n % doc.tables.length;
      doc.tables[changed]!['comment'] = 'bad \u0000';
      const next = parseModel({ ...base.model, tables: base.model.tables.map((t, i) => i === changed ? doc.tables[i] : t) }, { reuse: base.model });
      if (!next.ok) throw new Error('comment edit made the model invalid');
      const found = validateParsedSince(next.model, base.model).filter((f) => f.code === 'text-unstorable');
      expect(found.map((f) => f.path)).toStrictEqual([`tables[${changed}].comment`]);
    }), { numRuns: 40 });
  });
});
