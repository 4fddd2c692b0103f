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
export const TABLE_MEMBER_NAMES: readonly string[] = [
  '_', '$inferSelect', '$inferInsert', 'enableRLS', 'getSQL', 'shouldOmitSQLParens', '__proto__', 'constructor',
  'toString', 'valueOf', 'hasOwnProperty', 'prototype',
];

/** camelIdentifier turns a SQL name into a camelCase ASCII identifier, or `fallback` if nothing is left. */
export function camelIdentifier(name: string, fallback: string): string {
  // A character loop rather than split/map/join: this runs for every object of large models.
  let id = '';
  let upperNext = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    const isDigit = code >= 48 && code <= 57;
    const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!isDigit && !isLetter) {
      upperNext = id !== '';
      continue;
    }
    const ch = name[i]!;
    if (id === '') id = isLetter ? ch.toLowerCase() : ch;
    else id += upperNext ? ch.toUpperCase() : ch;
    upperNext = false;
  }
  if (id === '') id = fallback;
  if (id.charCodeAt(0) >= 48 && id.charCodeAt(0) <= 57) id = `_${id}`;
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

/** pascal upper-cases the first letter, for suffix-style composition (`usersRelations`, `byAuthor`). */
export function pascal(id: string): string {
  return id[0] === '_' ? id : id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * Namer hands out unique identifiers in one scope: the first `users` gets `users`, the next `users2`.
 * Counters per base keep it linear even when thousands of names collide.
 */
export class Namer {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }

  take(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let n = this.next.get(base) ?? 2;
    while (this.used.has(`${base}${n}`)) n++;
    this.next.set(base, n + 1);
    const name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}
