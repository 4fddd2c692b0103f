/** redundant-salt-column: a salt column next to a bcrypt/argon2/scrypt hash, whose string already carries its salt. */
import type { Rule } from '../../types';
import { words } from '../../context';

const SELF_SALTED = new Set(['argon2id', 'bcrypt', 'scrypt', 'pbkdf2']);

export const redundantSaltColumn: Rule = {
  id: 'redundant-salt-column',
  severity: 'warning',
  title: 'Separate salt column next to a self-salting password hash',
  help: 'Drop the salt column: bcrypt, argon2 and scrypt hash strings carry the algorithm, cost and salt. A separate salt suggests a hand-made scheme.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      const hash = table.columns.find((c) => SELF_SALTED.has(c.security?.passwordHash?.algorithm ?? ''));
      if (!hash) return [];
      return table.columns.filter((c) => words(c.name).includes('salt')).map((column) => ({
        target: { id: column.id, path: ctx.columnPath(table, column) },
        message: `${table.name}.${column.name} is redundant: ${hash.name} is a ${hash.security!.passwordHash!.algorithm} hash with its own salt`,
      }));
    });
  },
};
