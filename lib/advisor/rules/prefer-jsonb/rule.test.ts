import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { preferJsonb } from './rule';

testRule(preferJsonb, {
  pass: [model([{ name: 't', columns: [col('data', 'jsonb')] }])],
  fail: [model([{ name: 't', columns: [col('data', 'json'), col('list', 'json[]')] }])],
});
