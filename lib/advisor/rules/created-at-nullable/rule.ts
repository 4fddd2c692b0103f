/** created-at-nullable: created_at-like timestamps that may be NULL. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

const NAMES = /^(created|inserted|updated|modified)_?(at|on|time|date)$|^(created|updated)At$/i;

export const createdAtNullable: Rule = {
  id: 'created-at-nullable',
  severity: 'warning',
  title: 'created_at-like column is nullable',
  help: 'Make it NOT NULL DEFAULT now(): a row without its creation time breaks ordering, retention and audits.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => NAMES.test(column.name) && column.nullable && !column.generated && column.type.kind === 'builtin' && ['timestamptz', 'timestamp', 'date'].includes(column.type.name) && !column.type.array)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} may be NULL`,
        fix: {
          title: 'Make NOT NULL DEFAULT now()',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.nullable = false; if (!c.default && !c.identity) c.default = c.type.kind === 'builtin' && c.type.name === 'date' ? 'CURRENT_DATE' : 'now()'; }),
        },
      }));
  },
};
