/** personal-data-without-comment: a table holding personal data with no comment (purpose, retention). */
import type { Rule } from '../../types';
import { editTable } from '../../edit';

export const personalDataWithoutComment: Rule = {
  id: 'personal-data-without-comment',
  severity: 'info',
  title: 'Table with personal data has no comment',
  help: 'Document why the table holds personal data and how long it is kept (COMMENT ON TABLE): reviewers and data-protection requests start from there.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      if (table.comment?.trim() || table.partitionOf) return [];
      const pii = ctx.index.columnsOf(table).filter((c) => c.security?.personalData);
      if (pii.length === 0) return [];
      return [{
        target: { id: table.id, path: ctx.tablePath(table) },
        message: `${table.name} holds personal data (${pii.map((c) => c.name).join(', ')}) but has no comment`,
        fix: {
          title: 'Add a comment template',
          apply: (model) => editTable(model, table.id, (t) => { t.comment = `Personal data: ${pii.map((c) => c.name).join(', ')}. Purpose: TODO. Retention: TODO.`; }),
        },
      }];
    });
  },
};
