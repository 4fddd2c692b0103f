/** Changes to constraints (primary key, unique, check, foreign key) of a table that exists on both sides. */
import type { Table } from '@/lib/model';
import type { Change } from './types';
import { tableConstraints } from '@/lib/model/constraints';
import { matchById, same } from './match';

const NOT_DEFINITION = ['name', 'comment', 'id'];

export function diffConstraints(fromTable: Table, toTable: Table): Change[] {
  const wrap = (t: Table) => tableConstraints(t).map((c) => ({ id: c.value.id, def: c }));
  const m = matchById(wrap(fromTable), wrap(toTable));
  const out: Change[] = [];
  for (const { def } of m.dropped) out.push({ kind: 'constraint.drop', table: fromTable, constraint: def });
  for (const [{ def: a }, { def: b }] of m.kept) {
    // A changed definition cannot be altered in place: drop the old constraint and add the new one.
    if (a.type !== b.type || !same(a.value, b.value, NOT_DEFINITION)) {
      out.push({ kind: 'constraint.drop', table: fromTable, constraint: a }, { kind: 'constraint.create', table: toTable, constraint: b });
      continue;
    }
    if (a.value.name !== b.value.name) out.push({ kind: 'constraint.rename', table: toTable, from: a, to: b });
    if (a.value.comment !== b.value.comment) out.push({ kind: 'constraint.alter', table: toTable, from: a, to: b, aspects: ['comment'] });
  }
  for (const { def } of m.created) out.push({ kind: 'constraint.create', table: toTable, constraint: def });
  return out;
}
