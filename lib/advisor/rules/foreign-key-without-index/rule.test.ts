import { testRule } from '../../testing/rule-fixtures';
import { col, model, type TableSpec } from '../../testing/model-builder';
import { foreignKeyWithoutIndex } from './rule';

const users: TableSpec = { name: 'users', columns: [col('id', 'bigint', { nullable: false })], pk: ['id'] };
const orders = (extra: Partial<TableSpec>): TableSpec => ({
  name: 'orders', columns: [col('id', 'bigint', { nullable: false }), col('user_id', 'bigint', { nullable: false })], pk: ['id'],
  fks: [{ name: 'orders_user_fk', columns: ['user_id'], ref: 'users', refColumns: ['id'] }], ...extra,
});

testRule(foreignKeyWithoutIndex, {
  pass: [
    model([users, orders({ indexes: [{ name: 'orders_user_idx', columns: ['user_id', 'id'] }] })]),
    model([users, orders({ uniques: [{ name: 'orders_user_key', columns: ['user_id'] }] })]),
  ],
  fail: [
    model([users, orders({})]),
    model([users, orders({ indexes: [{ name: 'orders_id_user_idx', columns: ['id', 'user_id'] }] })]),
  ],
});
