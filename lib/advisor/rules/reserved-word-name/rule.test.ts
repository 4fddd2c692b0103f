import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { reservedWordName } from './rule';

testRule(reservedWordName, {
  pass: [model([{ name: 'users', columns: [col('id', 'bigint'), col('order_no', 'text'), col('name', 'text')] }])],
  fail: [model([{ name: 'user', columns: [col('id', 'bigint'), col('order', 'integer'), col('Table', 'text')] }])],
});
