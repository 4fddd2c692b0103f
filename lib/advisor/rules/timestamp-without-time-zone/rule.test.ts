import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { timestampWithoutTimeZone } from './rule';

testRule(timestampWithoutTimeZone, {
  pass: [model([{ name: 't', columns: [col('at', 'timestamptz'), col('day', 'date')] }])],
  fail: [model([{ name: 't', columns: [col('at', 'timestamp'), col('history', 'timestamp(3)[]')] }])],
});
