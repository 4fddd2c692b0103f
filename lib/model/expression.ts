/**
 * SQL expression checks with the real PostgreSQL parser (libpg_query via pgsql-parser).
 * `loadSqlParser()` must have resolved before the sync checks run; `validate()` reports a finding
 * (never throws) when it has not.
 */
import { loadModule, parseSync } from 'pgsql-parser';

let loaded: Promise<void> | undefined;
let ready = false;

/** loadSqlParser loads the parser's WASM once; later calls return the same promise. */
export function loadSqlParser(): Promise<void> {
  loaded ??= loadModule().then(() => { ready = true; });
  return loaded;
}

export function sqlParserReady(): boolean {
  return ready;
}

export type ExpressionContext = 'default' | 'check' | 'generated' | 'index' | 'where' | 'policy' | 'partition';

/** ExpressionProblem says why a piece of SQL is not one acceptable expression. */
export interface ExpressionProblem {
  readonly message: string;
}

export type ParseResult = { ok: true; stmts: unknown[] } | { ok: false; message: string; line?: number; column?: number };

/**
 * Parse results by SQL text. An autosave re-validates hundreds of expressions of which few changed,
 * and parsing dominates validation time, so the same text is parsed once. Results are shared:
 * callers must treat the returned trees as read-only. Bounded; the oldest entries go first.
 */
const PARSE_CACHE_LIMIT = 50_000;
const parseCache = new Map<string, ParseResult>();

/** parseSql parses SQL text; returns the statements or the parser's message with line and column. */
export function parseSql(sql: string): ParseResult {
  if (!ready) return { ok: false, message: 'SQL parser is not loaded (call loadSqlParser first)' };
  const cached = parseCache.get(sql);
  if (cached) return cached;
  const result = parseUncached(sql);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(sql, result);
  return result;
}

function parseUncached(sql: string): ParseResult {
  try {
    const result = parseSync(sql) as { stmts?: unknown[] };
    return { ok: true, stmts: result.stmts ?? [] };
  } catch (error) {
    const e = error as { message?: string; sqlDetails?: { message?: string; cursorPosition?: number } };
    const message = e.sqlDetails?.message ?? e.message ?? String(error);
    const pos = e.sqlDetails?.cursorPosition;
    if (typeof pos === 'number') {
      const before = sql.slice(0, Math.max(0, pos));
      const lines = before.split('\n');
      return { ok: false, message, line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    }
    return { ok: false, message };
  }
}

const SUBQUERY_FORBIDDEN: ReadonlySet<ExpressionContext> = new Set(['default', 'check', 'generated', 'index', 'where', 'partition']);

/**
 * checkExpression accepts exactly one SQL expression: it parses `SELECT (<expr>)` and requires one
 * statement with one target and nothing else (no FROM, no second statement smuggled in after a `)`),
 * and no sub-query where PostgreSQL forbids one.
 */
export function checkExpression(expr: string, context: ExpressionContext): ExpressionProblem | undefined {
  const result = analyzeExpression(expr, context);
  return result.ok ? undefined : result.problem;
}

/**
 * analyzeExpression is checkExpression that also returns the parsed expression node (libpg_query
 * JSON) when it is acceptable, so callers that inspect it (column references, functions) parse once.
 */
export function analyzeExpression(expr: string, context: ExpressionContext): { ok: true; node: unknown } | { ok: false; problem: ExpressionProblem } {
  const problem = (message: string) => ({ ok: false as const, problem: { message } });
  if (expr.trim() === '') return problem('expression is empty');
  const parsed = parseSql(`SELECT (${expr}\n)`);
  if (!parsed.ok) {
    return problem(`not a valid SQL expression: ${parsed.message}`);
  }
  if (parsed.stmts.length !== 1) return problem('must be exactly one expression, not several statements');
  const stmt = (parsed.stmts[0] as { stmt?: Record<string, unknown> }).stmt ?? {};
  const select = stmt['SelectStmt'] as Record<string, unknown> | undefined;
  if (!select) return problem('must be exactly one expression');
  const targets = select['targetList'] as unknown[] | undefined;
  const extraClauses = ['fromClause', 'whereClause', 'groupClause', 'havingClause', 'sortClause', 'limitCount', 'limitOffset', 'windowClause', 'withClause', 'valuesLists', 'intoClause', 'distinctClause', 'lockingClause'];
  if (!targets || targets.length !== 1 || extraClauses.some((k) => select[k] !== undefined) || select['op'] !== 'SETOP_NONE') {
    return problem('must be exactly one expression');
  }
  // `a, b` inside our wrapping parentheses parses as an implicit ROW(a, b) that starts at the
  // wrapper's own parenthesis (offset 7): that is a list, not one expression.
  const row = ((targets[0] as Record<string, Record<string, unknown>>)['ResTarget']?.['val'] as Record<string, Record<string, unknown>> | undefined)?.['RowExpr'];
  if (row && row['row_format'] === 'COERCE_IMPLICIT_CAST' && row['location'] === 'SELECT '.length) {
    return problem('must be exactly one expression, not a comma-separated list');
  }
  if (SUBQUERY_FORBIDDEN.has(context) && containsKey(targets[0], 'SubLink')) {
    return problem(`sub-queries are not allowed in ${contextLabel(context)} expressions`);
  }
  return { ok: true, node: targets[0] };
}

function contextLabel(context: ExpressionContext): string {
  switch (context) {
    case 'default': return 'DEFAULT';
    case 'check': return 'CHECK';
    case 'generated': return 'generated column';
    case 'index': return 'index';
    case 'where': return 'index predicate';
    case 'policy': return 'policy';
    case 'partition': return 'partition key';
  }
}

function containsKey(node: unknown, key: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => containsKey(n, key));
  for (const [k, v] of Object.entries(node)) {
    if (k === key || containsKey(v, key)) return true;
  }
  return false;
}

/** checkTypeSql accepts a type name as PostgreSQL's grammar reads it (e.g. citext, geometry(Point,4326)). */
export function checkTypeSql(sql: string): ExpressionProblem | undefined {
  if (sql.trim() === '') return { message: 'type is empty' };
  const parsed = parseSql(`SELECT NULL::${sql}\n`);
  if (!parsed.ok) return { message: `not a valid type: ${parsed.message}` };
  if (parsed.stmts.length !== 1) return { message: 'not a single type name' };
  const select = ((parsed.stmts[0] as { stmt?: Record<string, unknown> }).stmt ?? {})['SelectStmt'] as Record<string, unknown> | undefined;
  const targets = select?.['targetList'] as unknown[] | undefined;
  if (!select || !targets || targets.length !== 1 || select['fromClause'] || select['whereClause'] || select['op'] !== 'SETOP_NONE') {
    return { message: 'not a single type name' };
  }
  const val = ((targets[0] as Record<string, Record<string, unknown>>)['ResTarget']?.['val']) as Record<string, unknown> | undefined;
  if (!val || !('TypeCast' in val)) return { message: 'not a single type name' };
  return undefined;
}
