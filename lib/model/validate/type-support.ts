/**
 * What PostgreSQL can do with each builtin type, as far as validation needs it: which index methods
 * have a default operator class (read from pg_opclass on PostgreSQL 15; varchar and cidr use the
 * text and inet classes), and which types take a COLLATE clause.
 */
import { BUILTIN_TYPES, type BuiltinTypeName } from '../builtin-types';
import type { ColumnType, IndexMethod } from '../schema';

const NO_BTREE: ReadonlySet<string> = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'pg_snapshot']);
const HASH: ReadonlySet<string> = new Set(['"char"', 'bigint', 'boolean', 'bytea', 'char', 'date', 'double precision', 'inet', 'cidr', 'integer', 'interval', 'jsonb', 'macaddr', 'macaddr8', 'name', 'numeric', 'oid', 'pg_lsn', 'real', 'smallint', 'text', 'varchar', 'time', 'timetz', 'timestamp', 'timestamptz', 'uuid']);
const BRIN: ReadonlySet<string> = new Set(['"char"', 'bigint', 'bit', 'varbit', 'box', 'bytea', 'char', 'date', 'double precision', 'inet', 'cidr', 'integer', 'interval', 'macaddr', 'macaddr8', 'name', 'numeric', 'oid', 'pg_lsn', 'real', 'smallint', 'text', 'varchar', 'time', 'timetz', 'timestamp', 'timestamptz', 'uuid']);
const GIST: ReadonlySet<string> = new Set(['box', 'circle', 'point', 'polygon', 'tsquery', 'tsvector']);
const SPGIST: ReadonlySet<string> = new Set(['box', 'inet', 'cidr', 'point', 'polygon', 'text', 'varchar']);
const GIN: ReadonlySet<string> = new Set(['jsonb', 'tsvector']);

function isRange(name: string): boolean {
  return BUILTIN_TYPES[name as BuiltinTypeName]?.category === 'range';
}

/** hasBtree is false only for types PostgreSQL certainly cannot compare (PK, UNIQUE, FK, btree). */
export function hasBtree(type: ColumnType): boolean {
  return type.kind !== 'builtin' || !NO_BTREE.has(type.name);
}

/**
 * defaultOpclassFor answers whether `type` has a default operator class for `method`: true, false,
 * or undefined when validation cannot know (custom types).
 */
export function defaultOpclassFor(type: ColumnType, method: IndexMethod): boolean | undefined {
  if (type.kind === 'custom') return undefined;
  if (type.array) {
    const element = type.kind === 'builtin' ? type.name : undefined;
    switch (method) {
      case 'btree': return element === undefined || !NO_BTREE.has(element);
      case 'hash': return element === undefined || HASH.has(element) || isRange(element);
      case 'gin': return true;
      default: return false;
    }
  }
  if (type.kind === 'enum') return method === 'btree' || method === 'hash';
  const name = type.name;
  const range = isRange(name);
  switch (method) {
    case 'btree': return !NO_BTREE.has(name);
    case 'hash': return HASH.has(name) || range;
    case 'brin': return BRIN.has(name) || (range && !name.includes('multirange'));
    case 'gist': return GIST.has(name) || range;
    case 'spgist': return SPGIST.has(name) || (range && !name.includes('multirange'));
    case 'gin': return GIN.has(name);
  }
}

/** collatable is whether a COLLATE clause is allowed: text types, and unknown (custom) types. */
export function collatable(type: ColumnType): boolean {
  if (type.kind === 'custom') return true;
  if (type.kind === 'enum') return false;
  return type.name === 'text' || type.name === 'varchar' || type.name === 'char' || type.name === 'name';
}

/** typeLabel is a type as a user reads it in a message: `varchar(20)[]`, `enum status`. */
export function typeLabel(type: ColumnType, enumName?: string): string {
  let label: string;
  if (type.kind === 'builtin') {
    const mods = type.precision !== undefined ? [type.precision, ...(type.scale !== undefined ? [type.scale] : [])] : type.length !== undefined ? [type.length] : [];
    label = `${type.name}${mods.length > 0 ? `(${mods.join(',')})` : ''}`;
  } else if (type.kind === 'enum') {
    label = `enum ${enumName ?? type.enumId}`;
  } else {
    label = type.sql;
  }
  return type.array ? `${label}[]` : label;
}
