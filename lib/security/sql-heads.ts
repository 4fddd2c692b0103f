/**
 * createdObjects reads which named objects a piece of SQL creates (functions, triggers, policies,
 * relations, schemas, roles, constraints added by ALTER TABLE) from the heads of its statements. The
 * preview worker has no SQL parser, so this is a small lexer: comments, string literals, quoted
 * identifiers and dollar-quoted bodies are skipped whole, and only the leading keywords and names of
 * each top-level statement are read. tests/security/sql-heads.test.ts holds it to the real parser.
 */

export type CreatedKind = 'function' | 'trigger' | 'policy' | 'relation' | 'schema' | 'role' | 'constraint';

export interface QualifiedName {
  /** undefined when the SQL leaves the name unqualified (search_path decides). */
  readonly schema?: string;
  readonly name: string;
}

export interface CreatedObject extends QualifiedName {
  readonly kind: CreatedKind;
  /** For relations: table, view, materialized view, index or sequence. */
  readonly relkind?: string;
  /** For views: created WITH (security_invoker) on, so privileges and row-level security are checked for the caller. */
  readonly securityInvoker?: true;
  /** The table a trigger, policy or constraint belongs to (an index's table is not needed: its name is per schema). */
  readonly table?: QualifiedName;
}

type Token = { readonly t: 'word' | 'ident' | 'punct' | 'string'; readonly v: string };

// Character classes by code, not by regular expression: the generated files of a large model run to megabytes.
const isWordStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
const isWordPart = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 36;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** lowerAscii folds an unquoted identifier as PostgreSQL does in UTF-8: ASCII letters only. */
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** skipString returns the index after a '...' literal starting at `i` (backslash escapes when `escapes`). */
function skipString(sql: string, i: number, escapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j]!;
    if (escapes && c === '\\') { j += 2; continue; }
    if (c === "'") {
      if (sql[j + 1] === "'") { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return j;
}

/** statementTokens splits SQL into its top-level CREATE and ALTER statements as tokens (literals and comments dropped). */
export function statementTokens(sql: string): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  // Only CREATE and ALTER statements are read further: the tokens of the others are not kept.
  let ignored = false;
  const push = (token: Token) => {
    if (ignored) return;
    if (current.length === 0 && !(token.t === 'word' && (token.v === 'create' || token.v === 'alter'))) { ignored = true; return; }
    current.push(token);
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2; } else if (sql[i] === '*' && sql[i + 1] === '/') { depth--; i += 2; } else i++;
      }
    } else if (c === "'") {
      const end = skipString(sql, i, false);
      push({ t: 'string', v: sql.slice(i + 1, end - 1).replaceAll("''", "'") });
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < sql.length) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') { v += '"'; j += 2; continue; }
          break;
        }
        v += sql[j];
        j++;
      }
      push({ t: 'ident', v });
      i = j + 1;
    } else if (c === '$' && (i === 0 || !isWordPart(sql.charCodeAt(i - 1)))) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 200))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? sql.length : end + tag.length;
      } else i++;
    } else if (isWordStart(sql.charCodeAt(i))) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql.charCodeAt(j))) j++;
      const word = sql.slice(i, j);
      // E'..' takes backslash escapes; B'..', X'..', N'..' and U&'..' are ordinary literals.
      if (j - i === 1 && sql[j] === "'" && /^[EeBbXxNn]$/.test(word)) { i = skipString(sql, j, word === 'E' || word === 'e'); continue; }
      if (j - i === 1 && (word === 'U' || word === 'u') && sql[j] === '&' && (sql[j + 1] === "'" || sql[j + 1] === '"')) { i = j + 1; continue; }
      if (ignored) { i = j; continue; }
      push({ t: 'word', v: /[A-Z]/.test(word) ? lowerAscii(word) : word });
      i = j;
    } else if (c === ';') {
      if (current.length) out.push(current);
      current = [];
      ignored = false;
      i++;
    } else if (isSpace(sql.charCodeAt(i))) {
      i++;
    } else if (c >= '0' && c <= '9') {
      const start = i;
      while (i < sql.length && /[0-9.eE_]/.test(sql[i]!)) i++;
      push({ t: 'punct', v: sql.slice(start, i) });
    } else {
      push({ t: 'punct', v: c });
      i++;
    }
  }
  if (current.length) out.push(current);
  return out;
}

class Reader {
  i = 0;
  constructor(private readonly tokens: Token[]) {}
  word(...words: string[]): boolean {
    const t = this.tokens[this.i];
    if (t?.t === 'word' && words.includes(t.v)) { this.i++; return true; }
    return false;
  }
  words(...seq: string[]): boolean {
    const start = this.i;
    for (const w of seq) if (!this.word(w)) { this.i = start; return false; }
    return true;
  }
  /** ident reads one identifier (a quoted one, or any word: PostgreSQL allows unreserved keywords as names). */
  ident(): string | undefined {
    const t = this.tokens[this.i];
    if (t && (t.t === 'ident' || t.t === 'word')) { this.i++; return t.v; }
    return undefined;
  }
  qualified(): QualifiedName | undefined {
    const parts: string[] = [];
    const first = this.ident();
    if (first === undefined) return undefined;
    parts.push(first);
    while (this.tokens[this.i]?.v === '.' && this.tokens[this.i]?.t === 'punct') {
      this.i++;
      const next = this.ident();
      if (next === undefined) break;
      parts.push(next);
    }
    return parts.length === 1 ? { name: parts[0]! } : { schema: parts[parts.length - 2]!, name: parts[parts.length - 1]! };
  }
  punct(p: string): boolean {
    const t = this.tokens[this.i];
    if (t?.t === 'punct' && t.v === p) { this.i++; return true; }
    return false;
  }
  /** value reads an option value: a word, a quoted name or a number, lower-cased as PostgreSQL compares booleans. */
  value(): string | undefined {
    const t = this.tokens[this.i];
    if (!t || (t.t === 'punct' && !/^[0-9]/.test(t.v))) return undefined;
    // An option value may be quoted ('on'); a quoted identifier keeps its case.
    if (t.t === 'ident') { this.i++; return t.v; }
    this.i++;
    return t.v.toLowerCase();
  }
  /** skipParens moves past the `)` matching a `(` just read. */
  skipParens(): void {
    let depth = 1;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.tokens[this.i++]!;
      if (t.t === 'punct' && t.v === '(') depth++;
      else if (t.t === 'punct' && t.v === ')') depth--;
    }
  }
  /** skipTo moves past the next top-level `word` (outside parentheses); false if there is none. */
  skipTo(word: string): boolean {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++]!;
      if (t.t === 'punct' && t.v === '(') depth++;
      else if (t.t === 'punct' && t.v === ')') depth--;
      else if (depth === 0 && t.t === 'word' && t.v === word) return true;
    }
    return false;
  }
  get done(): boolean { return this.i >= this.tokens.length; }
}

const TRUE_VALUES: ReadonlySet<string> = new Set(['true', 'on', 'yes', '1']);

/** viewIsInvoker reads `[(columns)] WITH (..., security_invoker [= value], ...)` after a view's name. */
function viewIsInvoker(r: Reader): boolean {
  if (r.punct('(')) r.skipParens();
  if (!r.word('with') || !r.punct('(')) return false;
  let invoker = false;
  for (;;) {
    const name = r.ident();
    if (name === undefined) return invoker;
    let value = 'true';
    if (r.punct('=')) value = r.value() ?? '';
    if (name === 'security_invoker') invoker = TRUE_VALUES.has(value);
    if (!r.punct(',')) return invoker;
  }
}

function createHead(r: Reader): CreatedObject[] {
  r.words('or', 'replace');
  r.word('global', 'local');
  r.word('temp', 'temporary', 'unlogged');
  const ifNotExists = () => r.words('if', 'not', 'exists');
  if (r.word('function', 'procedure')) {
    const q = r.qualified();
    return q ? [{ kind: 'function', ...q }] : [];
  }
  if (r.word('constraint') ? r.word('trigger') : r.word('trigger')) {
    const name = r.ident();
    if (name === undefined || !r.skipTo('on')) return [];
    const table = r.qualified();
    return table ? [{ kind: 'trigger', name, table }] : [];
  }
  if (r.word('policy')) {
    const name = r.ident();
    if (name === undefined || !r.word('on')) return [];
    const table = r.qualified();
    return table ? [{ kind: 'policy', name, table }] : [];
  }
  if (r.word('unique') ? r.word('index') : r.word('index')) {
    r.word('concurrently');
    ifNotExists();
    if (r.word('on')) return [];
    const name = r.ident();
    if (name === undefined || !r.word('on')) return [];
    r.word('only');
    const table = r.qualified();
    return table ? [{ kind: 'relation', relkind: 'index', name, ...(table.schema !== undefined ? { schema: table.schema } : {}) }] : [];
  }
  const relkind = r.word('table') ? 'table' : r.word('view') ? 'view' : r.words('materialized', 'view') ? 'materialized view'
    : r.words('recursive', 'view') ? 'view' : r.word('sequence') ? 'sequence' : undefined;
  if (relkind) {
    ifNotExists();
    const q = r.qualified();
    if (!q) return [];
    return [{ kind: 'relation', relkind, ...q, ...(relkind === 'view' && viewIsInvoker(r) ? { securityInvoker: true as const } : {}) }];
  }
  if (r.word('schema')) {
    ifNotExists();
    if (r.word('authorization')) {
      const role = r.ident();
      return role === undefined ? [] : [{ kind: 'schema', name: role }];
    }
    const name = r.ident();
    return name === undefined ? [] : [{ kind: 'schema', name }];
  }
  if (r.word('role', 'group') || (r.word('user') && !r.word('mapping'))) {
    const name = r.ident();
    return name === undefined ? [] : [{ kind: 'role', name }];
  }
  return [];
}

function alterTableHead(r: Reader): CreatedObject[] {
  r.words('if', 'exists');
  r.word('only');
  const table = r.qualified();
  if (!table) return [];
  const out: CreatedObject[] = [];
  while (r.skipTo('add')) {
    if (!r.word('constraint')) continue;
    const name = r.ident();
    if (name !== undefined) out.push({ kind: 'constraint', name, table });
  }
  return out;
}

/** createdObjects lists the named objects the statements of `sql` create, in order. */
export function createdObjects(sql: string): CreatedObject[] {
  const out: CreatedObject[] = [];
  for (const tokens of statementTokens(sql)) {
    const r = new Reader(tokens);
    if (r.word('create')) out.push(...createHead(r));
    else if (r.words('alter', 'table')) out.push(...alterTableHead(r));
  }
  return out;
}
