/**
 * policy-column-without-index: a column a hand-written policy compares with the current user or tenant
 * (owner_id = (select ...)) that no index leads with. RLS adds the condition to every query, so without
 * an index every query scans the table. (rls.sql indexes the columns of RLS templates itself.)
 */
import type { Table } from '@/lib/model';
import type { Rule, RuleHit } from '../../types';
import { ledByIndex } from '../../context';
import { expressionTree, hasKey, sval, walkTree } from '../../expression-tree';
import { addIndexFix } from '../../edit';

/** rowColumn: the name of a column of this row when the node is a plain reference to one (`col` or `table.col`). */
function rowColumn(node: unknown, table: Table): string | undefined {
  const fields = (node as { ColumnRef?: { fields?: unknown[] } }).ColumnRef?.fields?.map(sval);
  if (!fields || fields.some((f) => f === undefined)) return undefined;
  if (fields.length === 1) return fields[0];
  return fields.length === 2 && fields[0] === table.name ? fields[1] : undefined;
}

/**
 * filteredColumns: columns the policy tests for equality with something that does not depend on the row
 * (`col = (select current_setting(...))`, `col IN (...)`, `col = ANY (...)`), outside sub-queries.
 */
export function filteredColumns(expression: string, table: Table): string[] {
  const tree = expressionTree(expression);
  const out = new Set<string>();
  walkTree(tree, (key, value) => {
    if (key === 'SubLink') return 'skip';
    if (key !== 'A_Expr') return;
    const e = value as { kind?: string; name?: unknown[]; lexpr?: unknown; rexpr?: unknown };
    const equality = (e.kind === 'AEXPR_OP' || e.kind === 'AEXPR_OP_ANY' || e.kind === 'AEXPR_IN') && (e.name ?? []).map(sval).join() === '=';
    if (!equality) return;
    for (const [side, other] of [[e.lexpr, e.rexpr], [e.rexpr, e.lexpr]] as const) {
      const name = rowColumn(side, table);
      if (name !== undefined && !hasKey(other, 'ColumnRef')) out.add(name);
    }
  });
  return [...out];
}

export const policyColumnWithoutIndex: Rule = {
  id: 'policy-column-without-index',
  severity: 'warning',
  title: 'Column a policy filters on has no index',
  help: 'Index the column the policy compares with the current user or tenant: the policy is added to every query on the table, and without an index each one scans it.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const table of ctx.model.tables) {
      const byColumn = new Map<string, string[]>();
      for (const p of table.policies ?? []) {
        for (const name of [...filteredColumns(p.using ?? 'true', table), ...filteredColumns(p.withCheck ?? 'true', table)]) {
          byColumn.set(name, [...new Set([...(byColumn.get(name) ?? []), p.name])]);
        }
      }
      for (const [name, policies] of byColumn) {
        const column = table.columns.find((c) => c.name === name);
        // An equality filter on one column can use a hash index as well as a btree.
        if (!column || ledByIndex(ctx, table, [column.id], ['btree', 'hash'])) continue;
        hits.push({
          target: { id: column.id, path: ctx.columnPath(table, column) },
          message: `${table.name}.${column.name} is filtered on by ${policies.length === 1 ? 'policy' : 'policies'} ${policies.join(', ')} but no index leads with it`,
          fix: addIndexFix(table, [column.id], [column.name], 'ix_rls', column.id),
        });
      }
    }
    return hits;
  },
};
