import { beforeAll, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { policyFunctionNotWrapped, unwrappedCalls } from './rule';

const docs = (using: string) => model([{ name: 'docs', columns: [col('owner_id', 'uuid')], rest: { rls: { enabled: true, forced: true }, policies: [{ id: 'p1', name: 'docs_owner', roles: ['app'], using }] } }]);

testRule(policyFunctionNotWrapped, {
  pass: [docs("owner_id = (select current_setting('app.user_id', true)::uuid)"), docs('owner_id IS NOT NULL'), docs("lower(owner_id::text) = 'x'")],
  fail: [docs("owner_id = current_setting('app.user_id')::uuid"), docs('owner_id = auth.uid()')],
});

beforeAll(async () => { await loadSqlParser(); });

it('uses the parser: a sub-query anywhere around the call counts as wrapped', () => {
  expect(unwrappedCalls("a = (select current_setting('x'))")).toEqual([]);
  expect(unwrappedCalls("a = current_setting('x') OR b = (select current_setting('y'))")).toEqual(['current_setting']);
});
