/**
 * The compile property: random valid models (lib/testing/arbitraries) compile deterministically to SQL
 * that executes on the PostgreSQL server and on PGlite, and the catalog then shows exactly what the
 * model says (tests/compile/expected-catalog.ts is the independent oracle). Each model runs inside a
 * transaction that is rolled back, so one database serves the whole run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbModel } from '@/lib/testing/arbitraries';
import { DATABASE_KINDS, catalogFingerprint, createDatabase, type TestDatabase } from '@/lib/testing';
import { compileSql } from '@/lib/compile';
import { expectedCatalog, oracleNames, projectCatalog } from './expected-catalog';

const RUNS = Number(process.env.PGCANVAS_COMPILE_RUNS ?? 300);
/** Extensions the arbitraries use, created once outside the per-model transactions (creating them is slow). */
const EXTENSIONS = ['citext', 'pg_trgm', 'pgcrypto'];

// Concurrent: the server works in its own process while PGlite works in this one.
describe.concurrent.each(DATABASE_KINDS)('random models on %s', (kind) => {
  let db: TestDatabase;
  // The server is PostgreSQL 15; PGlite is 18, where the default target 16 is fine.
  const target = kind === 'server' ? 15 : 16;

  beforeAll(async () => {
    db = await createDatabase(kind);
    for (const e of EXTENSIONS) await db.exec(`CREATE EXTENSION IF NOT EXISTS "${e}"`);
  });
  afterAll(async () => { await db?.close(); });

  it(`${RUNS} random valid models compile, execute, and the catalog matches the model`, async () => {
    await fc.assert(fc.asyncProperty(arbModel({ target }), async (model) => {
      const sql = compileSql(model, { target });
      expect(compileSql(structuredClone(model), { target })).toBe(sql);
      await db.exec('BEGIN');
      try {
        await db.exec(sql);
        const names = await oracleNames(model, db.query);
        const expected = expectedCatalog(model, names);
        const actual = projectCatalog(await catalogFingerprint(db.query), expected);
        expect(actual).toEqual(expected);
        const extensions = (await db.query<{ extname: string }>('SELECT extname FROM pg_extension')).rows.map((r) => r.extname);
        for (const e of model.extensions ?? []) expect(extensions).toContain(e.name);
      } finally {
        await db.exec('ROLLBACK');
      }
    }), { numRuns: RUNS, endOnFailure: true });
  }, 900_000);
});
