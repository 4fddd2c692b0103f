import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { personalDataWithoutComment } from './rule';

const columns = [col('email', 'text', { security: { personalData: true } })];

testRule(personalDataWithoutComment, {
  pass: [model([{ name: 'people', columns, rest: { comment: 'Customers; kept 3 years after the last order.' } }]), model([{ name: 'things', columns: [col('x', 'text')] }])],
  fail: [model([{ name: 'people', columns }])],
});
