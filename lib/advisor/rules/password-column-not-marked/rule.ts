/** password-column-not-marked: a column named like a password that is not marked as a password hash. */
import type { Rule } from '../../types';
import { columnsOfModel, words } from '../../context';
import { editColumn } from '../../edit';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass']);

export function looksLikePassword(name: string): boolean {
  const w = words(name);
  if (w.includes('salt') || w.includes('reset') || w.includes('changed') || w.includes('expires') || w.includes('at')) return false;
  return w.some((x) => PASSWORD_WORDS.has(x)) || /passw(or)?d|pwd/i.test(name.replaceAll(/[^a-z]/gi, ''));
}

export const passwordColumnNotMarked: Rule = {
  id: 'password-column-not-marked',
  severity: 'warning',
  title: 'Password-like column is not marked as a password hash',
  help: 'Mark the column as a password hash (argon2id): the generated SQL then refuses plaintext with a CHECK, and the app module hashes with OWASP parameters.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => looksLikePassword(column.name) && !column.security?.passwordHash && column.type.kind !== 'enum' && !(column.type.kind === 'builtin' && column.type.name === 'boolean'))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} looks like a password but is not marked as a password hash`,
        fix: {
          title: 'Mark as an argon2id password hash',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.security = { ...c.security, passwordHash: { algorithm: 'argon2id' } }; }),
        },
      }));
  },
};
