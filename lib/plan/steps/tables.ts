/** Steps for tables: create (with inline constraints, comments and RLS), drop, rename, alter. */
import {
  addConstraint, dropConstraint, inlineConstraints, attachPartition, commentOn, createTable, detachPartition, dropTable, enableRls, forceRls, renameTable, setTableSchema,
} from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import type { Table } from '@/lib/model';
import { hazard, step, unsupportedStep, type PlanContext } from '../context';
import type { Step } from '../types';

/** commentSteps are the COMMENTs of a new table, its columns and its inline constraints. */
function commentSteps(table: Table, ctx: PlanContext): Step[] {
  const out: Step[] = [];
  if (table.comment !== undefined) out.push(step('comments', commentOn({ kind: 'table', tableId: table.id }, table.comment, ctx.to), 'table', table.id));
  for (const column of table.columns) {
    if (column.comment !== undefined) out.push(step('comments', commentOn({ kind: 'column', tableId: table.id, name: column.name }, column.comment, ctx.to), 'column', column.id));
  }
  const comment = (c: { id: string; name: string; comment?: string }) => {
    if (c.comment !== undefined) out.push(step('comments', commentOn({ kind: 'constraint', tableId: table.id, name: c.name }, c.comment, ctx.to), 'constraint', c.id));
  };
  // Foreign keys are commented by their own records (planConstraintCreate).
  if (table.primaryKey) comment(table.primaryKey);
  for (const u of table.uniques ?? []) comment(u);
  for (const c of table.checks ?? []) comment(c);
  return out;
}

export function planTableCreate(c: ChangeOf<'table.create'>, ctx: PlanContext): Step[] {
  const t = c.table;
  const out = [step('tables', createTable(t, ctx.to), 'table', t.id, { reverse: dropTable(t, ctx.to) })];
  for (const def of inlineConstraints(t).later) {
    out.push(step('constraints', addConstraint(t, def, ctx.to), 'constraint', def.value.id, { reverse: dropConstraint(t, def.value.name, ctx.to) }));
  }
  if (t.rls?.enabled) out.push(step('rls', enableRls(t, ctx.to, true), 'table', t.id));
  if (t.rls?.forced) out.push(step('rls', forceRls(t, ctx.to, true), 'table', t.id));
  out.push(...commentSteps(t, ctx));
  return out;
}

export function planTableDrop(c: ChangeOf<'table.drop'>, ctx: PlanContext): Step[] {
  return [step('drop-tables', dropTable(c.table, ctx.from), 'table', c.table.id, {
    reverse: createTable(c.table, ctx.from), hazards: [hazard('drop-table', `drops table ${c.table.name} and all its rows`)],
  })];
}

export function planTableRename(c: ChangeOf<'table.rename'>, ctx: PlanContext): Step[] {
  const { from, to } = c;
  const out: Step[] = [];
  const rename = hazard('rename', `renames table ${from.name} to ${to.name}; queries using the old name break`);
  if (from.schemaId !== to.schemaId) {
    out.push(step('tables', setTableSchema(from.schemaId, from.name, to.schemaId, ctx.late), 'table', to.id, {
      reverse: setTableSchema(to.schemaId, from.name, from.schemaId, ctx.late), hazards: [rename],
    }));
  }
  if (from.name !== to.name) {
    out.push(step('tables', renameTable(to.schemaId, from.name, to.name, ctx.to), 'table', to.id, {
      reverse: renameTable(to.schemaId, to.name, from.name, ctx.to), hazards: [rename],
    }));
  }
  return out;
}

export function planTableAlter(c: ChangeOf<'table.alter'>, ctx: PlanContext): Step[] {
  const { from, to } = c;
  const out: Step[] = [];
  for (const aspect of c.aspects) {
    switch (aspect) {
      case 'comment':
        out.push(step('comments', commentOn({ kind: 'table', tableId: to.id }, to.comment, ctx.to), 'table', to.id, {
          reverse: commentOn({ kind: 'table', tableId: to.id }, from.comment, ctx.to),
        }));
        break;
      case 'rls': {
        const on = to.rls?.enabled ?? false;
        out.push(step('rls', enableRls(to, ctx.to, on), 'table', to.id, { reverse: enableRls(to, ctx.to, !on) }));
        break;
      }
      case 'force-rls': {
        const on = to.rls?.forced ?? false;
        out.push(step('rls', forceRls(to, ctx.to, on), 'table', to.id, { reverse: forceRls(to, ctx.to, !on) }));
        break;
      }
      case 'partition-bound':
        if (from.partitionOf) out.push(step('tables', detachPartition(to, from.partitionOf.parentId, ctx.to), 'table', to.id));
        if (to.partitionOf) {
          out.push(step('tables', attachPartition(to, ctx.to), 'table', to.id, {
            hazards: [hazard('attach-partition', `attaching ${to.name} scans it to check every row fits the bound`)],
          }));
        }
        break;
      case 'partition-by':
        out.push(unsupportedStep('tables', `table ${to.name}: changing the partitioning of an existing table needs a new table and a data copy; write this migration by hand`, 'table', to.id));
        break;
      default:
        throw new Error(`unknown table aspect ${aspect as string}`);
    }
  }
  return out;
}
