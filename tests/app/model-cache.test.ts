/**
 * The per-process model cache (lib/projects/model-cache.ts) on both database kinds:
 * - jsonbText writes exactly what PostgreSQL prints for `jsonb::text`, so a load answered from the
 *   cache and one read from the database are the same bytes;
 * - a second app instance on the same database (its own cache) sees every write of the first, and an
 *   UPDATE made behind the app's back (no version bump) is seen too: the cache is only ever used for
 *   the revision the database confirms;
 * - a 409 carries the current model from the cache or the database alike;
 * - the cache stays within its byte budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/lib/db';
import { createAppContext, type AppContext } from '@/lib/auth';
import { CachedModel, jsonbText, ModelCache, modelCache } from '@/lib/projects';
import { arbModelSmall } from '@/lib/testing/arbitraries';
import { DATABASE_KINDS } from '@/lib/testing';
import { addUser, Client, openTestApp, setupAdmin, type TestApp } from './harness';
import { modelWithTables } from './models';

/** Strings PostgreSQL's jsonb refuses (NUL, lone surrogates) are not storable by any writer. */
const storable = (v: unknown) => !/\\u0000|\\ud[89a-f]/i.test(JSON.stringify(v));

describe.each(DATABASE_KINDS)('model cache on %s', (kind) => {
  let t: TestApp;
  let c: Client;
  let other: { db: Database; app: AppContext; client: Client } | undefined;
  beforeAll(async () => {
    t = await openTestApp(kind);
    c = await setupAdmin(t);
  });
  afterAll(async () => {
    await other?.db.close();
    await t?.close();
  });

  async function jsonbOut(text: string): Promise<string> {
    const result = await t.app.db.orm.execute(sql`SELECT ${text}::jsonb::text AS out`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { out: string }[];
    return rows[0]!.out;
  }

  it('jsonbText is byte for byte what jsonb::text prints, for random JSON values and random models', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue().filter(storable), async (value) => {
      expect(jsonbText(value)).toBe(await jsonbOut(JSON.stringify(value)));
    }), { numRuns: 300 });
    const numbers = [0, -0, 1, -1, 0.1, 1e21, 1.5e-7, -2.5e-10, 5e-324, 1.7976931348623157e308, 123456789012345680000, 1e-6, 1e-7, 2 ** 53, 0.30000000000000004];
    for (const n of numbers) expect(jsonbText({ n }), String(n)).toBe(await jsonbOut(JSON.stringify({ n })));
    const keys = { 'é': 1, z: 2, aa: 3, '': 4, 'Ω': 5, '😀': 6, 'ab': 7, B: 8 };
    expect(jsonbText(keys)).toBe(await jsonbOut(JSON.stringify(keys)));
    await fc.assert(fc.asyncProperty(arbModelSmall(), async (model) => {
      expect(jsonbText(model)).toBe(await jsonbOut(JSON.stringify(model)));
    }), { numRuns: 25 });
  });

  it('a load answered from the cache is the same bytes as one read from the database', async () => {
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'bytes', model: modelWithTables(3) } });
    const model = modelWithTables(4);
    model.tables[0]!.comment = 'ünïcödé "quoted" \\ back\nslash';
    (model.layout!.tables!['t1'] as { x: number }).x = 1.5e-7;
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model }, headers: { 'if-match': '1' } })).status).toBe(200);
    // The save's own revision is the one the database reports: the load is a hit (same entry).
    const entry = modelCache(t.app.db).get(id);
    expect(entry?.version).toBe(2);
    const cached = await c.call('GET', `/api/projects/${id}/model`);
    expect(modelCache(t.app.db).get(id)).toBe(entry);
    modelCache(t.app.db).drop(id);
    const fresh = await c.call('GET', `/api/projects/${id}/model`);
    const reread = modelCache(t.app.db).get(id);
    expect(reread).not.toBe(entry);
    await c.call('GET', `/api/projects/${id}/model`);
    expect(modelCache(t.app.db).get(id)).toBe(reread);
    expect(cached.text).toBe(fresh.text);
    expect(cached.body).toEqual({ model, version: 2 });
  });

  it('a second instance (its own cache) and writes behind the app are always seen', async () => {
    const db = await openDatabase(t.config, { migrate: false });
    const app = createAppContext(db, { now: () => t.app.now() });
    const client = new Client(() => app);
    client.cookie = c.cookie;
    other = { db, app, client };
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'two instances', model: modelWithTables(2) } });
    // Both instances cache version 1.
    expect((await c.call('GET', `/api/projects/${id}/model`)).body.version).toBe(1);
    expect((await client.call('GET', `/api/projects/${id}/model`)).body.version).toBe(1);
    // The second instance saves version 2; the first must serve it, and refuse a save based on 1 with it.
    const m2 = modelWithTables(3);
    expect((await client.call('PUT', `/api/projects/${id}/model`, { body: { model: m2 }, headers: { 'if-match': '1' } })).status).toBe(200);
    expect((await c.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: m2, version: 2 });
    const stale = await c.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(5) }, headers: { 'if-match': '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ version: 2, model: m2 });
    // The first saves version 3 on top (reusing what it parsed from the second's text is not possible; it parses).
    const m3 = modelWithTables(3);
    m3.tables[2]!.comment = 'three';
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model: m3 }, headers: { 'if-match': '2' } })).status).toBe(200);
    expect((await client.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: m3, version: 3 });
    // An operator's UPDATE without a version bump: both instances serve the new content.
    const m4 = modelWithTables(1, 'changed by hand');
    await t.app.db.orm.execute(sql`UPDATE project_models SET model = ${JSON.stringify(m4)}::jsonb WHERE project_id = ${id}`);
    expect((await c.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: m4, version: 3 });
    expect((await client.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: m4, version: 3 });
    // Saves based on version 3 still work from either instance, and nothing was lost in between.
    const m5 = modelWithTables(2, 'after');
    expect((await client.call('PUT', `/api/projects/${id}/model`, { body: { model: m5 }, headers: { 'if-match': '3' } })).body).toEqual({ version: 4 });
    expect((await c.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: m5, version: 4 });
  });

  it('a viewer loads from the cache but cannot save; a stranger gets 404 even when the model is cached', async () => {
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'roles', model: modelWithTables(2) } });
    expect((await c.call('GET', `/api/projects/${id}/model`)).status).toBe(200);
    const stranger = await addUser(t, c, `stranger-${kind}@example.com`);
    expect((await stranger.call('GET', `/api/projects/${id}/model`)).status).toBe(404);
    expect((await stranger.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(2) }, headers: { 'if-match': '1' } })).status).toBe(404);
    expect((await c.call('POST', `/api/projects/${id}/members`, { body: { email: `stranger-${kind}@example.com`, role: 'viewer' } })).status).toBeLessThan(300);
    expect((await stranger.call('GET', `/api/projects/${id}/model`)).status).toBe(200);
    expect((await stranger.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(2) }, headers: { 'if-match': '1' } })).status).toBe(403);
  });

  it('a stale save gets the current model in its 409, from the cache or the database', async () => {
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'stale', model: modelWithTables(3) } });
    const m2 = modelWithTables(4);
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model: m2 }, headers: { 'if-match': '1' } })).status).toBe(200);
    const cached = await c.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(5) }, headers: { 'if-match': '1' } });
    modelCache(t.app.db).drop(id);
    const fresh = await c.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(5) }, headers: { 'if-match': '1' } });
    expect(cached.status).toBe(409);
    expect(cached.text).toBe(fresh.text);
    expect(cached.body).toMatchObject({ error: { code: 'conflict' }, version: 2, model: m2 });
    expect(Object.keys(cached.body)).toEqual(['error', 'version', 'model']);
    expect(modelCache(t.app.db).get(id)?.version).toBe(2);
    // Stale and invalid: If-Match is answered first.
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model: { format: 1 } }, headers: { 'if-match': '1' } })).status).toBe(409);
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model: { format: 1 } }, headers: { 'if-match': '2' } })).status).toBe(422);
  });

  it('text the database cannot store (NUL, a lone surrogate) is a 422 finding with its path, never a 500', async () => {
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'unstorable', model: modelWithTables(3) } });
    const cases: [string, string][] = [['nul \u0000 inside', 'tables[1].comment'], ['lone \ud800 high', 'tables[1].comment'], ['lone \udfff low', 'tables[1].comment']];
    for (const [comment, path] of cases) {
      const model = modelWithTables(3);
      model.tables[1]!.comment = comment;
      const put = await c.call('PUT', `/api/projects/${id}/model`, { body: { model }, headers: { 'if-match': '1' } });
      expect(put.status, comment).toBe(422);
      expect(put.body.findings).toEqual([expect.objectContaining({ code: 'text-unstorable', path, id: model.tables[1]!.id })]);
      const created = await c.call('POST', '/api/projects', { body: { name: 'unstorable', model } });
      expect(created.status, comment).toBe(422);
      expect(created.body.findings[0]).toMatchObject({ code: 'text-unstorable', path });
    }
    // Nothing was stored; a storable astral character (a surrogate pair) is fine.
    const model = modelWithTables(3);
    model.tables[1]!.comment = 'pair \ud83d\udc18 ok';
    expect((await c.call('PUT', `/api/projects/${id}/model`, { body: { model }, headers: { 'if-match': '1' } })).status).toBe(200);
    expect((await c.call('GET', `/api/projects/${id}/model`)).body.model.tables[1].comment).toBe('pair 🐘 ok');
  });
});

describe('ModelCache', () => {
  it('keeps within its byte budget, dropping the least recently used first', () => {
    const cache = new ModelCache(10_000);
    const text = 'x'.repeat(2_000);
    for (let i = 0; i < 10; i++) cache.put(new CachedModel(`p${i}`, `r${i}`, 1, text));
    expect(cache.totalBytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('p0')).toBeUndefined();
    expect(cache.get('p9')?.revision).toBe('r9');
    const survivor = [...Array(9).keys()].map((i) => `p${i}`).find((id) => cache.get(id) !== undefined)!;
    cache.get(survivor);
    cache.put(new CachedModel('new', 'r', 1, text));
    expect(cache.get(survivor)).toBeDefined();
    cache.put(new CachedModel('huge', 'r', 1, 'y'.repeat(20_000)));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.totalBytes).toBeLessThanOrEqual(10_000);
    cache.put(new CachedModel('p9', 'r10', 2, text));
    expect(cache.get('p9')?.revision).toBe('r10');
    expect(cache.totalBytes).toBeLessThanOrEqual(10_000);
  });
});
