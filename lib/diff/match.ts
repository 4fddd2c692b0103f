/** Matching by id, and canonical comparison of plain JSON values (key order does not matter). */

export interface Matched<T> {
  /** In the new version's order. */
  readonly created: T[];
  /** In the old version's order. */
  readonly dropped: T[];
  /** Pairs [old, new] in the new version's order. */
  readonly kept: Array<readonly [T, T]>;
}

export function matchById<T extends { readonly id: string }>(from: readonly T[] | undefined, to: readonly T[] | undefined): Matched<T> {
  // From nothing (the compiler's case) everything is created: no maps over a large model.
  if (!from?.length) return { created: [...(to ?? [])], dropped: [], kept: [] };
  const old = new Map<string, T>();
  for (const o of from ?? []) old.set(o.id, o);
  const seen = new Set<string>();
  const created: T[] = [];
  const kept: Array<readonly [T, T]> = [];
  for (const n of to ?? []) {
    const o = old.get(n.id);
    seen.add(n.id);
    if (o) kept.push([o, n]);
    else created.push(n);
  }
  const dropped = (from ?? []).filter((o) => !seen.has(o.id));
  return { created, dropped, kept };
}

/** canonical serialises a JSON value with sorted keys, leaving out `omit` keys at the top level and undefined values. */
export function canonical(value: unknown, omit: readonly string[] = []): string {
  return JSON.stringify(sortKeys(value, new Set(omit)));
}

function sortKeys(value: unknown, omit?: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || omit?.has(key)) continue;
    out[key] = sortKeys(v);
  }
  return out;
}

export function same(a: unknown, b: unknown, omit: readonly string[] = []): boolean {
  if (a === b) return true;
  return canonical(a, omit) === canonical(b, omit);
}
