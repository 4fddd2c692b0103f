/**
 * The security export through the route handler on PGlite and on the PostgreSQL server: the files of
 * securityBundle in apply order (JSON) or one SQL script that applies after the exported schema DDL on
 * a fresh database of the same kind (checked in the catalog), named versions, viewers may export,
 * strangers and unknown projects get 404, a bad format is a plain 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityBundle } from '@/lib/security';
import { parseModel } from '@/lib/model/validate';
import type { Model } from '@/lib/model';
import { securityFixture } from '../security/fixture';
import { dropServerRoles, uniquePrefix } from '../security/helpers';
import { addUser, openTestApp, setupAdmin, type Client, type TestApp } from './harness';
import { modelWithTables } from './models';

const SUFFIXES = ['owner', 'migrator', 'rw', 'ro', 'admin'];

describe.each(DATABASE_KINDS)('security export on %s', (kind) => {
  const rolePrefix = uniquePrefix();
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  let carol: Client;
  let model: Model;
  let id: string;
  let plainVersion: string;
  let target: TestDatabase | undefined;
  beforeAll(async () => {
    t = await openTestApp(kind);
    alice = await setupAdmin(t, 'alice@example.com');
    bob = await addUser(t, alice, 'bob@example.com');
    carol = await addUser(t, alice, 'carol@example.com');
    const parsed = parseModel({ ...securityFixture(), name: 'Secure shop', security: { rolePrefix, bcryptCost: 11 } });
    if (!parsed.ok) throw new Error('the security fixture is not a valid model');
    model = parsed.model;
    const created = await alice.call('POST', '/api/projects', { body: { name: 'Secure shop', model: modelWithTables(1) } });
    id = created.body.id;
    plainVersion = (await alice.call('POST', `/api/projects/${id}/versions`, { body: { message: 'no marks' } })).body.versionId;
    expect((await alice.call('PUT', `/api/projects/${id}/model`, { body: { model }, headers: { 'if-match': '1' } })).status).toBe(200);
    expect((await alice.call('POST', `/api/projects/${id}/members`, { body: { email: 'bob@example.com', role: 'viewer' } })).status).toBe(201);
  });
  afterAll(async () => {
    if (target) {
      await target.close();
      await dropServerRoles(target, SUFFIXES.map((s) => `${rolePrefix}_${s}`));
    }
    await t?.close();
  });

  it('a viewer gets the files of securityBundle in apply order, password.ts last, with explanations and warnings', async () => {
    const r = await bob.call('GET', `/api/projects/${id}/export/security`);
    expect(r.status).toBe(200);
    const expected = securityBundle(model);
    expect(r.body.files.map((f: { path: string }) => f.path)).toEqual(expected.map((f) => f.name));
    expect(r.body.files.map((f: { path: string }) => f.path)).toEqual(['01_roles.sql', '02_password_hashing.sql', '03_encryption.sql', '04_rls.sql', '05_audit.sql', 'password.ts']);
    for (const [i, f] of expected.entries()) {
      expect(r.body.files[i]).toEqual({ path: f.name, content: f.content, explanation: f.explanation, warnings: [...f.warnings] });
    }
    expect(r.body.files.find((f: { path: string }) => f.path === '02_password_hashing.sql').content).toMatch(/gen_salt"?\('bf', 11\)/);
  });

  it('?format=sql is one script that applies after the exported schema DDL on a fresh database', async () => {
    const script = await bob.call('GET', `/api/projects/${id}/export/security?format=sql`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^application\/sql/);
    expect(script.headers.get('content-disposition')).toBe('attachment; filename="secure-shop-security.sql"');
    const headers = [...script.text.matchAll(/^-- ===== (.+) =====$/gm)].map((m) => m[1]);
    expect(headers).toEqual(['01_roles.sql', '02_password_hashing.sql', '03_encryption.sql', '04_rls.sql', '05_audit.sql']);
    expect(script.text).not.toContain('verifyAndUpgrade');

    const ddl = await bob.call('GET', `/api/projects/${id}/export/sql`);
    expect(ddl.status).toBe(200);
    target = await createDatabase(kind);
    await target.exec(ddl.text);
    await target.exec(script.text);
    await target.exec(script.text); // the files are idempotent, so is the script
    const roles = await target.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname', [`${rolePrefix}\\_%`]);
    expect(roles.rows.map((r) => r.rolname)).toEqual(SUFFIXES.map((s) => `${rolePrefix}_${s}`).sort());
    const forced = await target.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relforcerowsecurity AND relrowsecurity AND relnamespace = 'public'::regnamespace ORDER BY relname");
    expect(forced.rows.map((r) => r.relname)).toEqual(['documents', 'posts', 'projects']);
    const hashed = await target.query<{ ok: boolean }>("SELECT public.verify_password('s3cret', public.hash_password('s3cret')) AS ok");
    expect(hashed.rows[0]!.ok).toBe(true);
    const audited = await target.query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'public.documents'::regclass AND tgname LIKE '%audit%'");
    expect(audited.rows).toHaveLength(1);
  });

  it('?version= exports that named version: the unmarked model gets only the roles file', async () => {
    const r = await alice.call('GET', `/api/projects/${id}/export/security?version=${plainVersion}`);
    expect(r.status).toBe(200);
    expect(r.body.files.map((f: { path: string }) => f.path)).toEqual(['01_roles.sql']);
  });

  it('strangers and unknown projects get 404, anonymous 401, a bad format 400, never a stack trace', async () => {
    const stranger = await carol.call('GET', `/api/projects/${id}/export/security?format=sql`);
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain('hash_password');
    const unknown = await alice.call('GET', `/api/projects/${crypto.randomUUID()}/export/security`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await t.client().call('GET', `/api/projects/${id}/export/security`)).status).toBe(401);
    const bad = await alice.call('GET', `/api/projects/${id}/export/security?format=zip`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'bad_request', message: 'format must be json or sql.' } });
    for (const r of [stranger, unknown, bad]) expect(r.text).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
