/**
 * tableExpressions lists the SQL expressions a table stores (column defaults and generation
 * expressions, CHECKs, index elements, policy clauses) with the target, JSON path, wording and finding
 * detail the expression rules report them under, so those rules locate and word their findings alike.
 */
import type { Table } from '@/lib/model';
import type { RuleContext } from './context';

export interface StoredExpression {
  readonly kind: 'default' | 'generated' | 'check' | 'index' | 'policy';
  readonly expression: string;
  /** The finding's target: the column, check, index or policy holding the expression. */
  readonly id: string;
  readonly path: string;
  /** How a message names the place: `default of users.token`, `policy own on docs`. */
  readonly what: string;
  /** Tells two expressions of one target apart (a column's default and generation expression). */
  readonly detail?: string;
}

export function tableExpressions(ctx: RuleContext, table: Table): StoredExpression[] {
  const tp = ctx.tablePath(table);
  const out: StoredExpression[] = [];
  const add = (e: Omit<StoredExpression, 'expression'>, expression: string | undefined) => { if (expression !== undefined) out.push({ ...e, expression }); };
  table.columns.forEach((c, i) => {
    add({ kind: 'default', id: c.id, path: `${tp}.columns[${i}].default`, what: `default of ${table.name}.${c.name}`, detail: 'default' }, c.default);
    add({ kind: 'generated', id: c.id, path: `${tp}.columns[${i}].generated`, what: `generated column ${table.name}.${c.name}`, detail: 'generated' }, c.generated?.expression);
  });
  (table.checks ?? []).forEach((k, i) => add({ kind: 'check', id: k.id, path: `${tp}.checks[${i}]`, what: `check ${k.name} on ${table.name}` }, k.expression));
  (table.indexes ?? []).forEach((x, i) => x.elements.forEach((e, j) => add({ kind: 'index', id: x.id, path: `${tp}.indexes[${i}]`, what: `index ${x.name} on ${table.name}`, detail: `element${j}` }, e.expression)));
  (table.policies ?? []).forEach((p, i) => {
    add({ kind: 'policy', id: p.id, path: `${tp}.policies[${i}].using`, what: `policy ${p.name} on ${table.name}`, detail: 'using' }, p.using);
    add({ kind: 'policy', id: p.id, path: `${tp}.policies[${i}].withCheck`, what: `policy ${p.name} on ${table.name}`, detail: 'withCheck' }, p.withCheck);
  });
  return out;
}
