/**
 * Column builders: the pg-core builder for each model type (a `customType` where Drizzle has none), then
 * the modifiers (array, not null, default, identity, generated). Collations Drizzle cannot attach go to
 * extras.sql.
 */
import { utf8ByteLength, type Column, type ColumnType, type Identity, type Table } from '@/lib/model';
import { makeObjectName } from '@/lib/model/names';
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { EmitContext } from './context';
import { builtinTypeSql, tableSql, typeSql } from './sql-fragments';
import type { TextBuilder } from '@/lib/sql/text';
import { addSqlTemplate, plain, tsNumeric, tsString } from './ts';

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
 * openCall writes `: fn("name` for a plain name, leaving the closing quote to what follows (it is
 * written with that, so a column costs few appends), and returns true; else `: fn(<JSON>` and false.
 */
function openCall(out: TextBuilder, ctx: EmitContext, fn: string, name: string): boolean {
  if (plain(name)) {
    out.add(ctx.opener(fn)).add(name);
    return true;
  }
  out.add(': ').add(fn).add('(').add(JSON.stringify(name));
  return false;
}

/** closeCall writes the rest of a call opened by openCall: `quoted` is that rest after the open quote. */
function closeCall(out: TextBuilder, open: boolean, quoted: string, rest: string): void {
  out.add(open ? quoted : rest);
}

/**
 * addOption writes one `key: value` of a builder's options argument: `, { ` before the first, `, `
 * before the others (after a quote openCall left open). It returns true (options started).
 */
function addOption(out: TextBuilder, started: boolean, open: boolean, key: string, value: string): true {
  out.add(started ? ', ' : open ? '", { ' : ', { ').add(key).add(': ').add(value);
  return true;
}

function closeOptions(out: TextBuilder, started: boolean, open: boolean): void {
  out.add(started ? ' })' : open ? '")' : ')');
}

/** addTypeBuilder writes `: builder(name...)` for the column's type, without modifiers (and without `.array()`). */
function addTypeBuilder(out: TextBuilder, ctx: EmitContext, column: Column): void {
  const type = column.type;
  const name = column.name;
  switch (type.kind) {
    case 'enum':
      closeCall(out, openCall(out, ctx, ctx.enumVars.get(type.enumId) ?? 'missingEnum', name), '")', ')');
      return;
    case 'custom':
      closeCall(out, openCall(out, ctx, ctx.customType(customTypeSql(type), 'string'), name), '")', ')');
      return;
    case 'builtin': {
      switch (type.name) {
        case 'smallint': case 'integer': case 'real': case 'text': case 'boolean': case 'uuid': case 'json': case 'jsonb':
        case 'inet': case 'cidr': case 'macaddr': case 'macaddr8': case 'point': case 'line':
          closeCall(out, openCall(out, ctx, ctx.use(type.name), name), '")', ')');
          return;
        case 'date':
          closeCall(out, openCall(out, ctx, ctx.use('date'), name), '", { mode: "string" })', ', { mode: "string" })');
          return;
        case 'bigint':
          closeCall(out, openCall(out, ctx, ctx.use('bigint'), name), '", { mode: "number" })', ', { mode: "number" })');
          return;
        case 'double precision':
          closeCall(out, openCall(out, ctx, ctx.use('doublePrecision'), name), '")', ')');
          return;
        case 'numeric': {
          const open = openCall(out, ctx, ctx.use('numeric'), name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, open, 'precision', String(type.precision));
          if (type.scale !== undefined) o = addOption(out, o, open, 'scale', String(type.scale));
          closeOptions(out, o, open);
          return;
        }
        case 'varchar': case 'char': {
          const open = openCall(out, ctx, ctx.use(type.name), name);
          closeOptions(out, type.length !== undefined && addOption(out, false, open, 'length', String(type.length)), open);
          return;
        }
        case 'time': case 'timetz': {
          const open = openCall(out, ctx, ctx.use('time'), name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, open, 'precision', String(type.precision));
          if (type.name === 'timetz') o = addOption(out, o, open, 'withTimezone', 'true');
          closeOptions(out, o, open);
          return;
        }
        case 'timestamp': case 'timestamptz': {
          const open = openCall(out, ctx, ctx.use('timestamp'), name);
          let o = false;
          if (type.precision !== undefined) o = addOption(out, o, open, 'precision', String(type.precision));
          if (type.name === 'timestamptz') o = addOption(out, o, open, 'withTimezone', 'true');
          closeOptions(out, addOption(out, o, open, 'mode', '"string"'), open);
          return;
        }
        case 'interval': {
          // drizzle-orm 0.45's PgInterval.getSQLType tests `this.precision ?`, so precision 0 would come out
          // as plain interval; a customType writes interval(0) exactly (time/timestamp/numeric test undefined).
          if (type.precision === 0) {
            closeCall(out, openCall(out, ctx, ctx.customType(builtinTypeSql(type), 'string'), name), '")', ')');
            return;
          }
          const open = openCall(out, ctx, ctx.use('interval'), name);
          closeOptions(out, type.precision !== undefined && addOption(out, false, open, 'precision', String(type.precision)), open);
          return;
        }
        case '"char"':
          // Gap: Drizzle has no one-byte "char", and drizzle-kit mangles the quoted name of a custom type
          // (""char""); char(1) is the closest type it can create (docs/drizzle-export.md).
          closeCall(out, openCall(out, ctx, ctx.use('char'), name), '", { length: 1 })', ', { length: 1 })');
          return;
        default: {
          const sqlType = builtinTypeSql(type);
          closeCall(out, openCall(out, ctx, ctx.customType(sqlType, customData(sqlType)), name), '")', ')');
          return;
        }
      }
    }
  }
}

/** addIdentityOptions writes the identity's options object `{ name: ..., ... }`, or nothing when none is set. */
function addIdentityOptions(out: TextBuilder, identity: Identity, table: Table, column: Column): void {
  let name = identity.sequenceName;
  // drizzle-kit always writes a sequence name and would cut its own `<table>_<column>_seq` at byte 63;
  // PostgreSQL shortens the longer part instead (makeObjectName), so a name that does not fit is given.
  if (name === undefined && utf8ByteLength(table.name) + utf8ByteLength(column.name) + 5 > 63) name = makeObjectName(table.name, column.name, 'seq');
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
  out.add(key);
  // Only a collation needs the type's SQL spelling.
  const plainType = column.collation !== undefined && column.type.kind === 'builtin' ? builtinTypeSql(column.type) : '';
  if (column.collation !== undefined && !column.type.array && column.type.kind === 'builtin' && drizzleKitWritesVerbatim(plainType)) {
    const sqlType = `${plainType} COLLATE ${quoteIdent(column.collation)}`;
    closeCall(out, openCall(out, ctx, ctx.customType(sqlType, 'string'), column.name), '")', ')');
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
