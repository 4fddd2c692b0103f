/**
 * parseModel's `reuse` (tables equal to the previous model's are not parsed again) must change
 * nothing but the time: on random valid models and random edits of them (valid or not, in any way)
 * the result, findings and their order included, equals a plain parseModel, and so does validation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSqlParser } from '../expression';
import { ModelSchema } from '../schema';
import { arbModel } from '../../testing/arbitraries';
import { parseModel, sameJson, validate, validateParsed } from './index';
import { applyEdits, EDIT_KINDS, type Edit } from './random-edits';

beforeAll(() => loadSqlParser());

const arbEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constantFrom(...EDIT_KINDS), at: fc.nat(), pick: fc.nat() });
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('parseModel with reuse', () => {
  it('the schema returns valid input as it is (what makes reusing a table by JSON equality sound)', () => {
    fc.assert(fc.property(arbModel({ maxTables: 4 }), (model) => {
      const input = json(model);
      expect(ModelSchema.parse(input)).toStrictEqual(input);
    }), { numRuns: 60 });
  });

  it('equals plain parseModel and validate on random edits of random models', () => {
    fc.assert(fc.property(arbModel({ maxTables: 4 }), fc.array(arbEdit, { minLength: 0, maxLength: 3 }), (model, edits) => {
      const previous = parseModel(json(model));
      expect(previous.ok).toBe(true);
      if (!previous.ok) return;
      const edited = applyEdits(model, edits);
      const plain = parseModel(edited);
      const reused = parseModel(edited, { reuse: previous.model });
      expect(reused).toStrictEqual(plain);
      if (plain.ok && reused.ok) expect(validateParsed(reused.model)).toStrictEqual(validate(edited));
    }), { numRuns: 300 });
  });

  it('reuses the previous table objects for tables that did not change', () => {
    fc.assert(fc.property(arbModel({ minTables: 2, maxTables: 4 }), fc.nat(), (model, n) => {
      const previous = parseModel(json(model));
      if (!previous.ok) throw new Error('arbitrary model not valid');
      const edited = applyEdits(model, [{ kind: 'comment', at: n, pick: n }]);
      const reused = parseModel(edited, { reuse: previous.model });
      if (!reused.ok) throw new Error('comment edit made the model invalid');
      const changed = n % model.tables.length;
      reused.model.tables.forEach((t, i) => expect(t === previous.model.tables[i]).toBe(i !== changed));
    }), { numRuns: 40 });
  });

  it('sameJson compares JSON values, not objects that merely look alike', () => {
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson(new Date(0), {})).toBe(false);
    expect(sameJson(new Map(), {})).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson(JSON.parse('{"__proto__": 1}'), {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
