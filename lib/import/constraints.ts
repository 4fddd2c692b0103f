/**
 * Table constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY) from Constraint nodes, shared by CREATE
 * TABLE and ALTER TABLE ... ADD CONSTRAINT. Unnamed constraints get the name PostgreSQL would choose.
 */
import type { FkAction, Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { deparse, rangeVarName, strings, walk, type Fields } from './ast';
import { joinNames } from './names';
import type { ImportState } from './state';

const FK_ACTIONS: Record<string, FkAction | undefined> = { a: undefined, r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

function columnIds(s: ImportState, table: Table, names: string[], what: string): string[] | undefined {
  const ids: string[] = [];
  for (const n of names) {
    const col = s.column(table, n);
    if (!col) {
      s.note('warning', what, `column ${n} does not exist in table ${table.name}; constraint not imported`);
      return undefined;
    }
    ids.push(col.id);
  }
  return ids;
}

function deferrable(c: Fields): { deferrable?: boolean; initiallyDeferred?: boolean } {
  return { ...(c.deferrable ? { deferrable: true } : {}), ...(c.initdeferred ? { initiallyDeferred: true } : {}) };
}

export function addPrimaryKey(s: ImportState, table: Table, c: Fields, names: string[]): void {
  if (c.including?.length) s.note('warning', 'primary key', 'INCLUDE columns of a primary key are not in the model; dropped', table.name);
  const ids = columnIds(s, table, names, 'primary key');
  if (!ids) return;
  const ns = s.namespace(s.schemaName(table.schemaId));
  const name = (c.conname as string | undefined) ?? ns.chooseRelationName(table.name, undefined, 'pkey', true);
  ns.relations.add(name);
  ns.constraints.add(name);
  for (const id of ids) {
    const col = s.columnsOf(table).find((x) => x.id === id);
    if (col && !table.partitionOf) col.nullable = false;
  }
  if (c.deferrable) {
    // The model's primary key is never deferrable (no foreign key may reference a deferrable one), so
    // this one stays SQL, as PostgreSQL would name it; its columns are still NOT NULL in the model.
    const keys = names.map((n) => ({ String: { sval: n } }));
    s.verbatim('primary key', 'post-tables', name, deparseAlterAdd(s, table, { ...c, conname: name, keys }));
    s.note('warning', 'primary key', 'a DEFERRABLE primary key is not in the model; kept as SQL, so the table has no model primary key', name);
    return;
  }
  table.primaryKey = { id: newId('pk'), name, columnIds: ids };
}

export function addUnique(s: ImportState, table: Table, c: Fields, names: string[]): void {
  if (c.including?.length) s.note('warning', 'unique', 'INCLUDE columns of a unique constraint are not in the model; dropped', table.name);
  const ids = columnIds(s, table, names, 'unique');
  if (!ids) return;
  const ns = s.namespace(s.schemaName(table.schemaId));
  const name = (c.conname as string | undefined) ?? ns.chooseRelationName(table.name, joinNames(names), 'key', true);
  ns.relations.add(name);
  ns.constraints.add(name);
  (table.uniques ??= []).push({ id: newId('uq'), name, columnIds: ids, ...(c.nulls_not_distinct ? { nullsNotDistinct: true } : {}), ...deferrable(c) });
}

/** checkColumnName: PostgreSQL names a CHECK after its column only when the expression uses exactly one column. */
function checkColumnName(s: ImportState, table: Table, expr: unknown): string | undefined {
  const used = new Set<string>();
  const columns = new Set(s.columnsOf(table).map((c) => c.name));
  walk(expr, (type, f) => {
    if (type !== 'ColumnRef') return;
    const fields = strings(f.fields);
    const last = fields[fields.length - 1];
    if (last && columns.has(last)) used.add(last);
  });
  return used.size === 1 ? [...used][0] : undefined;
}

export function addCheck(s: ImportState, table: Table, c: Fields, others: Set<string>): void {
  const ns = s.namespace(s.schemaName(table.schemaId));
  const name = (c.conname as string | undefined) ?? ns.chooseConstraintName(table.name, checkColumnName(s, table, c.raw_expr), 'check', others);
  others.add(name);
  ns.constraints.add(name);
  if (c.skip_validation) s.note('warning', 'check', 'NOT VALID is not in the model; the constraint is imported as valid', name);
  (table.checks ??= []).push({ id: newId('ck'), name, expression: deparse(c.raw_expr), ...(c.is_no_inherit ? { noInherit: true } : {}) });
}

export function addForeignKey(s: ImportState, table: Table, c: Fields, names: string[]): void {
  const ns = s.namespace(s.schemaName(table.schemaId));
  const name = (c.conname as string | undefined) ?? ns.chooseConstraintName(table.name, joinNames(names), 'fkey');
  ns.constraints.add(name);
  if (c.fk_matchtype === 'p') s.note('warning', 'foreign key', 'MATCH PARTIAL is not implemented by PostgreSQL; imported as MATCH SIMPLE', name);
  if (c.skip_validation) s.note('warning', 'foreign key', 'NOT VALID is not in the model; the constraint is imported as valid', name);
  if (c.fk_del_set_cols?.length) s.note('warning', 'foreign key', 'ON DELETE SET NULL/DEFAULT (columns) is not in the model; all columns are set', name);
  const onDelete = FK_ACTIONS[c.fk_del_action as string];
  const onUpdate = FK_ACTIONS[c.fk_upd_action as string];
  // A column constraint (`c int REFERENCES t`) has no column list of its own; the ALTER TABLE form needs one.
  const named = { ...c, conname: name, fk_attrs: c.fk_attrs ?? names.map((n) => ({ String: { sval: n } })) };
  s.pendingForeignKeys.push({
    table,
    fk: {
      id: newId('fk'), name, columnIds: [], refTableId: '', refColumnIds: [],
      ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}),
      ...(c.fk_matchtype === 'f' ? { match: 'full' as const } : {}),
      ...deferrable(c),
    },
    columnNames: names,
    ref: rangeVarName(c.pktable),
    refColumnNames: strings(c.pk_attrs),
    line: s.line,
    sql: () => deparseAlterAdd(s, table, named),
  });
}

/** deparseAlterAdd renders `ALTER TABLE t ADD CONSTRAINT ...` for a constraint that has to stay verbatim. */
export function deparseAlterAdd(s: ImportState, table: Table, c: Fields): string {
  const q = s.qualifiedOf(table);
  return deparse({
    AlterTableStmt: {
      relation: { schemaname: q.schema, relname: q.name, inh: true, relpersistence: 'p' },
      cmds: [{ AlterTableCmd: { subtype: 'AT_AddConstraint', def: { Constraint: c }, behavior: 'DROP_RESTRICT' } }],
      objtype: 'OBJECT_TABLE',
    },
  });
}

/**
 * addTableConstraint dispatches one Constraint node that applies to a whole table. `columnName` is set
 * for column constraints (their key is that column). Returns false for kinds the model does not hold.
 */
export function addTableConstraint(s: ImportState, table: Table, c: Fields, checkNames: Set<string>, columnName?: string): boolean {
  const keys = columnName !== undefined ? [columnName] : strings(c.keys);
  switch (c.contype as string) {
    case 'CONSTR_PRIMARY':
      addPrimaryKey(s, table, c, keys);
      return true;
    case 'CONSTR_UNIQUE':
      addUnique(s, table, c, keys);
      return true;
    case 'CONSTR_CHECK':
      addCheck(s, table, c, checkNames);
      return true;
    case 'CONSTR_FOREIGN':
      addForeignKey(s, table, c, columnName !== undefined ? [columnName] : strings(c.fk_attrs));
      return true;
    default:
      return false;
  }
}
