import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { validate } from './index';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('name rules', () => {
  it('accepts hostile but legal names, including exactly 63 bytes', () => {
    const m = baseModel();
    table(m, 'tbl_users').name = 'é'.repeat(31) + 'x';
    table(m, 'tbl_posts').name = 'select "from"; -- 🐘';
    table(m, 'tbl_users').columns[2]!.name = 'Mixed Case';
    table(m, 'tbl_users').checks![0]!.expression = 'char_length("Mixed Case") <= 100';
    table(m, 'tbl_users').indexes![0]!.elements[0]!.expression = 'lower("Mixed Case")';
    table(m, 'tbl_users').indexes![0]!.where = '"Mixed Case" IS NOT NULL';
    table(m, 'tbl_users').columns[6]!.generated!.expression = 'lower("Mixed Case")';
    expectClean(m);
  });

  it('rejects an empty name', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[1]!.name = '';
    expectFinding(m, 'name-empty', 'tables[1].columns[1].name');
  });

  it('rejects a NUL character in a name', () => {
    const m = baseModel();
    table(m, 'tbl_posts').name = 'po\u0000sts';
    expectFinding(m, 'name-nul', 'tables[1].name');
  });

  it('rejects a name over 63 bytes, counting bytes not characters', () => {
    const m = baseModel();
    table(m, 'tbl_users').name = 'é'.repeat(32) + 'abcdefg'; // 39 characters, 71 bytes
    const f = expectFinding(m, 'name-too-long', 'tables[0].name');
    expect(f.message).toBe('name is 71 bytes; PostgreSQL keeps only 63');
    expect(f.id).toBe('tbl_users');
  });

  it('rejects duplicate names in the relation namespace: table vs index vs sequence vs key constraint', () => {
    const m = baseModel();
    table(m, 'tbl_users').indexes![0]!.name = 'events';
    expectFinding(m, 'name-duplicate', 'tables[2].name');
    const m2 = baseModel();
    table(m2, 'tbl_users').uniques![0]!.name = 'users_n_seq';
    expectFinding(m2, 'name-duplicate', 'tables[0].uniques[0].name');
  });

  it('keeps schemas apart: the same table name in two schemas is fine', () => {
    const m = baseModel();
    table(m, 'tbl_posts').name = 'users';
    expectClean(m);
  });

  it('rejects an enum named like a table of its schema (pg_type)', () => {
    const m = baseModel();
    m.enums![0]!.name = 'events';
    expectFinding(m, 'name-duplicate', 'tables[2].name');
  });

  it('allows the same CHECK name on two tables but not twice on one table', () => {
    const m = baseModel();
    table(m, 'tbl_posts').checks = [{ id: 'ck_posts', name: 'users_name_check', expression: 'true' }];
    expectClean(m);
    table(m, 'tbl_posts').foreignKeys![0]!.name = 'users_name_check';
    expectFinding(m, 'name-duplicate', 'tables[1].foreignKeys[0].name');
  });

  it('rejects duplicate column, policy, schema and extension names', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[2]!.name = 'email';
    table(m, 'tbl_users').policies!.push({ id: 'pol2', name: 'self', using: 'true' });
    m.schemas[1]!.name = 'public';
    m.extensions!.push({ id: 'ext2', name: 'citext' });
    const codes = validate(m).filter((f) => f.code === 'name-duplicate').map((f) => f.path);
    expect(codes).toEqual(expect.arrayContaining(['tables[0].columns[2].name', 'tables[0].policies[1].name', 'schemas[1].name', 'extensions[1].name']));
  });

  it('rejects reserved schema and system column names', () => {
    const m = baseModel();
    m.schemas[1]!.name = 'pg_app';
    table(m, 'tbl_posts').columns[2]!.name = 'ctid';
    expectFinding(m, 'name-reserved', 'schemas[1].name');
    expectFinding(m, 'name-reserved', 'tables[1].columns[2].name');
  });

  it('checks enum labels: duplicates and over 63 bytes; an empty label is legal', () => {
    const m = baseModel();
    m.enums![0]!.values = ['', 'a', 'a', 'x'.repeat(64)];
    expectFinding(m, 'enum-label', 'enums[0].values[2]');
    expectFinding(m, 'enum-label', 'enums[0].values[3]');
    expect(validate(m).some((f) => f.path === 'enums[0].values[0]')).toBe(false);
  });
});
