import { testRule } from '../../testing/rule-fixtures';
import { col, model, type TableSpec } from '../../testing/model-builder';
import { foreignKeyTypeMismatch } from './rule';

const parent: TableSpec = { name: 'parent', columns: [col('id', 'bigint', { nullable: false })], pk: ['id'] };
const child = (type: string): TableSpec => ({ name: 'child', columns: [col('parent_id', type)], fks: [{ name: 'child_parent_fk', columns: ['parent_id'], ref: 'parent', refColumns: ['id'] }] });

const coded: TableSpec = { name: 'parent', columns: [col('id', 'varchar(20)', { nullable: false })], pk: ['id'] };

testRule(foreignKeyTypeMismatch, {
  pass: [model([parent, child('bigint')]), model([coded, child('varchar(20)')])],
  // A shorter varchar cannot hold every key of the parent.
  fail: [model([parent, child('integer')]), model([coded, child('varchar(10)')])],
});
