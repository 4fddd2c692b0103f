/**
 * DROP TABLE and DROP INDEX of model objects are applied to the model, as PostgreSQL runs them, so a script
 * that creates and later drops something (migrations written one after another) imports what is left. When
 * SQL objects kept earlier may depend on the table, and for a view or other relation kept as SQL, the DROP
 * itself stays SQL in its place. A DROP of anything else, or of an object that does not exist yet (`DROP ...
 * IF EXISTS` before a CREATE), is reported as skipped: nothing is dropped silently.
 */
import { parseSync } from 'pgsql-parser';
import type { Table } from '@/lib/model/schema';
import { qkey, qualified, strings, type Fields, type QualifiedName } from './ast';
import { makeObjectName } from './names';
import type { ImportState } from './state';

export function dropStatement(s: ImportState, f: Fields): void {
  const names = ((f.objects as unknown[] | undefined) ?? []).map((o) => qualified(strings(o)));
  const label = names.map((q) => q.name).join(', ') || undefined;
  const type = f.removeType as string;
  const modelTables = type === 'OBJECT_TABLE' && names.length > 0 && names.every((q) => s.table(q) && !s.verbatimRelations.has(qkey(q)));
  const modelIndexes = type === 'OBJECT_INDEX' && names.length > 0 && names.every((q) => findIndex(s, q));
  if (modelTables || modelIndexes) {
    // CASCADE may remove views, triggers, ... kept as SQL, and a table's own triggers, policies and indexes
    // kept as SQL go with it: the importer does not follow those, so such a DROP stays SQL, in its place.
    const kept = f.behavior === 'DROP_CASCADE' && s.model.sqlObjects!.length ? label : modelTables ? names.find((q) => keptSqlNames(s, q.name))?.name : undefined;
    if (kept !== undefined) {
      s.verbatim('drop', 'post-tables', label);
      s.note('warning', 'drop', `kept as SQL, not applied to the model: SQL objects kept earlier may depend on ${kept}`, label);
      return;
    }
    if (modelTables) for (const q of names) dropTable(s, s.table(q)!);
    else for (const q of names) findIndex(s, q)!();
    return;
  }
  // A view (or other relation kept as SQL) dropped again: the DROP stays SQL after it, so the result is the same.
  if (['OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE'].includes(type) && names.length > 0 && names.every((q) => s.verbatimRelations.has(qkey(q)))) {
    return s.verbatim('drop', 'post-tables', label);
  }
  s.note('skipped', 'drop', 'not applied to the imported design: the object is not in the model, or a DROP of this kind is not followed', label);
}

/** keptSqlNames: some SQL object kept so far names `name` (as an identifier anywhere in its parse tree). */
function keptSqlNames(s: ImportState, name: string): boolean {
  for (const o of s.model.sqlObjects ?? []) {
    let found = false;
    try {
      walkValues(parseSync(o.sql), (key, value) => { if ((key === 'sval' || key === 'relname') && value === name) found = true; });
    } catch {
      found = true;
    }
    if (found) return true;
  }
  return false;
}

function walkValues(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    visit(k, v);
    walkValues(v, visit);
  }
}

/** dropTable removes a table with what PostgreSQL removes with it: partitions, owned sequences, foreign keys to it. */
function dropTable(s: ImportState, table: Table): void {
  for (const child of s.model.tables.filter((t) => t.partitionOf?.parentId === table.id)) dropTable(s, child);
  const q = s.qualifiedOf(table);
  const ns = s.namespace(q.schema);
  s.tables.delete(qkey(q));
  s.model.tables.splice(s.model.tables.indexOf(table), 1);
  ns.relations.delete(table.name);
  for (const name of [table.primaryKey?.name, ...(table.uniques ?? []).map((u) => u.name)]) if (name) { ns.relations.delete(name); ns.constraints.delete(name); }
  for (const c of table.checks ?? []) ns.constraints.delete(c.name);
  for (const ix of table.indexes ?? []) ns.relations.delete(ix.name);
  // Foreign keys are resolved at the end of the script: the ones on this table and the ones to it go now.
  const dropped = (p: { table: Table; ref: QualifiedName }) => p.table === table || qkey(p.ref) === qkey(q);
  for (const p of s.pendingForeignKeys.filter(dropped)) ns.constraints.delete(p.fk.name);
  s.pendingForeignKeys.splice(0, s.pendingForeignKeys.length, ...s.pendingForeignKeys.filter((p) => !dropped(p)));
  s.pendingNextvals.splice(0, s.pendingNextvals.length, ...s.pendingNextvals.filter((p) => p.table !== table));
  const owned = (s.model.sequences ?? []).filter((seq) => seq.ownedBy?.tableId === table.id);
  for (const seq of owned) {
    s.model.sequences!.splice(s.model.sequences!.indexOf(seq), 1);
    const sq = { schema: s.schemaName(seq.schemaId), name: seq.name };
    s.sequences.delete(qkey(sq));
    s.namespace(sq.schema).relations.delete(seq.name);
    // Another table's default on that sequence goes with it (DROP ... CASCADE; without it PostgreSQL refuses).
    for (const t of s.model.tables) for (const c of t.columns) if (c.sequenceId === seq.id) delete c.sequenceId;
  }
  for (const c of table.columns) {
    if (c.identity) s.namespace(q.schema).relations.delete(c.identity.sequenceName ?? makeObjectName(table.name, c.name, 'seq'));
  }
}

/** findIndex returns the removal of a model index by qualified name, or undefined when there is none. */
function findIndex(s: ImportState, q: QualifiedName): (() => void) | undefined {
  for (const t of s.model.tables) {
    if (s.schemaName(t.schemaId) !== q.schema) continue;
    const i = t.indexes?.findIndex((x) => x.name === q.name) ?? -1;
    if (i >= 0) {
      return () => {
        t.indexes!.splice(i, 1);
        s.namespace(q.schema).relations.delete(q.name);
      };
    }
  }
  return undefined;
}
