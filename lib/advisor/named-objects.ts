/**
 * namedObjects lists every named object of the model with its id, kind and JSON path, for the naming
 * rules (reserved words, quoting, length). Renaming fixes exist for tables and columns.
 */
import type { Model } from '@/lib/model';

export interface NamedObject {
  readonly id: string;
  readonly kind: 'schema' | 'table' | 'column' | 'index' | 'constraint' | 'enum' | 'sequence' | 'policy';
  readonly name: string;
  readonly path: string;
  /** For columns: the table id (renames must stay unique within it). */
  readonly tableId?: string;
}

export function namedObjects(model: Model): NamedObject[] {
  const out: NamedObject[] = [];
  model.schemas.forEach((s, i) => { if (s.name !== 'public') out.push({ id: s.id, kind: 'schema', name: s.name, path: `schemas[${i}]` }); });
  (model.enums ?? []).forEach((e, i) => out.push({ id: e.id, kind: 'enum', name: e.name, path: `enums[${i}]` }));
  (model.sequences ?? []).forEach((s, i) => out.push({ id: s.id, kind: 'sequence', name: s.name, path: `sequences[${i}]` }));
  model.tables.forEach((t, i) => {
    const tp = `tables[${i}]`;
    out.push({ id: t.id, kind: 'table', name: t.name, path: tp });
    t.columns.forEach((c, j) => out.push({ id: c.id, kind: 'column', name: c.name, path: `${tp}.columns[${j}]`, tableId: t.id }));
    (t.indexes ?? []).forEach((x, j) => out.push({ id: x.id, kind: 'index', name: x.name, path: `${tp}.indexes[${j}]` }));
    if (t.primaryKey) out.push({ id: t.primaryKey.id, kind: 'constraint', name: t.primaryKey.name, path: `${tp}.primaryKey` });
    (t.uniques ?? []).forEach((x, j) => out.push({ id: x.id, kind: 'constraint', name: x.name, path: `${tp}.uniques[${j}]` }));
    (t.checks ?? []).forEach((x, j) => out.push({ id: x.id, kind: 'constraint', name: x.name, path: `${tp}.checks[${j}]` }));
    (t.foreignKeys ?? []).forEach((x, j) => out.push({ id: x.id, kind: 'constraint', name: x.name, path: `${tp}.foreignKeys[${j}]` }));
    (t.policies ?? []).forEach((x, j) => out.push({ id: x.id, kind: 'policy', name: x.name, path: `${tp}.policies[${j}]` }));
  });
  return out;
}

/**
 * RESERVED_WORDS are PostgreSQL 18's reserved and type/function-name key words (kwlist.h categories R
 * and T): the key words that cannot be a table or column name unquoted. rules/reserved-word-name's test
 * checks the list against the server's pg_get_keywords() and against the parser's grammar.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'binary', 'both', 'case', 'cast',
  'check', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog', 'current_date',
  'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable', 'desc', 'distinct',
  'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'group', 'having', 'ilike',
  'in', 'initially', 'inner', 'intersect', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'left', 'like', 'limit', 'localtime',
  'localtimestamp', 'natural', 'not', 'notnull', 'null', 'offset', 'on', 'only', 'or', 'order', 'outer', 'overlaps', 'placing',
  'primary', 'references', 'returning', 'right', 'select', 'session_user', 'similar', 'some', 'symmetric', 'system_user', 'table',
  'tablesample', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'verbose', 'when', 'where',
  'window', 'with',
]);

/**
 * snakeCase turns `OrderItems`, `order items`, `Order-Items` into `order_items`: ASCII capitals become
 * lower case (the only letters PostgreSQL folds), other characters PostgreSQL does not accept unquoted
 * become `_`; letters beyond ASCII (`größe`, `名前`) are kept, since they need no quotes.
 */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[^a-z0-9_$\u0080-\u{10FFFF}]+/gu, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * plainIdentifier: a name PostgreSQL accepts without quotes and keeps as written. Its scanner reads an
 * identifier as [A-Za-z_\200-\377][A-Za-z_0-9$\200-\377]* (every byte of a non-ASCII character counts
 * as a letter) and folds only ASCII A-Z in UTF-8 databases; reserved key words need quotes.
 * rules/name-needs-quoting's test checks this against the parser.
 */
export function plainIdentifier(name: string): boolean {
  return /^[a-z_\u0080-\u{10FFFF}][a-z0-9_$\u0080-\u{10FFFF}]*$/u.test(name) && !RESERVED_WORDS.has(name);
}
