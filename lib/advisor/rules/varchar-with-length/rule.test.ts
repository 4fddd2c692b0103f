import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { varcharWithLength } from './rule';

testRule(varcharWithLength, {
  pass: [model([{ name: 't', columns: [col('name', 'text'), col('iso_code', 'varchar(3)', { comment: 'ISO 4217 code' }), col('free', 'varchar')] }])],
  fail: [model([{ name: 't', columns: [col('name', 'varchar(255)'), col('Odd "name"', 'varchar(10)')] }])],
});
