/** CREATE SCHEMA / EXTENSION / TYPE ... AS ENUM / SEQUENCE, ALTER TYPE ... ADD VALUE, ALTER SEQUENCE. */
import type { Sequence } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { inner, numericArg, qkey, qualified, rangeVarName, strings, type Fields } from './ast';
import { readSequenceOptions } from './columns';
import { quoteIdent, quoteQualified } from '@/lib/sql/quote';
import { alterSequenceOptions, normalizeSequenceOptions, type SequenceChange, type SequenceType } from './sequence-options';
import type { ImportState } from './state';

export function createSchema(s: ImportState, stmt: Fields): void {
  const name = stmt.schemaname as string;
  if (stmt.schemaElts?.length) {
    s.verbatim('schema', 'pre-tables', name);
    s.note('warning', 'schema', 'CREATE SCHEMA with elements stays SQL; its objects are not in the model', name);
    return;
  }
  if (s.schemaIds.has(name)) {
    if (name !== 'public') s.note('skipped', 'schema', 'schema already defined', name);
    return;
  }
  s.schemaId(name);
}

export function createExtension(s: ImportState, stmt: Fields): void {
  const name = stmt.extname as string;
  if (name === 'plpgsql') {
    s.note('ignored', 'extension', 'plpgsql is installed in every database', name);
    return;
  }
  if (s.model.extensions!.some((e) => e.name === name)) {
    s.note('skipped', 'extension', 'extension already defined', name);
    return;
  }
  let schemaId: string | undefined;
  for (const o of (stmt.options as unknown[] | undefined) ?? []) {
    const d = inner(o, 'DefElem');
    if (d?.defname === 'schema') schemaId = s.schemaId(inner(d.arg, 'String')?.sval as string);
    else if (d) s.note('warning', 'extension', `option ${String(d.defname)} is not in the model; dropped`, name);
  }
  s.model.extensions!.push({ id: newId('ext'), name, ...(schemaId ? { schemaId } : {}) });
}

export function createEnum(s: ImportState, stmt: Fields): void {
  const q = qualified(strings(stmt.typeName));
  if (s.enums.has(qkey(q))) {
    s.note('warning', 'type', 'enum already defined; this definition is ignored', q.name);
    return;
  }
  const e = { id: newId('enum'), schemaId: s.schemaId(q.schema), name: q.name, values: strings(stmt.vals) };
  s.enums.set(qkey(q), e);
  s.model.enums!.push(e);
}

export function alterEnum(s: ImportState, stmt: Fields): void {
  const q = qualified(strings(stmt.typeName));
  const e = s.enums.get(qkey(q));
  if (!e || stmt.oldVal) {
    s.verbatim('alter type', 'pre-tables', q.name);
    return;
  }
  const value = stmt.newVal as string;
  if (e.values.includes(value)) {
    if (!stmt.skipIfNewValExists) s.note('warning', 'type', `enum already has the value ${value}`, q.name);
    return;
  }
  const neighbor = stmt.newValNeighbor as string | undefined;
  const at = neighbor === undefined ? e.values.length : e.values.indexOf(neighbor) + (stmt.newValIsAfter ? 1 : 0);
  e.values.splice(at < 0 ? e.values.length : at, 0, value);
}

function sequenceType(dataType: string | undefined): SequenceType | undefined {
  return dataType === 'smallint' || dataType === 'integer' || dataType === 'bigint' ? dataType : undefined;
}

export function createSequence(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.sequence);
  if (s.sequences.has(qkey(q))) {
    s.note(stmt.if_not_exists ? 'skipped' : 'warning', 'sequence', 'sequence already defined', q.name);
    return;
  }
  const read = readSequenceOptions(stmt.options as unknown[] | undefined);
  const type = sequenceType(read.dataType ?? 'bigint');
  if (!type || stmt.sequence?.relpersistence === 't') {
    s.verbatim('sequence', 'pre-tables', q.name);
    return;
  }
  const seq: Sequence = { id: newId('seq'), schemaId: s.schemaId(q.schema), name: q.name, ...(type !== 'bigint' ? { dataType: type } : {}), ...normalizeSequenceOptions(type, read.raw) };
  s.namespace(q.schema).relations.add(q.name);
  s.sequences.set(qkey(q), seq);
  s.model.sequences!.push(seq);
  if (read.ownedBy) setOwnedBy(s, seq, read.ownedBy);
}

export function alterSequence(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.sequence);
  const seq = s.sequences.get(qkey(q));
  if (!seq) {
    s.verbatim('alter sequence', 'post-tables', q.name);
    return;
  }
  const read = readSequenceOptions(stmt.options as unknown[] | undefined);
  const oldType = seq.dataType ?? 'bigint';
  const newType = read.dataType === undefined ? oldType : sequenceType(read.dataType);
  if (!newType) {
    s.note('warning', 'sequence', `AS ${read.dataType} is not a sequence type; ignored`, q.name);
    return;
  }
  const change = sequenceChange(stmt.options as unknown[] | undefined);
  const current = { start: seq.start, increment: seq.increment, minValue: seq.minValue, maxValue: seq.maxValue, cache: seq.cache, cycle: seq.cycle };
  const altered = alterSequenceOptions(oldType, current, { ...change, type: newType });
  for (const k of ['start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle', 'dataType'] as const) delete seq[k];
  Object.assign(seq, altered.type !== 'bigint' ? { dataType: altered.type } : {}, altered.options);
  if (read.ownedBy) setOwnedBy(s, seq, read.ownedBy);
}

/** sequenceChange reads which options an ALTER SEQUENCE (or ALTER COLUMN ... SET identity option) names; NO MINVALUE/NO MAXVALUE are null. */
export function sequenceChange(options: unknown[] | undefined): SequenceChange {
  const change: SequenceChange = {};
  for (const o of options ?? []) {
    const d = inner(o, 'DefElem');
    if (!d) continue;
    const value = numericArg(d.arg);
    const n = value === undefined ? undefined : BigInt(value);
    switch (d.defname as string) {
      case 'start': change.start = n; break;
      case 'increment': change.increment = n; break;
      case 'minvalue': change.min = n ?? null; break;
      case 'maxvalue': change.max = n ?? null; break;
      case 'cache': change.cache = n; break;
      case 'cycle': change.cycle = Boolean(inner(d.arg, 'Boolean')?.boolval); break;
      default: break;
    }
  }
  return change;
}

function setOwnedBy(s: ImportState, seq: Sequence, parts: string[]): void {
  if (parts.length === 1 && parts[0] === 'none') {
    delete seq.ownedBy;
    return;
  }
  const column = parts[parts.length - 1]!;
  const relation = qualified(parts.slice(0, -1));
  if (s.verbatimRelations.has(qkey(relation))) {
    // The owner is a table kept as SQL (INHERITS, ...): the ownership is SQL too, after it (pull does the same).
    delete seq.ownedBy;
    const target = `${quoteQualified(relation.schema, relation.name)}.${quoteIdent(column)}`;
    s.verbatim('alter sequence', 'post-tables', seq.name, `ALTER SEQUENCE ${quoteQualified(s.schemaName(seq.schemaId), seq.name)} OWNED BY ${target}`);
    return;
  }
  const table = s.table(relation);
  const col = table ? s.column(table, column) : undefined;
  if (!table || !col) {
    s.note('warning', 'sequence', `OWNED BY ${parts.join('.')}: no such model column; ownership dropped`, seq.name);
    return;
  }
  // A partition's columns are its parent's: ownership goes to the parent.
  const owner = table.partitionOf ? s.model.tables.find((t) => t.id === table.partitionOf!.parentId)! : table;
  seq.ownedBy = { tableId: owner.id, columnId: col.id };
}
