import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { validate } from './index';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('column rules', () => {
  it('rejects identity on a non-integer type', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[0]!.type = { kind: 'builtin', name: 'numeric' };
    expectFinding(m, 'identity-type', 'tables[0].columns[0].identity');
  });

  it('rejects a nullable identity column (PostgreSQL would make it NOT NULL)', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[0]!.nullable = true;
    expectFinding(m, 'identity-nullable', 'tables[1].columns[0].nullable');
  });

  it.each([
    ['default on identity', 0, { default: '1' }, 'tables[0].columns[0].default'],
    ['sequenceId on identity', 0, { sequenceId: 'seq_n' }, 'tables[0].columns[0].sequenceId'],
    ['generated on identity', 0, { generated: { expression: '1' } }, 'tables[0].columns[0].generated'],
    ['default on generated', 6, { default: "''" }, 'tables[0].columns[6].default'],
    ['default beside sequenceId', 3, { default: '1' }, 'tables[0].columns[3].default'],
  ])('rejects %s', (_what, column, patch, path) => {
    const m = baseModel();
    Object.assign(table(m, 'tbl_users').columns[column]!, patch);
    expectFinding(m, 'default-conflict', path);
  });

  it('checks sequence options against the data type', () => {
    const m = baseModel();
    m.sequences![0]!.dataType = 'smallint';
    m.sequences![0]!.maxValue = '40000';
    expectFinding(m, 'sequence-options', 'sequences[0].maxValue').message.includes('out of range');
    const m2 = baseModel();
    m2.sequences![0]!.start = '0';
    expectFinding(m2, 'sequence-options', 'sequences[0].start');
    const m3 = baseModel();
    table(m3, 'tbl_posts').columns[0]!.identity!.increment = '0';
    expectFinding(m3, 'sequence-options', 'tables[1].columns[0].identity.increment');
    const ok = baseModel();
    Object.assign(ok.sequences![0]!, { increment: '-1', start: '-5' });
    expectClean(ok);
  });
});

describe('type rules', () => {
  it.each([
    [{ kind: 'builtin', name: 'text', length: 5 }, /takes no modifiers/],
    [{ kind: 'builtin', name: 'varchar', precision: 5 }, /takes a length/],
    [{ kind: 'builtin', name: 'numeric', scale: 2 }, /scale needs a precision/],
    [{ kind: 'builtin', name: 'numeric', precision: 1001 }, /between 1 and 1000/],
    [{ kind: 'builtin', name: 'timestamptz', precision: 9 }, /reduce it to 6/],
    [{ kind: 'builtin', name: 'varchar', length: 10485761 }, /over the maximum/],
  ])('rejects type modifiers %j', (type, message) => {
    const m = baseModel();
    table(m, 'tbl_users').columns[7]!.type = type as never;
    expect(expectFinding(m, 'type-modifier', 'tables[0].columns[7].type').message).toMatch(message);
  });

  it('allows numeric scale above precision from 15, not before', () => {
    const m = baseModel();
    table(m, 'tbl_users').indexes!.pop(); // the gin index on this column
    table(m, 'tbl_users').columns[7]!.type = { kind: 'builtin', name: 'numeric', precision: 3, scale: 5 };
    expectClean(m, 15);
    expectFinding(m, 'type-modifier', 'tables[0].columns[7].type', { target: 14 });
  });

  it('rejects multirange types before 14', () => {
    const m = baseModel();
    table(m, 'tbl_users').indexes!.pop();
    table(m, 'tbl_users').columns[7]!.type = { kind: 'builtin', name: 'int4multirange' };
    expectClean(m, 14);
    expectFinding(m, 'version-feature', 'tables[0].columns[7].type.name', { target: 13 });
  });

  it('parses custom types and warns about a missing extension', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[7]!.type = { kind: 'custom', sql: 'geometry(Point, 4326)' };
    expectFinding(m, 'type-extension-missing', 'tables[0].columns[7].type.sql', { severity: 'warning' });
    const bad = baseModel();
    table(bad, 'tbl_users').columns[7]!.type = { kind: 'custom', sql: 'int); DROP TABLE users; --' };
    expectFinding(bad, 'type-invalid', 'tables[0].columns[7].type.sql');
    const noExt = baseModel();
    noExt.extensions = [];
    expectFinding(noExt, 'type-extension-missing', 'tables[0].columns[1].type.sql', { severity: 'warning' });
  });

  it('rejects COLLATE on a type without collations', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[3]!.collation = 'C';
    expectFinding(m, 'collation-unsupported', 'tables[0].columns[3].collation').message.includes('integer');
    expect(validate(m).filter((f) => f.severity === 'error')).toHaveLength(1);
  });
});
