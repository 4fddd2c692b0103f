/**
 * The model routes (GET/PUT/PATCH /api/projects/:id/model) authenticate inside their project query
 * (callerRoute + PendingCaller: one round trip instead of two). They must keep every rule the other
 * routes get from authenticate(): expiry (idle and absolute), sliding renewal with its cookie,
 * logout and logout everywhere, revoked and expired API tokens, 401 before anything about the project
 * (even for ids that are not uuids, or a missing If-Match), 404 for non-members and deleted projects,
 * 403 below the needed role. Each case is also checked against GET /api/session, the plain path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { sha256Hex } from '@/lib/auth';
import { DATABASE_KINDS } from '@/lib/testing';
import { PASSWORD, addUser, openTestApp, setupAdmin, type Client, type TestApp } from './harness';
import { modelWithTables } from './models';

type Verb = 'GET' | 'PUT' | 'PATCH';
const VERBS: Verb[] = ['GET', 'PUT', 'PATCH'];

describe.each(DATABASE_KINDS)('model routes authenticate in their own query on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let bob: Client;
  let project: string;
  let model: unknown;

  /** call sends a load, a whole save or an empty delta of `id` based on its current version. */
  async function call(c: Client, verb: Verb, id = project, options: { token?: string; ifMatch?: string | null; noOrigin?: boolean } = {}) {
    const version = (await admin.call('GET', `/api/projects/${project}/model`)).body.version as number;
    const headers: Record<string, string> = {};
    if (verb !== 'GET' && options.ifMatch !== null) headers['if-match'] = options.ifMatch ?? String(version);
    const body = verb === 'PUT' ? { model } : verb === 'PATCH' ? {} : undefined;
    return c.call(verb, `/api/projects/${id}/model`, { body, headers, token: options.token, noOrigin: options.noOrigin });
  }
  const ok = (_verb: Verb) => 200;

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await setupAdmin(t, 'admin@example.com');
    bob = await addUser(t, admin, 'bob@example.com');
    model = modelWithTables(3);
    project = (await admin.call('POST', '/api/projects', { body: { name: 'p', model } })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  const signIn = async () => {
    const c = t.client();
    expect((await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } })).status).toBe(200);
    return c;
  };

  it.each(VERBS)('%s: a signed-in owner is served; no credential, an unknown cookie or token is 401 (no project detail)', async (verb) => {
    const c = await signIn();
    expect((await call(c, verb)).status).toBe(ok(verb));
    const anon = await call(t.client(), verb);
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthenticated');
    const forged = t.client();
    forged.cookie = 'A'.repeat(43);
    const r = await call(forged, verb);
    expect(r.status).toBe(401);
    expect(r.text).not.toContain('table_');
    expect((await forged.call('GET', '/api/session')).status).toBe(401);
    for (const token of ['pgc_' + 'A'.repeat(43), 'nonsense', 'pgc_' + 'x'.repeat(200)]) {
      expect((await call(t.client(), verb, project, { token, noOrigin: true })).status).toBe(401);
    }
  });

  it.each(VERBS)('%s: 401 comes before 404 (ids that are not uuids) and before 428/400 (If-Match)', async (verb) => {
    const forged = t.client();
    forged.cookie = 'A'.repeat(43);
    expect((await call(forged, verb, "1' OR '1'='1")).status).toBe(401);
    expect((await call(t.client(), verb, 'x', { token: 'pgc_' + 'B'.repeat(43), noOrigin: true })).status).toBe(401);
    const c = await signIn();
    expect((await call(c, verb, "1' OR '1'='1")).status).toBe(404);
    if (verb === 'GET') return;
    expect((await call(forged, verb, project, { ifMatch: null })).status).toBe(401);
    expect((await call(forged, verb, project, { ifMatch: 'seven' })).status).toBe(401);
    expect((await call(c, verb, project, { ifMatch: null })).status).toBe(428);
    expect((await call(c, verb, project, { ifMatch: 'seven' })).status).toBe(400);
  });

  it.each(VERBS)('%s: a non-member gets 404, a viewer 403 on saves, an owner 404 once the project is deleted', async (verb) => {
    const r = await call(bob, verb);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('table_');
    const other = (await admin.call('POST', '/api/projects', { body: { name: 'q', model } })).body.id as string;
    expect((await admin.call('POST', `/api/projects/${other}/members`, { body: { email: 'bob@example.com', role: 'viewer' } })).status).toBe(201);
    const version = (await admin.call('GET', `/api/projects/${other}/model`)).body.version;
    const asViewer = await bob.call(verb, `/api/projects/${other}/model`, { body: verb === 'PUT' ? { model } : verb === 'PATCH' ? {} : undefined, headers: verb === 'GET' ? {} : { 'if-match': String(version) } });
    expect(asViewer.status).toBe(verb === 'GET' ? 200 : 403);
    expect((await admin.call('DELETE', `/api/projects/${other}`)).status).toBe(200);
    expect((await admin.call(verb, `/api/projects/${other}/model`, { body: verb === 'PUT' ? { model } : verb === 'PATCH' ? {} : undefined, headers: verb === 'GET' ? {} : { 'if-match': String(version) } })).status).toBe(404);
    expect((await bob.call('GET', `/api/projects/${other}/model`)).status).toBe(404);
  });

  it.each(VERBS)('%s: sessions expire when idle, are renewed (cookie sent again) when used, and never outlive the absolute limit', async (verb) => {
    t.configure({ session: { idleMs: 60 * 60_000, absoluteMs: 3 * 60 * 60_000, renewAfterMs: 5 * 60_000 } });
    try {
      const c = await signIn();
      const plain = await signIn();
      t.advance(50 * 60_000);
      const used = await call(c, verb);
      expect(used.status).toBe(ok(verb));
      const maxAge = Number(used.headers.get('set-cookie')!.match(/Max-Age=(\d+)/)![1]);
      expect(maxAge).toBeGreaterThan(3590);
      expect(maxAge).toBeLessThanOrEqual(3600);
      const plainUsed = await plain.call('GET', '/api/session');
      expect(Math.abs(Number(plainUsed.headers.get('set-cookie')!.match(/Max-Age=(\d+)/)![1]) - maxAge)).toBeLessThanOrEqual(1);
      // Used again within renewAfterMs: no new cookie.
      expect((await call(c, verb)).headers.get('set-cookie')).toBeNull();
      t.advance(50 * 60_000);
      expect((await call(c, verb)).status).toBe(ok(verb));
      t.advance(50 * 60_000);
      expect((await call(c, verb)).status).toBe(ok(verb));
      t.advance(25 * 60_000);
      expect((await call(c, verb)).status).toBe(ok(verb));
      t.advance(10 * 60_000); // past the absolute limit
      const dead = await call(c, verb);
      expect(dead.status).toBe(401);
      expect(dead.text).not.toContain('table_');

      const idle = await signIn();
      const hash = sha256Hex(idle.cookie!);
      t.advance(61 * 60_000);
      expect((await call(idle, verb)).status).toBe(401);
      // The expired session is gone from the database, as authenticate() leaves it.
      expect(await t.app.db.orm.select().from(tables.sessions).where(eq(tables.sessions.tokenHash, hash))).toEqual([]);
    } finally {
      t.configure({ session: { idleMs: 14 * 24 * 3600_000, absoluteMs: 90 * 24 * 3600_000, renewAfterMs: 3600_000 } });
    }
  });

  it.each(VERBS)('%s: a renewed session keeps its cookie on a 404/403/409 answer, as on every route', async (verb) => {
    t.configure({ session: { idleMs: 60 * 60_000, absoluteMs: 3 * 60 * 60_000, renewAfterMs: 5 * 60_000 } });
    try {
      const c = await signIn();
      t.advance(10 * 60_000);
      const r = await call(c, verb, '00000000-0000-0000-0000-000000000000');
      expect(r.status).toBe(404);
      expect(r.headers.get('set-cookie')).toMatch(/Max-Age=(359\d|3600);/);
      if (verb === 'GET') return;
      t.advance(10 * 60_000);
      const stale = await call(c, verb, project, { ifMatch: '1' });
      expect(stale.status).toBe(409);
      expect(stale.headers.get('set-cookie')).toMatch(/Max-Age=(359\d|3600);/);
    } finally {
      t.configure({ session: { idleMs: 14 * 24 * 3600_000, absoluteMs: 90 * 24 * 3600_000, renewAfterMs: 3600_000 } });
    }
  });

  it.each(VERBS)('%s: logging out ends the session for the model routes too; logging out everywhere ends all', async (verb) => {
    const a = await signIn();
    const b = await signIn();
    const cookieA = a.cookie;
    expect((await a.call('DELETE', '/api/session')).status).toBe(200);
    a.cookie = cookieA;
    expect((await call(a, verb)).status).toBe(401);
    expect((await call(b, verb)).status).toBe(ok(verb));
    const c = await signIn();
    expect((await c.call('DELETE', '/api/session?all=1')).status).toBe(200);
    expect((await call(b, verb)).status).toBe(401);
    admin = await signIn();
  });

  it.each(VERBS)('%s: API tokens work without Origin, record their use, and stop working when revoked or expired', async (verb) => {
    const created = await admin.call('POST', '/api/tokens', { body: { name: `t ${verb}` } });
    const token: string = created.body.token;
    const script = t.client();
    expect((await call(script, verb, project, { token, noOrigin: true })).status).toBe(ok(verb));
    const [row] = await t.app.db.orm.select().from(tables.apiTokens).where(eq(tables.apiTokens.id, created.body.id));
    expect(row!.lastUsedAt).not.toBeNull();
    expect((await call(bob, verb, project, {})).status).toBe(404);
    expect((await admin.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(200);
    expect((await call(script, verb, project, { token, noOrigin: true })).status).toBe(401);

    const short = await admin.call('POST', '/api/tokens', { body: { name: `short ${verb}`, expiresInDays: 1 } });
    expect((await call(script, verb, project, { token: short.body.token, noOrigin: true })).status).toBe(ok(verb));
    t.advance(2 * 24 * 3600_000);
    expect((await call(script, verb, project, { token: short.body.token, noOrigin: true })).status).toBe(401);
    expect((await script.call('GET', '/api/session', { token: short.body.token })).status).toBe(401);
    admin = await signIn();
  });

  it.each(['PUT', 'PATCH'] as const)('%s: a cross-site request is refused before anything (403 bad_origin)', async (verb) => {
    const c = await signIn();
    const r = await c.call(verb, `/api/projects/${project}/model`, { body: {}, headers: { origin: 'http://evil.test', 'if-match': '1' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('bad_origin');
    expect((await c.call(verb, `/api/projects/${project}/model`, { body: {}, headers: { 'if-match': '1' }, noOrigin: true })).status).toBe(403);
  });
});
