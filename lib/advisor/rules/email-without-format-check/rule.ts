/**
 * email-without-format-check: an email column with neither a format check (a pattern CHECK, or a domain
 * type with a CHECK) nor case-insensitive handling (citext, a unique index on lower(email), or a CHECK
 * keeping it lower-case): the
 * issue's "email column without a format check or citext/lower unique index". Either remedy silences it.
 */
import type { Rule } from '../../types';
import { columnsOfModel } from '../../context';
import { sqlParserReady } from '@/lib/model';
import { constraintNames, derivedId, editColumn, fitName, freeName } from '../../edit';
import { quoteIdentForExpression } from '../../sql-text';
import { modelFunctionNames } from '../../expression-tree';
import { domainWithCheck, hasFormatCheck, isCitext, isEmailName, lowerCaseCheck, lowerUniqueIndex } from '../../email-columns';

export const emailWithoutFormatCheck: Rule = {
  id: 'email-without-format-check',
  severity: 'info',
  title: 'Email column without a format check or case-insensitive handling',
  help: "Add a CHECK such as email ~* '^[^@[:space:]]+@[^@[:space:]]+$' (a sanity check; real validation is sending a mail), or make it citext / give it a unique index on lower(email).",
  check(ctx) {
    // The remedies are read from parse trees: without the parser every column would look unprotected.
    if (!sqlParserReady()) return [];
    const functions = modelFunctionNames(ctx.model);
    return columnsOfModel(ctx)
      .filter(({ table, column }) => isEmailName(column.name) && column.type.kind !== 'enum' && !column.type.array && !column.security?.encrypted && !column.generated
        && !isCitext(column) && !lowerUniqueIndex(table, column) && !lowerCaseCheck(table, column) && !hasFormatCheck(functions, table, column) && !domainWithCheck(ctx.model, column))
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} accepts any text as an email address and compares it case-sensitively`,
        fix: {
          title: 'Add a format CHECK',
          apply: (model) => editColumn(model, table.id, column.id, (c, t, draft) => {
            (t.checks ??= []).push({ id: derivedId('ck_email', c.id, draft), name: freeName(fitName(t.name, c.name, 'format'), constraintNames(t)), expression: `${quoteIdentForExpression(c.name)} ~* '^[^@[:space:]]+@[^@[:space:]]+$'` });
          }),
        },
      }));
  },
};
