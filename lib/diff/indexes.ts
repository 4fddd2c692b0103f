/** Changes to the indexes of a table that exists on both sides. */
import type { Table } from '@/lib/model';
import type { Change } from './types';
import { matchById, same } from './match';

const NOT_DEFINITION = ['name', 'comment', 'id'];

export function diffIndexes(fromTable: Table, toTable: Table): Change[] {
  const m = matchById(fromTable.indexes, toTable.indexes);
  const out: Change[] = [];
  for (const index of m.dropped) out.push({ kind: 'index.drop', table: fromTable, index });
  for (const [a, b] of m.kept) {
    if (!same(a, b, NOT_DEFINITION)) {
      out.push({ kind: 'index.drop', table: fromTable, index: a }, { kind: 'index.create', table: toTable, index: b });
      continue;
    }
    if (a.name !== b.name) out.push({ kind: 'index.rename', table: toTable, from: a, to: b });
    if (a.comment !== b.comment) out.push({ kind: 'index.alter', table: toTable, from: a, to: b, aspects: ['comment'] });
  }
  for (const index of m.created) out.push({ kind: 'index.create', table: toTable, index });
  return out;
}
