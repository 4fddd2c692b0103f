/**
 * drizzle-kit 0.31 stores constraints, indexes and policies in its snapshot as strings joined with
 * `;`, `,`, `--` and `,,` and splits them again without escaping, so a name or expression holding one of
 * those separators is silently cut. Objects that would be cut are created in extras.sql instead, where
 * the SQL is exact. (Names with `"` are a different drizzle-kit bug; see docs/drizzle-export.md.)
 */
import type { Check, ForeignKey, Index, ModelIndex, Policy, Table, Unique } from '@/lib/model';

// Checked for every constraint and index of a model, so plain loops and no intermediate lists.

function has(text: string | undefined, separators: readonly string[]): boolean {
  if (text === undefined) return false;
  for (const s of separators) if (text.includes(s)) return true;
  return false;
}

const INDEX_SEPARATORS = [';', '--', ',,'];
const SEMICOLON = [';'];
const COLUMN_SEPARATORS = [';', ','];
const COMMENT = ['--'];
const COMMA = [','];

/** columnsHave: a column list is cut at these separators (a missing column counts as an empty name). */
function columnsHave(idx: ModelIndex, table: Table, ids: readonly string[], separators: readonly string[]): boolean {
  for (const id of ids) if (has(idx.column(table, id)?.name ?? '', separators)) return true;
  return false;
}

export function indexSurvivesDrizzleKit(idx: ModelIndex, table: Table, index: Index): boolean {
  if (has(index.name, INDEX_SEPARATORS) || has(index.where, INDEX_SEPARATORS)) return false;
  for (const e of index.elements) {
    const head = e.columnId !== undefined ? idx.column(table, e.columnId)?.name : e.expression;
    if (has(head, INDEX_SEPARATORS) || has(e.opclass, INDEX_SEPARATORS) || has(e.collation, INDEX_SEPARATORS)) return false;
  }
  return true;
}

export function checkSurvivesDrizzleKit(check: Check): boolean {
  return !has(check.name, SEMICOLON) && !has(check.expression, SEMICOLON);
}

export function uniqueSurvivesDrizzleKit(idx: ModelIndex, table: Table, u: Unique): boolean {
  return !has(u.name, SEMICOLON) && !columnsHave(idx, table, u.columnIds, COLUMN_SEPARATORS);
}

export function foreignKeySurvivesDrizzleKit(idx: ModelIndex, table: Table, target: Table, fk: ForeignKey): boolean {
  return !has(fk.name, SEMICOLON) && !columnsHave(idx, table, fk.columnIds, COLUMN_SEPARATORS) && !columnsHave(idx, target, fk.refColumnIds, COLUMN_SEPARATORS);
}

export function policySurvivesDrizzleKit(policy: Policy): boolean {
  if (has(policy.name, COMMENT) || has(policy.using, COMMENT) || has(policy.withCheck, COMMENT)) return false;
  for (const role of policy.roles ?? []) if (has(role, COMMENT) || has(role, COMMA)) return false;
  return true;
}
