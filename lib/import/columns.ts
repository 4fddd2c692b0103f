/**
 * Columns from ColumnDef nodes: type, nullability, default, identity, generated expression, collation,
 * and serial pseudo-types (a column plus an owned sequence, exactly what `serial` creates).
 */
import type { Column, Identity, Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { deparse, inner, numericArg, qualified, strings, type Fields } from './ast';
import { columnType, serialKind } from './types';
import { makeObjectName } from './names';
import { normalizeSequenceOptions, sequenceTypeOf, type RawSequenceOptions } from './sequence-options';
import { nextvalTarget } from './expressions';
import type { ImportState } from './state';

/** Column constraints that are really table constraints: returned for the caller to name in PostgreSQL's order. */
export interface ColumnConstraint {
  readonly column: string;
  readonly constraint: Fields;
}

/** readSequenceOptions reads CREATE/ALTER SEQUENCE and identity option lists into raw values. */
export function readSequenceOptions(options: unknown[] | undefined): { raw: RawSequenceOptions; dataType?: string; ownedBy?: string[]; sequenceName?: string[]; restart?: boolean } {
  const raw: RawSequenceOptions = {};
  const out: { raw: RawSequenceOptions; dataType?: string; ownedBy?: string[]; sequenceName?: string[] } = { raw };
  for (const o of options ?? []) {
    const d = inner(o, 'DefElem');
    if (!d) continue;
    const value = numericArg(d.arg);
    switch (d.defname as string) {
      case 'as': {
        const names = strings(inner(d.arg, 'TypeName')?.names);
        const map: Record<string, string> = { int2: 'smallint', int4: 'integer', int8: 'bigint' };
        out.dataType = map[names[names.length - 1]!] ?? names[names.length - 1];
        break;
      }
      case 'start': raw.start = value; break;
      case 'increment': raw.increment = value; break;
      case 'minvalue': raw.minValue = value; break; // NO MINVALUE has no argument: the default
      case 'maxvalue': raw.maxValue = value; break;
      case 'cache': raw.cache = value; break;
      case 'cycle': raw.cycle = Boolean(inner(d.arg, 'Boolean')?.boolval); break;
      case 'owned_by': out.ownedBy = strings(d.arg); break;
      case 'sequence_name': out.sequenceName = strings(d.arg); break;
      default: break; // restart, logged/unlogged: not design
    }
  }
  return out;
}

/** identityFrom builds the model identity from a CONSTR_IDENTITY node on a column of an integer type. */
export function identityFrom(s: ImportState, table: Table, column: Column, c: Fields): Identity {
  const read = readSequenceOptions(c.options as unknown[] | undefined);
  const type = column.type.kind === 'builtin' ? sequenceTypeOf(column.type.name) ?? 'bigint' : 'bigint';
  const identity: Identity = { generation: c.generated_when === 'a' ? 'always' : 'by-default', ...normalizeSequenceOptions(type, read.raw) };
  const schema = s.schemaName(table.schemaId);
  const seqName = read.sequenceName ? qualified(read.sequenceName) : undefined;
  const ns = s.namespace(seqName?.schema ?? schema);
  const name = seqName?.name ?? ns.chooseRelationName(table.name, column.name, 'seq', false);
  ns.relations.add(name);
  // The normal form leaves the name out when it is the one PostgreSQL picks by default.
  if (name !== makeObjectName(table.name, column.name, 'seq')) identity.sequenceName = name;
  return identity;
}

/**
 * columnFrom reads one ColumnDef into a model column. Key constraints (PRIMARY KEY, UNIQUE, CHECK,
 * REFERENCES) are returned so the caller names them in the order PostgreSQL does.
 */
export function columnFrom(s: ImportState, table: Table, def: Fields, keyConstraints: ColumnConstraint[]): Column {
  const name = def.colname as string;
  const serial = serialKind(def.typeName as Fields);
  const column: Column = {
    id: newId('col'), name,
    type: serial ? { kind: 'builtin', name: serial } : columnType(def.typeName as Fields, { enumId: (q) => s.enums.get(`${q.schema}\u0000${q.name}`)?.id }),
    nullable: true,
  };
  if (serial) {
    const schema = s.schemaName(table.schemaId);
    const ns = s.namespace(schema);
    const seqName = ns.chooseRelationName(table.name, name, 'seq', false);
    ns.relations.add(seqName);
    const seq = { id: newId('seq'), schemaId: table.schemaId, name: seqName, ...(serial === 'bigint' ? {} : { dataType: serial }), ownedBy: { tableId: table.id, columnId: column.id } };
    s.model.sequences!.push(seq);
    s.sequences.set(`${schema}\u0000${seqName}`, seq);
    column.sequenceId = seq.id;
    column.nullable = false;
  }
  const collation = strings(def.collClause?.collname);
  if (collation.length) column.collation = collation[collation.length - 1]!;
  let last: Fields | undefined;
  for (const node of (def.constraints as unknown[] | undefined) ?? []) {
    const c = inner(node, 'Constraint')!;
    switch (c.contype as string) {
      case 'CONSTR_NOTNULL': column.nullable = false; break;
      case 'CONSTR_NULL': column.nullable = true; break;
      case 'CONSTR_DEFAULT': setDefault(s, table, column, c.raw_expr); break;
      case 'CONSTR_IDENTITY':
        column.identity = identityFrom(s, table, column, c);
        column.nullable = false;
        break;
      case 'CONSTR_GENERATED':
        if (c.generated_kind === 'v') s.note('warning', 'column', 'virtual generated column imported as STORED (the model holds stored ones)', `${table.name}.${name}`);
        column.generated = { expression: deparse(c.raw_expr) };
        break;
      case 'CONSTR_ATTR_DEFERRABLE': if (last) last.deferrable = true; break;
      case 'CONSTR_ATTR_NOT_DEFERRABLE': if (last) last.deferrable = false; break;
      case 'CONSTR_ATTR_DEFERRED': if (last) { last.initdeferred = true; last.deferrable = true; } break;
      case 'CONSTR_ATTR_IMMEDIATE': if (last) last.initdeferred = false; break;
      case 'CONSTR_PRIMARY':
      case 'CONSTR_UNIQUE':
      case 'CONSTR_CHECK':
      case 'CONSTR_FOREIGN':
        last = { ...c };
        keyConstraints.push({ column: name, constraint: last });
        break;
      default:
        s.note('warning', 'column', `column constraint ${String(c.contype)} is not in the model; dropped`, `${table.name}.${name}`);
    }
  }
  return column;
}

/** setDefault stores a default; `nextval('seq')` defaults are resolved to the sequence once the whole script is read. */
export function setDefault(s: ImportState, table: Table, column: Column, expr: unknown): void {
  delete column.sequenceId;
  column.default = deparse(expr);
  const target = nextvalTarget(expr);
  if (target) s.pendingNextvals.push({ table, column, sequence: target });
}
