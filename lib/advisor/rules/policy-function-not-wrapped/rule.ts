/**
 * policy-function-not-wrapped: a function call in a policy that does not depend on the row, outside a
 * (select ...) sub-query, is evaluated once per row instead of once per statement. Read from the real
 * parser's tree (no parser, no findings); the fix wraps the call where the tree says it is.
 */
import type { Rule, RuleHit } from '../../types';
import { callOf, expressionTree, functionCalls, hasKey, modelFunctionNames, walkTree, type FunctionCall } from '../../expression-tree';
import { editTable } from '../../edit';

/** Parse locations are byte offsets into `SELECT (<expression>`. */
const PREFIX = 'SELECT ('.length;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function charIndex(expression: string, location: number): number {
  return decoder.decode(encoder.encode(`SELECT (${expression}`).slice(0, location)).length - PREFIX;
}

/**
 * perStatementCall: a call worth wrapping reads no column of the row and is a setting or identity
 * lookup: current_setting(), a current_* helper, any function qualified with a schema other than
 * pg_catalog (auth.uid(), app.tenant_id()), or a function the model itself defines.
 */
function perStatementCall(call: FunctionCall, modelFunctions: ReadonlySet<string>): boolean {
  if (call.inSubquery || hasKey(call.args, 'ColumnRef')) return false;
  if (call.schema !== undefined) return call.schema !== 'pg_catalog' || call.base === 'current_setting';
  return call.base === 'current_setting' || call.base.startsWith('current_') || modelFunctions.has(call.base);
}

/** unwrappedCalls returns the names of row-independent calls not inside a sub-query. */
export function unwrappedCalls(expression: string, modelFunctions: ReadonlySet<string> = new Set()): string[] {
  const tree = expressionTree(expression);
  if (tree === undefined) return [];
  return [...new Set(functionCalls(tree).filter((c) => perStatementCall(c, modelFunctions)).map((c) => c.name))];
}

/** callEnd finds where a call that starts at `from` ends: its closing parenthesis, skipping strings and quoted names. */
function callEnd(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return undefined;
      i = close;
      // A doubled quote ('it''s') continues the same literal: the loop meets its second half next.
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') { depth--; if (depth === 0) return i + 1; if (depth < 0) return undefined; }
  }
  return undefined;
}

/**
 * wrapCalls returns the expression with every per-statement call wrapped in (select ...), or undefined
 * when the text cannot be rewritten safely (E'' strings, dollar quoting, comments) or the result does
 * not parse to a policy without such calls.
 */
export function wrapCalls(expression: string, modelFunctions: ReadonlySet<string> = new Set()): string | undefined {
  if (/\$|--|\/\*|\b[eE]'/.test(expression)) return undefined;
  const tree = expressionTree(expression);
  if (tree === undefined) return undefined;
  const starts: number[] = [];
  walkTree(tree, (key, value, inSubquery) => {
    if (key !== 'FuncCall' || inSubquery) return;
    const call = callOf({ FuncCall: value });
    const location = (value as { location?: number }).location;
    if (!call || location === undefined || !perStatementCall(call, modelFunctions)) return;
    // The whole call is wrapped, arguments included, so a call inside it needs no wrapping of its own.
    starts.push(charIndex(expression, location));
    return 'skip';
  });
  if (starts.length === 0) return undefined;
  let out = expression;
  for (const start of starts.sort((a, b) => b - a)) {
    const end = callEnd(out, start);
    if (end === undefined) return undefined;
    out = `${out.slice(0, start)}(select ${out.slice(start, end)})${out.slice(end)}`;
  }
  return expressionTree(out) !== undefined && unwrappedCalls(out, modelFunctions).length === 0 ? out : undefined;
}

export const policyFunctionNotWrapped: Rule = {
  id: 'policy-function-not-wrapped',
  severity: 'warning',
  title: 'Policy calls a function per row instead of once per statement',
  help: "Wrap the call in a sub-query: (select current_setting('app.user_id', true)::uuid). PostgreSQL then evaluates it once (an InitPlan) instead of for every row, and can use an index.",
  check(ctx) {
    const hits: RuleHit[] = [];
    const functions = modelFunctionNames(ctx.model);
    ctx.model.tables.forEach((table) => (table.policies ?? []).forEach((policy, i) => {
      for (const part of ['using', 'withCheck'] as const) {
        const expr = policy[part];
        if (!expr) continue;
        const names = unwrappedCalls(expr, functions);
        // wrapCalls walks the tree again, then rewrites and re-parses: only an expression with a finding needs it.
        const wrapped = names.length > 0 ? wrapCalls(expr, functions) : undefined;
        for (const name of names) {
          hits.push({
            target: { id: policy.id, path: `${ctx.tablePath(table)}.policies[${i}].${part}` },
            detail: `${part}:${name}`,
            message: `policy ${policy.name} on ${table.name} calls ${name}() for every row`,
            ...(wrapped === undefined ? {} : {
              fix: {
                title: `Wrap the calls in ${part === 'using' ? 'USING' : 'WITH CHECK'} in (select ...)`,
                apply: (model) => editTable(model, table.id, (t) => {
                  const p = (t.policies ?? []).find((x) => x.id === policy.id);
                  if (p && p[part] === expr) p[part] = wrapped;
                }),
              },
            }),
          });
        }
      }
    }));
    return hits;
  },
};
