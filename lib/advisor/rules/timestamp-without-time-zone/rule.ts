/** timestamp-without-time-zone: timestamp columns that drop the time zone. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const timestampWithoutTimeZone: Rule = {
  id: 'timestamp-without-time-zone',
  severity: 'warning',
  title: 'timestamp without time zone',
  help: 'Use timestamptz: it stores an instant (UTC) and converts on display. timestamp stores wall-clock time and silently shifts when servers or clients change zone.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && column.type.name === 'timestamp' && !column.generated)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is timestamp without time zone`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: {
          title: 'Change to timestamptz',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { if (c.type.kind === 'builtin') c.type.name = 'timestamptz'; }),
        } }),
      }));
  },
};
