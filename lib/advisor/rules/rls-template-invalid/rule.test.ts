import { testRule } from '../../testing/rule-fixtures';
import { col, columnId, model } from '../../testing/model-builder';
import { rlsTemplateInvalid } from './rule';

const docs = (ownerColumnId: string | undefined, type = 'uuid') => model([{
  name: 'docs', columns: [col('id', 'bigint'), col('owner_id', type)],
  rest: { security: { rls: { template: 'owner-only', ...(ownerColumnId ? { ownerColumnId } : {}) } } },
}]);

testRule(rlsTemplateInvalid, {
  pass: [docs(columnId('docs', 'owner_id')), docs(columnId('docs', 'owner_id'), 'text')],
  fail: [docs(undefined), docs(columnId('docs', 'owner_id'), 'json'), docs(columnId('docs', 'owner_id'), 'integer[]')],
});
