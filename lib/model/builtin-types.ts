/**
 * BUILTIN_TYPES lists the PostgreSQL built-in types a column may use, keyed by the short name the model
 * stores. `catalog` is what `format_type()` prints for the bare type, so introspection can map back;
 * `args` says which type modifiers the type takes; `integer` marks types allowed for identity columns.
 */
export type TypeArgs = 'none' | 'length' | 'precision-scale' | 'precision' | 'time-precision';

export interface BuiltinTypeInfo {
  readonly catalog: string;
  readonly args: TypeArgs;
  readonly category: 'numeric' | 'text' | 'binary' | 'boolean' | 'datetime' | 'uuid' | 'json' | 'network' | 'bit' | 'search' | 'geometric' | 'range' | 'other';
  readonly integer?: boolean;
  /** Lowest PostgreSQL major version that has the type. */
  readonly since?: number;
}

export const BUILTIN_TYPES = {
  smallint: { catalog: 'smallint', args: 'none', category: 'numeric', integer: true },
  integer: { catalog: 'integer', args: 'none', category: 'numeric', integer: true },
  bigint: { catalog: 'bigint', args: 'none', category: 'numeric', integer: true },
  numeric: { catalog: 'numeric', args: 'precision-scale', category: 'numeric' },
  real: { catalog: 'real', args: 'none', category: 'numeric' },
  'double precision': { catalog: 'double precision', args: 'none', category: 'numeric' },
  money: { catalog: 'money', args: 'none', category: 'numeric' },
  text: { catalog: 'text', args: 'none', category: 'text' },
  varchar: { catalog: 'character varying', args: 'length', category: 'text' },
  char: { catalog: 'character', args: 'length', category: 'text' },
  '"char"': { catalog: '"char"', args: 'none', category: 'text' },
  name: { catalog: 'name', args: 'none', category: 'text' },
  bytea: { catalog: 'bytea', args: 'none', category: 'binary' },
  boolean: { catalog: 'boolean', args: 'none', category: 'boolean' },
  date: { catalog: 'date', args: 'none', category: 'datetime' },
  time: { catalog: 'time without time zone', args: 'time-precision', category: 'datetime' },
  timetz: { catalog: 'time with time zone', args: 'time-precision', category: 'datetime' },
  timestamp: { catalog: 'timestamp without time zone', args: 'time-precision', category: 'datetime' },
  timestamptz: { catalog: 'timestamp with time zone', args: 'time-precision', category: 'datetime' },
  interval: { catalog: 'interval', args: 'time-precision', category: 'datetime' },
  uuid: { catalog: 'uuid', args: 'none', category: 'uuid' },
  json: { catalog: 'json', args: 'none', category: 'json' },
  jsonb: { catalog: 'jsonb', args: 'none', category: 'json' },
  xml: { catalog: 'xml', args: 'none', category: 'other' },
  inet: { catalog: 'inet', args: 'none', category: 'network' },
  cidr: { catalog: 'cidr', args: 'none', category: 'network' },
  macaddr: { catalog: 'macaddr', args: 'none', category: 'network' },
  macaddr8: { catalog: 'macaddr8', args: 'none', category: 'network' },
  bit: { catalog: 'bit', args: 'length', category: 'bit' },
  varbit: { catalog: 'bit varying', args: 'length', category: 'bit' },
  tsvector: { catalog: 'tsvector', args: 'none', category: 'search' },
  tsquery: { catalog: 'tsquery', args: 'none', category: 'search' },
  point: { catalog: 'point', args: 'none', category: 'geometric' },
  line: { catalog: 'line', args: 'none', category: 'geometric' },
  lseg: { catalog: 'lseg', args: 'none', category: 'geometric' },
  box: { catalog: 'box', args: 'none', category: 'geometric' },
  path: { catalog: 'path', args: 'none', category: 'geometric' },
  polygon: { catalog: 'polygon', args: 'none', category: 'geometric' },
  circle: { catalog: 'circle', args: 'none', category: 'geometric' },
  int4range: { catalog: 'int4range', args: 'none', category: 'range' },
  int8range: { catalog: 'int8range', args: 'none', category: 'range' },
  numrange: { catalog: 'numrange', args: 'none', category: 'range' },
  tsrange: { catalog: 'tsrange', args: 'none', category: 'range' },
  tstzrange: { catalog: 'tstzrange', args: 'none', category: 'range' },
  daterange: { catalog: 'daterange', args: 'none', category: 'range' },
  int4multirange: { catalog: 'int4multirange', args: 'none', category: 'range', since: 14 },
  int8multirange: { catalog: 'int8multirange', args: 'none', category: 'range', since: 14 },
  nummultirange: { catalog: 'nummultirange', args: 'none', category: 'range', since: 14 },
  tsmultirange: { catalog: 'tsmultirange', args: 'none', category: 'range', since: 14 },
  tstzmultirange: { catalog: 'tstzmultirange', args: 'none', category: 'range', since: 14 },
  datemultirange: { catalog: 'datemultirange', args: 'none', category: 'range', since: 14 },
  oid: { catalog: 'oid', args: 'none', category: 'other' },
  pg_lsn: { catalog: 'pg_lsn', args: 'none', category: 'other' },
  pg_snapshot: { catalog: 'pg_snapshot', args: 'none', category: 'other', since: 13 },
} as const satisfies Record<string, BuiltinTypeInfo>;

export type BuiltinTypeName = keyof typeof BUILTIN_TYPES;
export const BUILTIN_TYPE_NAMES = Object.keys(BUILTIN_TYPES) as BuiltinTypeName[];

/** builtinByCatalogName maps `format_type()` spellings (without modifiers) back to model names. */
export const builtinByCatalogName: ReadonlyMap<string, BuiltinTypeName> = new Map(
  BUILTIN_TYPE_NAMES.map((name) => [BUILTIN_TYPES[name].catalog, name] as const),
);
