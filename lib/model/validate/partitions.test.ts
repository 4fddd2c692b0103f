import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('partition rules', () => {
  it('rejects a partition with columns of its own', () => {
    const m = baseModel();
    table(m, 'tbl_events_2024').columns.push({ id: 'col_x', name: 'x', type: { kind: 'builtin', name: 'integer' }, nullable: true });
    expectFinding(m, 'partition-columns', 'tables[3].columns');
  });

  it('rejects a parent that is not partitioned, itself, or a cycle', () => {
    const m = baseModel();
    table(m, 'tbl_events_2024').partitionOf!.parentId = 'tbl_posts';
    expectFinding(m, 'partition-parent', 'tables[3].partitionOf.parentId');
    const self = baseModel();
    table(self, 'tbl_events').partitionOf = { parentId: 'tbl_events_2024', bound: 'DEFAULT' };
    table(self, 'tbl_events_2024').partitionBy = { strategy: 'list', keys: [{ columnId: 'col_events_id' }] };
    expectFinding(self, 'partition-parent', 'tables[2].partitionOf.parentId');
  });

  it.each([
    ["FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); DROP TABLE users", /several statements|not a valid/],
    ['FOR VALUES IN (1)', /must be FOR VALUES FROM/],
    ["FOR VALUES FROM ('2024-01-01', 1) TO ('2025-01-01', 2)", /needs 1 value/],
    ['FOR VALUES FROM (1) TO (2) TABLESPACE pg_default', /only the bound/],
    ['garbage', /not a valid partition bound/],
  ])('rejects the bound %s', (bound, message) => {
    const m = baseModel();
    table(m, 'tbl_events_2024').partitionOf!.bound = bound;
    expect(expectFinding(m, 'partition-bound', 'tables[3].partitionOf.bound').message).toMatch(message);
  });

  it('rejects two DEFAULT partitions, identical bounds and DEFAULT under hash', () => {
    const m = baseModel();
    table(m, 'tbl_events_2024').partitionOf!.bound = 'DEFAULT';
    expectFinding(m, 'partition-bound', 'tables[4].partitionOf.bound');
    const twin = baseModel();
    table(twin, 'tbl_events_default').partitionOf!.bound = "FOR  VALUES FROM ('2024-01-01') TO ('2025-01-01')";
    expectFinding(twin, 'partition-bound', 'tables[4].partitionOf.bound');
    const hash = baseModel();
    table(hash, 'tbl_events').partitionBy!.strategy = 'hash';
    table(hash, 'tbl_events_2024').partitionOf!.bound = 'FOR VALUES WITH (MODULUS 2, REMAINDER 0)';
    expectFinding(hash, 'partition-bound', 'tables[4].partitionOf.bound');
  });

  it('checks partition keys: list takes one, no generated columns, expressions parsed', () => {
    const m = baseModel();
    table(m, 'tbl_events').partitionBy = { strategy: 'list', keys: [{ columnId: 'col_events_at' }, { columnId: 'col_events_id' }] };
    table(m, 'tbl_events_2024').partitionOf!.bound = "FOR VALUES IN ('2024-01-01')";
    expectFinding(m, 'partition-key', 'tables[2].partitionBy.keys');
    const ex = baseModel();
    table(ex, 'tbl_events').partitionBy!.keys = [{ expression: 'date_trunc(\'month\', at' }];
    expectFinding(ex, 'expression-invalid', 'tables[2].partitionBy.keys[0].expression');
  });

  it('checks hash bounds: remainder below modulus, no repeats however spelled', () => {
    const m = baseModel();
    table(m, 'tbl_events').partitionBy!.strategy = 'hash';
    table(m, 'tbl_events_2024').partitionOf!.bound = 'FOR VALUES WITH (MODULUS 2, REMAINDER 2)';
    table(m, 'tbl_events_default').partitionOf!.bound = 'for values with (remainder 1, modulus 2)';
    expectFinding(m, 'partition-bound', 'tables[3].partitionOf.bound');
    table(m, 'tbl_events_2024').partitionOf!.bound = 'FOR VALUES WITH (MODULUS 2, REMAINDER 1)';
    expectFinding(m, 'partition-bound', 'tables[4].partitionOf.bound');
  });

  it('accepts list and hash partitioning done right', () => {
    const m = baseModel();
    table(m, 'tbl_events').partitionBy!.strategy = 'hash';
    table(m, 'tbl_events_2024').partitionOf!.bound = 'FOR VALUES WITH (MODULUS 2, REMAINDER 0)';
    table(m, 'tbl_events_default').partitionOf!.bound = 'FOR VALUES WITH (MODULUS 2, REMAINDER 1)';
    expectClean(m);
  });
});
