/** bcrypt-cost-too-low: bcrypt with a cost below 10 (gen_salt('bf') alone gives 6). */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const bcryptCostTooLow: Rule = {
  id: 'bcrypt-cost-too-low',
  severity: 'warning',
  title: 'bcrypt cost below 10',
  help: "Use cost 12 (at least 10). pgcrypto's gen_salt('bf') defaults to cost 6, which is far too fast today.",
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.security?.passwordHash?.algorithm === 'bcrypt' && (column.security.passwordHash.cost ?? 12) < 10)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} uses bcrypt cost ${column.security!.passwordHash!.cost}`,
        fix: {
          title: 'Use cost 12',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.security!.passwordHash!.cost = 12; }),
        },
      }));
  },
};
