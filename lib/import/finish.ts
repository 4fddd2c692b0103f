/**
 * The last pass, once every statement is read: foreign keys find their referenced tables and columns
 * (which may be defined later in the script), and `nextval('seq')` defaults become `sequenceId` when the
 * sequence is in the model (serial written out the way pg_dump does).
 */
import { qkey } from './ast';
import type { ImportState } from './state';

export function finish(s: ImportState): void {
  for (const p of s.pendingNextvals) {
    const seq = s.sequences.get(qkey(p.sequence));
    if (!seq || p.column.default === undefined) continue;
    delete p.column.default;
    p.column.sequenceId = seq.id;
  }
  const tables = new Set(s.model.tables);
  for (const p of s.pendingForeignKeys) {
    const ref = s.verbatimRelations.has(qkey(p.ref)) ? undefined : s.table(p.ref);
    const columnIds = p.columnNames.map((n) => s.column(p.table, n)?.id);
    const refNames = p.refColumnNames.length ? p.refColumnNames : primaryKeyNames(s, ref);
    const refColumnIds = ref && refNames ? refNames.map((n) => s.column(ref, n)?.id) : [];
    if (!ref || columnIds.some((x) => !x) || !refColumnIds.length || refColumnIds.some((x) => !x) || !tables.has(p.table)) {
      s.line = p.line;
      s.verbatim('foreign key', 'post-tables', p.fk.name, p.sql());
      continue;
    }
    p.fk.columnIds = columnIds as string[];
    p.fk.refTableId = ref.id;
    p.fk.refColumnIds = refColumnIds as string[];
    (p.table.foreignKeys ??= []).push(p.fk);
  }
  for (const t of s.model.tables) {
    for (const k of ['uniques', 'checks', 'foreignKeys', 'indexes', 'policies'] as const) {
      if (t[k] && t[k]!.length === 0) delete t[k];
    }
  }
  for (const k of ['extensions', 'enums', 'sequences', 'sqlObjects'] as const) {
    if (s.model[k] && s.model[k]!.length === 0) delete s.model[k];
  }
}

function primaryKeyNames(s: ImportState, table: ReturnType<ImportState['table']>): string[] | undefined {
  if (!table?.primaryKey) return undefined;
  const cols = s.columnsOf(table);
  return table.primaryKey.columnIds.map((id) => cols.find((c) => c.id === id)?.name ?? '');
}
