import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { policyFunctionNotWrapped, unwrappedCalls, wrapCalls } from './rule';

const docs = (using: string, extra: Parameters<typeof model>[1] = {}) => model([{ name: 'docs', columns: [col('owner_id', 'uuid'), col('title', 'text')], rest: { rls: { enabled: true, forced: true }, policies: [{ id: 'p1', name: 'docs_owner', roles: ['app'], using }] } }], extra);
const isAdmin = { sqlObjects: [{ id: 'fn_is_admin', kind: 'function', name: 'is_admin', phase: 'pre-tables' as const, sql: 'CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT false $$;' }] };

testRule(policyFunctionNotWrapped, {
  pass: [
    docs("owner_id = (select current_setting('app.user_id', true)::uuid)"),
    docs('owner_id IS NOT NULL'),
    docs("lower(owner_id::text) = 'x'"),
    // A name inside a string literal is not a call (a text search would say it is).
    docs("title <> 'current_setting(x)'"),
    docs('(select is_admin()) OR owner_id IS NULL', isAdmin),
    // A call that reads the row cannot run once per statement.
    docs('owner_id = app.owner_of(title)'),
  ],
  fail: [
    docs("owner_id = current_setting('app.user_id')::uuid"),
    docs('owner_id = auth.uid()'),
    docs('is_admin() OR owner_id IS NULL', isAdmin),
    docs('owner_id = "App"."current_user_id"()'),
  ],
  expectFindings: (findings, fixture) => {
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix, 'every failing fixture can be wrapped').toBeDefined();
    expect(findings[0]!.message).toMatch([/current_setting\(\)/, /auth\.uid\(\)/, /is_admin\(\)/, /app\.current_user_id\(\)/][fixture]!);
  },
});

describe('policy-function-not-wrapped with the parser', () => {
  beforeAll(async () => { await loadSqlParser(); });

  it('a sub-query anywhere around the call counts as wrapped', () => {
    expect(unwrappedCalls("a = (select current_setting('x'))")).toEqual([]);
    expect(unwrappedCalls("a = current_setting('x') OR b = (select current_setting('y'))")).toEqual(['current_setting']);
    expect(unwrappedCalls('EXISTS (SELECT 1 FROM m WHERE m.user_id = auth.uid())')).toEqual([]);
  });

  it('calls that read the row, and built-ins, are not reported', () => {
    expect(unwrappedCalls('lower(title) = title')).toEqual([]);
    expect(unwrappedCalls('now() > created_at')).toEqual([]);
    expect(unwrappedCalls('pg_catalog.lower(title) = title')).toEqual([]);
  });

  it('wraps exactly the calls, keeping casts, strings and non-ASCII text around them', () => {
    expect(wrapCalls("owner_id = current_setting('app.user_id')::uuid")).toBe("owner_id = (select current_setting('app.user_id'))::uuid");
    expect(wrapCalls("title <> 'ä''(' AND owner_id = auth.uid() OR t = auth.jwt() ->> 'sub'"))
      .toBe("title <> 'ä''(' AND owner_id = (select auth.uid()) OR t = (select auth.jwt()) ->> 'sub'");
    expect(wrapCalls('"Ünïcode" = "auth"."uid"()')).toBe('"Ünïcode" = (select "auth"."uid"())');
    // Text the rewrite cannot follow safely gets no fix.
    expect(wrapCalls("owner_id = auth.uid() -- (")).toBeUndefined();
    expect(wrapCalls("t = E'\\'' AND owner_id = auth.uid()")).toBeUndefined();
  });
});
