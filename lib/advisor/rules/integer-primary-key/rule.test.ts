import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { integerPrimaryKey } from './rule';

const t = (type: string) => model([{ name: 'items', columns: [col('id', type, { nullable: false, identity: { generation: 'always' } })], pk: ['id'] }]);

testRule(integerPrimaryKey, {
  pass: [t('bigint'), model([{ name: 'codes', columns: [col('code', 'integer', { nullable: false })], pk: ['code'] }])],
  fail: [t('integer'), t('smallint')],
});
