import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { tableWithoutPrimaryKey } from './rule';

testRule(tableWithoutPrimaryKey, {
  pass: [model([{ name: 'users', columns: [col('id', 'bigint', { nullable: false })], pk: ['id'] }])],
  fail: [
    model([{ name: 'events', columns: [col('payload', 'jsonb')] }]),
    model([{ name: 'log', columns: [col('id', 'bigint'), col('line', 'text')] }]),
  ],
  expectFindings: (findings, i) => expect(findings[0]!.fix === undefined).toBe(i === 1),
});
