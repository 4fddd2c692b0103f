/** duplicate-index: two indexes (or an index and a key) on exactly the same columns. */
import type { Rule } from '../../types';
import { editTable } from '../../edit';

export const duplicateIndex: Rule = {
  id: 'duplicate-index',
  severity: 'warning',
  title: 'Index duplicates another index or key',
  help: 'Drop the duplicate: it doubles write cost and disk use and gives the planner nothing new.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      const keys = ctx.keysOf(table).filter((k) => k.plain && !k.partial && k.method === 'btree');
      return keys.flatMap((k, i) => {
        if (k.source !== 'index') return [];
        const same = keys.find((o, j) => j !== i && o.columnIds.join() === k.columnIds.join() && (o.unique || !k.unique) && (o.source !== 'index' || j < i || (o.unique && !k.unique)));
        if (!same) return [];
        const pos = (table.indexes ?? []).findIndex((x) => x.id === k.id);
        return [{
          target: { id: k.id, path: `${ctx.tablePath(table)}.indexes[${pos}]` },
          message: `index ${k.name} on ${table.name} duplicates ${same.source === 'index' ? 'index' : same.source === 'unique' ? 'unique constraint' : 'primary key'} ${same.name}`,
          fix: { title: `Drop index ${k.name}`, apply: (model) => editTable(model, table.id, (t) => { t.indexes = (t.indexes ?? []).filter((x) => x.id !== k.id); }) },
        }];
      });
    });
  },
};
