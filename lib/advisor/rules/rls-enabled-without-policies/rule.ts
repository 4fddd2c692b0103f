/** rls-enabled-without-policies: RLS on, no policy: every non-owner sees nothing (or everything when forgotten later). */
import type { Rule } from '../../types';

export const rlsEnabledWithoutPolicies: Rule = {
  id: 'rls-enabled-without-policies',
  severity: 'error',
  title: 'Row-level security enabled with no policies',
  help: 'Add policies (or pick an RLS template): with RLS on and no policy, every role but the owner and superusers gets no rows, which usually means someone will turn RLS off.',
  check(ctx) {
    return ctx.model.tables
      .filter((t) => t.rls?.enabled && (t.policies ?? []).length === 0 && !t.security?.rls)
      .map((table) => ({ target: { id: table.id, path: `${ctx.tablePath(table)}.rls` }, message: `${table.name} has row-level security enabled but no policies` }));
  },
};
