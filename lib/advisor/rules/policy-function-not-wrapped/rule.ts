/**
 * policy-function-not-wrapped: a function call in a policy that does not depend on the row, outside a
 * (select ...) sub-query, is evaluated once per row instead of once per statement. Uses the real parser
 * when it is loaded, else a conservative text check.
 */
import { parseSql, sqlParserReady } from '@/lib/model';
import type { Rule, RuleHit } from '../../types';

const ROW_INDEPENDENT = /^(current_setting|auth\.uid|auth\.jwt|auth\.role|current_user_id|now|current_timestamp)$/i;

interface Call { name: string; hasColumn: boolean; wrapped: boolean }

function collectCalls(node: unknown, wrapped: boolean, out: Call[]): void {
  if (Array.isArray(node)) { node.forEach((n) => collectCalls(n, wrapped, out)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'SubLink') { collectCalls(value, true, out); continue; }
    if (key === 'FuncCall') {
      const f = value as { funcname?: { String?: { sval?: string } }[]; args?: unknown };
      const name = (f.funcname ?? []).map((p) => p.String?.sval ?? '').filter(Boolean).join('.');
      out.push({ name, hasColumn: JSON.stringify(f.args ?? null).includes('"ColumnRef"'), wrapped });
    }
    collectCalls(value, wrapped, out);
  }
}

/** unwrappedCalls returns the names of row-independent function calls not inside a sub-query. */
export function unwrappedCalls(expression: string): string[] {
  if (sqlParserReady()) {
    const parsed = parseSql(`SELECT (${expression}\n)`);
    if (!parsed.ok) return [];
    const calls: Call[] = [];
    collectCalls(parsed.stmts, false, calls);
    return [...new Set(calls.filter((c) => !c.wrapped && !c.hasColumn && (ROW_INDEPENDENT.test(c.name) || c.name.startsWith('auth.'))).map((c) => c.name))];
  }
  if (/\(\s*select\b/i.test(expression)) return [];
  return [...new Set([...expression.matchAll(/\b(current_setting|auth\.\w+)\s*\(/gi)].map((m) => m[1]!))];
}

export const policyFunctionNotWrapped: Rule = {
  id: 'policy-function-not-wrapped',
  severity: 'warning',
  title: 'Policy calls a function per row instead of once per statement',
  help: "Wrap the call in a sub-query: (select current_setting('app.user_id', true)::uuid). PostgreSQL then evaluates it once (an InitPlan) instead of for every row, and can use an index.",
  check(ctx) {
    const hits: RuleHit[] = [];
    ctx.model.tables.forEach((table) => (table.policies ?? []).forEach((policy, i) => {
      for (const [part, expr] of [['using', policy.using], ['withCheck', policy.withCheck]] as const) {
        if (!expr) continue;
        for (const name of unwrappedCalls(expr)) {
          hits.push({
            target: { id: policy.id, path: `${ctx.tablePath(table)}.policies[${i}].${part}` },
            detail: `${part}:${name}`,
            message: `policy ${policy.name} on ${table.name} calls ${name}() for every row`,
          });
        }
      }
    }));
    return hits;
  },
};
