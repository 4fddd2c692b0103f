import { beforeAll, describe, expect, it } from 'vitest';
import { checkExpression, checkTypeSql, loadSqlParser, parseSql } from './expression';

beforeAll(() => loadSqlParser());

describe('checkExpression', () => {
  it.each([
    ['1); DROP TABLE x; --', 'check'],
    ['a, b', 'index'],
    ['', 'default'],
    ['x IN (SELECT 1)', 'check'],
    ['1 FROM pg_class', 'default'],
  ] as const)('rejects %j in %s', (expr, context) => {
    expect(checkExpression(expr, context)).toBeDefined();
  });

  it.each([
    ['now()', 'default'],
    ["'{}'::jsonb", 'default'],
    ['ROW(a, b) IS NOT NULL', 'check'],
    ['(a, b) = (1, 2)', 'check'],
    ["EXISTS (SELECT 1 FROM t WHERE t.a = current_setting('app.x'))", 'policy'],
    ['lower("Mixed Case")', 'index'],
  ] as const)('accepts %j in %s', (expr, context) => {
    expect(checkExpression(expr, context)).toBeUndefined();
  });
});

describe('checkTypeSql and parseSql', () => {
  it('accepts type names and rejects injections', () => {
    expect(checkTypeSql('geometry(Point, 4326)')).toBeUndefined();
    expect(checkTypeSql('citext')).toBeUndefined();
    expect(checkTypeSql('int; DROP TABLE x')).toBeDefined();
  });

  it('reports line and column of a syntax error', () => {
    const result = parseSql('SELECT 1;\nSELEC 2');
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.line, result.column]).toEqual([2, 1]);
  });
});
