import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { createdAtNullable } from './rule';

testRule(createdAtNullable, {
  pass: [model([{ name: 't', columns: [col('created_at', 'timestamptz', { nullable: false, default: 'now()' }), col('deleted_at', 'timestamptz')] }])],
  fail: [model([{ name: 't', columns: [col('created_at', 'timestamptz'), col('updatedAt', 'timestamp')] }])],
});
