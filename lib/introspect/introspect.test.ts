/**
 * introspect against a real server: a fixed number of catalog queries whatever the number of tables (the
 * issue's "a handful of catalog queries, not one per table"), nothing from system schemas or extensions,
 * and the schema filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '@/lib/testing';
import { introspect, introspectWithReport, type QueryFunction } from './index';

function counting(db: TestDatabase): { query: QueryFunction; calls: () => number } {
  let n = 0;
  return { query: async (sql, params) => { n++; return db.query(sql, params); }, calls: () => n };
}

describe('introspect', () => {
  let small: TestDatabase;
  let large: TestDatabase;
  beforeAll(async () => {
    [small, large] = [await createServerDatabase(), await createServerDatabase()];
    const tables = (n: number) => Array.from({ length: n }, (_, i) =>
      `CREATE TABLE t${i} (id serial PRIMARY KEY, parent int REFERENCES t${Math.max(0, i - 1)}, note text CHECK (note <> ''), at timestamptz DEFAULT now());
       CREATE INDEX ON t${i} (note); COMMENT ON TABLE t${i} IS 'table ${i}';`).join('\n');
    await small.exec(tables(2));
    await large.exec(tables(120));
  });
  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it('runs the same few catalog queries for 2 tables and for 120', async () => {
    const [a, b] = [counting(small), counting(large)];
    const [ma, mb] = [await introspect(a.query), await introspect(b.query)];
    expect([ma.tables.length, mb.tables.length]).toEqual([2, 120]);
    expect(b.calls()).toBe(a.calls());
    expect(a.calls()).toBeLessThanOrEqual(16);
  });

  it('pulls inheritance children as SQL with the same queries, and reports a column order INHERITS cannot give', async () => {
    const db = await createServerDatabase();
    try {
      await db.exec(`CREATE TABLE p (a int); CREATE TABLE c (b int) INHERITS (p); ALTER TABLE p ADD COLUMN z int;
        CREATE TABLE g () INHERITS (c);`);
      const counted = counting(db);
      const { model, report } = await introspectWithReport(counted.query);
      const reference = counting(small);
      await introspect(reference.query);
      expect(counted.calls()).toBe(reference.calls());
      expect(model.tables.map((t) => t.name)).toEqual(['p']);
      expect(model.sqlObjects!.map((o) => [o.kind, o.name])).toEqual([['table', 'c'], ['table', 'g']]);
      // c is (a, b, z): PostgreSQL appended z after c's own b; CREATE TABLE c (b) INHERITS (p) would give (a, z, b).
      const order = report.filter((r) => r.action === 'warning' && r.message.includes('not in the order'));
      expect(order.map((r) => r.name)).toEqual(['c']);
    } finally {
      await db.close();
    }
  });

  it('skips system schemas and what extensions own, and limits to the schemas asked for', async () => {
    const db = await createServerDatabase();
    try {
      await db.exec(`CREATE EXTENSION citext; CREATE SCHEMA ext; CREATE EXTENSION pgcrypto WITH SCHEMA ext; CREATE EXTENSION btree_gist;
        CREATE SCHEMA app; CREATE TABLE app.a (id int PRIMARY KEY, e citext); CREATE TABLE public.b (id int);
        CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE TEMP TABLE scratch (x int); CREATE TEMP VIEW scratch_v AS SELECT 1 AS one;`);
      const all = await introspect(db.query);
      expect(all.schemas.map((s) => s.name).sort()).toEqual(['app', 'ext', 'public']);
      expect(all.extensions!.map((e) => e.name).sort()).toEqual(['btree_gist', 'citext', 'pgcrypto']);
      expect(all.tables.map((t) => t.name).sort()).toEqual(['a', 'b']);
      // Only the user's function: none of the hundreds of functions the three extensions installed.
      expect(all.sqlObjects!.map((o) => [o.kind, o.name])).toEqual([['function', 'f']]);
      const app = await introspect(db.query, { schemas: ['app'] });
      expect(app.tables.map((t) => t.name)).toEqual(['a']);
      expect(app.sqlObjects!.map((o) => o.name)).toEqual(['f']);
    } finally {
      await db.close();
    }
  });
});
