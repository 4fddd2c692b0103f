import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { nameNeedsQuoting } from './rule';

testRule(nameNeedsQuoting, {
  pass: [model([{ name: 'order_items', columns: [col('id', 'bigint'), col('unit_price$', 'numeric(12,2)')] }])],
  fail: [
    model([{ name: 'OrderItems', columns: [col('Unit Price', 'numeric(12,2)'), col('größe', 'text')] }]),
    // `a"b` appears in SQL only as "a""b": the rename is not offered, since the CHECK, index
    // expression and predicate would still name the old column.
    model([{
      name: 't_1', columns: [col('a"b', 'smallint'), col('ok', 'text')],
      indexes: [{ name: 't_1_ab', expressions: ['("a""b" + 1)'], where: '("a""b" IS NOT NULL)' }],
      rest: { checks: [{ id: 'chk_ab', name: 't_1_ab_check', expression: '("a""b" >= 0)' }] },
    }]),
    // Only a Unicode-escaped spelling refers to the column.
    model([{ name: 't_2', columns: [col('Ab', 'smallint')], rest: { checks: [{ id: 'chk_ab2', name: 't_2_ab_check', expression: 'U&"\\0041b" >= 0' }] } }]),
  ],
  expectFindings: (findings, fixture) => {
    if (fixture === 0) return;
    const column = findings.find((f) => f.target.id.startsWith('c_'))!;
    expect(column.fix).toBeUndefined();
    expect(column.help).toMatch(/references/);
  },
});
