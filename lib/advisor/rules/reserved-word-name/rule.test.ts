import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { reservedWordName } from './rule';

testRule(reservedWordName, {
  pass: [model([{ name: 'users', columns: [col('id', 'bigint'), col('order_no', 'text'), col('name', 'text')] }])],
  fail: [
    model([{ name: 'user', columns: [col('id', 'bigint'), col('order', 'integer'), col('Table', 'text')] }]),
    // Only a Unicode-escaped spelling names the column: no rename, the help says why.
    model([{ name: 'lines', columns: [col('order', 'integer')], rest: { checks: [{ id: 'chk_order', name: 'lines_order_check', expression: 'U&"ord\\0065r" > 0' }] } }]),
  ],
  expectFindings: (findings, fixture) => {
    if (fixture === 0) return;
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.help).toMatch(/references/);
  },
});
