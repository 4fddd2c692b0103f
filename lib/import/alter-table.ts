/**
 * ALTER TABLE on a table in the model: ADD COLUMN, ALTER COLUMN SET/DROP DEFAULT, SET/DROP NOT NULL, [SET DATA]
 * TYPE, ADD GENERATED ... AS IDENTITY (pg_dump's form), SET identity options, DROP IDENTITY, DROP EXPRESSION,
 * ADD CONSTRAINT, row level security flags and ATTACH PARTITION. OWNER TO is ignored; anything else keeps
 * the whole statement verbatim.
 */
import type { Column, Table } from '@/lib/model/schema';
import { inner, qkey, rangeVarName, strings, type Fields, type QualifiedName } from './ast';
import { sequenceChange } from './objects';
import { alterSequenceOptions, sequenceTypeOf } from './sequence-options';
import { columnType } from './types';
import { joinNames, makeObjectName } from './names';
import { columnFrom, identityFrom, setDefault, type ColumnConstraint } from './columns';
import { addTableConstraint } from './constraints';
import { partitionBound } from './create-table';
import type { ImportState } from './state';

const HANDLED = new Set([
  'AT_AddColumn', 'AT_ColumnDefault', 'AT_SetNotNull', 'AT_DropNotNull', 'AT_AddIdentity', 'AT_AddConstraint',
  'AT_EnableRowSecurity', 'AT_DisableRowSecurity', 'AT_ForceRowSecurity', 'AT_NoForceRowSecurity',
  'AT_AttachPartition', 'AT_ChangeOwner', 'AT_AlterColumnType', 'AT_SetIdentity', 'AT_DropIdentity', 'AT_DropExpression',
]);

export function alterTable(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.relation);
  const objtype = stmt.objtype as string;
  const cmds = ((stmt.cmds as unknown[] | undefined) ?? []).map((c) => inner(c, 'AlterTableCmd')!);
  const onlyOwner = cmds.every((c) => c.subtype === 'AT_ChangeOwner');
  if (onlyOwner) {
    s.noteGrouped('ignored', 'owner', 'ownership is not part of the design (OWNER TO)');
    return;
  }
  if (objtype === 'OBJECT_INDEX' && cmds.length === 1 && cmds[0]!.subtype === 'AT_AttachPartition' && attachIndex(s, q, rangeVarName(inner(cmds[0]!.def, 'PartitionCmd')?.name))) return;
  const table = objtype === 'OBJECT_TABLE' ? s.table(q) : undefined;
  if (!table || s.verbatimRelations.has(qkey(q)) || !cmds.every((c) => HANDLED.has(c.subtype as string)) || !cmds.every((c) => supported(s, table, c))) {
    s.verbatim(objtype === 'OBJECT_TABLE' ? 'alter table' : kindOf(objtype), 'post-tables', q.name);
    return;
  }
  const checkNames = new Set<string>();
  for (const cmd of cmds) {
    const columnName = cmd.name as string | undefined;
    switch (cmd.subtype as string) {
      case 'AT_AddColumn': {
        const keys: ColumnConstraint[] = [];
        const col = columnFrom(s, table, inner(cmd.def, 'ColumnDef')!, keys);
        table.columns.push(col);
        for (const k of keys) addTableConstraint(s, table, k.constraint, checkNames, k.column);
        break;
      }
      case 'AT_ColumnDefault': {
        const col = s.column(table, columnName!)!;
        if (cmd.def) setDefault(s, table, col, cmd.def);
        else { delete col.default; delete col.sequenceId; }
        break;
      }
      case 'AT_SetNotNull': s.column(table, columnName!)!.nullable = false; break;
      case 'AT_DropNotNull': s.column(table, columnName!)!.nullable = true; break;
      case 'AT_AddIdentity': {
        const col = s.column(table, columnName!)!;
        col.identity = identityFrom(s, table, col, inner(cmd.def, 'Constraint')!);
        col.nullable = false;
        break;
      }
      case 'AT_AddConstraint': {
        const c = inner(cmd.def, 'Constraint')!;
        addTableConstraint(s, table, c, checkNames);
        break;
      }
      case 'AT_EnableRowSecurity': table.rls = { ...table.rls, enabled: true }; break;
      case 'AT_DisableRowSecurity': table.rls = { ...table.rls, enabled: false }; break;
      case 'AT_ForceRowSecurity': table.rls = { enabled: table.rls?.enabled ?? false, forced: true }; break;
      case 'AT_NoForceRowSecurity': if (table.rls) delete table.rls.forced; break;
      case 'AT_AttachPartition': attachPartition(s, table, inner(cmd.def, 'PartitionCmd')!); break;
      case 'AT_AlterColumnType': alterColumnType(s, s.column(table, columnName!)!, inner(cmd.def, 'ColumnDef')!); break;
      case 'AT_SetIdentity': setIdentityOptions(s.column(table, columnName!)!, inner(cmd.def, 'List')?.items as unknown[] | undefined); break;
      case 'AT_DropIdentity': delete s.column(table, columnName!)!.identity; break;
      case 'AT_DropExpression': delete s.column(table, columnName!)!.generated; break;
      case 'AT_ChangeOwner': s.noteGrouped('ignored', 'owner', 'ownership is not part of the design (OWNER TO)'); break;
      default: throw new Error(`unhandled ALTER TABLE subcommand ${String(cmd.subtype)}`);
    }
    normalizeRls(table);
  }
}

function typeOf(s: ImportState, def: Fields): string {
  const type = columnType(def.typeName as Fields, { enumId: (q) => s.enums.get(qkey(q))?.id });
  return type.kind === 'builtin' ? type.name : '';
}

/**
 * alterColumnType: the new type, and the collation given with it or none (PostgreSQL drops the old one and
 * takes the new type's default). An identity's sequence changes type as ALTER SEQUENCE AS would. USING only
 * converts data, which a design does not hold.
 */
function alterColumnType(s: ImportState, col: Column, def: Fields): void {
  const before = col.type.kind === 'builtin' ? sequenceTypeOf(col.type.name) : undefined;
  col.type = columnType(def.typeName as Fields, { enumId: (q) => s.enums.get(qkey(q))?.id });
  const collation = strings(def.collClause?.collname);
  if (collation.length) col.collation = collation[collation.length - 1]!;
  else delete col.collation;
  const after = col.type.kind === 'builtin' ? sequenceTypeOf(col.type.name) : undefined;
  if (col.identity && before && after) {
    const { generation, sequenceName, ...options } = col.identity;
    const altered = alterSequenceOptions(before, options, { type: after });
    col.identity = { generation, ...altered.options, ...(sequenceName ? { sequenceName } : {}) };
  }
}

/** setIdentityOptions: ALTER COLUMN ... SET GENERATED / SET INCREMENT BY ... (RESTART is not design). */
function setIdentityOptions(col: Column, options: unknown[] | undefined): void {
  const identity = col.identity!;
  const type = col.type.kind === 'builtin' ? sequenceTypeOf(col.type.name) ?? 'bigint' : 'bigint';
  let generation = identity.generation;
  for (const o of options ?? []) {
    const d = inner(o, 'DefElem');
    if (d?.defname === 'generated') generation = Number(inner(d.arg, 'Integer')?.ival) === 'a'.charCodeAt(0) ? 'always' : 'by-default';
  }
  const { generation: _old, sequenceName, ...current } = identity;
  const altered = alterSequenceOptions(type, current, sequenceChange(options));
  col.identity = { generation, ...altered.options, ...(sequenceName ? { sequenceName } : {}) };
}

/** normalizeRls: the normal form has no `rls` when RLS is off and not forced, and no `forced: false`. */
function normalizeRls(table: Table): void {
  if (!table.rls) return;
  if (!table.rls.forced) delete table.rls.forced;
  if (!table.rls.enabled && !table.rls.forced) delete table.rls;
}

/** supported: a subcommand whose columns exist and whose constraint kind the model holds. */
function supported(s: ImportState, table: Table, cmd: Fields): boolean {
  switch (cmd.subtype as string) {
    case 'AT_ColumnDefault':
    case 'AT_SetNotNull':
    case 'AT_DropNotNull':
    case 'AT_AddIdentity':
      return !table.partitionOf && s.column(table, cmd.name as string) !== undefined;
    case 'AT_AddColumn':
      return !table.partitionOf;
    case 'AT_AlterColumnType': {
      // A type the model cannot name (a relation's row type, say) keeps the statement verbatim.
      const col = table.partitionOf ? undefined : s.column(table, cmd.name as string);
      return !!col && (!col.identity || sequenceTypeOf(typeOf(s, inner(cmd.def, 'ColumnDef')!)) !== undefined);
    }
    case 'AT_SetIdentity':
    case 'AT_DropIdentity':
      return !table.partitionOf && s.column(table, cmd.name as string)?.identity !== undefined;
    case 'AT_DropExpression':
      return !table.partitionOf && s.column(table, cmd.name as string)?.generated !== undefined;
    case 'AT_AddConstraint': {
      const c = inner(cmd.def, 'Constraint');
      return !!c && ['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_CHECK', 'CONSTR_FOREIGN'].includes(c.contype) && !c.indexname;
    }
    case 'AT_AttachPartition': {
      const p = inner(cmd.def, 'PartitionCmd');
      const child = p ? s.table(rangeVarName(p.name)) : undefined;
      return !!child && !child.partitionOf && !!table.partitionBy && child !== table;
    }
    default:
      return true;
  }
}

/**
 * attachPartition turns a table created with its own columns (pg_dump's form) into a partition: its
 * columns go (a partition shares its parent's), and its constraints are re-pointed at the parent's
 * columns by name.
 */
function attachPartition(s: ImportState, parent: Table, cmd: Fields): void {
  const child = s.table(rangeVarName(cmd.name))!;
  const parentColumns = s.columnsOf(parent);
  const remap = new Map<string, string>();
  for (const c of child.columns) {
    const pc = parentColumns.find((x) => x.name === c.name);
    if (pc) remap.set(c.id, pc.id);
    // Defaults and NOT NULL come from the parent; a missing column or another type cannot be represented.
    if (!pc || JSON.stringify(pc.type) !== JSON.stringify(c.type)) {
      s.note('warning', 'partition', `column ${c.name} differs from the parent's; partitions share the parent's columns`, child.name);
    }
  }
  const order = (cols: readonly Column[]) => cols.map((c) => c.name).join('\u0000');
  if (remap.size === child.columns.length && order(child.columns) !== order(parentColumns)) {
    s.note('warning', 'partition', 'its columns are in another order than the parent\'s; the partition takes the parent\'s order', child.name);
  }
  const map = (id: string) => remap.get(id) ?? id;
  if (child.primaryKey) child.primaryKey.columnIds = child.primaryKey.columnIds.map(map);
  for (const u of child.uniques ?? []) u.columnIds = u.columnIds.map(map);
  for (const ix of child.indexes ?? []) {
    for (const e of ix.elements) if (e.columnId) e.columnId = map(e.columnId);
    if (ix.include) ix.include = ix.include.map(map);
  }
  for (const seq of s.model.sequences ?? []) if (seq.ownedBy?.tableId === child.id) seq.ownedBy = { tableId: parent.id, columnId: map(seq.ownedBy.columnId) };
  s.pendingNextvals.splice(0, s.pendingNextvals.length, ...s.pendingNextvals.filter((p) => p.table !== child));
  child.columns = [];
  child.partitionOf = { parentId: parent.id, bound: partitionBound(cmd.bound) };
}

/**
 * attachIndex: pg_dump writes a partitioned index as `CREATE INDEX ... ON ONLY parent`, one index per
 * partition and `ALTER INDEX parent_idx ATTACH PARTITION child_idx`. In the model the parent's index is
 * enough (PostgreSQL creates the partitions' indexes itself), so the child index leaves the model. It is
 * exact when the child has the name PostgreSQL would give it (pg_dump's case); otherwise the name is reported.
 */
function attachIndex(s: ImportState, parentIndex: QualifiedName, childIndex: QualifiedName): boolean {
  // An index here is a plain index, or the index behind a primary key or unique constraint.
  // `expected` is the name PostgreSQL gives the partition's copy (ChooseIndexName), when it can be told
  // from column names alone.
  const names = (t: Table, ids: readonly (string | undefined)[]) => {
    const cols = s.columnsOf(t);
    const out = ids.map((id) => cols.find((c) => c.id === id)?.name);
    return out.every((n) => n !== undefined) ? joinNames(out as string[]) : undefined;
  };
  const find = (q: QualifiedName) => {
    for (const t of s.model.tables) {
      if (s.schemaName(t.schemaId) !== q.schema) continue;
      if (t.primaryKey?.name === q.name) return { table: t, name: q.name, expected: makeObjectName(t.name, undefined, 'pkey'), remove: () => { delete t.primaryKey; } };
      const u = t.uniques?.findIndex((x) => x.name === q.name) ?? -1;
      if (u >= 0) {
        const cols = names(t, t.uniques![u]!.columnIds);
        return { table: t, name: q.name, expected: cols && makeObjectName(t.name, cols, 'key'), remove: () => { t.uniques!.splice(u, 1); if (!t.uniques!.length) delete t.uniques; } };
      }
      const i = t.indexes?.findIndex((x) => x.name === q.name) ?? -1;
      if (i >= 0) {
        const ix = t.indexes![i]!;
        const cols = ix.elements.every((e) => e.columnId) ? names(t, [...ix.elements.map((e) => e.columnId), ...(ix.include ?? [])]) : undefined;
        return { table: t, name: q.name, expected: cols && makeObjectName(t.name, cols, 'idx'), remove: () => { t.indexes!.splice(i, 1); if (!t.indexes!.length) delete t.indexes; } };
      }
    }
    return undefined;
  };
  const parent = find(parentIndex);
  const child = find(childIndex);
  if (!parent || !child || child.table.partitionOf?.parentId !== parent.table.id) return false;
  child.remove();
  if (child.name !== child.expected) {
    s.note('warning', 'index', `${child.name} of partition ${child.table.name} is created by PostgreSQL from ${parent.name} of ${parent.table.name}, under the name it chooses${child.expected ? ` (${child.expected})` : ''}`, child.name);
  }
  return true;
}

function kindOf(objtype: string): string {
  switch (objtype) {
    case 'OBJECT_VIEW': return 'alter view';
    case 'OBJECT_MATVIEW': return 'alter materialized view';
    case 'OBJECT_INDEX': return 'alter index';
    case 'OBJECT_SEQUENCE': return 'alter sequence';
    case 'OBJECT_FOREIGN_TABLE': return 'alter foreign table';
    case 'OBJECT_TYPE': return 'alter type';
    default: return 'alter table';
  }
}
