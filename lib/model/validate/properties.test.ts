/**
 * Property tests: random valid models (lib/testing/arbitraries) broken in one specific way must
 * produce exactly the finding for that breakage, at the right path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSqlParser } from '../expression';
import type { Model, Table } from '../schema';
import { arbModel } from '../../testing/arbitraries';
import { validate, type FindingCode } from './index';

beforeAll(() => loadSqlParser());

interface Mutation {
  readonly name: string;
  /** applies the mutation; returns the expected code and path, or undefined when the model has no place for it. */
  readonly apply: (m: Model) => { code: FindingCode; path: string } | undefined;
}

const ordinary = (m: Model): [Table, number][] => m.tables.map((t, i) => [t, i] as [Table, number]).filter(([t]) => !t.partitionOf);

const MUTATIONS: Mutation[] = [
  { name: 'empty table name', apply: (m) => { m.tables[0]!.name = ''; return { code: 'name-empty', path: 'tables[0].name' }; } },
  { name: '64-byte column name', apply: (m) => {
    const found = ordinary(m).find(([t]) => t.columns.length > 0);
    if (!found) return undefined;
    found[0].columns[0]!.name = `${'é'.repeat(32)}`;
    return { code: 'name-too-long', path: `tables[${found[1]}].columns[0].name` };
  } },
  { name: 'duplicate table name in a schema', apply: (m) => {
    const t = m.tables.find((x, i) => m.tables.some((y, j) => j > i && y.schemaId === x.schemaId));
    if (!t) return undefined;
    const j = m.tables.findIndex((y) => y !== t && y.schemaId === t.schemaId && m.tables.indexOf(y) > m.tables.indexOf(t));
    m.tables[j]!.name = t.name;
    return { code: 'name-duplicate', path: `tables[${j}].name` };
  } },
  { name: 'duplicate id', apply: (m) => {
    if (m.tables.length < 2) return undefined;
    m.tables[1]!.id = m.tables[0]!.id;
    return { code: 'id-duplicate', path: 'tables[1].id' };
  } },
  { name: 'nullable primary key column', apply: (m) => {
    const found = ordinary(m).find(([t]) => t.primaryKey);
    if (!found) return undefined;
    const [t, i] = found;
    t.columns.find((c) => c.id === t.primaryKey!.columnIds[0])!.nullable = true;
    return { code: 'key-nullable', path: `tables[${i}].primaryKey.columnIds[0]` };
  } },
  { name: 'dangling foreign key target', apply: (m) => {
    const found = ordinary(m).find(([t]) => t.foreignKeys?.length);
    if (!found) return undefined;
    found[0].foreignKeys![0]!.refTableId = 'no_such_table';
    return { code: 'reference-dangling', path: `tables[${found[1]}].foreignKeys[0].refTableId` };
  } },
  { name: 'SQL injection in a CHECK', apply: (m) => {
    const [t, i] = ordinary(m)[0] ?? [];
    if (!t) return undefined;
    t.checks = [...(t.checks ?? []), { id: 'ck_injected', name: 'ck_injected', expression: '1); DROP TABLE x; --' }];
    return { code: 'expression-invalid', path: `tables[${i}].checks[${t.checks.length - 1}].expression` };
  } },
  { name: 'identity on text', apply: (m) => {
    for (const [t, i] of ordinary(m)) {
      const j = t.columns.findIndex((c) => c.identity);
      if (j < 0) continue;
      t.columns[j]!.type = { kind: 'builtin', name: 'text' };
      return { code: 'identity-type', path: `tables[${i}].columns[${j}].identity` };
    }
    return undefined;
  } },
  { name: 'NULLS NOT DISTINCT below 15', apply: (m) => {
    const found = ordinary(m).find(([t]) => t.uniques?.length && !t.partitionBy);
    if (!found) return undefined;
    found[0].uniques![0]!.nullsNotDistinct = true;
    m.settings = { targetVersion: 14 };
    return { code: 'version-feature', path: `tables[${found[1]}].uniques[0].nullsNotDistinct` };
  } },
  { name: 'partition with own column', apply: (m) => {
    const i = m.tables.findIndex((t) => t.partitionOf);
    if (i < 0) return undefined;
    m.tables[i]!.columns.push({ id: 'col_own', name: 'own', type: { kind: 'builtin', name: 'integer' }, nullable: true });
    return { code: 'partition-columns', path: `tables[${i}].columns` };
  } },
];

describe('mutations of random valid models', () => {
  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s is reported at its path', (_name, mutation) => {
    let applied = 0;
    fc.assert(fc.property(arbModel({ target: 14 }), (model) => {
      const broken = structuredClone(model);
      const expected = mutation.apply(broken);
      fc.pre(expected !== undefined);
      applied++;
      const findings = validate(broken);
      expect(findings.filter((f) => f.code === expected!.code && f.path === expected!.path), JSON.stringify(findings)).toHaveLength(1);
    }), { numRuns: 40 });
    expect(applied).toBeGreaterThan(0);
  });
});
