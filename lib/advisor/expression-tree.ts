/**
 * Rules that look inside SQL the user typed (defaults, CHECKs, index expressions, policies) read
 * PostgreSQL's own parse tree (pgsql-parser), never the text: a name inside a string literal or a
 * comment is not a call, and quoting and case folding are already resolved. Without the parser loaded
 * (a browser that could not fetch its WASM) expressionTree returns undefined and those rules report
 * nothing rather than guess; the editor then says expressions were not checked, and the CLI always
 * loads the parser.
 */
import { parseSql, sqlParserReady, type Model } from '@/lib/model';

/** expressionTree parses one expression as PostgreSQL would read it; undefined when it cannot. */
export function expressionTree(expression: string): unknown {
  if (!sqlParserReady()) return undefined;
  const parsed = parseSql(`SELECT (${expression}\n)`);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const select = (parsed.stmts[0] as { stmt?: { SelectStmt?: { targetList?: { ResTarget?: { val?: unknown } }[] } } }).stmt?.SelectStmt;
  return select?.targetList?.length === 1 ? select.targetList[0]!.ResTarget?.val : undefined;
}

/** statementTrees parses a SQL script (an sqlObject) into its statements; [] when it cannot. */
export function statementTrees(sql: string): unknown[] {
  if (!sqlParserReady()) return [];
  const parsed = parseSql(sql);
  return parsed.ok ? parsed.stmts.map((s) => (s as { stmt?: unknown }).stmt) : [];
}

export interface FunctionCall {
  /** Lower-case as PostgreSQL resolves it: `auth.uid`, `current_setting`. */
  readonly name: string;
  /** The last part of the name (`uid` for `auth.uid`). */
  readonly base: string;
  /** The schema part when the call is qualified. */
  readonly schema?: string;
  readonly args: readonly unknown[];
  /** Inside a sub-query ((select ...), EXISTS, IN (select ...)). */
  readonly inSubquery: boolean;
}

/** sval reads a String node's text (a name part or operator in the tree). */
export const sval = (n: unknown): string | undefined => (n as { String?: { sval?: string } }).String?.sval;

/** callOf reads a node that is itself a function call (`lower(email)`); undefined for anything else. */
export function callOf(node: unknown): FunctionCall | undefined {
  const call = node && typeof node === 'object' ? (node as { FuncCall?: unknown }).FuncCall : undefined;
  return call === undefined ? undefined : functionCalls({ FuncCall: call })[0];
}

/**
 * modelFunctionNames: bare lower-case names of the functions the model defines as SQL objects, which a
 * CHECK or policy may call unqualified (is_email(email), tenant_id()).
 */
export function modelFunctionNames(model: Model): Set<string> {
  return new Set((model.sqlObjects ?? []).filter((o) => o.kind === 'function' && o.name).map((o) => bareName(o.name!)));
}

/** bareName: an SQL object's name without schema and quotes, lower-cased, as a tree's unqualified call or type names it. */
export function bareName(name: string): string {
  return name.replace(/^.*\./, '').replaceAll('"', '').toLowerCase();
}

/**
 * walkTree visits every keyed node of a parse tree depth-first in the parser's order, telling the
 * visitor whether the node sits below a SubLink (a sub-query). The visitor returns 'skip' to leave the
 * node's children unread or 'stop' to end the walk; walkTree returns whether it was stopped.
 */
export function walkTree(tree: unknown, visit: (key: string, value: unknown, inSubquery: boolean) => 'skip' | 'stop' | void): boolean {
  const walk = (node: unknown, inSubquery: boolean): boolean => {
    if (!node || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((n) => walk(n, inSubquery));
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const next = visit(key, value, inSubquery);
      if (next === 'stop') return true;
      if (next !== 'skip' && walk(value, inSubquery || key === 'SubLink')) return true;
    }
    return false;
  };
  return walk(tree, false);
}

/** functionCalls lists every function call in a tree, with whether it sits inside a sub-query. */
export function functionCalls(tree: unknown): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkTree(tree, (key, value, inSubquery) => {
    if (key !== 'FuncCall') return;
    const f = value as { funcname?: unknown[]; args?: unknown[] };
    const parts = (f.funcname ?? []).map(sval).filter((s): s is string => s !== undefined).map((s) => s.toLowerCase());
    if (parts.length > 0) {
      out.push({ name: parts.join('.'), base: parts[parts.length - 1]!, ...(parts.length > 1 ? { schema: parts[parts.length - 2] } : {}), args: f.args ?? [], inSubquery });
    }
  });
  return out;
}

/** columnNames lists the column names a tree references (the last part of each column reference, as PostgreSQL folded it). */
export function columnNames(tree: unknown): Set<string> {
  const out = new Set<string>();
  walkTree(tree, (key, value) => {
    if (key !== 'ColumnRef') return;
    const fields = ((value as { fields?: unknown[] }).fields ?? []).map(sval);
    const last = fields[fields.length - 1];
    if (last !== undefined) out.add(last);
    return 'skip';
  });
  return out;
}

/** stringConstants lists the string literals of a tree, lower-cased (`'sha1'`, `'md5'`). */
export function stringConstants(tree: unknown): string[] {
  const out: string[] = [];
  walkTree(tree, (key, value) => {
    if (key !== 'A_Const') return;
    const s = (value as { sval?: { sval?: string } }).sval?.sval;
    if (s !== undefined) out.push(s.toLowerCase());
    return 'skip';
  });
  return out;
}

/** hasKey says whether a node of that kind (`A_Const`, `ColumnRef`, `SubLink`) occurs in the tree. */
export function hasKey(tree: unknown, key: string): boolean {
  if (!tree || typeof tree !== 'object') return false;
  if (Array.isArray(tree)) return tree.some((n) => hasKey(n, key));
  return Object.entries(tree as Record<string, unknown>).some(([k, v]) => k === key || hasKey(v, key));
}

/** Pattern-matching operators: ~ ~* (regex), ~~ ~~* (LIKE, ILIKE), SIMILAR TO. */
const PATTERN_OPERATORS = new Set(['~', '~*', '~~', '~~*']);

/** usesPatternMatch says whether a tree matches text against a pattern (regex, LIKE, ILIKE, SIMILAR TO, regexp_like). */
export function usesPatternMatch(tree: unknown): boolean {
  const found = walkTree(tree, (key, value) => {
    if (key !== 'A_Expr') return;
    const e = value as { kind?: string; name?: unknown[] };
    const op = (e.name ?? []).map(sval).join('.');
    if (e.kind === 'AEXPR_LIKE' || e.kind === 'AEXPR_ILIKE' || e.kind === 'AEXPR_SIMILAR' || PATTERN_OPERATORS.has(op)) return 'stop';
  });
  return found || functionCalls(tree).some((c) => ['regexp_like', 'regexp_match', 'regexp_count', 'position', 'strpos'].includes(c.base));
}
