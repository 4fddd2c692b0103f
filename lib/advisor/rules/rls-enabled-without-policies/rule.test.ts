import { testRule } from '../../testing/rule-fixtures';
import { col, columnId, model } from '../../testing/model-builder';
import { rlsEnabledWithoutPolicies } from './rule';

const columns = [col('id', 'bigint'), col('owner_id', 'uuid')];

testRule(rlsEnabledWithoutPolicies, {
  pass: [
    model([{ name: 'docs', columns, rest: { rls: { enabled: true, forced: true }, policies: [{ id: 'p1', name: 'docs_read', command: 'select', roles: ['app'], using: 'true' }] } }]),
    model([{ name: 'docs', columns, rest: { rls: { enabled: true }, security: { rls: { template: 'owner-only', ownerColumnId: columnId('docs', 'owner_id') } } } }]),
    model([{ name: 'docs', columns }]),
  ],
  fail: [model([{ name: 'docs', columns, rest: { rls: { enabled: true, forced: true } } }])],
});
