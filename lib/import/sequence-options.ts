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

/** sequenceTypeOf maps a column's builtin type name to a sequence type, if it is an integer type. */
export function sequenceTypeOf(name: string): SequenceType | undefined {
  return name === 'smallint' || name === 'integer' || name === 'bigint' ? name : undefined;
}
