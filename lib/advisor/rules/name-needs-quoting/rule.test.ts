import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { nameNeedsQuoting } from './rule';

testRule(nameNeedsQuoting, {
  pass: [model([{ name: 'order_items', columns: [col('id', 'bigint'), col('unit_price$', 'numeric(12,2)')] }])],
  fail: [model([{ name: 'OrderItems', columns: [col('Unit Price', 'numeric(12,2)'), col('größe', 'text')] }])],
});
