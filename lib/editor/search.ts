/**
 * findInModel: the "find table or column" search. Case-insensitive substring match on table, schema
 * and column names; exact and prefix matches first; at most `limit` results.
 */
import type { Model } from '@/lib/model';

export interface SearchHit {
  readonly kind: 'table' | 'column';
  readonly tableId: string;
  readonly columnId?: string;
  readonly label: string;
  readonly detail: string;
}

export function findInModel(model: Model, query: string, limit = 20): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const schemas = new Map(model.schemas.map((s) => [s.id, s.name]));
  const scored: { score: number; hit: SearchHit }[] = [];
  const score = (name: string) => {
    const n = name.toLowerCase();
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    return n.includes(q) ? 2 : -1;
  };
  for (const t of model.tables) {
    const qualified = `${schemas.get(t.schemaId) ?? '?'}.${t.name}`;
    const s = Math.min(...[score(t.name), score(qualified)].map((x) => (x < 0 ? 9 : x)));
    if (s < 9) scored.push({ score: s, hit: { kind: 'table', tableId: t.id, label: t.name, detail: qualified } });
    for (const c of t.columns) {
      const cs = score(c.name);
      if (cs >= 0) scored.push({ score: cs + 0.5, hit: { kind: 'column', tableId: t.id, columnId: c.id, label: `${t.name}.${c.name}`, detail: qualified } });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.hit.label.localeCompare(b.hit.label));
  return scored.slice(0, limit).map((s) => s.hit);
}
