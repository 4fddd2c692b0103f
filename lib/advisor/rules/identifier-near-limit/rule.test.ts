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
  ],
  expectFindings: (findings) => expect(findings).toHaveLength(1),
});
