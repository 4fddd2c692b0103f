/** money-type: columns of PostgreSQL's money type (locale-dependent, fixed fraction). */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const moneyType: Rule = {
  id: 'money-type',
  severity: 'warning',
  title: 'Column uses the money type',
  help: 'Use numeric(19,4) plus a currency column: money depends on lc_monetary (a dump restored elsewhere changes meaning) and has a fixed number of decimals.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && column.type.name === 'money' && !column.generated)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} uses the money type`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: {
          title: 'Change to numeric(19,4)',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'numeric', precision: 19, scale: 4, ...(c.type.array ? { array: true } : {}) }; delete c.default; }),
        } }),
      }));
  },
};
