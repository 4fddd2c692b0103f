/** DDL fragments for sequences, and the option list shared with identity columns. */
import type { Identity, Sequence, SequenceOptions } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteLiteral } from './quote';

type Options = Omit<SequenceOptions, 'dataType'> & { dataType?: SequenceOptions['dataType'] };

/** sequenceOptions renders the options that are set, in PostgreSQL's documented order. */
export function sequenceOptions(o: Options): string[] {
  const parts: string[] = [];
  if (o.dataType !== undefined) parts.push(`AS ${o.dataType}`);
  if (o.increment !== undefined) parts.push(`INCREMENT BY ${o.increment}`);
  if (o.minValue !== undefined) parts.push(`MINVALUE ${o.minValue}`);
  if (o.maxValue !== undefined) parts.push(`MAXVALUE ${o.maxValue}`);
  if (o.start !== undefined) parts.push(`START WITH ${o.start}`);
  if (o.cache !== undefined) parts.push(`CACHE ${o.cache}`);
  if (o.cycle !== undefined) parts.push(o.cycle ? 'CYCLE' : 'NO CYCLE');
  return parts;
}

/**
 * sequenceOptionResets renders ALTER SEQUENCE options that bring every option to the target value,
 * spelling PostgreSQL's defaults for options the model leaves out, so an alter converges.
 */
export function sequenceOptionResets(o: Options, typeBounds: { min: string; max: string }): string[] {
  const increment = o.increment ?? '1';
  const ascending = !increment.startsWith('-');
  const min = o.minValue ?? (ascending ? '1' : typeBounds.min);
  const max = o.maxValue ?? (ascending ? typeBounds.max : '-1');
  const parts: string[] = [];
  if (o.dataType !== undefined) parts.push(`AS ${o.dataType}`);
  parts.push(`INCREMENT BY ${increment}`);
  parts.push(o.minValue !== undefined ? `MINVALUE ${o.minValue}` : 'NO MINVALUE');
  parts.push(o.maxValue !== undefined ? `MAXVALUE ${o.maxValue}` : 'NO MAXVALUE');
  parts.push(`START WITH ${o.start ?? (ascending ? min : max)}`);
  parts.push(`CACHE ${o.cache ?? '1'}`);
  parts.push(o.cycle ? 'CYCLE' : 'NO CYCLE');
  return parts;
}

export const INTEGER_BOUNDS = {
  smallint: { min: '-32768', max: '32767' },
  integer: { min: '-2147483648', max: '2147483647' },
  bigint: { min: '-9223372036854775808', max: '9223372036854775807' },
} as const;

export function createSequence(seq: Sequence, names: SqlNames): string {
  const opts = sequenceOptions(seq);
  return `CREATE SEQUENCE ${names.qualified(seq.schemaId, seq.name)}${opts.length ? ` ${opts.join(' ')}` : ''}`;
}

export function dropSequence(seq: Sequence, names: SqlNames): string {
  return `DROP SEQUENCE ${names.qualified(seq.schemaId, seq.name)}`;
}

export function alterSequenceOptions(seq: Sequence, names: SqlNames): string {
  const opts = sequenceOptionResets(seq, INTEGER_BOUNDS[seq.dataType ?? 'bigint']);
  return `ALTER SEQUENCE ${names.qualified(seq.schemaId, seq.name)} ${opts.join(' ')}`;
}

/** sequenceOwnedBy ties a sequence to a column (dropped with it), or unties it with OWNED BY NONE. */
export function sequenceOwnedBy(seq: Sequence, names: SqlNames): string {
  const ownerTable = seq.ownedBy && names.tableObject(seq.ownedBy.tableId);
  const owner = ownerTable ? `${names.table(ownerTable)}.${names.column(ownerTable, seq.ownedBy!.columnId)}` : 'NONE';
  return `ALTER SEQUENCE ${names.qualified(seq.schemaId, seq.name)} OWNED BY ${owner}`;
}

/** identityClause renders GENERATED ... AS IDENTITY with its sequence options in parentheses. */
export function identityClause(identity: Identity, schemaId: string, names: SqlNames): string {
  const opts = sequenceOptions(identity);
  if (identity.sequenceName !== undefined) opts.unshift(`SEQUENCE NAME ${names.qualified(schemaId, identity.sequenceName)}`);
  const generation = identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT';
  return `GENERATED ${generation} AS IDENTITY${opts.length ? ` (${opts.join(' ')})` : ''}`;
}

/** nextvalDefault is the DEFAULT of a serial-style column: nextval of its sequence by regclass. */
export function nextvalDefault(seq: Sequence, names: SqlNames): string {
  return `nextval(${quoteLiteral(names.qualified(seq.schemaId, seq.name))}::regclass)`;
}
