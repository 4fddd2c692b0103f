/** redundant-index: a plain btree index whose columns are a leading prefix of another btree index. */
import type { Rule } from '../../types';
import { editTable } from '../../edit';

export const redundantIndex: Rule = {
  id: 'redundant-index',
  severity: 'info',
  title: 'Index is a prefix of another index',
  help: 'Drop the shorter index: a btree index on (a, b) also serves queries on (a). Keep it only if it is much smaller and hot.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      const keys = ctx.keysOf(table).filter((k) => k.plain && !k.partial && k.method === 'btree');
      return keys.flatMap((k) => {
        if (k.source !== 'index' || k.unique) return [];
        const longer = keys.find((o) => o.columnIds.length > k.columnIds.length && k.columnIds.every((id, n) => o.columnIds[n] === id));
        if (!longer) return [];
        const pos = (table.indexes ?? []).findIndex((x) => x.id === k.id);
        return [{
          target: { id: k.id, path: `${ctx.tablePath(table)}.indexes[${pos}]` },
          message: `index ${k.name} on ${table.name} is a prefix of ${longer.name}`,
          fix: { title: `Drop index ${k.name}`, apply: (model) => editTable(model, table.id, (t) => { t.indexes = (t.indexes ?? []).filter((x) => x.id !== k.id); }) },
        }];
      });
    });
  },
};
