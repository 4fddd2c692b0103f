/**
 * withoutIds rewrites a model so two models that differ only in their (random) ids compare equal:
 * every id becomes a path-free label derived from the object's kind and name, and every reference is
 * rewritten the same way. Order is kept (column order and sqlObject order are part of the design).
 */
import type { Model } from '@/lib/model';

export function withoutIds(model: Model): unknown {
  const label = new Map<string, string>();
  for (const s of model.schemas) label.set(s.id, `schema:${s.name}`);
  for (const e of model.enums ?? []) label.set(e.id, `enum:${e.name}`);
  for (const s of model.sequences ?? []) label.set(s.id, `sequence:${s.name}`);
  for (const e of model.extensions ?? []) label.set(e.id, `extension:${e.name}`);
  for (const t of model.tables) {
    const tl = `table:${label.get(t.schemaId)}.${t.name}`;
    label.set(t.id, tl);
    for (const c of t.columns) label.set(c.id, `${tl}.${c.name}`);
    if (t.primaryKey) label.set(t.primaryKey.id, `${tl}/pk:${t.primaryKey.name}`);
    for (const list of [t.uniques, t.checks, t.foreignKeys, t.indexes, t.policies]) for (const o of list ?? []) label.set(o.id, `${tl}/${o.name}`);
  }
  for (const o of model.sqlObjects ?? []) label.set(o.id, `sql:${o.kind}:${o.name ?? ''}`);
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return label.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite({ ...model, layout: undefined });
}
