/**
 * drizzle-kit 0.31 stores constraints, indexes and policies in its snapshot as strings joined with
 * `;`, `,`, `--` and `,,` and splits them again without escaping, so a name or expression holding one of
 * those separators is silently cut. Objects that would be cut are created in extras.sql instead, where
 * the SQL is exact. (Names with `"` are a different drizzle-kit bug; see docs/drizzle-export.md.)
 */
import type { Check, ForeignKey, Index, ModelIndex, Policy, Table, Unique } from '@/lib/model';

// Checked for every constraint and index of a model, so one pass over each text and no intermediate lists.

/** Separators, as flags: `;`, `,`, `--`, `,,`. */
const SEMICOLON = 1;
const COMMA = 2;
const COMMENT = 4;
const COMMAS = 8;
const INDEX_SEPARATORS = SEMICOLON | COMMENT | COMMAS;
const COLUMN_SEPARATORS = SEMICOLON | COMMA;

/** has tells whether the text holds one of the separators given as flags. */
function has(text: string | undefined, separators: number): boolean {
  if (text === undefined) return false;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 59: // ;
        if (separators & SEMICOLON) return true;
        break;
      case 44: // ,
        if (separators & COMMA || (separators & COMMAS && text.charCodeAt(i + 1) === 44)) return true;
        break;
      case 45: // -
        if (separators & COMMENT && text.charCodeAt(i + 1) === 45) return true;
        break;
    }
  }
  return false;
}

/** columnsHave: a column list is cut at these separators (a missing column counts as an empty name). */
function columnsHave(idx: ModelIndex, table: Table, ids: readonly string[], separators: number): boolean {
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
  for (const role of policy.roles ?? []) if (has(role, COMMENT | COMMA)) return false;
  return true;
}
