/** secret-column-not-marked: API keys, tokens and private keys not marked secret or encrypted. */
import type { Rule } from '../../types';
import { columnsOfModel, words } from '../../context';
import { editColumn } from '../../edit';

export function secretName(name: string): boolean {
  const w = words(name);
  const joined = w.join('_');
  if (w.includes('type') || w.includes('expires') || w.includes('at') || w.includes('count') || w.includes('id') || w.includes('prefix') || w.includes('hint')) return false;
  return /(^|_)(api_key|apikey|secret|client_secret|access_token|refresh_token|auth_token|token|private_key|totp_secret|otp_secret|webhook_secret|signing_key)(_|$)/.test(joined);
}

export const secretColumnNotMarked: Rule = {
  id: 'secret-column-not-marked',
  severity: 'warning',
  title: 'Secret-like column is not marked',
  help: 'Mark it secret (kept out of audit rows and the read-only role) and store a hash (tokens) or ciphertext (keys you must read back) rather than the value.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => secretName(column.name) && !column.security?.secret && !column.security?.encrypted && !column.security?.passwordHash)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} looks like a secret but is not marked`,
        fix: { title: 'Mark as secret', apply: (model) => editColumn(model, table.id, column.id, (c) => { c.security = { ...c.security, secret: true }; }) },
      }));
  },
};
