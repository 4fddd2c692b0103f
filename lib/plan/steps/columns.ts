/** Steps for columns. One alter record becomes the statements its aspects need, in an order that works. */
import {
  addConstraint, createIndex, inlineConstraints,
  addColumn, addIdentity, alterColumnType, alterIdentity, commentOn, dropColumn, dropGenerationExpression, dropIdentity,
  INTEGER_BOUNDS, renameColumn, sequenceOptionResets, setDefault, setGenerationExpression, setNotNull,
} from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import type { Column, Table } from '@/lib/model';
import { hazard, step, type PlanContext } from '../context';
import type { Step } from '../types';

/**
 * readdDependents re-creates what DROP COLUMN took along and the model still has: indexes and
 * constraints that name the column by id. Ones that mention it only inside an expression are lost.
 */
function readdDependents(table: Table, columnId: string, ctx: PlanContext): Step[] {
  const out: Step[] = [];
  const uses = (ids: readonly string[] | undefined) => ids?.includes(columnId) ?? false;
  for (const index of table.indexes ?? []) {
    if (index.elements.some((e) => e.columnId === columnId) || uses(index.include)) {
      out.push(step('indexes', createIndex(table, index, ctx.to), 'index', index.id));
    }
  }
  const { inline, later } = inlineConstraints(table);
  for (const def of [...inline, ...later]) {
    if (def.type !== 'check' && uses(def.value.columnIds)) out.push(step('constraints', addConstraint(table, def, ctx.to), 'constraint', def.value.id));
  }
  for (const fk of table.foreignKeys ?? []) {
    if (uses(fk.columnIds)) out.push(step('foreign-keys', addConstraint(table, { type: 'foreign-key', value: fk }, ctx.to), 'constraint', fk.id));
  }
  return out;
}

function hasDefault(c: Column): boolean {
  return c.default !== undefined || c.sequenceId !== undefined;
}

export function planColumnCreate(c: ChangeOf<'column.create'>, ctx: PlanContext): Step[] {
  const { table, column } = c;
  const hazards = [];
  if (!ctx.isNewTable(table.id)) {
    if (!column.nullable && !hasDefault(column) && !column.identity && !column.generated) {
      hazards.push(hazard('add-not-null-column', `adds NOT NULL column ${column.name} without a default; fails when ${table.name} has rows`));
    }
    if (!c.last) hazards.push(hazard('column-order', `column ${column.name} is added at the end of ${table.name}, not where the model places it`));
  }
  const out = [step('columns', addColumn(table, column, ctx.to), 'column', column.id, { reverse: dropColumn(table, column, ctx.to), hazards })];
  if (column.comment !== undefined) out.push(step('comments', commentOn({ kind: 'column', tableId: table.id, name: column.name }, column.comment, ctx.to), 'column', column.id));
  return out;
}

export function planColumnDrop(c: ChangeOf<'column.drop'>, ctx: PlanContext): Step[] {
  return [step('drop-columns', dropColumn(c.table, c.column, ctx.from), 'column', c.column.id, {
    hazards: [hazard('drop-column', `drops column ${c.table.name}.${c.column.name} and its data`)],
  })];
}

export function planColumnRename(c: ChangeOf<'column.rename'>, ctx: PlanContext): Step[] {
  return [step('columns', renameColumn(c.table, c.from.name, c.to.name, ctx.to), 'column', c.to.id, {
    reverse: renameColumn(c.table, c.to.name, c.from.name, ctx.to),
    hazards: [hazard('rename', `renames column ${c.table.name}.${c.from.name} to ${c.to.name}; queries using the old name break`)],
  })];
}

/**
 * planColumnAlter orders the pieces so each one is legal when it runs: generation and identity are
 * removed first, an old default is dropped before a type change (it may not cast), nullability is set
 * before identity is added (identity needs NOT NULL), and the new default comes after the new type.
 */
export function planColumnAlter(c: ChangeOf<'column.alter'>, ctx: PlanContext): Step[] {
  const { table, from, to, aspects } = c;
  const names = ctx.to;
  const has = (a: (typeof aspects)[number]) => aspects.includes(a);
  const id = to.id;
  const out: Step[] = [];
  const comment = () => {
    if (!has('comment')) return;
    const target = { kind: 'column', tableId: table.id, name: to.name } as const;
    out.push(step('comments', commentOn(target, to.comment, names), 'column', id, { reverse: commentOn(target, from.comment, names) }));
  };

  if (has('generated')) {
    const inPlace = from.generated && (!to.generated || ctx.target >= 17);
    if (!inPlace) {
      // Before PostgreSQL 17 a generation expression cannot be changed, and none can be added: recreate the column.
      const why = `column ${table.name}.${to.name} is dropped and added again to change its generation expression`;
      const hazards = [hazard('recreate-column', why)];
      if (!c.table.columns.length || c.table.columns[c.table.columns.length - 1]!.id !== id) hazards.push(hazard('column-order', `${why}; it moves to the end of the table`));
      out.push(step('columns', dropColumn(table, from, names), 'column', id, { hazards }));
      out.push(step('columns', addColumn(table, to, names), 'column', id));
      out.push(...readdDependents(table, id, ctx));
      comment();
      if (!has('comment') && to.comment !== undefined) out.push(step('comments', commentOn({ kind: 'column', tableId: table.id, name: to.name }, to.comment, names), 'column', id));
      return out;
    }
    out.push(step('columns', to.generated ? setGenerationExpression(table, to, names) : dropGenerationExpression(table, to, names), 'column', id));
  }
  if (has('identity') && from.identity && !to.identity) out.push(step('columns', dropIdentity(table, to, names), 'column', id));
  const typeChange = has('type') || has('collation');
  let defaultDropped = false;
  if (typeChange && hasDefault(from)) {
    out.push(step('columns', setDefault(table, { ...to, default: undefined, sequenceId: undefined }, names), 'column', id));
    defaultDropped = true;
  }
  if (typeChange) {
    out.push(step('columns', alterColumnType(table, to, names), 'column', id, {
      reverse: alterColumnType(table, { ...to, type: from.type, collation: from.collation }, names),
      hazards: [hazard('change-column-type', `changes the type of ${table.name}.${to.name}; rewrites the table and fails when a value does not convert`)],
    }));
  }
  if (has('default') || defaultDropped) {
    const wanted = hasDefault(to) && !to.identity && !to.generated;
    // The old default may name a sequence that only the old model has: resolve it there.
    const reverse = setDefault(table, { ...to, default: from.default, sequenceId: from.sequenceId }, ctx.late);
    if (wanted) out.push(step('columns', setDefault(table, to, names), 'column', id, { reverse }));
    else if (!defaultDropped && hasDefault(from)) out.push(step('columns', setDefault(table, { ...to, default: undefined, sequenceId: undefined }, names), 'column', id, { reverse }));
  }
  if (has('nullable')) {
    out.push(step('columns', setNotNull(table, to, names, !to.nullable), 'column', id, {
      reverse: setNotNull(table, to, names, !from.nullable),
      hazards: to.nullable ? [] : [hazard('set-not-null', `sets ${table.name}.${to.name} NOT NULL; fails when a row holds NULL, and scans the table`)],
    }));
  }
  if (has('identity') && to.identity) {
    if (!from.identity) out.push(step('columns', addIdentity(table, to, names), 'column', id, { reverse: dropIdentity(table, to, names) }));
    else {
      const dataType = to.type.kind === 'builtin' && (to.type.name === 'smallint' || to.type.name === 'integer') ? to.type.name : 'bigint';
      out.push(step('columns', alterIdentity(table, to, names, sequenceOptionResets(to.identity, INTEGER_BOUNDS[dataType])), 'column', id));
    }
  }
  comment();
  return out;
}
