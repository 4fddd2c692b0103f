import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { moneyType } from './rule';

testRule(moneyType, {
  pass: [model([{ name: 'orders', columns: [col('total', 'numeric(19,4)'), col('currency', 'char(3)')] }])],
  fail: [model([{ name: 'orders', columns: [col('total', 'money')] }])],
});
