/**
 * Column types from the parser's TypeName nodes. Built-in types map to the model's short names
 * (`pg_catalog.int4` -> integer), enums to their ids, and everything else (domains, extension types,
 * interval field restrictions) stays as deparsed SQL in a `custom` type.
 */
import type { ColumnType } from '@/lib/model/schema';
import type { BuiltinTypeName } from '@/lib/model/builtin-types';
import { constInt, deparse, qualified, strings, type Fields, type QualifiedName } from './ast';

/** The internal names the grammar produces (always qualified with pg_catalog) and model names. */
const CATALOG_INTERNAL: Record<string, BuiltinTypeName> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision',
  numeric: 'numeric', bool: 'boolean', varchar: 'varchar', bpchar: 'char', bit: 'bit', varbit: 'varbit',
  time: 'time', timetz: 'timetz', timestamp: 'timestamp', timestamptz: 'timestamptz', interval: 'interval',
};

/** Type names that are not keywords, so the grammar leaves them unqualified (`text`, `uuid`, ...). */
const PLAIN_NAMES: Record<string, BuiltinTypeName> = {
  text: 'text', bytea: 'bytea', date: 'date', uuid: 'uuid', json: 'json', jsonb: 'jsonb', xml: 'xml',
  inet: 'inet', cidr: 'cidr', macaddr: 'macaddr', macaddr8: 'macaddr8', money: 'money', name: 'name',
  tsvector: 'tsvector', tsquery: 'tsquery', point: 'point', line: 'line', lseg: 'lseg', box: 'box', path: 'path',
  polygon: 'polygon', circle: 'circle', int4range: 'int4range', int8range: 'int8range', numrange: 'numrange',
  tsrange: 'tsrange', tstzrange: 'tstzrange', daterange: 'daterange', int4multirange: 'int4multirange',
  int8multirange: 'int8multirange', nummultirange: 'nummultirange', tsmultirange: 'tsmultirange',
  tstzmultirange: 'tstzmultirange', datemultirange: 'datemultirange', oid: 'oid', pg_lsn: 'pg_lsn',
  pg_snapshot: 'pg_snapshot', char: '"char"',
  // Aliases PostgreSQL resolves to the same pg_catalog types.
  int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', bool: 'boolean',
  varchar: 'varchar', bpchar: 'char', timestamptz: 'timestamptz', timetz: 'timetz', varbit: 'varbit',
};

export const SERIAL_TYPES: Record<string, 'smallint' | 'integer' | 'bigint'> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer', bigserial: 'bigint', serial8: 'bigint',
};

/** INTERVAL_FULL_RANGE is the typmod the grammar puts first for a plain `interval(p)`. */
const INTERVAL_FULL_RANGE = 32767;

export interface TypeContext {
  /** enumId returns the id of an enum known so far, by schema-qualified name. */
  enumId(q: QualifiedName): string | undefined;
}

/** serialKind returns smallint/integer/bigint when the TypeName is a serial pseudo-type. */
export function serialKind(typeName: Fields): 'smallint' | 'integer' | 'bigint' | undefined {
  const names = strings(typeName.names);
  if (names.length !== 1 || typeName.arrayBounds || typeName.typmods) return undefined;
  return SERIAL_TYPES[names[0]!];
}

/** columnType converts a TypeName node into the model's column type. */
export function columnType(typeName: Fields, ctx: TypeContext): ColumnType {
  const names = strings(typeName.names);
  const array = Array.isArray(typeName.arrayBounds) && typeName.arrayBounds.length > 0 ? { array: true } : {};
  const mods = (typeName.typmods as unknown[] | undefined) ?? [];
  const builtin = builtinName(names);
  if (builtin && !typeName.setof && !typeName.pct_type) {
    const t = withModifiers(builtin, mods);
    if (t) return { ...t, ...array };
  }
  if (mods.length === 0 && !typeName.setof && !typeName.pct_type) {
    const enumId = ctx.enumId(qualified(names));
    if (enumId) return { kind: 'enum', enumId, ...array };
  }
  const bare = { ...typeName };
  delete bare.arrayBounds;
  return { kind: 'custom', sql: deparse({ TypeName: bare }), ...array };
}

function builtinName(names: string[]): BuiltinTypeName | undefined {
  if (names.length === 2 && names[0] === 'pg_catalog') return CATALOG_INTERNAL[names[1]!] ?? PLAIN_NAMES[names[1]!];
  if (names.length === 1) {
    // `"char"` (a one-byte type) parses as an unqualified `char`; `char(n)` is pg_catalog.bpchar.
    return PLAIN_NAMES[names[0]!];
  }
  return undefined;
}

function withModifiers(name: BuiltinTypeName, mods: unknown[]): ColumnType | undefined {
  const ints = mods.map(constInt);
  if (ints.some((n) => n === undefined)) return undefined;
  const values = ints as number[];
  switch (name) {
    case 'numeric':
      if (values.length === 0) return { kind: 'builtin', name };
      if (values.length === 1) return { kind: 'builtin', name, precision: values[0]! };
      // numeric(p,0) is numeric(p): the normal form leaves a zero scale out.
      if (values.length === 2) return { kind: 'builtin', name, precision: values[0]!, ...(values[1] ? { scale: values[1] } : {}) };
      return undefined;
    case 'varchar':
    case 'varbit':
      if (values.length === 0) return { kind: 'builtin', name };
      return values.length === 1 ? { kind: 'builtin', name, length: values[0]! } : undefined;
    case 'char':
    case 'bit':
      // char and bit without a length mean length 1; the normal form spells it out.
      if (values.length === 0) return { kind: 'builtin', name, length: 1 };
      return values.length === 1 ? { kind: 'builtin', name, length: values[0]! } : undefined;
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
      if (values.length === 0) return { kind: 'builtin', name };
      return values.length === 1 ? { kind: 'builtin', name, precision: values[0]! } : undefined;
    case 'interval':
      if (values.length === 0) return { kind: 'builtin', name };
      if (values[0] !== INTERVAL_FULL_RANGE) return undefined; // `interval day to second` stays custom
      if (values.length === 1) return { kind: 'builtin', name };
      return values.length === 2 ? { kind: 'builtin', name, precision: values[1]! } : undefined;
    default:
      return values.length === 0 ? { kind: 'builtin', name } : undefined;
  }
}
