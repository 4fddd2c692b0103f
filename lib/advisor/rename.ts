/** renameFix renames a table or column when the new name is free; other kinds get no fix (undefined). */
import { MAX_NAME_BYTES, nameBytes } from '@/lib/model/validate/names';
import type { Model } from '@/lib/model';
import type { Fix } from './types';
import type { NamedObject } from './named-objects';
import { edit } from './edit';
import { parseSql, sqlParserReady } from '@/lib/model';

/**
 * mentioned is conservative: a text mentions the name when it contains it plainly or double-quoted
 * ("a""b"), or when any identifier or string in its parse tree (which resolves quoting and U&""
 * escapes) contains it; text the parser rejects counts as mentioning it.
 */
function mentioned(expressions: readonly (string | undefined)[], statements: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  const quoted = `"${name.replaceAll('"', '""')}"`.toLowerCase();
  const check = (t: string | undefined, sql: (t: string) => string) => {
    if (t === undefined) return false;
    if (t.toLowerCase().includes(lower) || t.toLowerCase().includes(quoted)) return true;
    if (!sqlParserReady()) return false;
    const parsed = parseSql(sql(t));
    return !parsed.ok || containsString(parsed.stmts, lower);
  };
  return expressions.some((t) => check(t, (e) => `SELECT (${e}\n)`)) || statements.some((t) => check(t, (s) => s));
}

function containsString(node: unknown, lower: string): boolean {
  if (typeof node === 'string') return node.toLowerCase().includes(lower);
  if (node === null || typeof node !== 'object') return false;
  return Object.values(node).some((v) => containsString(v, lower));
}

/** referencedBySql tells whether stored SQL text may name the object, which is why renameFix offers no fix. */
export function referencedBySql(model: Model, object: NamedObject): boolean {
  const sqlObjects = (model.sqlObjects ?? []).map((o) => o.sql);
  if (object.kind === 'table') return mentioned(model.tables.flatMap(tableTexts), sqlObjects, object.name);
  if (object.kind === 'column' && object.tableId) {
    const table = model.tables.find((t) => t.id === object.tableId);
    if (!table) return false;
    const children = model.tables.filter((t) => t.partitionOf?.parentId === table.id);
    return mentioned([...tableTexts(table), ...children.flatMap(tableTexts)], sqlObjects, object.name);
  }
  return false;
}

/** RENAME_BLOCKED_HELP is appended to a rename rule's help when referencedBySql withheld the fix. */
export const RENAME_BLOCKED_HELP = 'No automatic rename is offered: SQL text (CHECKs, index expressions or predicates, defaults, generated columns, policies, partition keys or SQL objects) references this name, and those references must be renamed together with it.';

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
  if (newName === object.name || nameBytes(newName) > MAX_NAME_BYTES) return undefined;
  if (object.kind === 'table') {
    const table = model.tables.find((t) => t.id === object.id);
    if (!table || model.tables.some((t) => t.schemaId === table.schemaId && t.name === newName)) return undefined;
    const relationTaken = model.tables.some((t) => t.schemaId === table.schemaId && ((t.indexes ?? []).some((i) => i.name === newName) || (t.uniques ?? []).some((u) => u.name === newName) || t.primaryKey?.name === newName))
      || (model.sequences ?? []).some((s) => s.schemaId === table.schemaId && s.name === newName);
    if (relationTaken) return undefined;
    if (referencedBySql(model, object)) return undefined;
    return { title: `Rename table to ${newName}`, apply: (m) => edit(m, (d) => { d.tables.find((t) => t.id === object.id)!.name = newName; }) };
  }
  if (object.kind === 'column' && object.tableId) {
    const table = model.tables.find((t) => t.id === object.tableId);
    if (!table || table.columns.some((c) => c.name === newName)) return undefined;
    if (referencedBySql(model, object)) return undefined;
    return { title: `Rename column to ${newName}`, apply: (m) => edit(m, (d) => { d.tables.find((t) => t.id === object.tableId)!.columns.find((c) => c.id === object.id)!.name = newName; }) };
  }
  return undefined;
}
