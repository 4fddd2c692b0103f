/**
 * TypeScript identifiers for model objects. SQL names are arbitrary (quotes, spaces, Unicode, reserved
 * words); the identifiers derived from them must be valid, readable and unique in their scope, and the
 * same model must always give the same identifiers.
 */

const RESERVED_WORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'async',
  'arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'as', 'any', 'boolean', 'constructor', 'declare', 'get',
  'module', 'require', 'number', 'set', 'string', 'symbol', 'type', 'from', 'of', 'never', 'unknown', 'object',
  'satisfies', 'keyof', 'readonly', 'is', 'infer', 'namespace', 'abstract', 'accessor', 'out', 'override',
]);

/**
 * Property names a Drizzle table object already uses, or that JavaScript treats specially in an object
 * literal: a column key must not shadow them.
 */
export const TABLE_MEMBER_NAMES: ReadonlySet<string> = new Set([
  '_', '$inferSelect', '$inferInsert', 'enableRLS', 'getSQL', 'shouldOmitSQLParens', '__proto__', 'constructor',
  'toString', 'valueOf', 'hasOwnProperty', 'prototype',
]);

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** camelIdentifier turns a SQL name into a camelCase ASCII identifier, or `fallback` if nothing is left. */
export function camelIdentifier(name: string, fallback: string): string {
  // Runs of letters and digits are copied whole (this runs for every object of large models): the
  // first letter of the name is lower-cased, the first of every later run upper-cased.
  let id = '';
  let i = 0;
  while (i < name.length) {
    if (!isAsciiAlnum(name.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < name.length && isAsciiAlnum(name.charCodeAt(end))) end++;
    if (id === '') id = i === 0 && end === name.length && !isUpper(name.charCodeAt(0)) ? name : name[i]!.toLowerCase() + name.slice(i + 1, end);
    else id += name[i]!.toUpperCase() + name.slice(i + 1, end);
    i = end;
  }
  if (id === '') id = fallback;
  if (id.charCodeAt(0) >= 48 && id.charCodeAt(0) <= 57) id = `_${id}`;
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** pascal upper-cases the first letter, for suffix-style composition (`usersRelations`, `byAuthor`). */
export function pascal(id: string): string {
  return id[0] === '_' ? id : id.charAt(0).toUpperCase() + id.slice(1);
}

/** Past this many names a scope keeps them in a set; below it a scan is cheaper than building one. */
const SCAN_LIMIT = 16;

/**
 * Namer hands out unique identifiers in one scope: the first `users` gets `users`, the next `users2`.
 * Counters per base keep it linear even when thousands of names collide. A model has a scope per table
 * holding a handful of names, so a small scope is a list and only a large one a set.
 */
export class Namer {
  private list: string[] = [];
  private set?: Set<string>;
  private next?: Map<string, number>;
  private readonly reserved: { has(name: string): boolean };

  /** A set of reserved names is consulted, not copied: a model has a scope per table, and most share one. */
  constructor(reserved: Iterable<string> | { has(name: string): boolean } = NOTHING) {
    this.reserved = 'has' in reserved ? reserved : new Set(reserved);
  }

  private taken(name: string): boolean {
    if (this.reserved.has(name)) return true;
    return this.set ? this.set.has(name) : this.list.includes(name);
  }

  private use(name: string): string {
    if (this.set) this.set.add(name);
    else if (this.list.push(name) > SCAN_LIMIT) {
      this.set = new Set(this.list);
      this.list = [];
    }
    return name;
  }

  take(base: string): string {
    if (!this.taken(base)) return this.use(base);
    this.next ??= new Map();
    let n = this.next.get(base) ?? 2;
    while (this.taken(`${base}${n}`)) n++;
    this.next.set(base, n + 1);
    return this.use(`${base}${n}`);
  }
}

const NOTHING: ReadonlySet<string> = new Set();
