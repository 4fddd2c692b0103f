/** policies-without-rls: a table has policies but row-level security is not enabled, so none of them applies. */
import type { Rule } from '../../types';
import { editTable } from '../../edit';

export const policiesWithoutRls: Rule = {
  id: 'policies-without-rls',
  severity: 'error',
  title: 'Policies on a table without row-level security',
  help: 'Enable (and force) row-level security: until then PostgreSQL ignores the policies and every role with table privileges sees and changes every row.',
  check(ctx) {
    return ctx.model.tables
      .filter((t) => (t.policies ?? []).length > 0 && !t.rls?.enabled && !t.security?.rls)
      .map((table) => ({
        target: { id: table.id, path: ctx.tablePath(table) },
        message: `${table.name} has ${(table.policies ?? []).length === 1 ? 'a policy' : `${(table.policies ?? []).length} policies`} (${(table.policies ?? []).map((p) => p.name).join(', ')}) but row-level security is not enabled`,
        fix: { title: 'Enable and force row-level security', apply: (model) => editTable(model, table.id, (t) => { t.rls = { enabled: true, forced: true }; }) },
      }));
  },
};
