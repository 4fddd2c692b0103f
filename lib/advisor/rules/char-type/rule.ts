/** char-type: char(n) columns, blank-padded to their length. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const charType: Rule = {
  id: 'char-type',
  severity: 'warning',
  title: 'char(n) column',
  help: 'Use text (with a CHECK on the length if needed): char(n) pads with spaces, compares ignoring trailing spaces, and is not faster in PostgreSQL.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && column.type.name === 'char' && !column.generated)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is char(${(column.type as { length?: number }).length ?? 1})`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: { title: 'Change to text', apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'text', ...(c.type.array ? { array: true } : {}) }; }) } }),
      }));
  },
};
