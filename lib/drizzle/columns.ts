/**
 * Column builders: the pg-core builder for each model type (a `customType` where Drizzle has none), then
 * the modifiers (array, not null, default, identity, generated). Collations Drizzle cannot attach go to
 * extras.sql.
 */
import { utf8ByteLength, type Column, type ColumnType, type Identity, type Table } from '@/lib/model';
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { EmitContext } from './context';
import { builtinTypeSql, tableSql, typeSql } from './sql-fragments';
import type { TextBuilder } from '@/lib/sql/text';
import { addSqlTemplate, addString, tsNumeric, tsString } from './ts';

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

/**
 * addOption writes one `key: value` of a builder's options argument: `, { ` before the first, `, `
 * before the others. It returns true (options started); the caller closes them with ` }`.
 */
function addOption(out: TextBuilder, started: boolean, key: string, value: string): true {
  out.add(started ? ', ' : ', { ').add(key).add(': ').add(value);
  return true;
}

function closeOptions(out: TextBuilder, started: boolean): TextBuilder {
  return started ? out.add(' })') : out.add(')');
}

/** addTypeBuilder writes the builder call for the column's type, without modifiers (and without `.array()`). */
function addTypeBuilder(out: TextBuilder, ctx: EmitContext, column: Column): void {
  const type = column.type;
  switch (type.kind) {
    case 'enum':
      addString(out.add(ctx.enumVars.get(type.enumId) ?? 'missingEnum').add('('), column.name).add(')');
      return;
    case 'custom':
      addString(out.add(ctx.customType(customTypeSql(type), 'string')).add('('), column.name).add(')');
      return;
    case 'builtin': {
      switch (type.name) {
        case 'smallint': case 'integer': case 'real': case 'text': case 'boolean': case 'uuid': case 'json': case 'jsonb':
        case 'inet': case 'cidr': case 'macaddr': case 'macaddr8': case 'point': case 'line':
          addString(out.add(ctx.use(type.name)).add('('), column.name).add(')');
          return;
        case 'date':
          addString(out.add(ctx.use('date')).add('('), column.name).add(', { mode: "string" })');
          return;
        case 'bigint':
          addString(out.add(ctx.use('bigint')).add('('), column.name).add(', { mode: "number" })');
          return;
        case 'double precision':
          addString(out.add(ctx.use('doublePrecision')).add('('), column.name).add(')');
          return;
        case 'numeric': {
          addString(out.add(ctx.use('numeric')).add('('), column.name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, 'precision', String(type.precision));
          if (type.scale !== undefined) o = addOption(out, o, 'scale', String(type.scale));
          closeOptions(out, o);
          return;
        }
        case 'varchar': case 'char':
          addString(out.add(ctx.use(type.name)).add('('), column.name);
          closeOptions(out, type.length !== undefined && addOption(out, false, 'length', String(type.length)));
          return;
        case 'time': case 'timetz': {
          addString(out.add(ctx.use('time')).add('('), column.name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, 'precision', String(type.precision));
          if (type.name === 'timetz') o = addOption(out, o, 'withTimezone', 'true');
          closeOptions(out, o);
          return;
        }
        case 'timestamp': case 'timestamptz': {
          addString(out.add(ctx.use('timestamp')).add('('), column.name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, 'precision', String(type.precision));
          if (type.name === 'timestamptz') o = addOption(out, o, 'withTimezone', 'true');
          closeOptions(out, addOption(out, o, 'mode', '"string"'));
          return;
        }
        case 'interval':
          // drizzle-orm 0.45's PgInterval.getSQLType tests `this.precision ?`, so precision 0 would come out
          // as plain interval; a customType writes interval(0) exactly (time/timestamp/numeric test undefined).
          if (type.precision === 0) {
            addString(out.add(ctx.customType(builtinTypeSql(type), 'string')).add('('), column.name).add(')');
            return;
          }
          addString(out.add(ctx.use('interval')).add('('), column.name);
          closeOptions(out, type.precision !== undefined && addOption(out, false, 'precision', String(type.precision)));
          return;
        case '"char"':
          // Gap: Drizzle has no one-byte "char", and drizzle-kit mangles the quoted name of a custom type
          // (""char""); char(1) is the closest type it can create (docs/drizzle-export.md).
          addString(out.add(ctx.use('char')).add('('), column.name).add(', { length: 1 })');
          return;
        default: {
          const sqlType = builtinTypeSql(type);
          addString(out.add(ctx.customType(sqlType, customData(sqlType))).add('('), column.name).add(')');
          return;
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

/** addIdentityOptions writes the identity's options object `{ name: ..., ... }`, or nothing when none is set. */
function addIdentityOptions(out: TextBuilder, identity: Identity, table: Table, column: Column): void {
  let name = identity.sequenceName;
  // `<table>_<column>_seq` in bytes: the name and column plus five ASCII bytes.
  if (name === undefined && utf8ByteLength(table.name) + utf8ByteLength(column.name) + 5 > 63) name = implicitSequenceName(table.name, column.name);
  let o = false;
  if (name !== undefined) o = addIdentityOption(out, o, 'name', tsString(name));
  if (identity.start !== undefined) o = addIdentityOption(out, o, 'startWith', tsNumeric(identity.start));
  if (identity.increment !== undefined) o = addIdentityOption(out, o, 'increment', tsNumeric(identity.increment));
  if (identity.minValue !== undefined) o = addIdentityOption(out, o, 'minValue', tsNumeric(identity.minValue));
  if (identity.maxValue !== undefined) o = addIdentityOption(out, o, 'maxValue', tsNumeric(identity.maxValue));
  if (identity.cache !== undefined) o = addIdentityOption(out, o, 'cache', tsNumeric(identity.cache));
  if (identity.cycle !== undefined) o = addIdentityOption(out, o, 'cycle', String(identity.cycle));
  if (o) out.add(' }');
}

function addIdentityOption(out: TextBuilder, started: boolean, key: string, value: string): true {
  out.add(started ? ', ' : '{ ').add(key).add(': ').add(value);
  return true;
}

/**
 * addColumn writes `key: builder...` for one column. A collation goes into the type of a custom type
 * when drizzle-kit writes that type verbatim (`text COLLATE "C"`), else into extras.sql.
 */
export function addColumn(out: TextBuilder, ctx: EmitContext, table: Table, column: Column, key: string): void {
  out.add(key).add(': ');
  // Only a collation needs the type's SQL spelling.
  const plainType = column.collation !== undefined && column.type.kind === 'builtin' ? builtinTypeSql(column.type) : '';
  if (column.collation !== undefined && !column.type.array && column.type.kind === 'builtin' && drizzleKitWritesVerbatim(plainType)) {
    const sqlType = `${plainType} COLLATE ${quoteIdent(column.collation)}`;
    addString(out.add(ctx.customType(sqlType, 'string')).add('('), column.name).add(')');
  } else {
    addTypeBuilder(out, ctx, column);
    if (column.type.array) out.add('.array()');
    if (column.collation !== undefined) {
      ctx.extras.add('collations', `ALTER TABLE ${tableSql(table, ctx.idx)} ALTER COLUMN ${quoteIdent(column.name)} TYPE ${typeSql(column.type, ctx.idx)} COLLATE ${quoteIdent(column.collation)};`);
    }
  }
  if (!column.nullable) out.add('.notNull()');
  if (column.sequenceId !== undefined) {
    const seq = ctx.idx.sequences.get(column.sequenceId);
    if (seq) {
      ctx.sql();
      addSqlTemplate(out.add('.default('), `nextval(${quoteLiteral(quoteQualified(ctx.schemaName(seq.schemaId), seq.name))}::regclass)`).add(')');
    }
  } else if (column.default !== undefined) {
    ctx.sql();
    addSqlTemplate(out.add('.default('), column.default).add(')');
  }
  if (column.identity) {
    out.add(column.identity.generation === 'always' ? '.generatedAlwaysAsIdentity(' : '.generatedByDefaultAsIdentity(');
    addIdentityOptions(out, column.identity, table, column);
    out.add(')');
  }
  if (column.generated) {
    ctx.sql();
    addSqlTemplate(out.add('.generatedAlwaysAs('), column.generated.expression).add(')');
  }
}

export { drizzleKitWritesVerbatim };
