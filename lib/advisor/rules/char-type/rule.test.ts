import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { charType } from './rule';

testRule(charType, {
  pass: [model([{ name: 't', columns: [col('code', 'text'), col('flag', '"char"'), col('iso', 'varchar(3)')] }])],
  fail: [model([{ name: 't', columns: [col('code', 'char(3)')] }])],
});
