import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSqlParser } from '../expression';
import { arbModel } from '../../testing/arbitraries';
import { parseModel, validate, formatFinding, hasErrors } from './index';
import { baseModel, errors, expectClean, expectFinding } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('validate', () => {
  it('accepts the base fixture with no findings', () => {
    expectClean(baseModel());
  });

  it('never throws, whatever JSON value it gets', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const findings = validate(value);
      expect(Array.isArray(findings)).toBe(true);
      expect(hasErrors(findings)).toBe(true);
    }), { numRuns: 500 });
  });

  it('turns an exception inside validation into an internal-error finding', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, has() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
    expect(validate(hostile)).toEqual([expect.objectContaining({ code: 'internal-error', severity: 'error', path: '' })]);
  });

  it('never throws on models with random fields replaced', () => {
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
      if (value === null || typeof value !== 'object') return [prefix];
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
      return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
    };
    const all = paths(baseModel()).filter((p) => p.length > 0);
    fc.assert(fc.property(fc.constantFrom(...all), fc.anything(), (path, replacement) => {
      const model = baseModel() as unknown as Record<string | number, unknown>;
      let node = model;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1]!] = replacement;
      expect(Array.isArray(validate(model))).toBe(true);
    }), { numRuns: 1000 });
  });

  it('finds zero errors in random valid models (arbitraries)', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      const found = errors(validate(model, { target: 15 }));
      expect(found).toEqual([]);
    }), { numRuns: 150 });
  });

  it('rejects a target outside 13-18 and reads settings.targetVersion', () => {
    expectFinding(baseModel(), 'target-unsupported', '', { target: 12 });
    const m = baseModel();
    m.tables[0]!.uniques![0]!.nullsNotDistinct = true;
    m.settings = { targetVersion: 14 };
    expectFinding(m, 'version-feature', 'tables[0].uniques[0].nullsNotDistinct');
    expect(validate(m, { target: 15 })).toEqual([]);
  });

  it('formats findings as path: message', () => {
    expect(formatFinding({ code: 'name-empty', severity: 'error', message: 'name is empty', path: 'tables[0].name' })).toBe('tables[0].name: name is empty');
    expect(formatFinding({ code: 'comment-empty', severity: 'warning', message: 'x', path: '' })).toBe('(model): warning: x');
  });
});

describe('parseModel and shape findings', () => {
  it('parses JSON text and returns the typed model', () => {
    const result = parseModel(JSON.stringify(baseModel()));
    expect(result.ok && result.model.tables.length).toBe(5);
  });

  it('names the JSON error position', () => {
    const result = parseModel('{\n  "format": 1,\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.findings[0]!.code).toBe('invalid-json');
      expect(result.findings[0]!.message).toMatch(/line 3, column 3/);
    }
  });

  it('maps zod issues to JSON paths with the id of the object', () => {
    const m = baseModel() as unknown as { tables: { columns: Record<string, unknown>[] }[] };
    m.tables[1]!.columns[2]!['name'] = 42;
    m.tables[0]!.columns[0]!['colour'] = 'red';
    const findings = validate(m);
    expect(findings).toContainEqual({ code: 'shape', severity: 'error', message: 'expected string, received number', path: 'tables[1].columns[2].name', id: 'col_posts_title' });
    expect(findings).toContainEqual({ code: 'shape', severity: 'error', message: 'unknown field "colour"', path: 'tables[0].columns[0]', id: 'col_users_id' });
  });

  it('explains a wrong column type kind', () => {
    const m = baseModel() as unknown as { tables: { columns: { type: unknown }[] }[] };
    m.tables[0]!.columns[0]!.type = { kind: 'domain', name: 'x' };
    const f = validate(m).find((x) => x.path.startsWith('tables[0].columns[0].type'));
    expect(f?.message).toMatch(/kind/);
  });

  it('quotes odd keys in JSON paths', () => {
    const m = baseModel() as unknown as Record<string, unknown>;
    m['layout'] = { tables: { 'a b': { x: 'left', y: 0 } } };
    expect(validate(m)).toContainEqual(expect.objectContaining({ code: 'shape', path: 'layout.tables["a b"].x' }));
  });

  it('caps the number of shape findings', () => {
    const m = { format: 1, schemas: [], tables: Array.from({ length: 300 }, () => ({ id: 1 })) };
    const findings = validate(m);
    expect(findings.length).toBe(101);
    expect(findings[100]!.message).toMatch(/more shape problems not shown/);
  });
});
