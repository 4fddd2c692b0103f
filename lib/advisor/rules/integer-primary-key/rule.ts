/** integer-primary-key: single-column integer/smallint surrogate keys that can run out. */
import type { Rule } from '../../types';

export const integerPrimaryKey: Rule = {
  id: 'integer-primary-key',
  severity: 'info',
  title: 'integer primary key may overflow',
  help: 'Use bigint for generated keys: integer tops out at 2,147,483,647 and changing the type of a busy primary key (and every foreign key to it) later is a long, locking rewrite.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      if (!table.primaryKey || table.primaryKey.columnIds.length !== 1) return [];
      const column = ctx.index.column(table, table.primaryKey.columnIds[0]!);
      if (!column || column.type.kind !== 'builtin' || !['integer', 'smallint'].includes(column.type.name) || !(column.identity || column.sequenceId)) return [];
      return [{ target: table.columns.includes(column) ? { id: column.id, path: ctx.columnPath(table, column) } : { id: table.id, path: ctx.tablePath(table) }, message: `${table.name}.${column.name} is a generated ${column.type.name} key` }];
    });
  },
};
