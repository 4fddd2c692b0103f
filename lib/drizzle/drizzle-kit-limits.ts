/**
 * drizzle-kit 0.31 stores constraints, indexes and policies in its snapshot as strings joined with
 * `;`, `,`, `--` and `,,` and splits them again without escaping, so a name or expression holding one of
 * those separators is silently cut. Objects that would be cut are created in extras.sql instead, where
 * the SQL is exact. (Names with `"` are a different drizzle-kit bug; see docs/drizzle-export.md.)
 */
import type { Check, ForeignKey, Index, ModelIndex, Policy, Table, Unique } from '@/lib/model';

function anyHas(texts: readonly (string | undefined)[], separators: readonly string[]): boolean {
  return texts.some((t) => t !== undefined && separators.some((s) => t.includes(s)));
}

function columnNames(idx: ModelIndex, table: Table, ids: readonly string[]): string[] {
  return ids.map((id) => idx.column(table, id)?.name ?? '');
}

export function indexSurvivesDrizzleKit(idx: ModelIndex, table: Table, index: Index): boolean {
  const texts = [index.name, index.where, ...index.elements.flatMap((e) => [
    e.columnId !== undefined ? idx.column(table, e.columnId)?.name : e.expression, e.opclass, e.collation,
  ])];
  return !anyHas(texts, [';', '--', ',,']);
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
