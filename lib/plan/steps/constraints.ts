/** Steps for constraints: primary keys, uniques and checks in one phase, foreign keys after every table exists. */
import { addConstraint, commentOn, dropConstraint, renameConstraint } from '@/lib/sql';
import type { ChangeOf, ConstraintDef } from '@/lib/diff';
import type { Table } from '@/lib/model';
import type { Hazard } from '../hazards';
import { hazard, step, type PlanContext } from '../context';
import type { Step } from '../types';

function addHazard(table: Table, def: ConstraintDef): Hazard {
  const name = def.value.name;
  switch (def.type) {
    case 'primary-key': return hazard('add-primary-key', `adds primary key ${name} to ${table.name}; fails on NULL or duplicate values and builds an index under lock`);
    case 'unique': return hazard('add-unique', `adds unique constraint ${name} to ${table.name}; fails on duplicate values and builds an index under lock`);
    case 'check': return hazard('add-check', `adds check ${name} to ${table.name}; fails when an existing row violates it`);
    case 'foreign-key': return hazard('add-foreign-key', `adds foreign key ${name} to ${table.name}; fails when a row has no matching referenced row`);
    default: throw new Error(`unknown constraint type ${(def as { type: string }).type}`);
  }
}

export function planConstraintCreate(c: ChangeOf<'constraint.create'>, ctx: PlanContext): Step[] {
  const { table, constraint: def } = c;
  const phase = def.type === 'foreign-key' ? 'foreign-keys' : 'constraints';
  const hazards = ctx.isNewTable(table.id) ? [] : [addHazard(table, def)];
  const out = [step(phase, addConstraint(table, def, ctx.to), 'constraint', def.value.id, { reverse: dropConstraint(table, def.value.name, ctx.to), hazards })];
  if (def.value.comment !== undefined) {
    out.push(step('comments', commentOn({ kind: 'constraint', tableId: table.id, name: def.value.name }, def.value.comment, ctx.to), 'constraint', def.value.id));
  }
  return out;
}

export function planConstraintDrop(c: ChangeOf<'constraint.drop'>, ctx: PlanContext): Step[] {
  const { table, constraint: def } = c;
  const phase = def.type === 'foreign-key' ? 'drop-foreign-keys' : 'drop-constraints';
  return [step(phase, dropConstraint(table, def.value.name, ctx.from), 'constraint', def.value.id, { reverse: addConstraint(table, def, ctx.from) })];
}

export function planConstraintRename(c: ChangeOf<'constraint.rename'>, ctx: PlanContext): Step[] {
  const phase = c.to.type === 'foreign-key' ? 'foreign-keys' : 'constraints';
  return [step(phase, renameConstraint(c.table, c.from.value.name, c.to.value.name, ctx.to), 'constraint', c.to.value.id, {
    reverse: renameConstraint(c.table, c.to.value.name, c.from.value.name, ctx.to),
  })];
}

export function planConstraintAlter(c: ChangeOf<'constraint.alter'>, ctx: PlanContext): Step[] {
  const target = { kind: 'constraint', tableId: c.table.id, name: c.to.value.name } as const;
  return [step('comments', commentOn(target, c.to.value.comment, ctx.to), 'constraint', c.to.value.id, { reverse: commentOn(target, c.from.value.comment, ctx.to) })];
}
