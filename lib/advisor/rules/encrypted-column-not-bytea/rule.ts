/** encrypted-column-not-bytea: a column marked encrypted whose type is not bytea. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

export const encryptedColumnNotBytea: Rule = {
  id: 'encrypted-column-not-bytea',
  severity: 'error',
  title: 'Encrypted column is not bytea',
  help: 'Store ciphertext as bytea: pgp_sym_encrypt returns bytea, and AES-GCM output is binary. A text column invites storing the plaintext.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.security?.encrypted && !(column.type.kind === 'builtin' && column.type.name === 'bytea' && !column.type.array))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is marked encrypted but is not bytea`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: {
          title: 'Change the type to bytea',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'bytea' }; delete c.default; delete c.collation; delete c.generated; }),
        } }),
      }));
  },
};
