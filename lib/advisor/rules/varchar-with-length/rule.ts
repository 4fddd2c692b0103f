/** varchar-with-length: varchar(n) without a comment explaining the limit. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { constraintNames, derivedId, editColumn, fitName, freeName } from '../../edit';
import { quoteIdentForExpression } from '../../sql-text';

export const varcharWithLength: Rule = {
  id: 'varchar-with-length',
  severity: 'info',
  title: 'varchar(n) without a stated reason',
  help: 'Prefer text with a CHECK (char_length(col) <= n): same storage and speed, and the limit can change without rewriting the table. Keep varchar(n) when a comment says why (an external format).',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && column.type.name === 'varchar' && column.type.length !== undefined && !column.type.array && !column.comment && !column.generated && !column.security?.passwordHash)
      .map(({ table, column, path }) => {
        const n = (column.type as { length: number }).length;
        return {
          target: { id: column.id, path },
          message: `${table.name}.${column.name} is varchar(${n}) with no comment saying why`,
          ...(ctx.inForeignKey(column.id) ? {} : { fix: {
            title: `Change to text with CHECK (char_length(${column.name}) <= ${n})`,
            apply: (model) => editColumn(model, table.id, column.id, (c, t, draft) => {
              c.type = { kind: 'builtin', name: 'text' };
              const name = freeName(fitName(t.name, c.name, 'length'), constraintNames(t));
              (t.checks ??= []).push({ id: derivedId('ck_len', c.id, draft), name, expression: `char_length(${quoteIdentForExpression(c.name)}) <= ${n}` });
            }),
          } }),
        };
      });
  },
};
