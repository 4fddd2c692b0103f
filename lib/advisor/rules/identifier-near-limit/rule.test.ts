import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { identifierNearLimit } from './rule';

testRule(identifierNearLimit, {
  pass: [model([{ name: 'a'.repeat(55), columns: [col('é'.repeat(27), 'text')] }])],
  fail: [
    model([{ name: 'a'.repeat(56), columns: [col('x', 'text')] }]),
    // 28 characters but 56 bytes: the limit is in bytes.
    model([{ name: 't', columns: [col('é'.repeat(28), 'text')] }]),
    model([{ name: 't', columns: [col(`${'e'.repeat(23)}${'😀'.repeat(9)}`, 'text')] }]),
  ],
  expectFindings: (findings, fixture) => {
    expect(findings).toHaveLength(1);
    if (fixture === 2) expect(findings[0]!.message).toBe(`column name ${'e'.repeat(23)}😀… is 59 bytes (limit 63)`);
    if (fixture === 1) expect(findings[0]!.message).toBe(`column name ${'é'.repeat(24)}… is 56 bytes (limit 63)`);
  },
});
