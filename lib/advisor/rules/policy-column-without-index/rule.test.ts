import { beforeAll, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { testRule } from '../../testing/rule-fixtures';
import { col, model, type TableSpec } from '../../testing/model-builder';
import { filteredColumns, policyColumnWithoutIndex } from './rule';

const setting = "(select current_setting('app.user_id', true)::uuid)";
const docs = (using: string, extra: Partial<TableSpec> = {}): TableSpec => ({
  name: 'docs', columns: [col('id', 'bigint', { nullable: false }), col('owner_id', 'uuid'), col('tenant_id', 'uuid'), col('title', 'text')], pk: ['id'],
  rest: { rls: { enabled: true, forced: true }, policies: [{ id: 'p1', name: 'docs_owner', roles: ['app'], using }] }, ...extra,
});

testRule(policyColumnWithoutIndex, {
  pass: [
    model([docs(`owner_id = ${setting}`, { indexes: [{ name: 'docs_owner_idx', columns: ['owner_id', 'title'] }] })]),
    // Comparing two columns of the row, or a column inside a sub-query, is not a filter an index serves.
    model([docs('owner_id = tenant_id')]),
    model([docs('EXISTS (SELECT 1 FROM members WHERE tenant_id = (select auth.uid()))')]),
    model([docs("title <> 'x'")]),
  ],
  fail: [
    model([docs(`owner_id = ${setting}`)]),
    // An index that does not lead with the column, or a partial one, does not serve the filter.
    model([docs(`docs.owner_id = ${setting} AND tenant_id IN ('a', 'b')`, { indexes: [{ name: 'docs_title_owner_idx', columns: ['title', 'owner_id'] }, { name: 'docs_tenant_idx', columns: ['tenant_id'], where: 'title IS NOT NULL' }] })]),
  ],
  expectFindings: (findings, fixture) => expect(findings.map((f) => f.target.id).sort()).toEqual(fixture === 0 ? ['c_docs__owner_id'] : ['c_docs__owner_id', 'c_docs__tenant_id']),
});

beforeAll(async () => { await loadSqlParser(); });

it('reads the columns a policy filters on from the parse tree', () => {
  const table = { id: 't', schemaId: 's', name: 'docs', columns: [] };
  expect(filteredColumns(`${setting} = owner_id OR tenant_id = ANY (current_setting('x')::uuid[])`, table)).toEqual(['owner_id', 'tenant_id']);
  expect(filteredColumns("other.owner_id = auth.uid() AND 'owner_id = 1' <> title", table)).toEqual([]);
});
