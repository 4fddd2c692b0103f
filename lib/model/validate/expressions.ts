/**
 * Expression rules: every SQL fragment (defaults, checks, generated columns, index expressions and
 * predicates, policy USING / WITH CHECK, partition key expressions) is exactly one expression for
 * the real PostgreSQL parser, without sub-queries where PostgreSQL forbids them. Beyond the grammar:
 * unqualified column references must name columns of the table (DEFAULT may reference none), a
 * generated column may not reference another generated column, and expressions PostgreSQL requires
 * to be immutable (generated, index, partition key) may not call the common volatile/stable functions.
 */
import { analyzeExpression, sqlParserReady, type ExpressionContext } from '../expression';
import type { Column, Table } from '../schema';
import type { RuleContext } from './context';

/** Functions that are not IMMUTABLE, by the names people use most. */
const NOT_IMMUTABLE: ReadonlySet<string> = new Set([
  'now', 'random', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'timeofday', 'nextval', 'currval', 'lastval',
  'setval', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v4', 'txid_current', 'current_setting', 'pg_backend_pid',
]);
const IMMUTABLE_CONTEXTS: ReadonlySet<ExpressionContext> = new Set(['generated', 'index', 'where', 'partition']);

interface Scan { readonly columns: string[]; readonly volatile: string[] }

function str(node: unknown): string | undefined {
  const s = (node as { String?: { sval?: string } } | undefined)?.String?.sval;
  return typeof s === 'string' ? s : undefined;
}

/** scan collects unqualified column names and non-immutable calls from a parsed expression. */
function scan(node: unknown, out: Scan): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const n of node) scan(n, out); return; }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'ColumnRef') {
      const fields = (value as { fields?: unknown[] }).fields ?? [];
      const name = fields.length === 1 ? str(fields[0]) : undefined;
      if (name !== undefined) out.columns.push(name);
    } else if (key === 'FuncCall') {
      const names = ((value as { funcname?: unknown[] }).funcname ?? []).map(str);
      const last = names[names.length - 1];
      if (last !== undefined && NOT_IMMUTABLE.has(last.toLowerCase())) out.volatile.push(`${last}()`);
    } else if (key === 'SQLValueFunction') {
      const op = String((value as { op?: string }).op ?? '').replace(/^SVFOP_/, '').toLowerCase();
      out.volatile.push(op);
    }
    scan(value, out);
  }
}

const LABELS: Record<ExpressionContext, string> = {
  default: 'DEFAULT', check: 'CHECK', generated: 'generation expression', index: 'index expression', where: 'index predicate', policy: 'policy expression', partition: 'partition key expression',
};

/**
 * What validation needs from one expression in one context: the parser's verdict and, when it is
 * acceptable, the distinct column names and non-immutable calls in first-seen order. A pure function
 * of (context, text) once the parser is loaded, so it is memoised: an autosave re-validates every
 * expression of the model and few of them changed. Bounded; the oldest entries go first.
 */
type Analysis = { readonly ok: false; readonly message: string } | { readonly ok: true; readonly columns: readonly string[]; readonly volatile: readonly string[] };
const ANALYSIS_LIMIT = 50_000;
const analyses = new Map<string, Analysis>();

function analyze(expr: string, context: ExpressionContext): Analysis {
  const key = `${context}\u0000${expr}`;
  const cached = analyses.get(key);
  if (cached) return cached;
  const analyzed = analyzeExpression(expr, context);
  let result: Analysis;
  if (!analyzed.ok) {
    result = { ok: false, message: analyzed.problem.message };
  } else {
    const found: Scan = { columns: [], volatile: [] };
    scan(analyzed.node, found);
    result = { ok: true, columns: [...new Set(found.columns)], volatile: [...new Set(found.volatile)] };
  }
  // Without the parser the verdict says so and must not outlive the loading.
  if (!sqlParserReady()) return result;
  if (analyses.size >= ANALYSIS_LIMIT) analyses.delete(analyses.keys().next().value!);
  analyses.set(key, result);
  return result;
}

/** checkSql runs one expression through the parser and the column/immutability rules. */
function checkSql(ctx: RuleContext, expr: string, context: ExpressionContext, path: string, id: string, columns?: readonly Column[], tableName?: string): void {
  const analyzed = analyze(expr, context);
  if (!analyzed.ok) {
    ctx.error(context === 'policy' ? 'policy-expression' : 'expression-invalid', `${LABELS[context]}: ${analyzed.message}`, path, id);
    return;
  }
  if (context === 'policy' || columns === undefined) return;
  for (const name of analyzed.columns) {
    if (context === 'default') {
      ctx.error('expression-column', `DEFAULT cannot reference a column (${JSON.stringify(name)})`, path, id);
      continue;
    }
    const column = columns.find((c) => c.name === name);
    if (!column && name === tableName) continue; // a whole-row reference
    if (!column) ctx.error('expression-column', `${LABELS[context]} refers to ${JSON.stringify(name)}, which is not a column of this table`, path, id);
    else if (context === 'generated' && column.generated) ctx.error('generated-reference', `a generated column cannot reference another generated column (${JSON.stringify(name)})`, path, id);
  }
  if (IMMUTABLE_CONTEXTS.has(context)) {
    for (const fn of analyzed.volatile) ctx.error('expression-volatile', `${LABELS[context]} uses ${fn}, which is not IMMUTABLE`, path, id);
  }
}

function tableExpressions(ctx: RuleContext, t: Table): void {
  const path = ctx.tablePath(t);
  const columns = ctx.columnsOf(t);
  t.columns.forEach((c, j) => {
    const cpath = `${path}.columns[${j}]`;
    if (c.default !== undefined) checkSql(ctx, c.default, 'default', `${cpath}.default`, c.id, columns, t.name);
    if (c.generated) checkSql(ctx, c.generated.expression, 'generated', `${cpath}.generated.expression`, c.id, columns, t.name);
  });
  t.checks?.forEach((ck, j) => checkSql(ctx, ck.expression, 'check', `${path}.checks[${j}].expression`, ck.id, columns, t.name));
  t.indexes?.forEach((ix, j) => {
    ix.elements.forEach((el, k) => { if (el.expression !== undefined) checkSql(ctx, el.expression, 'index', `${path}.indexes[${j}].elements[${k}].expression`, ix.id, columns, t.name); });
    if (ix.where !== undefined) checkSql(ctx, ix.where, 'where', `${path}.indexes[${j}].where`, ix.id, columns, t.name);
  });
  t.policies?.forEach((p, j) => {
    if (p.using !== undefined) checkSql(ctx, p.using, 'policy', `${path}.policies[${j}].using`, p.id);
    if (p.withCheck !== undefined) checkSql(ctx, p.withCheck, 'policy', `${path}.policies[${j}].withCheck`, p.id);
  });
  t.partitionBy?.keys.forEach((key, k) => {
    if (key.expression !== undefined) checkSql(ctx, key.expression, 'partition', `${path}.partitionBy.keys[${k}].expression`, t.id, columns, t.name);
  });
}

export function expressionRules(ctx: RuleContext): void {
  for (const t of ctx.model.tables) tableExpressions(ctx, t);
}
