import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { identifierNearLimit } from './rule';

testRule(identifierNearLimit, {
  pass: [model([{ name: 'a'.repeat(55), columns: [col('é'.repeat(27), 'text')] }])],
  fail: [model([{ name: 'a'.repeat(56), columns: [col('é'.repeat(31), 'text')] }])],
});
