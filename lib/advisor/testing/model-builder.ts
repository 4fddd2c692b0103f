/**
 * A small builder for hand-written test models (advisor fixtures, security fixtures): tables and
 * columns by name, ids derived from names, references (primary key, foreign keys, indexes) given by
 * column names and resolved to ids. Test-only; generated models come from lib/testing/arbitraries.
 */
import type { Column, ColumnType, ForeignKey, Index, Model, Table } from '@/lib/model';
import { BUILTIN_TYPE_NAMES, PUBLIC_SCHEMA_ID } from '@/lib/model';

/** slug keeps ids readable and within the 64-character id limit (long names get a hash suffix). */
const slug = (s: string) => {
  const full = s.replace(/[^A-Za-z0-9_-]/g, (ch) => `-${ch.codePointAt(0)!.toString(16)}`);
  if (full.length <= 28) return full;
  let h = 0x811c9dc5;
  for (const ch of full) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return `${full.slice(0, 20)}-${h.toString(36)}`;
};

export const tableId = (table: string) => `t_${slug(table)}`;
export const columnId = (table: string, column: string) => `c_${slug(table)}__${slug(column)}`;

/** type parses `text`, `varchar(40)`, `numeric(12,2)`, `int[]`-like `integer[]`, else a custom type. */
export function type(spec: string): ColumnType {
  const array = spec.endsWith('[]');
  const base = array ? spec.slice(0, -2) : spec;
  const m = /^([a-z ]+?)(?:\((\d+)(?:,\s*(\d+))?\))?$/.exec(base);
  if (m && (BUILTIN_TYPE_NAMES as string[]).includes(m[1]!)) {
    const name = m[1]!;
    const t: ColumnType = { kind: 'builtin', name };
    if (m[2] !== undefined) {
      if (name === 'varchar' || name === 'char' || name === 'bit' || name === 'varbit') t.length = Number(m[2]);
      else t.precision = Number(m[2]);
    }
    if (m[3] !== undefined) t.scale = Number(m[3]);
    if (array) t.array = true;
    return t;
  }
  return { kind: 'custom', sql: base, ...(array ? { array: true } : {}) };
}

export interface ColumnSpec extends Partial<Omit<Column, 'type' | 'id' | 'name'>> {
  readonly name: string;
  readonly type: string | ColumnType;
}

export const col = (name: string, spec: string | ColumnType, rest: Partial<Omit<Column, 'id' | 'name' | 'type'>> = {}): ColumnSpec => ({ name, type: spec, ...rest });

export interface TableSpec {
  readonly name: string;
  readonly schemaId?: string;
  readonly columns: readonly ColumnSpec[];
  readonly pk?: readonly string[];
  readonly uniques?: readonly { name: string; columns: readonly string[] }[];
  readonly fks?: readonly { name: string; columns: readonly string[]; ref: string; refColumns: readonly string[]; onDelete?: ForeignKey['onDelete'] }[];
  readonly indexes?: readonly { name: string; columns?: readonly string[]; expressions?: readonly string[]; unique?: boolean; where?: string; method?: Index['method'] }[];
  readonly rest?: Partial<Omit<Table, 'id' | 'name' | 'columns'>>;
}

export function buildTable(spec: TableSpec): Table {
  const cid = (c: string) => {
    if (!spec.columns.some((x) => x.name === c)) throw new Error(`test model: ${spec.name} has no column ${c}`);
    return columnId(spec.name, c);
  };
  const table: Table = {
    id: tableId(spec.name),
    schemaId: spec.schemaId ?? PUBLIC_SCHEMA_ID,
    name: spec.name,
    columns: spec.columns.map(({ name, type: t, ...rest }) => ({
      id: columnId(spec.name, name), name, type: typeof t === 'string' ? type(t) : t, nullable: rest.nullable ?? true, ...rest,
    })),
    ...spec.rest,
  };
  if (spec.pk) table.primaryKey = { id: `pk_${slug(spec.name)}`, name: `${spec.name}_pkey`, columnIds: spec.pk.map(cid) };
  if (spec.uniques) table.uniques = spec.uniques.map((u) => ({ id: `uq_${slug(u.name)}`, name: u.name, columnIds: u.columns.map(cid) }));
  if (spec.fks) {
    table.foreignKeys = spec.fks.map((f) => ({
      id: `fk_${slug(f.name)}`, name: f.name, columnIds: f.columns.map(cid), refTableId: tableId(f.ref),
      refColumnIds: f.refColumns.map((c) => columnId(f.ref, c)), ...(f.onDelete ? { onDelete: f.onDelete } : {}),
    }));
  }
  if (spec.indexes) {
    table.indexes = spec.indexes.map((i) => ({
      id: `ix_${slug(i.name)}`, name: i.name,
      elements: [...(i.columns ?? []).map((c) => ({ columnId: cid(c) })), ...(i.expressions ?? []).map((expression) => ({ expression }))],
      ...(i.unique ? { unique: true } : {}), ...(i.where ? { where: i.where } : {}), ...(i.method ? { method: i.method } : {}),
    }));
  }
  return table;
}

/** model builds a model in the public schema from table specs. */
export function model(tables: readonly TableSpec[], extra: Partial<Model> = {}): Model {
  return {
    format: 1,
    schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }],
    tables: tables.map(buildTable),
    ...extra,
  };
}
