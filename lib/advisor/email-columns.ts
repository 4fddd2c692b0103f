/**
 * What the two email rules share: which columns hold email addresses, and the remedies read from the
 * parse tree (a CHECK that matches a pattern, a domain with a CHECK, citext, a unique index on lower(),
 * a CHECK that keeps the column lower-cased).
 */
import type { Column, Model, Table } from '@/lib/model';
import { customName, words } from './context';
import { bareName, callOf, columnNames, expressionTree, functionCalls, hasKey, statementTrees, sval, usesPatternMatch, walkTree } from './expression-tree';

export function isEmailName(name: string): boolean {
  const w = words(name);
  return w[w.length - 1] === 'email' || w[w.length - 1] === 'mail' && w[w.length - 2] === 'e';
}

/** hasFormatCheck: a CHECK of the table reads the column and matches it against a pattern (or calls a validating function of the model). */
export function hasFormatCheck(modelFunctions: ReadonlySet<string>, table: Table, column: Column): boolean {
  return (table.checks ?? []).some((k) => {
    const tree = expressionTree(k.expression);
    return tree !== undefined && columnNames(tree).has(column.name)
      && (usesPatternMatch(tree) || functionCalls(tree).some((c) => modelFunctions.has(c.base)));
  });
}

/** domainWithCheck: the column's type is a domain of the model (an SQL object) declared with a CHECK. */
export function domainWithCheck(model: Model, column: Column): boolean {
  const name = customName(column);
  if (name === undefined) return false;
  return (model.sqlObjects ?? []).some((o) => o.kind === 'domain' && o.name !== undefined && bareName(o.name) === name
    && statementTrees(o.sql).some((s) => hasKey(s, 'CreateDomainStmt') && JSON.stringify(s).includes('"CONSTR_CHECK"')));
}

/** lowerUniqueIndex: a unique index of exactly lower(column) (or upper), which makes uniqueness case-insensitive. */
export function lowerUniqueIndex(table: Table, column: Column): boolean {
  return (table.indexes ?? []).some((i) => {
    if (!i.unique || i.where || i.elements.length !== 1 || !i.elements[0]!.expression) return false;
    const f = callOf(expressionTree(i.elements[0]!.expression));
    return f !== undefined && (f.base === 'lower' || f.base === 'upper') && (f.schema === undefined || f.schema === 'pg_catalog')
      && f.args.length === 1 && [...columnNames(f.args)].join() === column.name;
  });
}

/**
 * lowerCaseCheck: a CHECK of the table requires `column = lower(...column...)` (as in
 * `email = lower(btrim(email))`), so every stored value is lower-case and a plain unique index on it is
 * case-insensitive in effect.
 */
export function lowerCaseCheck(table: Table, column: Column): boolean {
  const isColumn = (n: unknown) => {
    const fields = (n as { ColumnRef?: { fields?: unknown[] } }).ColumnRef?.fields?.map(sval);
    return fields !== undefined && fields[fields.length - 1] === column.name && (fields.length === 1 || fields[0] === table.name);
  };
  const isLowerOfColumn = (n: unknown) => {
    const f = callOf(n);
    return f !== undefined && f.base === 'lower' && (f.schema === undefined || f.schema === 'pg_catalog') && columnNames(f.args).has(column.name);
  };
  return (table.checks ?? []).some((k) => walkTree(expressionTree(k.expression), (key, value) => {
    // Only a conjunct constrains every row: `email = lower(email) OR x` does not.
    if (key === 'BoolExpr' && (value as { boolop?: string }).boolop !== 'AND_EXPR') return 'skip';
    if (key !== 'A_Expr') return;
    const e = value as { kind?: string; name?: unknown[]; lexpr?: unknown; rexpr?: unknown };
    return e.kind === 'AEXPR_OP' && (e.name ?? []).map(sval).join() === '='
      && ((isColumn(e.lexpr) && isLowerOfColumn(e.rexpr)) || (isColumn(e.rexpr) && isLowerOfColumn(e.lexpr))) ? 'stop' : 'skip';
  }));
}

export function isCitext(column: Column): boolean {
  return customName(column) === 'citext';
}
