/**
 * A hand-made model whose names stress the emitter's identifiers and literals: duplicates after
 * sanitising, reserved words, Drizzle table members, Unicode-only names, quotes, and user SQL holding
 * backticks, `${`, backslashes and a carriage return.
 */
import { emptyModel, type Column, type Index, type Model } from '@/lib/model';

const col = (id: string, name: string, extra: Partial<Column> = {}): Column => ({ id, name, type: { kind: 'builtin', name: 'text' }, nullable: true, ...extra });

export const TRICKY_EXPRESSION = "length(\"a b\") <> length(E'`${x}` \\\\ \r')";

function orderIndexes(columnId: string): Index[] {
  const out: Index[] = [];
  for (const opclass of [undefined, 'text_pattern_ops'])
    for (const order of [undefined, 'asc', 'desc'] as const)
      for (const nulls of [undefined, 'first', 'last'] as const)
        out.push({ id: `ix_${out.length}`, name: `order ix ${out.length}`, elements: [{ columnId, ...(opclass && { opclass }), ...(order && { order }), ...(nulls && { nulls }) }] });
  return out;
}

export function hostileModel(): Model {
  const m = emptyModel('hostile `${names}`');
  m.schemas.push({ id: 's_weird', name: 'my schema' });
  m.enums = [{ id: 'e1', schemaId: 's_weird', name: 'sql', values: ["it's", 'a"b', '`${x}`'] }];
  m.tables.push(
    { id: 't1', schemaId: 'schema_public', name: 'my table', columns: [
      col('c1', 'a b', { nullable: false }), col('c2', 'a_b'), col('c3', 'aB'), col('c4', 'enableRLS'), col('c5', '_'),
      col('c6', '__proto__'), col('c7', '1st'), col('c8', 'constructor'), col('c9', '数据'), col('c10', 'class'),
      col('c11', 'mood', { type: { kind: 'enum', enumId: 'e1' } }), col('c12', 'self_id', { type: { kind: 'builtin', name: 'text' } }),
    ], primaryKey: { id: 'pk1', name: 'pk "1"', columnIds: ['c1'] },
    checks: [{ id: 'ck1', name: 'tricky `check`', expression: TRICKY_EXPRESSION }],
    foreignKeys: [{ id: 'fk1', name: 'self ref', columnIds: ['c12'], refTableId: 't1', refColumnIds: ['c1'] }] },
    { id: 't2', schemaId: 'schema_public', name: 'my_table', columns: [col('d1', 'id', { nullable: false }), col('d2', 'my table id')],
      primaryKey: { id: 'pk2', name: 'pk2', columnIds: ['d1'] },
      foreignKeys: [{ id: 'fk2', name: 'to t1', columnIds: ['d2'], refTableId: 't1', refColumnIds: ['c1'] }] },
    // Every order x nulls pairing with and without an operator class: drizzle-kit drops DESC/NULLS beside an opclass.
    { id: 't3', schemaId: 'schema_public', name: 'myTable', columns: [col('e1', 'x')], indexes: orderIndexes('e1') },
    { id: 't4', schemaId: 's_weird', name: '数据表', columns: [col('f1', 'y')] },
    { id: 't5', schemaId: 's_weird', name: 'pgTable', columns: [col('g1', 'sql')] },
    { id: 't6', schemaId: 'schema_public', name: 'class', columns: [col('h1', 'z')] },
  );
  return m;
}
