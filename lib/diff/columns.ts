/** Changes to the columns of a table that exists on both sides: one alter record per column with its changed aspects. */
import type { Column, Table } from '@/lib/model';
import type { Change, ColumnAspect } from './types';
import { matchById, same } from './match';

export function columnAspects(a: Column, b: Column): ColumnAspect[] {
  const aspects: ColumnAspect[] = [];
  if (!same(a.type, b.type)) aspects.push('type');
  if (a.nullable !== b.nullable) aspects.push('nullable');
  if (a.default !== b.default || a.sequenceId !== b.sequenceId) aspects.push('default');
  if (!same(a.identity, b.identity)) aspects.push('identity');
  if (!same(a.generated, b.generated)) aspects.push('generated');
  if (a.collation !== b.collation) aspects.push('collation');
  if (a.comment !== b.comment) aspects.push('comment');
  return aspects;
}

export function diffColumns(fromTable: Table, toTable: Table): Change[] {
  const m = matchById(fromTable.columns, toTable.columns);
  const out: Change[] = [];
  for (const column of m.dropped) out.push({ kind: 'column.drop', table: fromTable, column });
  for (const [a, b] of m.kept) {
    if (a.name !== b.name) out.push({ kind: 'column.rename', table: toTable, from: a, to: b });
    const aspects = columnAspects(a, b);
    if (aspects.length) out.push({ kind: 'column.alter', table: toTable, from: a, to: b, aspects });
  }
  // ADD COLUMN appends, so a new column lands where the model has it only when no kept column follows it.
  const createdIds = new Set(m.created.map((c) => c.id));
  let lastKept = -1;
  toTable.columns.forEach((c, i) => { if (!createdIds.has(c.id)) lastKept = i; });
  toTable.columns.forEach((column, i) => {
    if (createdIds.has(column.id)) out.push({ kind: 'column.create', table: toTable, column, last: i > lastKept });
  });
  return out;
}
