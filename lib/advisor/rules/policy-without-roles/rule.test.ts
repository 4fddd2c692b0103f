import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { policyWithoutRoles } from './rule';

const docs = (roles?: string[]) => model([{ name: 'docs', columns: [col('id', 'bigint')], rest: { rls: { enabled: true, forced: true }, policies: [{ id: 'p1', name: 'docs_read', using: 'true', ...(roles ? { roles } : {}) }] } }]);

testRule(policyWithoutRoles, { pass: [docs(['app_rw'])], fail: [docs(), docs(['public'])] });
