import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { validate } from './index';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('id and reference rules', () => {
  it('rejects a duplicate id anywhere, naming the first use', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[0]!.id = 'col_users_id';
    const f = expectFinding(m, 'id-duplicate', 'tables[1].columns[0].id');
    expect(f.message).toContain('tables[0].columns[0]');
  });

  it.each([
    ['schemaId', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').schemaId = 'nope'; }, 'tables[1].schemaId'],
    ['enumId', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').columns[4]!.type = { kind: 'enum', enumId: 'nope' }; }, 'tables[0].columns[4].type.enumId'],
    ['sequenceId', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').columns[3]!.sequenceId = 'nope'; }, 'tables[0].columns[3].sequenceId'],
    ['FK table', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').foreignKeys![0]!.refTableId = 'nope'; }, 'tables[1].foreignKeys[0].refTableId'],
    ['FK column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').foreignKeys![0]!.columnIds = ['col_users_id']; }, 'tables[1].foreignKeys[0].columnIds[0]'],
    ['FK target column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').foreignKeys![0]!.refColumnIds = ['col_posts_id']; }, 'tables[1].foreignKeys[0].refColumnIds[0]'],
    ['PK column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').primaryKey!.columnIds = ['col_posts_id']; }, 'tables[0].primaryKey.columnIds[0]'],
    ['index column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').indexes![0]!.elements[0]!.columnId = 'x'; }, 'tables[1].indexes[0].elements[0].columnId'],
    ['INCLUDE column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').indexes![0]!.include = ['x']; }, 'tables[1].indexes[0].include[0]'],
    ['ownedBy table', (m: ReturnType<typeof baseModel>) => { m.sequences![0]!.ownedBy!.tableId = 'x'; }, 'sequences[0].ownedBy.tableId'],
    ['ownedBy column', (m: ReturnType<typeof baseModel>) => { m.sequences![0]!.ownedBy!.columnId = 'col_posts_id'; }, 'sequences[0].ownedBy.columnId'],
    ['partition parent', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_events_2024').partitionOf!.parentId = 'x'; }, 'tables[3].partitionOf.parentId'],
    ['RLS template owner column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_posts').security = { rls: { template: 'owner-only', ownerColumnId: 'col_users_id' } }; }, 'tables[1].security.rls.ownerColumnId'],
    ['partition key column', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_events').partitionBy!.keys[0]!.columnId = 'x'; }, 'tables[2].partitionBy.keys[0].columnId'],
  ])('reports a dangling %s', (_what, mutate, path) => {
    const m = baseModel();
    mutate(m);
    expectFinding(m, 'reference-dangling', path);
  });

  it('ignores layout entries for tables that do not exist', () => {
    const m = baseModel();
    m.layout = { tables: { gone: { x: 1, y: 2 }, tbl_users: { x: 0, y: 0 } } };
    expectClean(m);
  });

  it('rejects a column listed twice in a key', () => {
    const m = baseModel();
    table(m, 'tbl_events').primaryKey!.columnIds = ['col_events_id', 'col_events_at', 'col_events_id'];
    expectFinding(m, 'key-columns', 'tables[2].primaryKey.columnIds[2]');
  });

  it('requires an owned sequence to be in the table schema', () => {
    const m = baseModel();
    m.sequences![0]!.schemaId = 'schema_app';
    expectFinding(m, 'sequence-owned-by', 'sequences[0].ownedBy');
    expect(validate(m).filter((f) => f.severity === 'error')).toHaveLength(1);
  });
});
