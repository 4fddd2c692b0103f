/**
 * Delta saves (PATCH /api/projects/:id/model) and conditional loads (If-None-Match -> 304) on both
 * database kinds: a delta stores exactly what the equivalent full save would (the same bytes on
 * load), keeps every guarantee of PUT (If-Match, 409 with the current model, one winner of two
 * saves on one version, validation of the whole result, roles, Origin, size limit), and works when
 * the cache does not hold the model (another instance wrote it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db';
import { createAppContext } from '@/lib/auth';
import { diffModel, modelCache } from '@/lib/projects';
import { DATABASE_KINDS } from '@/lib/testing';
import { addUser, Client, openTestApp, setupAdmin, type TestApp } from './harness';
import { modelWithTables } from './models';

describe.each(DATABASE_KINDS)('delta saves and conditional loads on %s', (kind) => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await openTestApp(kind);
    c = await setupAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (n = 4) => (await c.call('POST', '/api/projects', { body: { name: 'delta', model: modelWithTables(n) } })).body.id as string;
  const patch = (client: Client, id: string, body: unknown, version: number | undefined, options: { noOrigin?: boolean } = {}) =>
    client.call('PATCH', `/api/projects/${id}/model`, { body, ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }), ...options });

  it('stores what the full save would: the same bytes on load as a PUT of the same model', async () => {
    const viaPatch = await create();
    const viaPut = await create();
    const saved = modelWithTables(4);
    const next = { ...saved, tables: saved.tables.map((x, i) => (i === 2 ? { ...x, comment: 'changed by a delta' } : x)) };
    const { foreignKeys: _fks, ...fifth } = modelWithTables(5).tables[4]!;
    next.tables.push({ ...fifth, id: 'added', name: 'added_table' });
    // The last table: nothing refers to it.
    next.tables = next.tables.filter((x) => x.id !== saved.tables[3]!.id);
    next.layout = { ...next.layout, tables: { ...next.layout!.tables } };
    delete next.layout.tables![saved.tables[3]!.id];
    const delta = diffModel(saved as never, next as never);
    expect(delta.changes?.tables?.put).toHaveLength(2);
    expect(delta.changes?.tables?.remove).toEqual([saved.tables[3]!.id]);
    const r = await patch(c, viaPatch, delta, 1);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ version: 2 });
    expect(r.headers.get('etag')).toBe('"2"');
    expect((await c.call('PUT', `/api/projects/${viaPut}/model`, { body: { model: next }, headers: { 'if-match': '1' } })).status).toBe(200);
    const a = await c.call('GET', `/api/projects/${viaPatch}/model`);
    const b = await c.call('GET', `/api/projects/${viaPut}/model`);
    expect(a.text).toBe(b.text);
    expect(a.body.model).toEqual(JSON.parse(JSON.stringify(next)));
    // The same from the database, not the cache.
    modelCache(t.app.db).drop(viaPatch);
    expect((await c.call('GET', `/api/projects/${viaPatch}/model`)).text).toBe(a.text);
  });

  it('keeps If-Match: 428 without, 409 with the current model when stale, exactly one winner per version', async () => {
    const id = await create();
    const set = (comment: string) => ({ set: { name: comment } });
    expect((await patch(c, id, set('x'), undefined)).status).toBe(428);
    expect((await patch(c, id, set('one'), 1)).status).toBe(200);
    const stale = await patch(c, id, set('two'), 1);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'conflict' }, version: 2, model: { name: 'one' } });
    const both = await Promise.all([patch(c, id, set('a'), 2), patch(c, id, set('b'), 2), c.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(2) }, headers: { 'if-match': '2' } })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await c.call('GET', `/api/projects/${id}/model`)).body.version).toBe(3);
  });

  it('validates the whole result (422 with paths into it), refuses deltas that do not fit (400), never 500', async () => {
    const id = await create(3);
    const table = modelWithTables(3).tables[1]!;
    const invalid = await patch(c, id, { changes: { tables: { put: [{ ...table, name: '' }] } } }, 1);
    expect(invalid.status).toBe(422);
    expect(invalid.body.findings).toEqual([expect.objectContaining({ code: 'name-empty', path: 'tables[1].name' })]);
    const nul = await patch(c, id, { changes: { tables: { put: [{ ...table, comment: 'a\u0000b' }] } } }, 1);
    expect(nul.status).toBe(422);
    expect(nul.body.findings[0]).toMatchObject({ code: 'text-unstorable', path: 'tables[1].comment' });
    const shape = await patch(c, id, { set: { tables: 'nope' } }, 1);
    expect(shape.status).toBe(422);
    for (const bad of [{ changes: { tables: { remove: ['missing'] } } }, { model: modelWithTables(3) }, [], { changes: { nope: {} } }]) {
      const r = await patch(c, id, bad, 1);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe(Array.isArray(bad) ? 'invalid_json' : 'bad_request');
    }
    expect((await c.call('PATCH', `/api/projects/${id}/model`, { raw: '{"changes":', headers: { 'if-match': '1' } })).status).toBe(400);
    expect((await c.call('PATCH', `/api/projects/${id}/model`, { raw: `{"set":{"name":"${'x'.repeat(5 * 1024 * 1024)}"}}`, headers: { 'if-match': '1' } })).status).toBe(413);
    // Nothing of the above was stored.
    expect((await c.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: JSON.parse(JSON.stringify(modelWithTables(3))), version: 1 });
  });

  it('checks roles and Origin like PUT: viewer 403, stranger 404, no Origin without a token 403', async () => {
    const id = await create(2);
    const viewer = await addUser(t, c, `delta-viewer-${kind}@example.com`);
    const stranger = await addUser(t, c, `delta-stranger-${kind}@example.com`);
    expect((await c.call('POST', `/api/projects/${id}/members`, { body: { email: `delta-viewer-${kind}@example.com`, role: 'viewer' } })).status).toBeLessThan(300);
    expect((await patch(viewer, id, { set: { name: 'v' } }, 1)).status).toBe(403);
    expect((await patch(stranger, id, { set: { name: 's' } }, 1)).status).toBe(404);
    expect((await patch(c, id, { set: { name: 'o' } }, 1, { noOrigin: true })).status).toBe(403);
    expect((await c.call('GET', `/api/projects/${id}/model`)).body.version).toBe(1);
  });

  it('applies to a model another instance stored (not in this cache), and that instance sees the result', async () => {
    const db = await openDatabase(t.config, { migrate: false });
    try {
      const app = createAppContext(db, { now: () => t.app.now() });
      const other = new Client(() => app);
      other.cookie = c.cookie;
      const id = await create(3);
      const m2 = modelWithTables(3);
      m2.tables[0]!.comment = 'by the other instance';
      expect((await other.call('PUT', `/api/projects/${id}/model`, { body: { model: m2 }, headers: { 'if-match': '1' } })).status).toBe(200);
      const table = { ...m2.tables[2]!, comment: 'delta on top' };
      expect((await patch(c, id, { changes: { tables: { put: [table] } } }, 2)).status).toBe(200);
      const expected = { ...m2, tables: [m2.tables[0], m2.tables[1], table] };
      expect((await other.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model: JSON.parse(JSON.stringify(expected)), version: 3 });
    } finally {
      await db.close();
    }
  });

  it('a load with If-None-Match of the current version is a 304 without a body; any save makes it a 200', async () => {
    const id = await create(2);
    for (const header of ['"1"', '1', 'W/"1"', '"1", "0"', '*']) {
      const r = await c.call('GET', `/api/projects/${id}/model`, { headers: { 'if-none-match': header } });
      expect(r.status, header).toBe(304);
      expect(r.text).toBe('');
      expect(r.headers.get('etag')).toBe('"1"');
    }
    expect((await c.call('GET', `/api/projects/${id}/model`, { headers: { 'if-none-match': '"7"' } })).status).toBe(200);
    expect((await patch(c, id, { set: { name: 'moved on' } }, 1)).status).toBe(200);
    const after = await c.call('GET', `/api/projects/${id}/model`, { headers: { 'if-none-match': '"1"' } });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ version: 2, model: { name: 'moved on' } });
    const stranger = await addUser(t, c, `delta-304-${kind}@example.com`);
    expect((await stranger.call('GET', `/api/projects/${id}/model`, { headers: { 'if-none-match': '"2"' } })).status).toBe(404);
  });
});
