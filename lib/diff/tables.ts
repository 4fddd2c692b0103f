/**
 * Changes to tables and everything inside them. A created table brings its columns, primary key, uniques
 * and checks in one record; its foreign keys, indexes and policies are records of their own so the plan
 * can add them after every table exists. A dropped table also drops its foreign keys first, so tables
 * that reference each other can be dropped together.
 */
import type { Model, Table } from '@/lib/model';
import type { Change, TableAspect } from './types';
import { tableConstraints } from '@/lib/model/constraints';
import { matchById, same } from './match';
import { diffColumns } from './columns';
import { diffConstraints } from './constraints';
import { diffIndexes } from './indexes';
import { diffPolicies } from './policies';

/** parentsFirst orders tables so a partition comes after the table it is a partition of. */
export function parentsFirst(tables: readonly Table[]): Table[] {
  // The id map is needed only to find parents; most models have no partitions.
  const byId = tables.some((t) => t.partitionOf) ? new Map(tables.map((t) => [t.id, t])) : undefined;
  const done = new Set<string>();
  const out: Table[] = [];
  const visit = (t: Table, depth: number) => {
    if (done.has(t.id)) return;
    done.add(t.id);
    const parent = t.partitionOf ? byId!.get(t.partitionOf.parentId) : undefined;
    if (parent && depth < tables.length) visit(parent, depth + 1);
    out.push(t);
  };
  for (const t of tables) visit(t, 0);
  return out;
}

export function createTableChanges(table: Table): Change[] {
  const out: Change[] = [{ kind: 'table.create', table }];
  for (const value of table.foreignKeys ?? []) out.push({ kind: 'constraint.create', table, constraint: { type: 'foreign-key', value } });
  for (const index of table.indexes ?? []) out.push({ kind: 'index.create', table, index });
  for (const policy of table.policies ?? []) out.push({ kind: 'policy.create', table, policy });
  return out;
}

export function tableAspects(a: Table, b: Table): TableAspect[] {
  const aspects: TableAspect[] = [];
  if (a.comment !== b.comment) aspects.push('comment');
  if ((a.rls?.enabled ?? false) !== (b.rls?.enabled ?? false)) aspects.push('rls');
  if ((a.rls?.forced ?? false) !== (b.rls?.forced ?? false)) aspects.push('force-rls');
  if (!same(a.partitionOf, b.partitionOf)) aspects.push('partition-bound');
  if (!same(a.partitionBy, b.partitionBy)) aspects.push('partition-by');
  return aspects;
}

export function diffTables(from: Model, to: Model): Change[] {
  const m = matchById(from.tables, to.tables);
  const out: Change[] = [];
  for (const table of parentsFirst(m.created)) out.push(...createTableChanges(table));
  for (const [a, b] of m.kept) {
    if (a.name !== b.name || a.schemaId !== b.schemaId) out.push({ kind: 'table.rename', from: a, to: b });
    const aspects = tableAspects(a, b);
    if (aspects.length) out.push({ kind: 'table.alter', from: a, to: b, aspects });
    out.push(...diffColumns(a, b), ...diffConstraints(a, b), ...diffIndexes(a, b), ...diffPolicies(a, b));
  }
  // Partitions are dropped before their parent (dropping the parent would take them along).
  for (const table of parentsFirst(m.dropped).reverse()) {
    for (const def of tableConstraints(table)) if (def.type === 'foreign-key') out.push({ kind: 'constraint.drop', table, constraint: def });
    out.push({ kind: 'table.drop', table });
  }
  return out;
}
