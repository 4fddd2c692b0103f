/**
 * The names PostgreSQL invents for unnamed constraints, indexes and sequences, reproduced so an imported
 * model names them exactly as the database will (`makeObjectName`, `ChooseRelationName`,
 * `ChooseConstraintName`, `ChooseIndexColumnNames` and `FigureColname` in PostgreSQL's source).
 * Lengths are in bytes (NAMEDATALEN 64, so 63 usable) and cuts never split a UTF-8 character;
 * makeObjectName itself lives in lib/model/names.ts (the editor names new objects with it too).
 */
import { inner, nodeType, strings, type Fields } from './ast';

/** clipBytes cuts `s` to at most `max` bytes without splitting a character (pg_mbcliplen). */
export { truncateUtf8 as clipBytes } from '@/lib/model/bytes';
import { utf8ByteLength as byteLength, truncateUtf8 as clipBytes } from '@/lib/model/bytes';
export { makeObjectName, truncateIdentifier } from '@/lib/model/names';
import { makeObjectName, NAMEDATALEN } from '@/lib/model/names';

/**
 * Namespace tracks, per schema, which relation names (tables, sequences, indexes, views) and which
 * constraint names are taken, because PostgreSQL's collision check looks at the whole schema.
 */
export class Namespace {
  readonly relations = new Set<string>();
  readonly constraints = new Set<string>();

  /** chooseRelationName: an index or sequence name; `isConstraint` also avoids constraint names. */
  chooseRelationName(name1: string, name2: string | undefined, label: string, isConstraint: boolean): string {
    for (let pass = 0; ; pass++) {
      const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
      if (!this.relations.has(name) && (!isConstraint || !this.constraints.has(name))) return name;
    }
  }

  /** chooseConstraintName: a CHECK or FOREIGN KEY name; `others` are names taken in the same command. */
  chooseConstraintName(name1: string, name2: string | undefined, label: string, others: ReadonlySet<string> = new Set()): string {
    for (let pass = 0; ; pass++) {
      const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
      if (!this.constraints.has(name) && !others.has(name)) return name;
    }
  }
}

/** joinNames is ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: names joined by `_`, cut near 64 bytes. */
export function joinNames(names: readonly string[]): string {
  let buf = '';
  for (const name of names) {
    if (buf.length > 0) buf += '_';
    buf += clipBytes(name, NAMEDATALEN - 1);
    if (byteLength(buf) >= NAMEDATALEN) break;
  }
  return clipBytes(buf, NAMEDATALEN - 1 + NAMEDATALEN);
}

/** indexColumnNames is ChooseIndexColumnNames: one name per index element, duplicates numbered. */
export function indexColumnNames(elements: readonly Fields[]): string[] {
  const result: string[] = [];
  for (const el of elements) {
    const orig = (el.indexcolname as string | undefined) ?? (el.name as string | undefined) ?? (el.expr ? figureColname(el.expr) : undefined) ?? 'expr';
    let candidate = orig;
    for (let suffix = 1; result.includes(candidate); suffix++) {
      const tail = String(suffix);
      candidate = clipBytes(orig, NAMEDATALEN - 1 - tail.length) + tail;
    }
    result.push(candidate);
  }
  return result;
}

/** figureColname is PostgreSQL's FigureColnameInternal for index expressions: the name an expression would get as a column. */
export function figureColname(node: unknown): string | undefined {
  return figure(node).name;
}

function figure(node: unknown): { name?: string; strength: number } {
  const type = nodeType(node);
  if (!type) return { strength: 0 };
  const f = inner(node, type)!;
  switch (type) {
    case 'ColumnRef': {
      const fields = strings(f.fields);
      const last = fields[fields.length - 1];
      return last ? { name: last, strength: 2 } : { strength: 0 };
    }
    case 'A_Indirection': {
      const ind = (f.indirection as unknown[] | undefined) ?? [];
      for (let i = ind.length - 1; i >= 0; i--) {
        const s = inner(ind[i], 'String');
        if (s) return { name: s.sval as string, strength: 2 };
      }
      return figure(f.arg);
    }
    case 'FuncCall': {
      const names = strings(f.funcname);
      return { name: names[names.length - 1], strength: 2 };
    }
    case 'A_Expr':
      return f.kind === 'AEXPR_NULLIF' ? { name: 'nullif', strength: 2 } : { strength: 0 };
    case 'TypeCast': {
      const r = figure(f.arg);
      if (r.strength <= 1) {
        const names = strings(f.typeName?.names);
        const last = names[names.length - 1];
        if (last) return { name: last, strength: 1 };
      }
      return r;
    }
    case 'CollateClause':
      return figure(f.arg);
    case 'CaseExpr': {
      const r = figure(f.defresult);
      return r.strength <= 1 ? { name: 'case', strength: 1 } : r;
    }
    case 'A_ArrayExpr':
      return { name: 'array', strength: 2 };
    case 'RowExpr':
      return { name: 'row', strength: 2 };
    case 'CoalesceExpr':
      return { name: 'coalesce', strength: 2 };
    case 'MinMaxExpr':
      return { name: f.op === 'IS_GREATEST' ? 'greatest' : 'least', strength: 2 };
    case 'SQLValueFunction':
      return { name: sqlValueFunctionName(f.op as string), strength: 2 };
    case 'BooleanTest':
    case 'NullTest':
    default:
      return { strength: 0 };
  }
}

function sqlValueFunctionName(op: string): string | undefined {
  const map: Record<string, string> = {
    SVFOP_CURRENT_DATE: 'current_date', SVFOP_CURRENT_TIME: 'current_time', SVFOP_CURRENT_TIME_N: 'current_time',
    SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
    SVFOP_LOCALTIME: 'localtime', SVFOP_LOCALTIME_N: 'localtime', SVFOP_LOCALTIMESTAMP: 'localtimestamp',
    SVFOP_LOCALTIMESTAMP_N: 'localtimestamp', SVFOP_CURRENT_ROLE: 'current_role', SVFOP_CURRENT_USER: 'current_user',
    SVFOP_USER: 'user', SVFOP_SESSION_USER: 'session_user', SVFOP_CURRENT_CATALOG: 'current_catalog',
    SVFOP_CURRENT_SCHEMA: 'current_schema',
  };
  return map[op];
}
