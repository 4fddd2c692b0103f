/**
 * drizzle-kit 0.31 stores constraints, indexes and policies in its snapshot as strings joined with
 * `;`, `,`, `--` and `,,` and splits them again without escaping, so a name or expression holding one of
 * those separators is silently cut. Objects that would be cut are created in extras.sql instead, where
 * the SQL is exact. (Names with `"` are a different drizzle-kit bug; see docs/drizzle-export.md.)
 */
import type { Check, ForeignKey, Index, ModelIndex, Policy, Table, Unique } from '@/lib/model';

function anyHas(texts: readonly (string | undefined)[], separators: readonly string[]): boolean {
  for (const t of texts) {
    if (t === undefined) continue;
    for (const s of separators) if (t.includes(s)) return true;
  }
  return false;
}

function columnNames(idx: ModelIndex, table: Table, ids: readonly string[]): string[] {
  return ids.map((id) => idx.column(table, id)?.name ?? '');
}

const INDEX_SEPARATORS = [';', '--', ',,'];

export function indexSurvivesDrizzleKit(idx: ModelIndex, table: Table, index: Index): boolean {
  if (anyHas([index.name, index.where], INDEX_SEPARATORS)) return false;
  for (const e of index.elements) {
    const head = e.columnId !== undefined ? idx.column(table, e.columnId)?.name : e.expression;
    if (anyHas([head, e.opclass, e.collation], INDEX_SEPARATORS)) return false;
  }
  return true;
}

export function checkSurvivesDrizzleKit(check: Check): boolean {
  return !anyHas([check.name, check.expression], [';']);
}

export function uniqueSurvivesDrizzleKit(idx: ModelIndex, table: Table, u: Unique): boolean {
  return !anyHas([u.name], [';']) && !anyHas(columnNames(idx, table, u.columnIds), [';', ',']);
}

export function foreignKeySurvivesDrizzleKit(idx: ModelIndex, table: Table, target: Table, fk: ForeignKey): boolean {
  return !anyHas([fk.name], [';']) && !anyHas([...columnNames(idx, table, fk.columnIds), ...columnNames(idx, target, fk.refColumnIds)], [';', ',']);
}

export function policySurvivesDrizzleKit(policy: Policy): boolean {
  return !anyHas([policy.name, policy.using, policy.withCheck, ...(policy.roles ?? [])], ['--']) && !anyHas(policy.roles ?? [], [',']);
}
