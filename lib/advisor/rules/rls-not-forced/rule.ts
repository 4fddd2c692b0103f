/** rls-not-forced: RLS enabled but not forced, so the table owner bypasses every policy. */
import type { Rule } from '../../types';
import { editTable } from '../../edit';

export const rlsNotForced: Rule = {
  id: 'rls-not-forced',
  severity: 'warning',
  title: 'Row-level security not forced',
  help: 'Also FORCE ROW LEVEL SECURITY: otherwise the table owner (often the role the app or migrations connect as) bypasses every policy.',
  check(ctx) {
    return ctx.model.tables
      .filter((t) => t.rls?.enabled && !t.rls.forced && !t.security?.rls)
      .map((table) => ({
        target: { id: table.id, path: `${ctx.tablePath(table)}.rls` },
        message: `${table.name} enables row-level security without FORCE; its owner bypasses the policies`,
        fix: { title: 'Force row-level security', apply: (model) => editTable(model, table.id, (t) => { t.rls = { enabled: true, forced: true }; }) },
      }));
  },
};
