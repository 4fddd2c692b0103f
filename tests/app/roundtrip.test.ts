/**
 * Property: any valid model (fast-check arbModelSmall) stored through the API comes back equal, on
 * PGlite and on the server (jsonb may reorder keys, never change values); a save based on a stale
 * version never changes what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbModelSmall } from '@/lib/testing/arbitraries';
import { DATABASE_KINDS } from '@/lib/testing';
import { openTestApp, setupAdmin, type Client, type TestApp } from './harness';

describe.each(DATABASE_KINDS)('model round trip on %s', (kind) => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await openTestApp(kind);
    c = await setupAdmin(t);
  });
  afterAll(async () => { await t?.close(); });

  it('random valid models are stored and read back unchanged; stale saves change nothing', async () => {
    const { body: { id } } = await c.call('POST', '/api/projects', { body: { name: 'property' } });
    let version = 1;
    await fc.assert(fc.asyncProperty(arbModelSmall(), async (model) => {
      const saved = await c.call('PUT', `/api/projects/${id}/model`, { body: { model }, headers: { 'if-match': String(version) } });
      expect(saved.status, JSON.stringify(saved.body).slice(0, 500)).toBe(200);
      version = saved.body.version;
      const got = await c.call('GET', `/api/projects/${id}/model`);
      expect(got.body.model).toEqual(model);
      const stale = await c.call('PUT', `/api/projects/${id}/model`, { body: { model: { ...model, name: 'stale' } }, headers: { 'if-match': String(version - 1) } });
      expect(stale.status).toBe(409);
      expect((await c.call('GET', `/api/projects/${id}/model`)).body).toEqual({ model, version });
    }), { numRuns: 15 });
  });
});
