/** weak-password-hash: a password hash column marked with md5, sha1, sha256 or plain. */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { editColumn } from '../../edit';

const WEAK = new Set(['md5', 'sha1', 'sha256', 'plain']);

export const weakPasswordHash: Rule = {
  id: 'weak-password-hash',
  severity: 'error',
  title: 'Password hash uses a weak algorithm (or none)',
  help: 'Use argon2id (OWASP: m=19456 KiB, t=2, p=1), or bcrypt with cost 12. md5/sha1/sha256 are fast digests: a GPU tries billions of guesses a second.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => WEAK.has(column.security?.passwordHash?.algorithm ?? ''))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is marked as a ${column.security!.passwordHash!.algorithm === 'plain' ? 'plaintext password' : `${column.security!.passwordHash!.algorithm} digest`}`,
        fix: {
          title: 'Switch to argon2id',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.security = { ...c.security, passwordHash: { algorithm: 'argon2id' } }; }),
        },
      }));
  },
};
