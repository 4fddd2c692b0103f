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

function partIds(t: Table): string[] {
  const ids = [t.id];
  for (const c of t.columns) ids.push(c.id);
  for (const p of [t.primaryKey, ...(t.uniques ?? []), ...(t.checks ?? []), ...(t.foreignKeys ?? []), ...(t.indexes ?? []), ...(t.policies ?? [])]) if (p) ids.push(p.id);
  return ids;
}

/** ownerMap maps every table, column, constraint, index and policy id to its table's id (built from scratch). */
export function ownerMap(model: Model): Map<string, string> {
  const owner = new Map<string, string>();
  for (const t of model.tables) for (const id of partIds(t)) owner.set(id, t.id);
  return owner;
}

/**
 * OwnerIndex is `ownerMap` (and the tables by id) of one model, kept up to date from model to model: only
 * tables that are new objects (edited, added) or gone are re-indexed, so an edit of one table among a
 * thousand costs one table, not all of them. `advance` also answers who owned an id in the model before.
 */
export class OwnerIndex {
  readonly owners = new Map<string, string>();
  readonly tables = new Map<string, Table>();
  private model: Model | undefined;

  /** advance re-indexes for `model`; the returned lookup gives an id's owner in the previously indexed model. */
  advance(model: Model): (id: string) => string | undefined {
    const previous = this.model;
    this.model = model;
    if (previous === model) return (id) => this.owners.get(id);
    // Ids of the tables that change (old versions), with their old owner: the "before" view of those.
    const before = new Map<string, string>();
    const added: Table[] = [];
    let newIds = 0;
    for (const t of model.tables) {
      const old = this.tables.get(t.id);
      if (old === t) continue;
      if (old) for (const id of partIds(old)) before.set(id, old.id);
      else newIds++;
      added.push(t);
    }
    // Tables gone from the model (table ids are unique: more indexed than there are means some left).
    if (this.tables.size + newIds > model.tables.length) {
      const present = new Set(model.tables.map((t) => t.id));
      for (const [id, old] of this.tables) if (!present.has(id)) { for (const pid of partIds(old)) before.set(pid, old.id); this.tables.delete(id); }
    }
    for (const id of before.keys()) this.owners.delete(id);
    for (const t of added) { this.tables.set(t.id, t); for (const id of partIds(t)) this.owners.set(id, t.id); }
    return (id) => (before.has(id) ? before.get(id) : this.owners.get(id));
  }
}

export class IncrementalSql {
  private last: Compiled | undefined;
  /** Owners of the last model compiled incrementally (kept across edits, see OwnerIndex). */
  private readonly index = new OwnerIndex();

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
    this.index.advance(last.model);
    const oldOwner = this.index.advance(model);
    const owners = this.index.owners;
    const byId = this.index.tables;
    for (const id of [...context]) {
      for (let p = byId.get(id)?.partitionOf?.parentId; p && !context.has(p); p = byId.get(p)?.partitionOf?.parentId) context.add(p);
    }
    const sub: Model = {
      ...model, sqlObjects: [],
      tables: after.filter((t: Table) => context.has(t.id)).map((t) => (affected.has(t.id) || !t.foreignKeys ? t : { ...t, foreignKeys: [] })),
    };
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
      const o = oldOwner(s.source.id);
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
