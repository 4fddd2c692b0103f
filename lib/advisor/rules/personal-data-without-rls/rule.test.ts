import { testRule } from '../../testing/rule-fixtures';
import { col, columnId, model } from '../../testing/model-builder';
import { personalDataWithoutRls } from './rule';

const columns = [col('id', 'uuid'), col('email', 'text', { security: { personalData: true } })];

testRule(personalDataWithoutRls, {
  pass: [
    model([{ name: 'people', columns, rest: { security: { rls: { template: 'owner-only', ownerColumnId: columnId('people', 'id') } } } }]),
    model([{ name: 'products', columns: [col('id', 'uuid'), col('name', 'text')] }]),
  ],
  fail: [model([{ name: 'people', columns }])],
});
