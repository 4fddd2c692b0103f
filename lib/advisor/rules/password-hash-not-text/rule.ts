/** password-hash-not-text: a password hash column that is not text/varchar/citext. */
import type { Rule } from '../../types';
import { builtinName, columnsOfModel, customName } from '../../context';
import { editColumn, inForeignKey } from '../../edit';

export const passwordHashNotText: Rule = {
  id: 'password-hash-not-text',
  severity: 'error',
  title: 'Password hash column is not text',
  help: 'Store the hash string ($argon2id$..., $2a$...) in a text column; the generated CHECK that refuses plaintext needs text.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.security?.passwordHash && (column.type.array || !(['text', 'varchar', 'char'].includes(builtinName(column) ?? '') || customName(column) === 'citext')))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is marked as a password hash but is not a text column`,
        ...(inForeignKey(ctx.model, column.id) ? {} : { fix: { title: 'Change the type to text', apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'text' }; }) } }),
      }));
  },
};
