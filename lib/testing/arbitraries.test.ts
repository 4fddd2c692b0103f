import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ModelSchema, type Model } from '../model/schema';
import { loadSqlParser } from '../model/expression';
import { validate } from '../model/validate';
import { arbModel, arbModelSmall } from './arbitraries';
import { byteLength } from './arbitrary-names';

function allNames(model: Model): string[] {
  const names: string[] = [...model.schemas.map((s) => s.name), ...(model.enums ?? []).map((e) => e.name), ...(model.sequences ?? []).map((s) => s.name)];
  for (const t of model.tables) {
    names.push(t.name, ...t.columns.map((c) => c.name), ...(t.indexes ?? []).map((i) => i.name), ...(t.foreignKeys ?? []).map((f) => f.name));
  }
  return names;
}

beforeAll(() => loadSqlParser());

describe('arbModel', () => {
  it('produces models validate finds no errors in (target 15 and 18; target 13 with the option)', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      for (const target of [15, 18]) expect(validate(model, { target }).filter((f) => f.severity === 'error')).toEqual([]);
    }), { numRuns: 150 });
    fc.assert(fc.property(arbModel({ target: 13 }), (model) => {
      expect(validate(model, { target: 13 }).filter((f) => f.severity === 'error')).toEqual([]);
    }), { numRuns: 50 });
  });

  it('produces models that pass ModelSchema.parse', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      ModelSchema.parse(model);
    }), { numRuns: 200 });
  });

  it('keeps names between 1 and 63 bytes', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      for (const name of allNames(model)) {
        expect(byteLength(name)).toBeGreaterThan(0);
        expect(byteLength(name)).toBeLessThanOrEqual(63);
      }
    }), { numRuns: 100 });
  });

  it('covers the features the compile tests rely on', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(arbModel(), (model) => {
      for (const name of allNames(model)) if (byteLength(name) === 63) seen.add('63-byte name');
      for (const t of model.tables) {
        if (t.partitionBy) seen.add(`partition ${t.partitionBy.strategy}`);
        if (t.primaryKey && t.primaryKey.columnIds.length > 1) seen.add('composite pk');
        if (t.policies?.length) seen.add('policy');
        for (const c of t.columns) {
          if (c.identity) seen.add('identity');
          if (c.generated) seen.add('generated');
          if (c.sequenceId) seen.add('serial');
          if (c.type.array) seen.add('array');
          if (c.type.kind === 'enum') seen.add('enum column');
          if (c.type.kind === 'custom') seen.add('citext');
        }
        for (const i of t.indexes ?? []) seen.add(`index ${i.method ?? 'btree'}`);
        for (const f of t.foreignKeys ?? []) if (f.refTableId === t.id) seen.add('self fk');
        for (const u of t.uniques ?? []) if (u.nullsNotDistinct) seen.add('nulls not distinct');
      }
    }), { numRuns: 300 });
    expect([...seen].sort()).toEqual([
      '63-byte name', 'array', 'citext', 'composite pk', 'enum column', 'generated', 'identity',
      'index brin', 'index btree', 'index gin', 'index gist', 'index hash', 'index spgist',
      'nulls not distinct', 'partition hash', 'partition list', 'partition range', 'policy', 'self fk', 'serial',
    ]);
  });

  it('respects the size knobs and the target', () => {
    fc.assert(fc.property(arbModel({ minTables: 4, maxTables: 4, partitions: false, target: 13 }), (model) => {
      expect(model.tables.length).toBe(4);
      for (const t of model.tables) for (const u of t.uniques ?? []) expect(u.nullsNotDistinct).toBeUndefined();
      for (const t of model.tables) for (const c of t.columns) expect(c.type.kind === 'builtin' && c.type.name.includes('multirange')).toBe(false);
    }), { numRuns: 50 });
    fc.assert(fc.property(arbModelSmall(), (model) => {
      expect(model.tables.filter((t) => !t.partitionOf).length).toBeLessThanOrEqual(3);
    }), { numRuns: 50 });
  });
});
