import { testRule } from '../../testing/rule-fixtures';
import { col, columnId, model, tableId } from '../../testing/model-builder';
import { preferIdentity } from './rule';

const serial = model([{ name: 'items', columns: [col('id', 'integer', { nullable: false, sequenceId: 'seq_items' })], pk: ['id'] }], {
  sequences: [{ id: 'seq_items', schemaId: 'schema_public', name: 'items_id_seq', dataType: 'integer', ownedBy: { tableId: tableId('items'), columnId: columnId('items', 'id') } }],
});

testRule(preferIdentity, {
  pass: [
    model([{ name: 'items', columns: [col('id', 'bigint', { nullable: false, identity: { generation: 'always' } })], pk: ['id'] }]),
    model([{ name: 'items', columns: [col('n', 'bigint', { sequenceId: 'shared' })] }], { sequences: [{ id: 'shared', schemaId: 'schema_public', name: 'shared_seq' }] }),
  ],
  fail: [serial],
});
