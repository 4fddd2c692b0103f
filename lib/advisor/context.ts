/**
 * RuleContext gives rules the model, its id index, JSON paths, and the derived facts several rules
 * need (which columns an index or key leads with, whether a table has RLS, a column's type name).
 */
import { ModelIndex, type Column, type Model, type Table } from '@/lib/model';
import type { AdviseOptions } from './types';
import { namedObjects, type NamedObject } from './named-objects';

export interface KeyLike {
  readonly id: string;
  readonly name: string;
  readonly source: 'primary-key' | 'unique' | 'index';
  /** Plain-column elements from the start, up to the first expression. */
  readonly columnIds: readonly string[];
  /** True when every element is a plain column without opclass/collation/order options. */
  readonly plain: boolean;
  readonly elementCount: number;
  readonly unique: boolean;
  readonly method: string;
  readonly partial: boolean;
}

export interface RuleContext {
  readonly model: Model;
  readonly index: ModelIndex;
  readonly options: AdviseOptions;
  tablePath(table: Table): string;
  columnPath(table: Table, column: Column): string;
  /** keysOf lists a table's primary key, unique constraints and indexes as comparable shapes. */
  keysOf(table: Table): KeyLike[];
  /** hasRls: RLS enabled in the model or by a security template. */
  hasRls(table: Table): boolean;
  schemaName(table: Table): string;
  /** inForeignKey: the column is on either side of a foreign key (type-changing fixes skip those: both sides must stay compatible). */
  inForeignKey(columnId: string): boolean;
  /** namedObjects: every named object with its path, listed once per run for the three naming rules. */
  namedObjects(): readonly NamedObject[];
}

export function ruleContext(model: Model, options: AdviseOptions = {}): RuleContext {
  const index = new ModelIndex(model);
  const tablePaths = new Map(model.tables.map((t, i) => [t, `tables[${i}]`] as const));
  const keys = new Map<Table, KeyLike[]>();
  // Built on first use, once per run: type rules ask for every column they flag, and a scan of every
  // foreign key per question made them quadratic in the model's size.
  let foreignKeyColumns: Set<string> | undefined;
  let named: NamedObject[] | undefined;
  return {
    model,
    index,
    options,
    tablePath: (t) => tablePaths.get(t) ?? 'tables[?]',
    columnPath: (t, c) => `${tablePaths.get(t) ?? 'tables[?]'}.columns[${t.columns.indexOf(c)}]`,
    keysOf(table) {
      let list = keys.get(table);
      if (!list) {
        list = [];
        if (table.primaryKey) list.push({ id: table.primaryKey.id, name: table.primaryKey.name, source: 'primary-key', columnIds: table.primaryKey.columnIds, plain: true, elementCount: table.primaryKey.columnIds.length, unique: true, method: 'btree', partial: false });
        for (const u of table.uniques ?? []) list.push({ id: u.id, name: u.name, source: 'unique', columnIds: u.columnIds, plain: true, elementCount: u.columnIds.length, unique: true, method: 'btree', partial: false });
        for (const i of table.indexes ?? []) {
          const lead: string[] = [];
          for (const e of i.elements) { if (!e.columnId) break; lead.push(e.columnId); }
          const plain = i.elements.every((e) => e.columnId && !e.opclass && !e.collation && !e.order && !e.nulls) && !(i.include?.length);
          list.push({ id: i.id, name: i.name, source: 'index', columnIds: lead, plain, elementCount: i.elements.length, unique: i.unique === true, method: i.method ?? 'btree', partial: i.where !== undefined });
        }
        keys.set(table, list);
      }
      return list;
    },
    hasRls: (t) => t.rls?.enabled === true || t.security?.rls !== undefined,
    schemaName: (t) => index.schemaName(t.schemaId) ?? '?',
    inForeignKey(columnId) {
      foreignKeyColumns ??= new Set(model.tables.flatMap((t) => (t.foreignKeys ?? []).flatMap((fk) => [...fk.columnIds, ...fk.refColumnIds])));
      return foreignKeyColumns.has(columnId);
    },
    namedObjects: () => (named ??= namedObjects(model)),
  };
}

/**
 * ledByIndex: a full (non-partial) key or index of one of these methods starts with exactly these
 * columns, in any order, so lookups on them (foreign key checks, policy filters) need not scan the table.
 */
export function ledByIndex(ctx: RuleContext, table: Table, columnIds: readonly string[], methods: readonly string[] = ['btree']): boolean {
  return ctx.keysOf(table).some((k) => !k.partial && methods.includes(k.method) && columnIds.every((id) => k.columnIds.slice(0, columnIds.length).includes(id)));
}

/** builtinName returns the model's short builtin type name of a column, or undefined for enums/custom. */
export function builtinName(column: Column): string | undefined {
  return column.type.kind === 'builtin' ? column.type.name : undefined;
}

/** customName returns a custom type's bare lower-case name (`citext`, `geometry`). */
export function customName(column: Column): string | undefined {
  return column.type.kind === 'custom' ? column.type.sql.trim().replaceAll('"', '').replace(/^\w+\./, '').replace(/\(.*$/, '').toLowerCase() : undefined;
}

/** words splits a name into lower-case words: `createdAt`, `created_at`, `Created At` -> [created, at]. */
export function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** columnsOfModel lists the own columns of every table with their paths (partitions have none). */
export function columnsOfModel(ctx: RuleContext): { table: Table; column: Column; path: string }[] {
  return ctx.model.tables.flatMap((table) => table.columns.map((column) => ({ table, column, path: ctx.columnPath(table, column) })));
}
