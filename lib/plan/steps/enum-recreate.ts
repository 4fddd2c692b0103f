/**
 * Removing or reordering enum labels: PostgreSQL cannot do it in place, so the type is recreated.
 * The old type is renamed aside, the new one created under the model's name, every column still using
 * the old type is converted through text (its default dropped first and put back), then the old type
 * is dropped. Runs in the enums phase: tables still have their old names then (schemas are renamed).
 */
import { createEnum, quoteIdent, renameInSchema, setDefault, type SqlNames } from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import type { Column, Table } from '@/lib/model';
import { hazard, step, type PlanContext } from '../context';
import type { Step } from '../types';

/** asideName is the temporary name of the old type: ASCII, unique per enum id, within 63 bytes. */
function asideName(enumId: string): string {
  return `pgcanvas_old_${enumId}`.slice(0, 63);
}

interface UsingColumn { readonly table: Table; readonly column: Column; readonly next: Column }

/** columnsUsing lists the columns that exist before and after the migration and have the enum's type now. */
function columnsUsing(enumId: string, ctx: PlanContext): UsingColumn[] {
  const out: UsingColumn[] = [];
  for (const table of ctx.from.index.model.tables) {
    if (!ctx.to.index.tables.has(table.id)) continue;
    for (const column of table.columns) {
      if (column.type.kind !== 'enum' || column.type.enumId !== enumId) continue;
      const next = ctx.to.index.columns.get(column.id)?.column;
      if (next) out.push({ table, column, next });
    }
  }
  return out;
}

export function planEnumRecreate(c: ChangeOf<'enum.reorder-values'>, ctx: PlanContext): Step[] {
  const e = c.to;
  const removed = c.from.values.filter((v) => !e.values.includes(v));
  const message = removed.length
    ? `recreates type ${e.name} without ${removed.map((v) => JSON.stringify(v)).join(', ')}; fails when a row still holds a removed value`
    : `recreates type ${e.name} to reorder its values; columns using it are rewritten`;
  const hazards = [hazard('recreate-enum', message)];
  const aside = asideName(e.id);
  const now: SqlNames = ctx.to;
  const oldType = now.qualified(e.schemaId, aside);
  const newType = now.qualified(e.schemaId, e.name);
  const out: Step[] = [
    step('enums', renameInSchema('TYPE', e.schemaId, e.name, aside, now), 'enum', e.id, { hazards }),
    step('enums', createEnum(e, now), 'enum', e.id),
  ];
  for (const { table, column, next } of columnsUsing(e.id, ctx)) {
    const alter = `ALTER TABLE ${ctx.late.table(table)} ALTER COLUMN ${quoteIdent(column.name)}`;
    const hadDefault = column.default !== undefined;
    if (hadDefault) out.push(step('enums', `${alter} DROP DEFAULT`, 'column', column.id));
    const suffix = column.type.array ? '[]' : '';
    out.push(step('enums', `${alter} TYPE ${newType}${suffix} USING ${quoteIdent(column.name)}::text${suffix}::${newType}${suffix}`, 'column', column.id, { hazards }));
    // The new model's default, when the column keeps this type; otherwise the columns phase sets it.
    const keepsType = next.type.kind === 'enum' && next.type.enumId === e.id;
    if (hadDefault && keepsType && next.default !== undefined && !next.identity && !next.generated) {
      out.push(step('enums', setDefault({ ...table, schemaId: table.schemaId }, { ...next, name: column.name }, ctx.late), 'column', column.id));
    }
  }
  out.push(step('enums', `DROP TYPE ${oldType}`, 'enum', e.id));
  return out;
}
