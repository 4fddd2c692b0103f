/**
 * Immutable update helpers shared by the commands: each returns a new model that shares every record it
 * did not touch, so diffs and derived canvas nodes can compare by reference.
 */
import type { Column, Layout, Model, Table } from '@/lib/model';

export function findTable(model: Model, tableId: string): Table | undefined {
  return model.tables.find((t) => t.id === tableId);
}

export function tableLabel(model: Model, table: Table): string {
  const schema = model.schemas.find((s) => s.id === table.schemaId)?.name;
  return schema && schema !== 'public' ? `${schema}.${table.name}` : table.name;
}

export function replaceTable(model: Model, table: Table): Model {
  return { ...model, tables: model.tables.map((t) => (t.id === table.id ? table : t)) };
}

export function updateTable(model: Model, tableId: string, fn: (t: Table) => Table): Model {
  const tables = model.tables.map((t) => (t.id === tableId ? fn(t) : t));
  return { ...model, tables };
}

export function replaceColumn(table: Table, column: Column): Table {
  return { ...table, columns: table.columns.map((c) => (c.id === column.id ? column : c)) };
}

/** withOptional sets key to value, or removes it when value is undefined or an empty array. */
export function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

/** applyPatch copies keys present in patch; a key present with value undefined removes the property. */
export function applyPatch<T extends object>(obj: T, patch: NoInfer<object>): T {
  const next = { ...obj } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k]; else next[k] = v;
  }
  return next as T;
}

export type TableLayout = NonNullable<Layout['tables']>[string];

export function setLayoutPart<K extends 'tables' | 'notes' | 'areas'>(model: Model, key: K, value: Layout[K]): Model {
  const layout = withOptional({ ...(model.layout ?? {}) } as Layout, key, value);
  if (key === 'tables' && value && Object.keys(value).length === 0) delete layout.tables;
  return withOptional(model, 'layout', Object.keys(layout).length ? layout : undefined);
}

export function tableLayouts(model: Model): Record<string, TableLayout> {
  return model.layout?.tables ?? {};
}
