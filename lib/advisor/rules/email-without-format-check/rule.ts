/** email-without-format-check: an email column with no CHECK mentioning it (and not a domain/citext type with one). */
import type { Rule } from '../../types';
import { columnsOfModel, words } from '../../context';
import { constraintNames, derivedId, editColumn, fitName, freeName } from '../../edit';
import { quoteIdentForExpression } from '../../sql-text';

export function isEmailName(name: string): boolean {
  const w = words(name);
  return w[w.length - 1] === 'email' || w[w.length - 1] === 'mail' && w[w.length - 2] === 'e';
}

function mentions(expression: string, column: string): boolean {
  return expression.includes(`"${column.replaceAll('"', '""')}"`) || new RegExp(`\\b${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(expression);
}

export const emailWithoutFormatCheck: Rule = {
  id: 'email-without-format-check',
  severity: 'info',
  title: 'Email column without a format check',
  help: "Add a CHECK such as email ~* '^[^@\\s]+@[^@\\s]+$' (a sanity check; real validation is sending a mail).",
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ table, column }) => isEmailName(column.name) && column.type.kind !== 'enum' && !column.type.array && !column.security?.encrypted
        && !(table.checks ?? []).some((k) => mentions(k.expression, column.name)))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} accepts any text as an email address`,
        fix: {
          title: 'Add a format CHECK',
          apply: (model) => editColumn(model, table.id, column.id, (c, t, draft) => {
            (t.checks ??= []).push({ id: derivedId('ck_email', c.id, draft), name: freeName(fitName(t.name, c.name, 'format'), constraintNames(t)), expression: `${quoteIdentForExpression(c.name)} ~* '^[^@[:space:]]+@[^@[:space:]]+$'` });
          }),
        },
      }));
  },
};
