/** Steps for indexes. */
import { commentOn, createIndex, dropIndex, renameIndex } from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import { hazard, step, type PlanContext } from '../context';
import type { Hazard } from '../hazards';
import type { Step } from '../types';

export function planIndexCreate(c: ChangeOf<'index.create'>, ctx: PlanContext): Step[] {
  const { table, index } = c;
  const hazards: Hazard[] = [];
  if (!ctx.isNewTable(table.id)) {
    hazards.push(hazard('create-index', `builds index ${index.name} on ${table.name}; writes to the table wait until it is done`));
    if (index.unique) hazards.push(hazard('create-unique-index', `unique index ${index.name} fails on duplicate values`));
  }
  const out = [step('indexes', createIndex(table, index, ctx.to), 'index', index.id, { reverse: dropIndex(table, index, ctx.to), hazards })];
  if (index.comment !== undefined) out.push(step('comments', commentOn({ kind: 'index', schemaId: table.schemaId, name: index.name }, index.comment, ctx.to), 'index', index.id));
  return out;
}

export function planIndexDrop(c: ChangeOf<'index.drop'>, ctx: PlanContext): Step[] {
  return [step('drop-indexes', dropIndex(c.table, c.index, ctx.from), 'index', c.index.id, { reverse: createIndex(c.table, c.index, ctx.from) })];
}

export function planIndexRename(c: ChangeOf<'index.rename'>, ctx: PlanContext): Step[] {
  return [step('indexes', renameIndex(c.table, c.from.name, c.to.name, ctx.to), 'index', c.to.id, { reverse: renameIndex(c.table, c.to.name, c.from.name, ctx.to) })];
}

export function planIndexAlter(c: ChangeOf<'index.alter'>, ctx: PlanContext): Step[] {
  const target = { kind: 'index', schemaId: c.table.schemaId, name: c.to.name } as const;
  return [step('comments', commentOn(target, c.to.comment, ctx.to), 'index', c.to.id, { reverse: commentOn(target, c.from.comment, ctx.to) })];
}
