/**
 * Column type helpers for the editor: a display label ("varchar(255)", "status[]") and the check that
 * a referencing column's type matches the referenced column's type, with the reason when it does not.
 */
import { BUILTIN_TYPES } from '@/lib/model/builtin-types';
import type { Column, ColumnType, Model } from '@/lib/model';

export function typeLabel(type: ColumnType, model: Pick<Model, 'enums'>): string {
  const suffix = type.array ? '[]' : '';
  switch (type.kind) {
    case 'builtin': {
      const args: string = BUILTIN_TYPES[type.name as keyof typeof BUILTIN_TYPES]?.args ?? 'none';
      let mod = '';
      if (args === 'length' && type.length !== undefined) mod = `(${type.length})`;
      if (args === 'precision-scale' && type.precision !== undefined) mod = type.scale !== undefined ? `(${type.precision},${type.scale})` : `(${type.precision})`;
      if ((args === 'time-precision' || args === 'precision') && type.precision !== undefined) mod = `(${type.precision})`;
      return `${type.name}${mod}${suffix}`;
    }
    case 'enum': return `${model.enums?.find((e) => e.id === type.enumId)?.name ?? '?enum'}${suffix}`;
    case 'custom': return `${type.sql}${suffix}`;
    default: return assertNever(type);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unknown kind: ${JSON.stringify(x)}`);
}

const INTEGER_WIDTH: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 };

/**
 * referenceTypeProblem says why `from` (the referencing column) cannot reference `to`, or undefined.
 * PostgreSQL itself accepts some cross-type pairs (integer -> bigint); we refuse the ones that lose
 * values and mixed families, which are nearly always mistakes.
 */
export function referenceTypeProblem(from: Column, to: Column, model: Pick<Model, 'enums'>): string | undefined {
  const a = from.type;
  const b = to.type;
  const why = (detail: string) => `${from.name} is ${typeLabel(a, model)} but ${to.name} is ${typeLabel(b, model)}: ${detail}`;
  if (Boolean(a.array) !== Boolean(b.array)) return why('one is an array and the other is not');
  if (a.kind !== b.kind) return why('the types differ');
  if (a.kind === 'builtin' && b.kind === 'builtin') {
    if (a.name === b.name) return undefined;
    const wa = INTEGER_WIDTH[a.name];
    const wb = INTEGER_WIDTH[b.name];
    if (wa && wb) return wa < wb ? why('the referencing column is narrower and cannot hold every key') : why('use the same integer type on both sides');
    const text = new Set(['text', 'varchar']);
    if (text.has(a.name) && text.has(b.name)) return undefined;
    return why('the types differ');
  }
  if (a.kind === 'enum' && b.kind === 'enum') return a.enumId === b.enumId ? undefined : why('different enum types');
  if (a.kind === 'custom' && b.kind === 'custom') return a.sql.trim().toLowerCase() === b.sql.trim().toLowerCase() ? undefined : why('the types differ');
  return why('the types differ');
}

/** referencingType is the type a new column referencing `pk` gets: the same type, never identity/serial. */
export function referencingType(pk: Column): ColumnType {
  return structuredClone(pk.type);
}
