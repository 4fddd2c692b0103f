import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { rlsNotForced } from './rule';

const policies = [{ id: 'p1', name: 'p', using: 'true' }];

testRule(rlsNotForced, {
  pass: [
    model([{ name: 'docs', columns: [col('id', 'bigint')], rest: { rls: { enabled: true, forced: true }, policies } }]),
    model([{ name: 'docs', columns: [col('id', 'bigint')] }]),
    // An RLS template: rls.sql forces it.
    model([{ name: 'docs', columns: [col('id', 'bigint'), col('owner_id', 'uuid')], rest: { rls: { enabled: true }, policies, security: { rls: { template: 'owner-only', ownerColumnId: 'c_docs__owner_id' } } } }]),
  ],
  fail: [model([{ name: 'docs', columns: [col('id', 'bigint')], rest: { rls: { enabled: true }, policies } }])],
});
