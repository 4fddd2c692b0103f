/** prefer-jsonb: json columns (text kept verbatim, no indexing, no equality). */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const preferJsonb: Rule = {
  id: 'prefer-jsonb',
  severity: 'warning',
  title: 'json instead of jsonb',
  help: 'Use jsonb: it is parsed once, can be indexed (GIN), compared and queried with containment operators. Keep json only to preserve key order or duplicate keys verbatim.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && column.type.name === 'json' && !column.generated)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is json`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: { title: 'Change to jsonb', apply: (model) => editColumn(model, table.id, column.id, (c) => { if (c.type.kind === 'builtin') c.type.name = 'jsonb'; }) } }),
      }));
  },
};
