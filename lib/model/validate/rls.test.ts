import { beforeAll, describe, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

describe('RLS rules', () => {
  it('warns about policies on a table without RLS enabled', () => {
    const m = baseModel();
    table(m, 'tbl_users').rls = { enabled: false };
    expectFinding(m, 'policy-without-rls', 'tables[0].policies', { severity: 'warning' });
  });

  it('rejects USING on INSERT and WITH CHECK on SELECT/DELETE', () => {
    const m = baseModel();
    table(m, 'tbl_users').policies![0]!.withCheck = 'true';
    expectFinding(m, 'policy-expression', 'tables[0].policies[0].withCheck');
    const ins = baseModel();
    table(ins, 'tbl_users').policies![0]!.command = 'insert';
    expectFinding(ins, 'policy-expression', 'tables[0].policies[0].using');
    table(ins, 'tbl_users').policies![0] = { id: 'p', name: 'ins', command: 'insert', withCheck: 'true' };
    expectClean(ins);
  });

  it('warns about policy roles that are neither keywords nor declared roles', () => {
    const m = baseModel();
    table(m, 'tbl_users').policies![0]!.roles = ['PUBLIC', 'current_user', 'app_rw'];
    expectFinding(m, 'policy-role-unknown', 'tables[0].policies[0].roles[2]', { severity: 'warning' });
    m.roles = [{ id: 'role_rw', name: 'app_rw', purpose: 'app' }];
    expectClean(m);
  });

  it('warns about FORCE without ENABLE', () => {
    const m = baseModel();
    table(m, 'tbl_posts').rls = { enabled: false, forced: true };
    expectFinding(m, 'rls-force-without-enable', 'tables[1].rls.forced', { severity: 'warning' });
  });
});

describe('comments and verbatim SQL', () => {
  it('warns about empty comments', () => {
    const m = baseModel();
    table(m, 'tbl_users').columns[0]!.comment = '';
    expectFinding(m, 'comment-empty', 'tables[0].columns[0].comment', { severity: 'warning' });
  });

  it('rejects sqlObjects that do not parse, with line and column', () => {
    const m = baseModel();
    m.sqlObjects = [{ id: 'v1', kind: 'view', name: 'v', phase: 'post-tables', sql: 'CREATE VIEW v AS\nSELEC 1' }];
    expectFinding(m, 'sql-object-invalid', 'sqlObjects[0].sql');
    m.sqlObjects[0]!.sql = 'CREATE VIEW v AS SELECT 1';
    expectClean(m);
  });
});
