/**
 * Every API route, enumerated from the files under app/api, checked for authentication and
 * authorization: anonymous callers get 401, non-admins 403 on admin routes, and user B gets 404 for
 * anything of user A's (project ids, version ids, token ids). A route file or method added without an
 * entry in ROUTES fails the first test, so nothing slips through unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@/lib/testing';
import { addUser, openTestApp, setupAdmin, type Client, type TestApp } from './harness';
import { routeFiles, type Method } from './routes';
import { modelWithTables } from './models';

interface Ids { project: string; version: string; token: string; invite: string; member: string }

type Check =
  | { access: 'public' }
  | { access: 'user'; owned?: (ids: Ids) => string }
  | { access: 'admin' }
  | { access: 'project'; path: (ids: Ids) => string };

const body = { name: 'x', message: 'x', email: 'x@example.com', role: 'viewer', model: modelWithTables(1), signupEnabled: true };

/** ROUTES: one entry per exported handler, keyed "METHOD /api/pattern". */
const ROUTES: Record<string, Check> = {
  'GET /api/setup': { access: 'public' },
  'POST /api/setup': { access: 'public' },
  'GET /api/session': { access: 'user' },
  'POST /api/session': { access: 'public' },
  'DELETE /api/session': { access: 'user' },
  'POST /api/users': { access: 'public' },
  'GET /api/settings': { access: 'user' },
  'PATCH /api/settings': { access: 'admin' },
  'GET /api/tokens': { access: 'user' },
  'POST /api/tokens': { access: 'user' },
  'DELETE /api/tokens/[tokenId]': { access: 'user', owned: (i) => `/api/tokens/${i.token}` },
  'GET /api/invites': { access: 'admin' },
  'POST /api/invites': { access: 'admin' },
  'DELETE /api/invites/[inviteId]': { access: 'admin' },
  'GET /api/examples': { access: 'user' },
  'PUT /api/account/password': { access: 'user' },
  'GET /api/projects': { access: 'user' },
  'POST /api/projects': { access: 'user' },
  'GET /api/projects/[id]': { access: 'project', path: (i) => `/api/projects/${i.project}` },
  'PATCH /api/projects/[id]': { access: 'project', path: (i) => `/api/projects/${i.project}` },
  'DELETE /api/projects/[id]': { access: 'project', path: (i) => `/api/projects/${i.project}` },
  'POST /api/projects/[id]/restore': { access: 'project', path: (i) => `/api/projects/${i.project}/restore` },
  'POST /api/projects/[id]/duplicate': { access: 'project', path: (i) => `/api/projects/${i.project}/duplicate` },
  'GET /api/projects/[id]/model': { access: 'project', path: (i) => `/api/projects/${i.project}/model` },
  'PUT /api/projects/[id]/model': { access: 'project', path: (i) => `/api/projects/${i.project}/model` },
  'PATCH /api/projects/[id]/model': { access: 'project', path: (i) => `/api/projects/${i.project}/model` },
  'GET /api/projects/[id]/versions': { access: 'project', path: (i) => `/api/projects/${i.project}/versions` },
  'POST /api/projects/[id]/versions': { access: 'project', path: (i) => `/api/projects/${i.project}/versions` },
  'GET /api/projects/[id]/versions/[versionId]': { access: 'project', path: (i) => `/api/projects/${i.project}/versions/${i.version}` },
  'POST /api/projects/[id]/versions/[versionId]/restore': { access: 'project', path: (i) => `/api/projects/${i.project}/versions/${i.version}/restore` },
  'GET /api/projects/[id]/members': { access: 'project', path: (i) => `/api/projects/${i.project}/members` },
  'POST /api/projects/[id]/members': { access: 'project', path: (i) => `/api/projects/${i.project}/members` },
  'PATCH /api/projects/[id]/members/[userId]': { access: 'project', path: (i) => `/api/projects/${i.project}/members/${i.member}` },
  'DELETE /api/projects/[id]/members/[userId]': { access: 'project', path: (i) => `/api/projects/${i.project}/members/${i.member}` },
  'GET /api/projects/[id]/export/sql': { access: 'project', path: (i) => `/api/projects/${i.project}/export/sql?target=15` },
  'GET /api/projects/[id]/export/drizzle': { access: 'project', path: (i) => `/api/projects/${i.project}/export/drizzle` },
  'GET /api/projects/[id]/export/model': { access: 'project', path: (i) => `/api/projects/${i.project}/export/model` },
  'GET /api/projects/[id]/export/security': { access: 'project', path: (i) => `/api/projects/${i.project}/export/security?format=sql` },
};

const ZERO = '00000000-0000-4000-8000-000000000000';
function samplePath(pattern: string): string {
  return pattern.replace(/\[\w+\]/g, ZERO);
}

const entries = Object.entries(ROUTES).map(([key, check]) => {
  const [method, pattern] = key.split(' ') as [Method, string];
  return { key, method, pattern, check };
});

describe('route inventory', () => {
  it('every exported handler under app/api has an authorization entry, and every entry a handler', () => {
    const onDisk = routeFiles().flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)).sort();
    expect(onDisk.length).toBeGreaterThan(20);
    expect(onDisk).toEqual(Object.keys(ROUTES).sort());
  });

  it('every handler is wrapped by route() (auth, Origin, error mapping)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const r of routeFiles()) {
      const text = readFileSync(r.file, 'utf8');
      for (const m of r.methods) expect(text, `${m} ${r.pattern}`).toMatch(new RegExp(`export const ${m} = (route|callerRoute)(<[^>]*>)?\\(`));
    }
  });
});

describe.each(DATABASE_KINDS)('authorization on %s', (kind) => {
  let t: TestApp;
  let a: Client;
  let b: Client;
  let ids: Ids;
  beforeAll(async () => {
    t = await openTestApp(kind);
    a = await setupAdmin(t, 'a@example.com');
    b = await addUser(t, a, 'b@example.com');
    const project = await a.call('POST', '/api/projects', { body: { name: "A's secret", model: modelWithTables(2) } });
    const version = await a.call('POST', `/api/projects/${project.body.id}/versions`, { body: { message: 'v1' } });
    const token = await a.call('POST', '/api/tokens', { body: { name: 'a token' } });
    const invite = await a.call('POST', '/api/invites', { body: { email: 'c@example.com' } });
    const members = await a.call('GET', `/api/projects/${project.body.id}/members`);
    ids = { project: project.body.id, version: version.body.versionId, token: token.body.id, invite: invite.body.id, member: members.body.members[0].userId };
  });
  afterAll(async () => { await t?.close(); });

  it.each(entries.filter((e) => e.check.access !== 'public'))('$key refuses anonymous callers with 401', async ({ method, pattern, check }) => {
    const path = check.access === 'project' ? check.path(ids) : samplePath(pattern);
    const r = await t.client().call(method, path, { body: method === 'GET' ? undefined : body, headers: { 'if-match': '1' } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
  });

  it.each(entries.filter((e) => e.check.access === 'admin'))('$key refuses non-admins with 403', async ({ method, pattern }) => {
    const r = await b.call(method, samplePath(pattern).replace(ZERO, ids.invite), { body: method === 'GET' ? undefined : body });
    expect(r.status).toBe(403);
  });

  it.each(entries.filter((e) => e.check.access === 'project'))("$key gives user B 404 for A's project, and changes nothing", async ({ method, check }) => {
    const path = (check as Extract<Check, { access: 'project' }>).path(ids);
    const r = await b.call(method, path, { body: method === 'GET' ? undefined : body, headers: { 'if-match': '1' } });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain("A's secret");
    expect(r.text).not.toContain('table_1');
    const still = await a.call('GET', `/api/projects/${ids.project}`);
    expect(still.body).toMatchObject({ name: "A's secret", version: 1 });
    expect(still.body.model.tables).toHaveLength(2);
  });

  it.each(entries.filter((e) => e.check.access === 'user' && e.check.owned))("$key gives user B 404 for A's resource", async ({ method, check }) => {
    const r = await b.call(method, (check as { owned: (i: Ids) => string }).owned(ids));
    expect(r.status).toBe(404);
    expect((await a.call('GET', '/api/tokens')).body.tokens.map((x: { id: string }) => x.id)).toContain(ids.token);
  });

  it("user B's project list does not include A's project; ids that are not uuids are plain 404s", async () => {
    const list = await b.call('GET', '/api/projects');
    expect(list.body.projects.map((p: { id: string }) => p.id)).not.toContain(ids.project);
    expect((await b.call('GET', '/api/projects?deleted=1')).body.projects).toEqual([]);
    expect((await a.call('GET', "/api/projects/1' OR '1'='1")).status).toBe(404);
    expect((await a.call('GET', `/api/projects/${ZERO}`)).status).toBe(404);
  });

  it('errors never carry a stack trace', async () => {
    const r = await a.call('PUT', `/api/projects/${ids.project}/model`, { raw: '{bad', headers: { 'if-match': '1' } });
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/\n\s+at /);
    expect(Object.keys(r.body)).toEqual(['error']);
  });
});
