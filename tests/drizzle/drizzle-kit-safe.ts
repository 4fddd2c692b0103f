/**
 * drizzleKitSafe works around drizzle-kit 0.31 bugs that are documented gaps (docs/drizzle-export.md):
 * drizzle-kit writes identifiers inside double quotes without doubling an embedded `"`, and its snapshot
 * format joins names with `;`, so names holding either break its migration SQL; and it keys objects by
 * name, so a column named `__proto__` vanishes. The oracle renames those
 * names in the model (and their quoted references inside expressions) before BOTH sides run, so the
 * comparison still checks everything else about them.
 */
import type { Model } from '@/lib/model';
import { quoteIdent } from '@/lib/sql/quote';

const NAME_KEYS = new Set(['name', 'sequenceName', 'collation']);
const SQL_KEYS = new Set(['default', 'expression', 'where', 'using', 'withCheck', 'bound']);

export function kitUnsafeName(name: string): boolean {
  return name.includes('"') || name.includes(';') || name === '__proto__';
}

function rename(name: string): string {
  // drizzle-kit keys its snapshot objects by name, so `__proto__` sets a prototype instead of a key.
  if (name === '__proto__') return '__proto_';
  return name.replaceAll('"', '\u201d').replaceAll(';', ':');
}

/** A column type's `name` is a type (`"char"`), not an object name. */
function isType(node: object): boolean {
  return 'kind' in node;
}

export function drizzleKitSafe(model: Model): Model {
  const renames = new Map<string, string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (NAME_KEYS.has(k) && !isType(node) && typeof v === 'string' && kitUnsafeName(v)) renames.set(v, rename(v));
        else collect(v);
      }
    }
  };
  collect(model);
  if (renames.size === 0) return model;
  const quoted = [...renames].map(([from, to]) => [quoteIdent(from), quoteIdent(to)] as const);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (NAME_KEYS.has(k) && !isType(node) && typeof v === 'string') out[k] = renames.get(v) ?? v;
      else if (SQL_KEYS.has(k) && typeof v === 'string') out[k] = quoted.reduce((s, [a, b]) => s.replaceAll(a, b), v);
      else out[k] = rewrite(v);
    }
    return out;
  };
  return rewrite(model) as Model;
}
