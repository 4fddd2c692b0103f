import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('key rules', () => {
  it('rejects a nullable primary key column', () => {
    const m = baseModel();
    table(m, 'tbl_events').columns[1]!.nullable = true;
    expect(expectFinding(m, 'key-nullable', 'tables[2].primaryKey.columnIds[1]').message).toContain('"at"');
  });

  it('rejects key columns whose type has no btree class', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[7]!.type = { kind: 'builtin', name: 'json' };
    table(m, 'tbl_users').indexes!.pop();
    table(m, 'tbl_users').uniques!.push({ id: 'uq_doc', name: 'users_doc_key', columnIds: ['col_users_doc'] });
    expectFinding(m, 'key-type', 'tables[0].uniques[1].columnIds[0]');
  });

  it('allows NULLS NOT DISTINCT from 15 only', () => {
    const m = baseModel();
    table(m, 'tbl_users').uniques![0]!.nullsNotDistinct = true;
    expectClean(m, 15);
    expectFinding(m, 'version-feature', 'tables[0].uniques[0].nullsNotDistinct', { target: 14 });
  });

  it('rejects INITIALLY DEFERRED without DEFERRABLE', () => {
    const m = baseModel();
    table(m, 'tbl_posts').foreignKeys![0]!.initiallyDeferred = true;
    expectFinding(m, 'deferrable-missing', 'tables[1].foreignKeys[0].initiallyDeferred');
    table(m, 'tbl_posts').foreignKeys![0]!.deferrable = true;
    expectClean(m);
  });

  it('requires partition key columns in a partitioned table primary key', () => {
    const m = baseModel();
    table(m, 'tbl_events').primaryKey!.columnIds = ['col_events_id'];
    expect(expectFinding(m, 'partition-key-not-in-unique', 'tables[2].primaryKey').message).toContain('"at"');
  });
});

describe('foreign key rules', () => {
  it('rejects a column count mismatch', () => {
    const m = baseModel();
    table(m, 'tbl_posts').foreignKeys![0]!.refColumnIds = ['col_users_id', 'col_users_n'];
    expectFinding(m, 'fk-column-count', 'tables[1].foreignKeys[0].refColumnIds');
  });

  it('rejects incompatible types and warns on integer widths and lengths', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'builtin', name: 'uuid' };
    expect(expectFinding(m, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]').message).toContain('uuid');
    const w = baseModel();
    table(w, 'tbl_posts').columns[1]!.type = { kind: 'builtin', name: 'integer' };
    expectFinding(w, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]', { severity: 'warning' });
    const arr = baseModel();
    table(arr, 'tbl_posts').columns[1]!.type = { kind: 'builtin', name: 'bigint', array: true };
    expectFinding(arr, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]');
  });

  it('warns on different types of one category or with a custom type, errors with enums', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'builtin', name: 'numeric' };
    expectFinding(m, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]', { severity: 'warning' });
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'custom', sql: 'my_domain' };
    expectFinding(m, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]', { severity: 'warning' });
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'enum', enumId: 'enum_status' };
    expectFinding(m, 'fk-type-mismatch', 'tables[1].foreignKeys[0].columnIds[0]');
  });

  it('warns when lengths differ', () => {
    const m = baseModel();
    table(m, 'tbl_posts').uniques = [{ id: 'uq_title', name: 'posts_title_key', columnIds: ['col_posts_title'] }];
    table(m, 'tbl_users').columns[2]!.type = { kind: 'builtin', name: 'varchar', length: 100 };
    table(m, 'tbl_users').columns[2]!.collation = undefined;
    table(m, 'tbl_users').foreignKeys = [{ id: 'fk_x', name: 'users_title_fkey', columnIds: ['col_users_name'], refTableId: 'tbl_posts', refColumnIds: ['col_posts_title'] }];
    expectFinding(m, 'fk-length-mismatch', 'tables[0].foreignKeys[0].columnIds[0]', { severity: 'warning' });
  });

  it('requires the target columns to be exactly a primary key or unique', () => {
    const m = baseModel();
    table(m, 'tbl_posts').foreignKeys![0]!.refColumnIds = ['col_users_n'];
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'builtin', name: 'integer' };
    expectFinding(m, 'fk-target-not-unique', 'tables[1].foreignKeys[0].refColumnIds');
    table(m, 'tbl_users').indexes!.push({ id: 'ix_n', name: 'users_n_key', unique: true, elements: [{ columnId: 'col_users_n' }] });
    expectClean(m);
  });

  it('rejects a deferrable unique as a target', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[1]!.type = { kind: 'custom', sql: 'citext' };
    table(m, 'tbl_posts').foreignKeys![0]!.refColumnIds = ['col_users_email'];
    expectClean(m);
    table(m, 'tbl_users').uniques![0]!.deferrable = true;
    expect(expectFinding(m, 'fk-target-not-unique', 'tables[1].foreignKeys[0].refColumnIds').message).toContain('DEFERRABLE');
  });

  it('warns about SET NULL on NOT NULL columns', () => {
    const m = baseModel();
    table(m, 'tbl_posts').foreignKeys![0]!.onDelete = 'set null';
    expectFinding(m, 'fk-action-not-null', 'tables[1].foreignKeys[0].onDelete', { severity: 'warning' });
    table(m, 'tbl_posts').columns[1]!.nullable = true;
    expectClean(m);
  });
});
