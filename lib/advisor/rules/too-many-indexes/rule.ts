/** too-many-indexes: more indexes on one table than the threshold (default 8). */
import type { Rule } from '../../types';

export const tooManyIndexes: Rule = {
  id: 'too-many-indexes',
  severity: 'warning',
  title: 'Too many indexes on one table',
  help: 'Every index slows every INSERT and most UPDATEs and prevents HOT updates on its columns. Drop indexes that queries do not use (pg_stat_user_indexes.idx_scan = 0) or merge them.',
  check(ctx) {
    const max = ctx.options.maxIndexes ?? 8;
    return ctx.model.tables.flatMap((table) => {
      const n = (table.indexes ?? []).length + (table.uniques ?? []).length + (table.primaryKey ? 1 : 0);
      return n > max ? [{ target: { id: table.id, path: ctx.tablePath(table) }, message: `${table.name} has ${n} indexes (more than ${max})` }] : [];
    });
  },
};
