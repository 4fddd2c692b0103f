/** renameFix renames a table or column when the new name is free; other kinds get no fix (undefined). */
import type { Model } from '@/lib/model';
import type { Fix } from './types';
import type { NamedObject } from './named-objects';
import { edit } from './edit';

/** expressionTexts collects SQL text stored in a table (or the whole model) that could name the object by text. */
function mentioned(texts: readonly (string | undefined)[], name: string): boolean {
  const lower = name.toLowerCase();
  return texts.some((t) => t !== undefined && t.toLowerCase().includes(lower));
}

function tableTexts(table: Model['tables'][number]): (string | undefined)[] {
  return [
    ...table.columns.flatMap((c) => [c.default, c.generated?.expression]),
    ...(table.checks ?? []).map((c) => c.expression),
    ...(table.indexes ?? []).flatMap((i) => [i.where, ...i.elements.map((e) => e.expression)]),
    ...(table.policies ?? []).flatMap((p) => [p.using, p.withCheck]),
    ...(table.partitionBy?.keys ?? []).map((k) => k.expression),
  ];
}

/** renameFix is offered only when no stored SQL text (expressions, policies, sqlObjects) mentions the old name, since those are not rewritten. */
export function renameFix(model: Model, object: NamedObject, newName: string): Fix | undefined {
  if (newName === object.name || new TextEncoder().encode(newName).length > 63) return undefined;
  if (object.kind === 'table') {
    const table = model.tables.find((t) => t.id === object.id);
    if (!table || model.tables.some((t) => t.schemaId === table.schemaId && t.name === newName)) return undefined;
    const relationTaken = model.tables.some((t) => t.schemaId === table.schemaId && ((t.indexes ?? []).some((i) => i.name === newName) || (t.uniques ?? []).some((u) => u.name === newName) || t.primaryKey?.name === newName))
      || (model.sequences ?? []).some((s) => s.schemaId === table.schemaId && s.name === newName);
    if (relationTaken) return undefined;
    if (mentioned([...model.tables.flatMap(tableTexts), ...(model.sqlObjects ?? []).map((o) => o.sql)], object.name)) return undefined;
    return { title: `Rename table to ${newName}`, apply: (m) => edit(m, (d) => { d.tables.find((t) => t.id === object.id)!.name = newName; }) };
  }
  if (object.kind === 'column' && object.tableId) {
    const table = model.tables.find((t) => t.id === object.tableId);
    if (!table || table.columns.some((c) => c.name === newName)) return undefined;
    const children = model.tables.filter((t) => t.partitionOf?.parentId === table.id);
    if (mentioned([...tableTexts(table), ...children.flatMap(tableTexts), ...(model.sqlObjects ?? []).map((o) => o.sql)], object.name)) return undefined;
    return { title: `Rename column to ${newName}`, apply: (m) => edit(m, (d) => { d.tables.find((t) => t.id === object.tableId)!.columns.find((c) => c.id === object.id)!.name = newName; }) };
  }
  return undefined;
}
