import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createServerDatabase, type TestDatabase } from '@/lib/testing';
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

/**
 * The fix on PostgreSQL (the oracle): the wrapped policy is planned as an InitPlan (computed once per
 * statement) where the original is evaluated in the row filter, and both let the same rows through.
 */
describe('the fix on PostgreSQL', () => {
  let db: TestDatabase;
  const role = `pgcanvas_adv_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    await loadSqlParser();
    db = await createServerDatabase('pgcanvas_adv_policy');
    await db.exec(`CREATE ROLE ${role} NOLOGIN;
      CREATE TABLE docs (owner_id uuid NOT NULL, title text NOT NULL);
      INSERT INTO docs VALUES ('00000000-0000-0000-0000-000000000001', 'a1'), ('00000000-0000-0000-0000-000000000001', 'a2'), ('00000000-0000-0000-0000-000000000002', 'b1');
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      GRANT SELECT ON docs TO ${role};`);
  }, 60_000);
  afterAll(async () => {
    // The role is cluster-wide: its privileges here go first, then the role, then the database.
    await db?.exec(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    await db?.close();
  });

  async function asRole(using: string): Promise<{ plan: string; titles: string[] }> {
    await db.exec(`DROP POLICY IF EXISTS docs_owner ON docs; CREATE POLICY docs_owner ON docs TO ${role} USING (${using});`);
    await db.exec('BEGIN');
    try {
      await db.exec(`SET LOCAL ROLE ${role}`);
      await db.query("SELECT set_config('app.user_id', '00000000-0000-0000-0000-000000000001', true)");
      const plan = (await db.query<{ 'QUERY PLAN': string }>('EXPLAIN (COSTS OFF) SELECT title FROM docs')).rows.map((r) => r['QUERY PLAN']).join('\n');
      const titles = (await db.query<{ title: string }>('SELECT title FROM docs ORDER BY title')).rows.map((r) => r.title);
      return { plan, titles };
    } finally {
      await db.exec('ROLLBACK');
    }
  }

  it('wraps the call into an InitPlan and keeps the same rows', async () => {
    const original = "owner_id = current_setting('app.user_id')::uuid";
    const wrapped = wrapCalls(original)!;
    expect(wrapped).toBe("owner_id = (select current_setting('app.user_id'))::uuid");
    const before = await asRole(original);
    const after = await asRole(wrapped);
    expect(before.plan).not.toMatch(/InitPlan/);
    expect(after.plan).toMatch(/InitPlan/);
    expect(before.titles).toEqual(['a1', 'a2']);
    expect(after.titles).toEqual(before.titles);
  });
});
