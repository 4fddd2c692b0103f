/** personal-data-without-rls: a table with personal-data columns and no row-level security. */
import type { Rule } from '../../types';

export const personalDataWithoutRls: Rule = {
  id: 'personal-data-without-rls',
  severity: 'warning',
  title: 'Table with personal data has no row-level security',
  help: 'Pick an RLS template (owner-only or tenant) so one user cannot read another user\'s personal data through a bug in a WHERE clause.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      const pii = ctx.index.columnsOf(table).filter((c) => c.security?.personalData);
      if (pii.length === 0 || ctx.hasRls(table) || table.partitionOf) return [];
      return [{ target: { id: table.id, path: ctx.tablePath(table) }, message: `${table.name} holds personal data (${pii.map((c) => c.name).join(', ')}) without row-level security` }];
    });
  },
};
