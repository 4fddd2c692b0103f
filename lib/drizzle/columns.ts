/**
 * Column builders: the pg-core builder for each model type (a `customType` where Drizzle has none), then
 * the modifiers (array, not null, default, identity, generated). Collations Drizzle cannot attach go to
 * extras.sql.
 */
import { utf8ByteLength, type Column, type ColumnType, type Identity, type Table } from '@/lib/model';
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { EmitContext } from './context';
import { builtinTypeSql, tableSql, typeSql } from './sql-fragments';
import { sqlTemplate, tsNumeric, tsString } from './ts';

/**
 * Type prefixes drizzle-kit 0.31 writes unquoted (its `parseType`); any other type name it wraps in one
 * pair of double quotes, which only works for a bare lower-case name.
 */
const DRIZZLE_KIT_NATIVE_PREFIXES = ['uuid', 'smallint', 'integer', 'bigint', 'boolean', 'text', 'varchar', 'serial', 'bigserial', 'decimal', 'numeric', 'real', 'json', 'jsonb', 'time', 'timestamp', 'date', 'interval', 'double precision', 'char', 'vector', 'geometry', 'halfvec', 'sparsevec', 'bit'];

function drizzleKitWritesVerbatim(sqlType: string): boolean {
  return DRIZZLE_KIT_NATIVE_PREFIXES.some((p) => sqlType.startsWith(p));
}

/** customTypeSql is the dataType() text for a type Drizzle has no builder for. */
function customTypeSql(type: Extract<ColumnType, { kind: 'custom' }>): string {
  const text = type.sql.trim();
  // An unquoted identifier folds to lower case in PostgreSQL; drizzle-kit would quote it as written.
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text.toLowerCase() : text;
}

function customData(sqlType: string): string {
  return sqlType === 'bytea' ? 'Uint8Array' : 'string';
}

function n(v: number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}

/** entry appends `key: value` to an option list when the value is set. */
function entry(list: string, key: string, value: string | undefined): string {
  if (value === undefined) return list;
  return list === '' ? `${key}: ${value}` : `${list}, ${key}: ${value}`;
}

/** opts renders a builder's options argument, or nothing when no option is set. */
function opts(list: string): string {
  return list === '' ? '' : `, { ${list} }`;
}

/** typeBuilder is the builder call for the column's type, without modifiers (and without `.array()`). */
function typeBuilder(ctx: EmitContext, column: Column): string {
  const name = tsString(column.name);
  const type = column.type;
  switch (type.kind) {
    case 'enum':
      return `${ctx.enumVars.get(type.enumId) ?? 'missingEnum'}(${name})`;
    case 'custom':
      return `${ctx.customType(customTypeSql(type), 'string')}(${name})`;
    case 'builtin': {
      switch (type.name) {
        case 'smallint': case 'integer': case 'real': case 'text': case 'boolean': case 'uuid': case 'json': case 'jsonb':
        case 'inet': case 'cidr': case 'macaddr': case 'macaddr8': case 'point': case 'line':
          return `${ctx.use(type.name)}(${name})`;
        case 'date':
          return `${ctx.use('date')}(${name}, { mode: "string" })`;
        case 'bigint':
          return `${ctx.use('bigint')}(${name}, { mode: "number" })`;
        case 'double precision':
          return `${ctx.use('doublePrecision')}(${name})`;
        case 'numeric':
          return `${ctx.use('numeric')}(${name}${opts(entry(entry('', 'precision', n(type.precision)), 'scale', n(type.scale)))})`;
        case 'varchar': case 'char':
          return `${ctx.use(type.name)}(${name}${opts(entry('', 'length', n(type.length)))})`;
        case 'time': case 'timetz':
          return `${ctx.use('time')}(${name}${opts(entry(entry('', 'precision', n(type.precision)), 'withTimezone', type.name === 'timetz' ? 'true' : undefined))})`;
        case 'timestamp': case 'timestamptz': {
          const list = entry(entry('', 'precision', n(type.precision)), 'withTimezone', type.name === 'timestamptz' ? 'true' : undefined);
          return `${ctx.use('timestamp')}(${name}${opts(entry(list, 'mode', '"string"'))})`;
        }
        case 'interval':
          // drizzle-orm 0.45's PgInterval.getSQLType tests `this.precision ?`, so precision 0 would come out
          // as plain interval; a customType writes interval(0) exactly (time/timestamp/numeric test undefined).
          if (type.precision === 0) return `${ctx.customType(builtinTypeSql(type), 'string')}(${name})`;
          return `${ctx.use('interval')}(${name}${opts(entry('', 'precision', n(type.precision)))})`;
        case '"char"':
          // Gap: Drizzle has no one-byte "char", and drizzle-kit mangles the quoted name of a custom type
          // (""char""); char(1) is the closest type it can create (docs/drizzle-export.md).
          return `${ctx.use('char')}(${name}, { length: 1 })`;
        default: {
          const sqlType = builtinTypeSql(type);
          return `${ctx.customType(sqlType, customData(sqlType))}(${name})`;
        }
      }
    }
  }
}

const encoder = new TextEncoder();

/** clipBytes cuts a name to at most `max` UTF-8 bytes on a character boundary (pg_mbcliplen). */
function clipBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * implicitSequenceName is the name PostgreSQL gives an identity sequence (makeObjectName in
 * indexcmds.c): `<table>_<column>_seq`, shortening the longer part until it fits in 63 bytes. drizzle-kit
 * always writes a sequence name, and its own choice would be cut at byte 63 instead.
 */
export function implicitSequenceName(table: string, column: string): string {
  const avail = 63 - 1 - 4;
  let a = encoder.encode(table).length;
  let b = encoder.encode(column).length;
  if (a + b <= avail) return `${table}_${column}_seq`;
  while (a + b > avail) {
    if (a > b) a--;
    else b--;
  }
  return `${clipBytes(table, a)}_${clipBytes(column, b)}_seq`;
}

function identityOptions(identity: Identity, table: Table, column: Column): string {
  // `<table>_<column>_seq` in bytes: the name and column plus five ASCII bytes.
  const implicitTooLong = () => utf8ByteLength(table.name) + utf8ByteLength(column.name) + 5 > 63;
  const name = identity.sequenceName ?? (implicitTooLong() ? implicitSequenceName(table.name, column.name) : undefined);
  const numeric = (v: string | undefined) => (v === undefined ? undefined : tsNumeric(v));
  let list = entry('', 'name', name === undefined ? undefined : tsString(name));
  list = entry(list, 'startWith', numeric(identity.start));
  list = entry(list, 'increment', numeric(identity.increment));
  list = entry(list, 'minValue', numeric(identity.minValue));
  list = entry(list, 'maxValue', numeric(identity.maxValue));
  list = entry(list, 'cache', numeric(identity.cache));
  list = entry(list, 'cycle', identity.cycle === undefined ? undefined : String(identity.cycle));
  return list === '' ? '' : `{ ${list} }`;
}

/**
 * columnBuilder renders `key: builder...` for one column. A collation goes into the type of a custom
 * type when drizzle-kit writes that type verbatim (`text COLLATE "C"`), else into extras.sql.
 */
export function columnBuilder(ctx: EmitContext, table: Table, column: Column, key = ctx.columnKey(table, column.id)): string {
  let builder: string;
  // Only a collation needs the type's SQL spelling.
  const plainType = column.collation !== undefined && column.type.kind === 'builtin' ? builtinTypeSql(column.type) : '';
  if (column.collation !== undefined && !column.type.array && column.type.kind === 'builtin' && drizzleKitWritesVerbatim(plainType)) {
    const sqlType = `${plainType} COLLATE ${quoteIdent(column.collation)}`;
    builder = `${ctx.customType(sqlType, 'string')}(${tsString(column.name)})`;
  } else {
    builder = typeBuilder(ctx, column);
    if (column.type.array) builder += '.array()';
    if (column.collation !== undefined) {
      ctx.extras.add('collations', `ALTER TABLE ${tableSql(table, ctx.idx)} ALTER COLUMN ${quoteIdent(column.name)} TYPE ${typeSql(column.type, ctx.idx)} COLLATE ${quoteIdent(column.collation)};`);
    }
  }
  if (!column.nullable) builder += '.notNull()';
  if (column.sequenceId !== undefined) {
    const seq = ctx.idx.sequences.get(column.sequenceId);
    if (seq) {
      ctx.sql();
      builder += `.default(${sqlTemplate(`nextval(${quoteLiteral(quoteQualified(ctx.schemaName(seq.schemaId), seq.name))}::regclass)`)})`;
    }
  } else if (column.default !== undefined) {
    ctx.sql();
    builder += `.default(${sqlTemplate(column.default)})`;
  }
  if (column.identity) {
    const method = column.identity.generation === 'always' ? 'generatedAlwaysAsIdentity' : 'generatedByDefaultAsIdentity';
    builder += `.${method}(${identityOptions(column.identity, table, column)})`;
  }
  if (column.generated) {
    ctx.sql();
    builder += `.generatedAlwaysAs(${sqlTemplate(column.generated.expression)})`;
  }
  return `${key}: ${builder}`;
}

export { drizzleKitWritesVerbatim };
