import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { validate } from './index';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('expression rules', () => {
  it('rejects a CHECK that smuggles a second statement', () => {
    const m = baseModel();
    table(m, 'tbl_users').checks![0]!.expression = '1); DROP TABLE x; --';
    expectFinding(m, 'expression-invalid', 'tables[0].checks[0].expression');
  });

  it('rejects a sub-query in CHECK but allows one in a policy', () => {
    const m = baseModel();
    table(m, 'tbl_users').checks![0]!.expression = 'id IN (SELECT 1)';
    expect(expectFinding(m, 'expression-invalid', 'tables[0].checks[0].expression').message).toMatch(/sub-queries/);
    const p = baseModel();
    table(p, 'tbl_users').policies![0]!.using = "id IN (SELECT user_id FROM app.posts WHERE title = 'x')";
    expectClean(p);
  });

  it.each([
    ['columns[5].default', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').columns[5]!.default = 'now(('; }],
    ['columns[6].generated.expression', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').columns[6]!.generated!.expression = ''; }],
    ['indexes[0].elements[0].expression', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').indexes![0]!.elements[0]!.expression = 'lower(name), upper(name)'; }],
    ['indexes[0].where', (m: ReturnType<typeof baseModel>) => { table(m, 'tbl_users').indexes![0]!.where = 'true; select 1'; }],
  ])('rejects an invalid expression at %s', (path, mutate) => {
    const m = baseModel();
    mutate(m);
    expectFinding(m, 'expression-invalid', `tables[0].${path}`);
  });

  it('rejects invalid policy expressions with their own code', () => {
    const m = baseModel();
    table(m, 'tbl_users').policies![0]!.using = 'id = ';
    expectFinding(m, 'policy-expression', 'tables[0].policies[0].using');
  });

  it('rejects unknown columns in CHECK, index and generated expressions', () => {
    const m = baseModel();
    table(m, 'tbl_users').checks![0]!.expression = 'char_length(nmae) < 10';
    expect(expectFinding(m, 'expression-column', 'tables[0].checks[0].expression').message).toContain('"nmae"');
  });

  it('rejects column references in DEFAULT', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[5]!.default = 'created_at';
    expectFinding(m, 'expression-column', 'tables[0].columns[5].default');
  });

  it('rejects a generated column that references another generated column', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns.push({ id: 'col_g2', name: 'g2', type: { kind: 'builtin', name: 'text' }, nullable: true, generated: { expression: 'upper(lower_name)' } });
    expectFinding(m, 'generated-reference', 'tables[0].columns[8].generated.expression');
  });

  it('rejects non-immutable functions in generated, index and partition expressions only', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[6]!.generated!.expression = "name || now()::text";
    table(m, 'tbl_users').indexes![0]!.where = 'created_at > CURRENT_DATE';
    table(m, 'tbl_users').checks![0]!.expression = 'created_at <= now()';
    const codes = validate(m).filter((f) => f.code === 'expression-volatile').map((f) => f.path);
    expect(codes).toEqual(['tables[0].columns[6].generated.expression', 'tables[0].indexes[0].where']);
  });

  it('rejects a comma-separated list but accepts an explicit row', () => {
    const m = baseModel();
    table(m, 'tbl_users').checks![0]!.expression = 'true, false';
    expect(expectFinding(m, 'expression-invalid', 'tables[0].checks[0].expression').message).toMatch(/comma-separated/);
    table(m, 'tbl_users').checks![0]!.expression = 'ROW(id, name) IS NOT NULL';
    expectClean(m);
  });

  it('accepts a whole-row reference by table name', () => {
    const m = baseModel();
    table(m, 'tbl_users').checks![0]!.expression = 'users IS NOT NULL';
    expectClean(m);
  });
});
