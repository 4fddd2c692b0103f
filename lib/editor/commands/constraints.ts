/**
 * Generic commands for a table's named parts: uniques, checks, foreign keys, indexes and policies.
 * New parts get PostgreSQL-style names unique in their schema (`<table>_<cols>_key`, `_check`, `_fkey`,
 * `_idx`); foreign keys are checked for matching types and a unique/primary key on the referenced side.
 */
import { newId } from '@/lib/model/ids';
import type { Check, ForeignKey, Index, Model, Policy, Table, Unique } from '@/lib/model';
import { chooseName, namesInSchema } from '../names';
import { referenceTypeProblem } from '../types';
import { applyPatch, findTable, updateTable, withOptional } from './access';
import { done, refuse, type CommandResult } from './result';

export type PartKind = 'uniques' | 'checks' | 'foreignKeys' | 'indexes' | 'policies';
export interface PartTypes { uniques: Unique; checks: Check; foreignKeys: ForeignKey; indexes: Index; policies: Policy }

const LABEL: Record<PartKind, string> = { uniques: 'key', checks: 'check', foreignKeys: 'fkey', indexes: 'idx', policies: 'policy' };

function columnNames(table: Table, ids: readonly string[] | undefined): string | undefined {
  const names = (ids ?? []).map((id) => table.columns.find((c) => c.id === id)?.name).filter((n): n is string => Boolean(n));
  return names.length ? names.join('_') : undefined;
}

/** defaultPartName picks the name PostgreSQL would choose for the part. */
export function defaultPartName(model: Model, table: Table, kind: PartKind, part: Partial<PartTypes[PartKind]>): string {
  if (kind === 'policies') {
    const taken = new Set((table.policies ?? []).map((p) => p.name));
    let name = `${table.name}_policy`;
    for (let n = 2; taken.has(name); n++) name = `${table.name}_policy_${n}`;
    return name;
  }
  const cols = 'columnIds' in part ? part.columnIds
    : 'elements' in part ? part.elements?.map((e) => e.columnId).filter((x): x is string => Boolean(x))
    : undefined;
  const name2 = kind === 'checks' ? undefined : columnNames(table, cols);
  return chooseName(table.name, name2 ?? (kind === 'indexes' ? 'expr' : undefined), LABEL[kind], namesInSchema(model, table.schemaId));
}

export interface AddPartArgs<K extends PartKind = PartKind> {
  readonly tableId: string;
  readonly kind: K;
  readonly part: Partial<PartTypes[K]>;
}

export function addPart(model: Model, args: AddPartArgs): CommandResult {
  const table = findTable(model, args.tableId);
  if (!table) return refuse('table-missing', `table ${args.tableId} does not exist`);
  const id = args.part.id ?? newId(args.kind === 'foreignKeys' ? 'fk' : args.kind.slice(0, 3));
  const name = args.part.name ?? defaultPartName(model, table, args.kind, args.part);
  const part = { ...defaults(args.kind), ...args.part, id, name } as PartTypes[PartKind];
  const missing = missingColumnProblem(model, table, args.kind, part);
  if (missing) return refuse('column-missing', missing);
  if (args.kind === 'foreignKeys') {
    const problem = foreignKeyProblem(model, table, part as ForeignKey);
    if (problem) return refuse('foreign-key', problem);
  }
  const list = [...((table[args.kind] as PartTypes[PartKind][] | undefined) ?? []), part];
  return done(updateTable(model, table.id, (t) => ({ ...t, [args.kind]: list })), [id]);
}

function defaults(kind: PartKind): object {
  switch (kind) {
    case 'uniques': return { columnIds: [] };
    case 'checks': return { expression: 'true' };
    case 'foreignKeys': return { columnIds: [], refColumnIds: [] };
    case 'indexes': return { elements: [] };
    case 'policies': return {};
  }
}

export function updatePart(model: Model, args: { tableId: string; kind: PartKind; id: string; patch: object }): CommandResult {
  const table = findTable(model, args.tableId);
  const list = (table?.[args.kind] as PartTypes[PartKind][] | undefined) ?? [];
  const current = list.find((p) => p.id === args.id);
  if (!table || !current) return refuse('part-missing', `${args.kind} ${args.id} does not exist`);
  const next = applyPatch(current, args.patch as Partial<typeof current>);
  const missing = missingColumnProblem(model, table, args.kind, next);
  if (missing) return refuse('column-missing', missing);
  if (args.kind === 'foreignKeys') {
    const problem = foreignKeyProblem(model, table, next as ForeignKey);
    if (problem) return refuse('foreign-key', problem);
  }
  return done(updateTable(model, table.id, (t) => ({ ...t, [args.kind]: list.map((p) => (p.id === args.id ? next : p)) })));
}

export function deletePart(model: Model, args: { tableId: string; kind: PartKind; id: string }): CommandResult {
  const table = findTable(model, args.tableId);
  const list = (table?.[args.kind] as PartTypes[PartKind][] | undefined) ?? [];
  if (!table || !list.some((p) => p.id === args.id)) return refuse('part-missing', `${args.kind} ${args.id} does not exist`);
  return done(updateTable(model, table.id, (t) => withOptional(t, args.kind, list.filter((p) => p.id !== args.id) as never)));
}

/**
 * missingColumnProblem names a column id the part uses that is not a column of its table (or, for a
 * foreign key's referenced columns, of the referenced table), or returns undefined. Checks and policies
 * refer to columns only inside SQL expressions, so they have no ids to check.
 */
export function missingColumnProblem(model: Model, table: Table, kind: PartKind, part: PartTypes[PartKind]): string | undefined {
  const absent = (t: Table, ids: readonly (string | undefined)[] | undefined) => (ids ?? []).find((id) => id !== undefined && !t.columns.some((c) => c.id === id));
  let id: string | undefined;
  if (kind === 'uniques') id = absent(table, (part as Unique).columnIds);
  else if (kind === 'indexes') {
    const ix = part as Index;
    id = absent(table, (ix.elements ?? []).map((e) => e.columnId)) ?? absent(table, ix.include);
  } else if (kind === 'foreignKeys') {
    const fk = part as ForeignKey;
    id = absent(table, fk.columnIds);
    const ref = findTable(model, fk.refTableId);
    if (id === undefined && ref) {
      const refId = absent(ref, fk.refColumnIds);
      if (refId !== undefined) return `column ${refId} does not exist in ${ref.name}`;
    }
  }
  return id === undefined ? undefined : `column ${id} does not exist in ${table.name}`;
}

/** foreignKeyProblem explains why a foreign key cannot exist as given, or returns undefined. */
export function foreignKeyProblem(model: Model, table: Table, fk: ForeignKey): string | undefined {
  const ref = findTable(model, fk.refTableId);
  if (!ref) return 'the referenced table does not exist';
  if (fk.columnIds.length === 0) return 'choose at least one column';
  if (fk.columnIds.length !== fk.refColumnIds.length) return `${fk.columnIds.length} column(s) cannot reference ${fk.refColumnIds.length} column(s)`;
  for (let i = 0; i < fk.columnIds.length; i++) {
    const from = table.columns.find((c) => c.id === fk.columnIds[i]);
    const to = ref.columns.find((c) => c.id === fk.refColumnIds[i]);
    if (!from || !to) return 'a column of the foreign key does not exist';
    const problem = referenceTypeProblem(from, to, model);
    if (problem) return problem;
  }
  const keySets = [ref.primaryKey?.columnIds, ...(ref.uniques ?? []).map((u) => u.columnIds), ...(ref.indexes ?? []).filter((ix) => ix.unique && !ix.where && ix.elements.every((e) => e.columnId)).map((ix) => ix.elements.map((e) => e.columnId!))];
  const wanted = new Set(fk.refColumnIds);
  if (!keySets.some((k) => k && k.length === wanted.size && k.every((id) => wanted.has(id)))) {
    const names = fk.refColumnIds.map((id) => ref.columns.find((c) => c.id === id)?.name).join(', ');
    return `${ref.name}(${names}) is not a primary key or unique constraint; PostgreSQL needs one on the referenced columns`;
  }
  return undefined;
}
