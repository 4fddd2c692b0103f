/**
 * IncrementalSql keeps the SQL preview of a large model fast: after one full compile it remembers the
 * steps per owning table, and when an edit only changes existing tables (a rename, a column, a
 * constraint) it recompiles just those tables plus the tables whose foreign keys or partitions name
 * them, and splices their steps back in place. Anything else (tables added, removed or reordered;
 * schemas, enums, sequences changed; another target) takes the full path. Either way the text is what
 * `compileSql` gives; the tests compare both on random edits.
 */
import type { Model, Table } from '@/lib/model';
import { compileStatements, joinStatements } from '@/lib/compile';
import type { Step } from '@/lib/plan';

interface Compiled {
  readonly model: Model;
  readonly target: number | undefined;
  readonly steps: readonly Step[];
}

export interface SqlPreview {
  readonly sql: string;
  /** Character offset of each table's CREATE statement (to scroll the preview to the selection). */
  readonly offsets: Readonly<Record<string, number>>;
  readonly incremental: boolean;
}

const FULL_FIELDS = ['schemas', 'extensions', 'enums', 'sequences', 'roles', 'sqlObjects', 'settings'] as const;

function ownerMap(model: Model): Map<string, string> {
  const owner = new Map<string, string>();
  for (const t of model.tables) {
    owner.set(t.id, t.id);
    for (const c of t.columns) owner.set(c.id, t.id);
    for (const p of [t.primaryKey, ...(t.uniques ?? []), ...(t.checks ?? []), ...(t.foreignKeys ?? []), ...(t.indexes ?? []), ...(t.policies ?? [])]) if (p) owner.set(p.id, t.id);
  }
  return owner;
}

export class IncrementalSql {
  private last: Compiled | undefined;

  compile(model: Model, target?: number): SqlPreview {
    const steps = this.tryIncremental(model, target);
    const incremental = steps !== undefined;
    const all = steps ?? compileStatements(model, { target });
    this.last = { model, target, steps: all };
    return { sql: joinStatements(all), offsets: offsetsOf(model, all), incremental };
  }

  private tryIncremental(model: Model, target: number | undefined): Step[] | undefined {
    const last = this.last;
    if (!last || last.target !== target) return undefined;
    if (FULL_FIELDS.some((f) => last.model[f] !== model[f])) return undefined;
    const before = last.model.tables;
    const after = model.tables;
    if (before.length !== after.length) return undefined;
    const changed = new Set<string>();
    for (let i = 0; i < after.length; i++) {
      if (before[i]!.id !== after[i]!.id) return undefined;
      if (before[i] !== after[i]) changed.add(after[i]!.id);
    }
    if (changed.size === 0) return [...last.steps];
    if (changed.size > 25) return undefined;
    // Tables whose SQL names a changed table: foreign keys pointing at it, partitions of it.
    const affected = new Set(changed);
    for (const t of after) {
      if ((t.foreignKeys ?? []).some((fk) => changed.has(fk.refTableId)) || (t.partitionOf && changed.has(t.partitionOf.parentId))) affected.add(t.id);
    }
    if ((model.sequences ?? []).some((s) => s.ownedBy && affected.has(s.ownedBy.tableId))) return undefined;
    const context = new Set(affected);
    for (const t of after) {
      if (!affected.has(t.id)) continue;
      for (const fk of t.foreignKeys ?? []) context.add(fk.refTableId);
      if (t.partitionOf) context.add(t.partitionOf.parentId);
    }
    // Context tables are compiled only so names resolve; their own foreign keys would drag in more tables.
    const byId = new Map(after.map((t) => [t.id, t]));
    for (const id of [...context]) {
      for (let p = byId.get(id)?.partitionOf?.parentId; p && !context.has(p); p = byId.get(p)?.partitionOf?.parentId) context.add(p);
    }
    const sub: Model = {
      ...model, sqlObjects: [],
      tables: after.filter((t: Table) => context.has(t.id)).map((t) => (affected.has(t.id) || !t.foreignKeys ? t : { ...t, foreignKeys: [] })),
    };
    const owners = ownerMap(model);
    const oldOwners = ownerMap(last.model);
    const fresh = new Map<string, Step[]>();
    for (const s of compileStatements(sub, { target })) {
      const o = owners.get(s.source.id);
      if (o === undefined) continue;
      if (!affected.has(o)) continue;
      const key = `${s.phase}|${o}`;
      if (!fresh.has(key)) fresh.set(key, []);
      fresh.get(key)!.push(s);
    }
    // Walk the old steps; at the first old step of each (phase, affected table) emit the fresh group.
    const out: Step[] = [];
    const emitted = new Set<string>();
    for (const s of last.steps) {
      const o = oldOwners.get(s.source.id);
      if (o === undefined || !affected.has(o)) { out.push(s); continue; }
      const key = `${s.phase}|${o}`;
      if (!emitted.has(key)) { emitted.add(key); out.push(...(fresh.get(key) ?? [])); }
    }
    // A (phase, table) group that did not exist before (first index, first comment, ...) has no slot: recompile fully.
    for (const key of fresh.keys()) if (!emitted.has(key)) return undefined;
    return out;
  }
}

function offsetsOf(model: Model, steps: readonly Step[]): Record<string, number> {
  const tableIds = new Set(model.tables.map((t) => t.id));
  const offsets: Record<string, number> = {};
  let pos = 0;
  for (const s of steps) {
    if (s.phase === 'tables' && tableIds.has(s.source.id) && offsets[s.source.id] === undefined) offsets[s.source.id] = pos;
    pos += s.sql.length + 2 + 1; // ";\n" then the blank line separator
  }
  return offsets;
}
