/** boolean-index: a full (non-partial) btree index on a single boolean column. */
import type { Rule } from '../../types';

export const booleanIndex: Rule = {
  id: 'boolean-index',
  severity: 'info',
  title: 'Index on a lone boolean column',
  help: 'A boolean has two values; the planner rarely uses such an index. Use a partial index on the rare value instead: CREATE INDEX ... ON t (id) WHERE flag.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => (table.indexes ?? []).flatMap((index, i) => {
      if (index.elements.length !== 1 || index.where || (index.method ?? 'btree') !== 'btree') return [];
      const column = index.elements[0]!.columnId ? ctx.index.column(table, index.elements[0]!.columnId) : undefined;
      if (!column || column.type.kind !== 'builtin' || column.type.name !== 'boolean' || column.type.array) return [];
      return [{ target: { id: index.id, path: `${ctx.tablePath(table)}.indexes[${i}]` }, message: `index ${index.name} on ${table.name} covers only the boolean ${column.name}` }];
    }));
  },
};
