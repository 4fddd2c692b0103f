/**
 * Column types for the model arbitraries, each with what PostgreSQL lets you do with it: which index
 * methods have a default operator class, whether it can be a key (btree + equality), which DEFAULT
 * expressions are valid. Conservative on purpose: every choice must execute on PostgreSQL 15 and 18.
 */
import type { ColumnType, Enum } from '../model/schema';
import type { BuiltinTypeName } from '../model/builtin-types';
import { quoteLiteral } from '../sql/quote';
import type { Rand } from './arbitrary-names';

export interface TypeChoice {
  readonly type: ColumnType;
  /** A default btree operator class: usable in PRIMARY KEY, UNIQUE, FOREIGN KEY and btree indexes. */
  readonly key: boolean;
  readonly hash: boolean;
  readonly gin: boolean;
  readonly gist: boolean;
  readonly brin: boolean;
  readonly spgist: boolean;
  /** smallint/integer/bigint, not an array: identity, serial, arithmetic. */
  readonly integer: boolean;
  /** text or varchar, not an array: lower(), length(), collation "C", text_pattern_ops. */
  readonly text: boolean;
  /** Valid DEFAULT expressions for exactly this type. */
  readonly defaults: readonly string[];
  /** Needs an extension in the model. */
  readonly extension?: 'citext';
}

interface Caps {
  key?: boolean; hash?: boolean; gin?: boolean; gist?: boolean; brin?: boolean; spgist?: boolean;
  integer?: boolean; text?: boolean; defaults?: readonly string[];
}

function builtin(name: BuiltinTypeName, caps: Caps, mods: Partial<{ length: number; precision: number; scale: number }> = {}): TypeChoice {
  return {
    type: { kind: 'builtin', name, ...mods },
    key: caps.key ?? false, hash: caps.hash ?? false, gin: caps.gin ?? false, gist: caps.gist ?? false,
    brin: caps.brin ?? false, spgist: caps.spgist ?? false, integer: caps.integer ?? false, text: caps.text ?? false,
    defaults: caps.defaults ?? [],
  };
}

const K = { key: true, hash: true } as const;

/** scalarType picks one builtin (non-array) type with random type modifiers. */
function scalarType(r: Rand, target: number): TypeChoice {
  const family = r.int(0, target >= 14 ? 17 : 16);
  switch (family) {
    case 0: case 1: {
      const name = r.pick(['smallint', 'integer', 'bigint'] as const);
      return builtin(name, { ...K, brin: true, integer: true, defaults: ['0', '42', '-1'] });
    }
    case 2: {
      const precision = r.chance(60) ? r.int(1, 30) : undefined;
      const scale = precision !== undefined && r.chance(60) ? r.int(0, precision) : undefined;
      return builtin('numeric', { ...K, brin: true, defaults: ['0'] }, { ...(precision !== undefined && { precision }), ...(scale !== undefined && { scale }) });
    }
    case 3: return builtin(r.pick(['real', 'double precision'] as const), { ...K, defaults: ['0', '1.5'] });
    case 4: case 5: return builtin('text', { ...K, spgist: true, text: true, defaults: ["''", "'hello'", quoteLiteral("it's"), quoteLiteral('Grüße 🐘')] });
    case 6: {
      const length = r.chance(70) ? r.int(1, 300) : undefined;
      return builtin('varchar', { ...K, text: true, defaults: ["''", "'a'"] }, length === undefined ? {} : { length });
    }
    case 7: {
      const name = r.pick(['char', '"char"', 'name'] as const);
      const length = name === 'char' && r.chance(70) ? r.int(1, 10) : undefined;
      return builtin(name, { ...K, defaults: ["'a'"] }, length === undefined ? {} : { length });
    }
    case 8: return r.chance(50)
      ? builtin('bytea', { ...K, defaults: ["decode('deadbeef', 'hex')", "''::bytea"] })
      : builtin('boolean', { ...K, defaults: ['true', 'false'] });
    case 9: case 10: {
      const name = r.pick(['date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval'] as const);
      const precision = name !== 'date' && r.chance(30) ? r.int(0, 6) : undefined;
      const defaults = {
        date: ['CURRENT_DATE', "'2024-01-01'::date"],
        time: ['LOCALTIME', "'12:00:00'::time"],
        timetz: ['CURRENT_TIME'],
        timestamp: ['LOCALTIMESTAMP', "'2024-01-01 00:00:00'::timestamp"],
        timestamptz: ['now()', 'CURRENT_TIMESTAMP', "'2024-01-01 00:00:00+00'::timestamptz"],
        interval: ["'1 day'::interval"],
      }[name];
      const brin = name === 'date' || name === 'timestamp' || name === 'timestamptz' || name === 'time';
      return builtin(name, { ...K, brin, defaults }, precision === undefined ? {} : { precision });
    }
    case 11: return builtin('uuid', { ...K, defaults: ['gen_random_uuid()'] });
    case 12: return r.chance(70)
      ? builtin('jsonb', { ...K, gin: true, defaults: ["'{}'::jsonb", "'[]'::jsonb"] })
      : builtin('json', { defaults: ["'{}'::json"] });
    case 13: {
      const name = r.pick(['inet', 'cidr', 'macaddr', 'macaddr8', 'oid', 'pg_lsn', 'money', 'tsquery', 'xml', 'pg_snapshot'] as const);
      const defaults: Partial<Record<typeof name, string[]>> = { inet: ["'127.0.0.1'::inet"], cidr: ["'10.0.0.0/8'::cidr"], oid: ['0'], pg_lsn: ["'0/0'::pg_lsn"] };
      const key = name !== 'xml' && name !== 'pg_snapshot';
      return builtin(name, { key, hash: key && name !== 'tsquery' && name !== 'money', spgist: name === 'inet', defaults: defaults[name] ?? [] });
    }
    case 14: {
      const name = r.pick(['bit', 'varbit'] as const);
      const length = r.chance(60) ? r.int(1, 32) : undefined;
      return builtin(name, { key: true }, length === undefined ? {} : { length });
    }
    case 15: return r.chance(50)
      ? builtin('tsvector', { key: true, gin: true, gist: true, defaults: ["''::tsvector"] })
      : geometric(r);
    case 16: {
      const name = r.pick(['int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange'] as const);
      return builtin(name, { key: true, gist: true, spgist: true, defaults: [`'empty'::${name}`] });
    }
    default: {
      const name = r.pick(['int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange'] as const);
      return builtin(name, { key: true, gist: true, defaults: [`'{}'::${name}`] });
    }
  }
}

function geometric(r: Rand): TypeChoice {
  const name = r.pick(['point', 'box', 'circle', 'polygon', 'line', 'lseg', 'path'] as const);
  const gist = name === 'point' || name === 'box' || name === 'circle' || name === 'polygon';
  return builtin(name, { gist, spgist: name === 'point' || name === 'box' });
}

/** Element types whose arrays GIN indexes with the default array_ops. */
const GIN_ARRAY_ELEMENTS: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'text', 'varchar', 'uuid']);

function asArray(choice: TypeChoice): TypeChoice {
  const element = choice.type.kind === 'builtin' ? choice.type.name : '';
  return {
    type: { ...choice.type, array: true },
    key: choice.key, hash: false, gin: GIN_ARRAY_ELEMENTS.has(element), gist: false, brin: false, spgist: false,
    integer: false, text: false, defaults: ["'{}'"],
  };
}

export interface TypeContext {
  readonly target: number;
  readonly enums: readonly Enum[];
}

/** randomType picks any column type the arbitraries use: builtin, array, enum (by id) or citext. */
export function randomType(r: Rand, ctx: TypeContext): TypeChoice {
  const roll = r.int(0, 99);
  if (roll < 10 && ctx.enums.length > 0) {
    const e = r.pick(ctx.enums);
    const array = r.chance(20);
    const defaults = array ? ["'{}'"] : e.values.slice(0, 2).map(quoteLiteral);
    return { type: { kind: 'enum', enumId: e.id, ...(array && { array: true }) }, key: true, hash: !array, gin: false, gist: false, brin: false, spgist: false, integer: false, text: false, defaults };
  }
  if (roll < 16) {
    const array = r.chance(20);
    return { type: { kind: 'custom', sql: 'citext', ...(array && { array: true }) }, key: true, hash: !array, gin: false, gist: false, brin: false, spgist: false, integer: false, text: false, defaults: array ? ["'{}'"] : ["'x'", quoteLiteral('Mixed Case')], extension: 'citext' };
  }
  const scalar = scalarType(r, ctx.target);
  return roll < 26 ? asArray(scalar) : scalar;
}

/** integerType picks smallint, integer or bigint (identity and serial columns). */
export function integerType(r: Rand): TypeChoice {
  return builtin(r.pick(['smallint', 'integer', 'bigint'] as const), { ...K, brin: true, integer: true, defaults: ['0'] });
}

/** namedType builds the choice for one specific builtin type (partition keys, generated columns). */
export function namedType(name: 'integer' | 'bigint' | 'text' | 'date' | 'timestamptz' | 'uuid' | 'numeric' | 'tsvector'): TypeChoice {
  switch (name) {
    case 'integer': case 'bigint': return builtin(name, { ...K, brin: true, integer: true, defaults: ['0'] });
    case 'text': return builtin('text', { ...K, spgist: true, text: true, defaults: ["''"] });
    case 'date': return builtin('date', { ...K, brin: true, defaults: ['CURRENT_DATE'] });
    case 'timestamptz': return builtin('timestamptz', { ...K, brin: true, defaults: ['now()'] });
    case 'uuid': return builtin('uuid', { ...K, defaults: ['gen_random_uuid()'] });
    case 'numeric': return builtin('numeric', { ...K, defaults: ['0'] });
    case 'tsvector': return builtin('tsvector', { key: true, gin: true, gist: true });
  }
}

/** sameTypeChoice describes a copy of a column type (foreign key columns); only key-ness matters there. */
export function copyType(type: ColumnType): ColumnType {
  return { ...type } as ColumnType;
}
