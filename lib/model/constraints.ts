/** ConstraintDef is any named table constraint tagged with its kind, and how to list a table's. */
import type { Check, ForeignKey, PrimaryKey, Table, Unique } from './schema';

export type ConstraintDef =
  | { readonly type: 'primary-key'; readonly value: PrimaryKey }
  | { readonly type: 'unique'; readonly value: Unique }
  | { readonly type: 'check'; readonly value: Check }
  | { readonly type: 'foreign-key'; readonly value: ForeignKey };

/** tableConstraints lists a table's constraints in the order they are emitted. */
export function tableConstraints(table: Table): ConstraintDef[] {
  const out: ConstraintDef[] = [];
  if (table.primaryKey) out.push({ type: 'primary-key', value: table.primaryKey });
  for (const u of table.uniques ?? []) out.push({ type: 'unique', value: u });
  for (const c of table.checks ?? []) out.push({ type: 'check', value: c });
  for (const f of table.foreignKeys ?? []) out.push({ type: 'foreign-key', value: f });
  return out;
}
