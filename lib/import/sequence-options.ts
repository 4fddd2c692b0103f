/**
 * The normal form of sequence and identity options: an option is stored only when it differs from what
 * PostgreSQL would choose by itself (given the data type and the sign of the increment), and `dataType`
 * only when it is not bigint. Import and introspection both normalise through here, so a sequence written
 * with every option spelled out (pg_dump) and one written bare come out the same.
 */
import type { SequenceOptions } from '@/lib/model/schema';

export type SequenceType = 'smallint' | 'integer' | 'bigint';

const RANGE: Record<SequenceType, { min: bigint; max: bigint }> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

export interface RawSequenceOptions {
  start?: string;
  increment?: string;
  minValue?: string;
  maxValue?: string;
  cache?: string;
  cycle?: boolean;
}

/**
 * normalizeSequenceOptions drops every option equal to PostgreSQL's default. `type` is the sequence's
 * data type (for identity columns, the column's integer type).
 */
export function normalizeSequenceOptions(type: SequenceType, raw: RawSequenceOptions): Omit<SequenceOptions, 'dataType'> {
  const increment = raw.increment === undefined ? 1n : BigInt(raw.increment);
  const ascending = increment > 0n;
  const defMin = ascending ? 1n : RANGE[type].min;
  const defMax = ascending ? RANGE[type].max : -1n;
  const min = raw.minValue === undefined ? defMin : BigInt(raw.minValue);
  const max = raw.maxValue === undefined ? defMax : BigInt(raw.maxValue);
  const defStart = ascending ? min : max;
  const out: Omit<SequenceOptions, 'dataType'> = {};
  if (raw.start !== undefined && BigInt(raw.start) !== defStart) out.start = String(BigInt(raw.start));
  if (increment !== 1n) out.increment = String(increment);
  if (min !== defMin) out.minValue = String(min);
  if (max !== defMax) out.maxValue = String(max);
  if (raw.cache !== undefined && BigInt(raw.cache) !== 1n) out.cache = String(BigInt(raw.cache));
  if (raw.cycle) out.cycle = true;
  return out;
}

/** Every option of a sequence with PostgreSQL's defaults filled in. */
export interface EffectiveSequence {
  start: bigint;
  increment: bigint;
  min: bigint;
  max: bigint;
  cache: bigint;
  cycle: boolean;
}

/** effectiveSequence fills in the defaults normalizeSequenceOptions left out (its inverse). */
export function effectiveSequence(type: SequenceType, o: Omit<SequenceOptions, 'dataType'>): EffectiveSequence {
  const increment = o.increment === undefined ? 1n : BigInt(o.increment);
  const ascending = increment > 0n;
  const min = o.minValue === undefined ? (ascending ? 1n : RANGE[type].min) : BigInt(o.minValue);
  const max = o.maxValue === undefined ? (ascending ? RANGE[type].max : -1n) : BigInt(o.maxValue);
  return { start: o.start === undefined ? (ascending ? min : max) : BigInt(o.start), increment, min, max, cache: o.cache === undefined ? 1n : BigInt(o.cache), cycle: Boolean(o.cycle) };
}

/** Which options an ALTER SEQUENCE names; `null` is NO MINVALUE / NO MAXVALUE (back to the default). */
export interface SequenceChange {
  type?: SequenceType;
  start?: bigint;
  increment?: bigint;
  min?: bigint | null;
  max?: bigint | null;
  cache?: bigint;
  cycle?: boolean;
}

/**
 * alterSequenceOptions applies ALTER SEQUENCE as PostgreSQL does (init_params in sequence.c): the start is
 * kept unless given (RESTART is not design), limits are kept unless given (even when the increment changes
 * direction), a change of type moves a limit that was the old type's extreme to the new type's, and NO
 * MINVALUE/NO MAXVALUE resets one to the default for the new direction. Returns the new type and normalised options.
 */
export function alterSequenceOptions(type: SequenceType, current: Omit<SequenceOptions, 'dataType'>, change: SequenceChange): { type: SequenceType; options: Omit<SequenceOptions, 'dataType'> } {
  const now = effectiveSequence(type, current);
  const newType = change.type ?? type;
  const increment = change.increment ?? now.increment;
  const ascending = increment > 0n;
  // A limit at the old type's extreme follows the type (to the new extreme, whatever the direction).
  const resetMin = newType !== type && now.min === RANGE[type].min;
  const resetMax = newType !== type && now.max === RANGE[type].max;
  let min = resetMin ? RANGE[newType].min : now.min;
  let max = resetMax ? RANGE[newType].max : now.max;
  if (change.min !== undefined) min = change.min ?? (!ascending || resetMin ? RANGE[newType].min : 1n);
  if (change.max !== undefined) max = change.max ?? (ascending || resetMax ? RANGE[newType].max : -1n);
  const raw: RawSequenceOptions = {
    start: String(change.start ?? now.start), increment: String(increment), minValue: String(min), maxValue: String(max),
    cache: String(change.cache ?? now.cache), cycle: change.cycle ?? now.cycle,
  };
  return { type: newType, options: normalizeSequenceOptions(newType, raw) };
}

/** sequenceTypeOf maps a column's builtin type name to a sequence type, if it is an integer type. */
export function sequenceTypeOf(name: string): SequenceType | undefined {
  return name === 'smallint' || name === 'integer' || name === 'bigint' ? name : undefined;
}
