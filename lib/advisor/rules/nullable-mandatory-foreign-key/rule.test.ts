import { expect, it } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model, type TableSpec } from '../../testing/model-builder';
import { mandatoryByName, nullableMandatoryForeignKey } from './rule';

const users: TableSpec = { name: 'users', columns: [col('id', 'bigint', { nullable: false })], pk: ['id'] };
const docs = (column: string, nullable: boolean, onDelete?: 'set null' | 'cascade'): TableSpec => ({
  name: 'docs', columns: [col('id', 'bigint', { nullable: false }), col(column, 'bigint', { nullable })], pk: ['id'],
  fks: [{ name: 'docs_fk', columns: [column], ref: 'users', refColumns: ['id'], ...(onDelete ? { onDelete } : {}) }],
});

testRule(nullableMandatoryForeignKey, {
  pass: [model([users, docs('owner_id', false)]), model([users, docs('parent_id', true)]), model([users, docs('reviewer_id', true)]), model([users, docs('author_id', true, 'set null')])],
  fail: [model([users, docs('owner_id', true)]), model([users, docs('TenantId', true)]), model([users, docs('author_id', true, 'cascade')])],
});

it('reads mandatory relations from names', () => {
  expect(['user_id', 'created_by', 'account', 'tenantId'].map(mandatoryByName)).toEqual([true, true, true, true]);
  expect(['parent_user_id', 'approved_by', 'id', 'note'].map(mandatoryByName)).toEqual([false, false, false, false]);
});
