/**
 * Column rules: identity only on smallint/integer/bigint and always NOT NULL; DEFAULT, sequenceId
 * (serial), identity and generated are mutually exclusive (PostgreSQL allows one way to fill a
 * column); sequence options consistent with their data type, for sequences and identity columns.
 */
import { BUILTIN_TYPES, type BuiltinTypeName } from '../builtin-types';
import type { Column, SequenceOptions } from '../schema';
import type { RuleContext } from './context';

const RANGES: Record<'smallint' | 'integer' | 'bigint', readonly [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function integerName(c: Column): 'smallint' | 'integer' | 'bigint' | undefined {
  if (c.type.kind !== 'builtin' || c.type.array) return undefined;
  const info = BUILTIN_TYPES[c.type.name as BuiltinTypeName];
  return info && 'integer' in info && info.integer ? (c.type.name as 'smallint' | 'integer' | 'bigint') : undefined;
}

/**
 * checkSequenceOptions applies PostgreSQL's CREATE SEQUENCE checks: increment not zero, bounds
 * inside the data type, MINVALUE < MAXVALUE, START between them, CACHE at least 1.
 */
export function checkSequenceOptions(ctx: RuleContext, options: Omit<SequenceOptions, 'dataType'>, dataType: 'smallint' | 'integer' | 'bigint', path: string, id: string): void {
  const bad = (field: string, message: string) => ctx.error('sequence-options', message, `${path}.${field}`, id);
  const [typeMin, typeMax] = RANGES[dataType];
  const increment = options.increment !== undefined ? BigInt(options.increment) : 1n;
  if (increment === 0n) bad('increment', 'INCREMENT must not be zero');
  const min = options.minValue !== undefined ? BigInt(options.minValue) : increment > 0n ? 1n : typeMin;
  const max = options.maxValue !== undefined ? BigInt(options.maxValue) : increment > 0n ? typeMax : -1n;
  if (options.minValue !== undefined && (min < typeMin || min > typeMax)) bad('minValue', `MINVALUE (${min}) is out of range for sequence data type ${dataType}`);
  if (options.maxValue !== undefined && (max < typeMin || max > typeMax)) bad('maxValue', `MAXVALUE (${max}) is out of range for sequence data type ${dataType}`);
  if (min >= max) bad(options.minValue !== undefined ? 'minValue' : 'maxValue', `MINVALUE (${min}) must be less than MAXVALUE (${max})`);
  if (options.start !== undefined) {
    const start = BigInt(options.start);
    if (start < min) bad('start', `START value (${start}) cannot be less than MINVALUE (${min})`);
    if (start > max) bad('start', `START value (${start}) cannot be greater than MAXVALUE (${max})`);
  }
  if (options.cache !== undefined && BigInt(options.cache) < 1n) bad('cache', 'CACHE must be at least 1');
  if (increment > typeMax || increment < typeMin) bad('increment', `INCREMENT (${increment}) is out of range for ${dataType}`);
}

function columnRules(ctx: RuleContext, c: Column, path: string): void {
  const conflict = (field: string, message: string) => ctx.error('default-conflict', message, `${path}.${field}`, c.id);
  if (c.identity) {
    const int = integerName(c);
    if (!int) ctx.error('identity-type', 'identity columns must be smallint, integer or bigint', `${path}.identity`, c.id);
    else checkSequenceOptions(ctx, c.identity, int, `${path}.identity`, c.id);
    if (c.nullable) ctx.error('identity-nullable', 'identity columns are always NOT NULL; set "nullable": false', `${path}.nullable`, c.id);
    if (c.default !== undefined) conflict('default', 'a column cannot have both a DEFAULT and an identity');
    if (c.sequenceId !== undefined) conflict('sequenceId', 'a column cannot have both a sequence default (sequenceId) and an identity');
    if (c.generated) conflict('generated', 'a column cannot be both generated and an identity');
  }
  if (c.generated) {
    if (c.default !== undefined) conflict('default', 'a generated column cannot have a DEFAULT');
    if (c.sequenceId !== undefined) conflict('sequenceId', 'a generated column cannot have a sequence default (sequenceId)');
  }
  if (c.default !== undefined && c.sequenceId !== undefined) conflict('default', 'sequenceId already sets DEFAULT nextval(...); remove "default" or "sequenceId"');
  if (c.sequenceId !== undefined && !integerName(c)) ctx.warn('default-conflict', 'a sequence default (sequenceId) on a column that is not smallint, integer or bigint', `${path}.sequenceId`, c.id);
}

export function columnAndSequenceRules(ctx: RuleContext): void {
  ctx.model.tables.forEach((t) => t.columns.forEach((c, j) => columnRules(ctx, c, `${ctx.tablePath(t)}.columns[${j}]`)));
  ctx.model.sequences?.forEach((s, i) => {
    checkSequenceOptions(ctx, s, s.dataType ?? 'bigint', `sequences[${i}]`, s.id);
    if (s.ownedBy) {
      const owner = ctx.index.columns.get(s.ownedBy.columnId);
      if (owner && owner.table.id === s.ownedBy.tableId && owner.column.sequenceId !== undefined && owner.column.sequenceId !== s.id) {
        ctx.warn('sequence-owned-by', `sequence is OWNED BY column ${JSON.stringify(owner.column.name)}, whose default uses another sequence`, `sequences[${i}].ownedBy`, s.id);
      }
    }
  });
}
