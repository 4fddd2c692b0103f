/** foreign-key-without-index: the referencing columns of a foreign key need an index that leads with them. */
import type { Rule } from '../../types';
import { ledByIndex } from '../../context';
import { addIndexFix } from '../../edit';

export const foreignKeyWithoutIndex: Rule = {
  id: 'foreign-key-without-index',
  severity: 'warning',
  title: 'Foreign key columns are not covered by an index',
  help: 'Create an index whose leading columns are the foreign key columns: deletes and updates of the referenced row otherwise scan this whole table, and joins are slow.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => (table.foreignKeys ?? []).flatMap((fk, i) => {
      if (ledByIndex(ctx, table, fk.columnIds)) return [];
      const names = fk.columnIds.map((id) => ctx.index.column(table, id)?.name ?? id);
      return [{
        target: { id: fk.id, path: `${ctx.tablePath(table)}.foreignKeys[${i}]` },
        message: `foreign key ${fk.name} on ${table.name} (${names.join(', ')}) has no index`,
        fix: addIndexFix(table, fk.columnIds, names, 'ix', fk.id),
      }];
    }));
  },
};
