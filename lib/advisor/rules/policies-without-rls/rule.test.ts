import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, columnId, model } from '../../testing/model-builder';
import { policiesWithoutRls } from './rule';

const policies = [{ id: 'p1', name: 'docs_owner', roles: ['app'], using: "owner_id = (select current_setting('app.user_id', true)::uuid)" }];
const docs = (rest: object) => model([{ name: 'docs', columns: [col('id', 'bigint'), col('owner_id', 'uuid')], rest }]);

testRule(policiesWithoutRls, {
  pass: [
    docs({ rls: { enabled: true, forced: true }, policies }),
    docs({}),
    // An RLS template: rls.sql enables and forces it next to the hand-written policy.
    docs({ policies, security: { rls: { template: 'owner-only', ownerColumnId: columnId('docs', 'owner_id') } } }),
  ],
  fail: [docs({ policies }), docs({ rls: { enabled: false }, policies })],
  expectFindings: (findings) => expect(findings[0]!.message).toBe('docs has a policy (docs_owner) but row-level security is not enabled'),
});
