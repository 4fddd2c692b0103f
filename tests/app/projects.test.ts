/**
 * Projects through the API route handlers on PGlite and on the PostgreSQL server: create (empty,
 * model, example, SQL), list, rename, duplicate, delete/restore, roles and sharing, autosave with
 * optimistic concurrency, validation and size limits, named versions, exports and restart persistence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_KINDS } from '@/lib/testing';
import { PASSWORD, addUser, openTestApp, setupAdmin, type Client, type TestApp } from './harness';
import { modelWithTables } from './models';

describe.each(DATABASE_KINDS)('projects on %s', (kind) => {
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  beforeAll(async () => {
    t = await openTestApp(kind);
    alice = await setupAdmin(t, 'alice@example.com');
    bob = await addUser(t, alice, 'bob@example.com');
  });
  afterAll(async () => { await t?.close(); });

  it('creates an empty project and reads it back with its version and role', async () => {
    const r = await alice.call('POST', '/api/projects', { body: { name: '  Shop  ' } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1 });
    const got = await alice.call('GET', `/api/projects/${r.body.id}`);
    expect(got.body).toMatchObject({ id: r.body.id, name: 'Shop', version: 1, role: 'owner' });
    expect(got.body.model.tables).toEqual([]);
    expect(got.headers.get('etag')).toBe('"1"');
    const list = await alice.call('GET', '/api/projects');
    expect(list.body.projects.map((p: { id: string }) => p.id)).toContain(r.body.id);
    expect(list.body.projects[0]).not.toHaveProperty('model');
  });

  it('creates from a model, an example and SQL; refuses invalid models with findings and stores nothing', async () => {
    const model = modelWithTables(3);
    const fromModel = await alice.call('POST', '/api/projects', { body: { name: 'from model', model } });
    expect(fromModel.status).toBe(201);
    expect((await alice.call('GET', `/api/projects/${fromModel.body.id}/model`)).body.model).toEqual(model);

    const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-examples-'));
    writeFileSync(join(dir, 'blog.json'), JSON.stringify(modelWithTables(2, 'Blog')));
    process.env.EXAMPLES_DIR = dir;
    try {
      expect((await alice.call('GET', '/api/examples')).body.examples).toEqual([{ id: 'blog', title: 'Blog', tables: 2 }]);
      const fromExample = await alice.call('POST', '/api/projects', { body: { example: 'blog' } });
      expect(fromExample.status).toBe(201);
      const got = await alice.call('GET', `/api/projects/${fromExample.body.id}`);
      expect(got.body.name).toBe('Blog');
      expect(got.body.model.tables).toHaveLength(2);
      expect((await alice.call('POST', '/api/projects', { body: { example: '../etc/passwd' } })).status).toBe(400);
      expect((await alice.call('POST', '/api/projects', { body: { example: 'nope' } })).status).toBe(404);
    } finally {
      delete process.env.EXAMPLES_DIR;
    }

    const fromSql = await alice.call('POST', '/api/projects', { body: { name: 'from sql', sql: 'CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);' } });
    expect(fromSql.status).toBe(201);
    const imported = await alice.call('GET', `/api/projects/${fromSql.body.id}`);
    expect(imported.body.model.tables.map((x: { name: string }) => x.name)).toEqual(['author']);
    const badSql = await alice.call('POST', '/api/projects', { body: { name: 'bad sql', sql: 'CREATE TABLE (' } });
    expect(badSql.status).toBe(422);
    expect(badSql.body.error.message).toMatch(/could not be imported/);

    const before = (await alice.call('GET', '/api/projects')).body.projects.length;
    const invalid = await alice.call('POST', '/api/projects', { body: { name: 'bad', model: { format: 1, schemas: [], tables: [{ id: 'x' }] } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect(invalid.body.findings.length).toBeGreaterThan(0);
    expect(invalid.body.findings[0]).toMatchObject({ severity: 'error', path: expect.stringContaining('tables[0]') });
    expect((await alice.call('GET', '/api/projects')).body.projects.length).toBe(before);
    expect((await alice.call('POST', '/api/projects', { body: { name: '' } })).status).toBe(400);
    expect((await alice.call('POST', '/api/projects', { body: { name: 'two', model, example: 'blog' } })).status).toBe(400);
  });

  it('autosave: If-Match required, stale saves get 409 with the current model, invalid saves 422 and change nothing', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'autosave' } });
    const m1 = modelWithTables(1);
    const m2 = modelWithTables(2);
    expect((await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: m1 } })).status).toBe(428);
    const saved = await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: m1 }, headers: { 'if-match': '1' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ version: 2 });
    // A second tab still based on version 1:
    const stale = await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: m2 }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.version).toBe(2);
    expect(stale.body.model).toEqual(m1);
    expect(stale.body.error.code).toBe('conflict');
    const bad = await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: { ...m2, tables: [{ nope: true }] } }, headers: { 'if-match': '2' } });
    expect(bad.status).toBe(422);
    expect(bad.body.findings.length).toBeGreaterThan(0);
    // Beyond shape: the model's validator (real SQL parser, duplicate names) refuses it too.
    const brokenCheck = modelWithTables(1);
    brokenCheck.tables[0]!.checks![0]!.expression = 'amount >= (';
    const semantic = await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: brokenCheck }, headers: { 'if-match': '2' } });
    expect(semantic.status).toBe(422);
    expect(semantic.body.findings.some((f: { path: string }) => f.path.includes('checks'))).toBe(true);
    const duplicate = modelWithTables(2);
    duplicate.tables[1]!.name = duplicate.tables[0]!.name;
    expect((await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: duplicate }, headers: { 'if-match': '2' } })).status).toBe(422);
    const now = await alice.call('GET', `/api/projects/${id}/model`);
    expect(now.body).toEqual({ model: m1, version: 2 });
  });

  it('concurrent saves based on the same version: exactly one wins, none is lost silently', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'race' } });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => alice.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(n) }, headers: { 'if-match': '1' } })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await alice.call('GET', `/api/projects/${id}/model`);
    expect(stored.body.version).toBe(2);
    expect(winner.body.version).toBe(2);
  });

  it('refuses bodies over 5 MB with 413 and a clear message', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'big' } });
    const huge = modelWithTables(1);
    huge.tables[0]!.comment = 'x'.repeat(5 * 1024 * 1024 + 10);
    const r = await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: huge }, headers: { 'if-match': '1' } });
    expect(r.status).toBe(413);
    expect(r.body.error.message).toMatch(/5 MB/);
    expect((await alice.call('GET', `/api/projects/${id}/model`)).body.version).toBe(1);
  });

  it('renames, duplicates, deletes into the bin and restores', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'old name', model: modelWithTables(2) } });
    expect((await alice.call('PATCH', `/api/projects/${id}`, { body: { name: 'new name' } })).body).toEqual({ id, name: 'new name' });
    const dup = await alice.call('POST', `/api/projects/${id}/duplicate`);
    expect(dup.status).toBe(201);
    const copy = await alice.call('GET', `/api/projects/${dup.body.id}`);
    expect(copy.body.name).toBe('Copy of new name');
    expect(copy.body.model.tables).toHaveLength(2);
    const del = await alice.call('DELETE', `/api/projects/${id}`);
    expect(del.status).toBe(200);
    expect((await alice.call('GET', `/api/projects/${id}`)).status).toBe(404);
    expect((await alice.call('GET', '/api/projects')).body.projects.map((p: { id: string }) => p.id)).not.toContain(id);
    const bin = await alice.call('GET', '/api/projects?deleted=1');
    expect(bin.body.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect((await alice.call('POST', `/api/projects/${id}/restore`)).status).toBe(200);
    expect((await alice.call('GET', `/api/projects/${id}`)).body.name).toBe('new name');
    // After 30 days in the bin a project is purged for good.
    await alice.call('DELETE', `/api/projects/${id}`);
    t.advance(31 * 24 * 3600_000);
    // A month later the sessions have expired too: sign in again.
    for (const [c, email] of [[alice, 'alice@example.com'], [bob, 'bob@example.com']] as const) {
      expect((await c.call('POST', '/api/session', { body: { email, password: PASSWORD } })).status).toBe(200);
    }
    expect((await alice.call('GET', '/api/projects?deleted=1')).body.projects.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await alice.call('POST', `/api/projects/${id}/restore`)).status).toBe(404);
  });

  it('sharing: viewers read, editors save, only owners share and delete; a project keeps an owner', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'shared' } });
    expect((await bob.call('GET', `/api/projects/${id}`)).status).toBe(404);
    expect((await alice.call('POST', `/api/projects/${id}/members`, { body: { email: 'nobody@example.com', role: 'viewer' } })).status).toBe(404);
    expect((await alice.call('POST', `/api/projects/${id}/members`, { body: { email: 'BOB@example.com', role: 'viewer' } })).status).toBe(201);
    const asViewer = await bob.call('GET', `/api/projects/${id}`);
    expect(asViewer.body.role).toBe('viewer');
    expect((await bob.call('GET', '/api/projects')).body.projects.map((p: { id: string }) => p.id)).toContain(id);
    const viewerSave = await bob.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(1) }, headers: { 'if-match': '1' } });
    expect(viewerSave.status).toBe(403);
    expect(viewerSave.body.error.message).toMatch(/viewer/);
    const members = await alice.call('GET', `/api/projects/${id}/members`);
    const bobId = members.body.members.find((m: { email: string }) => m.email === 'bob@example.com').userId;
    expect((await alice.call('PATCH', `/api/projects/${id}/members/${bobId}`, { body: { role: 'editor' } })).status).toBe(200);
    expect((await bob.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(1) }, headers: { 'if-match': '1' } })).status).toBe(200);
    expect((await bob.call('DELETE', `/api/projects/${id}`)).status).toBe(403);
    expect((await bob.call('POST', `/api/projects/${id}/members`, { body: { email: 'alice@example.com', role: 'viewer' } })).status).toBe(403);
    const aliceId = members.body.members.find((m: { email: string }) => m.email === 'alice@example.com').userId;
    expect((await alice.call('PATCH', `/api/projects/${id}/members/${aliceId}`, { body: { role: 'viewer' } })).status).toBe(409);
    expect((await alice.call('DELETE', `/api/projects/${id}/members/${aliceId}`)).status).toBe(409);
    expect((await bob.call('DELETE', `/api/projects/${id}/members/${bobId}`)).status).toBe(200); // leaving
    expect((await bob.call('GET', `/api/projects/${id}`)).status).toBe(404);
  });

  it('named versions: immutable snapshots with author and message; open, restore as a new version, export', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'history', model: modelWithTables(1) } });
    const v1 = await alice.call('POST', `/api/projects/${id}/versions`, { body: { message: 'one table' } });
    expect(v1.status).toBe(201);
    expect(v1.body.number).toBe(1);
    await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(3) }, headers: { 'if-match': '1' } });
    const v2 = await alice.call('POST', `/api/projects/${id}/versions`, { body: { message: 'three tables' } });
    expect(v2.body.number).toBe(2);
    expect((await alice.call('POST', `/api/projects/${id}/versions`, { body: { message: '' } })).status).toBe(400);
    const list = await alice.call('GET', `/api/projects/${id}/versions`);
    expect(list.body.versions.map((v: { number: number; message: string; authorEmail: string }) => [v.number, v.message, v.authorEmail]))
      .toEqual([[2, 'three tables', 'alice@example.com'], [1, 'one table', 'alice@example.com']]);
    expect(list.body.versions[0]).not.toHaveProperty('model');
    const open = await alice.call('GET', `/api/projects/${id}/versions/${v1.body.versionId}`);
    expect(open.body.model.tables).toHaveLength(1);
    expect(open.body.workingVersion).toBe(1);
    // Immutable in the database itself.
    await expect(t.app.db.withSession((s) => s.query("UPDATE model_versions SET message = 'changed'"))).rejects.toThrow(/immutable/);

    const restored = await alice.call('POST', `/api/projects/${id}/versions/${v1.body.versionId}/restore`, { headers: { 'if-match': '2' } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 3, number: 3 });
    const working = await alice.call('GET', `/api/projects/${id}/model`);
    expect(working.body.version).toBe(3);
    expect(working.body.model.tables).toHaveLength(1);
    expect((await alice.call('POST', `/api/projects/${id}/versions/${v1.body.versionId}/restore`, { headers: { 'if-match': '2' } })).status).toBe(409);
    expect((await alice.call('GET', `/api/projects/${id}/versions/${crypto.randomUUID()}`)).status).toBe(404);

    const sqlNow = await alice.call('GET', `/api/projects/${id}/export/sql?target=15`);
    expect(sqlNow.status).toBe(200);
    expect(sqlNow.headers.get('content-type')).toMatch(/sql/);
    expect(sqlNow.text).toMatch(/CREATE TABLE/);
    expect(sqlNow.text).not.toMatch(/table_2/);
    const sqlV2 = await alice.call('GET', `/api/projects/${id}/export/sql?version=${v2.body.versionId}`);
    expect(sqlV2.text).toMatch(/table_2/);
    expect((await alice.call('GET', `/api/projects/${id}/export/sql?target=9`)).status).toBe(400);
    const drizzle = await alice.call('GET', `/api/projects/${id}/export/drizzle?version=${v2.body.versionId}`);
    expect(drizzle.status).toBe(200);
    expect(drizzle.body.files.map((f: { path: string }) => f.path)).toContain('schema.ts');
    expect(drizzle.body.files.find((f: { path: string }) => f.path === 'schema.ts').content).toMatch(/table_2/);
    const json = await alice.call('GET', `/api/projects/${id}/export/model`);
    expect(JSON.parse(json.text).tables).toHaveLength(1);
  });

  it('exported SQL runs on this database kind', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'runs', model: modelWithTables(4) } });
    const ddl = (await alice.call('GET', `/api/projects/${id}/export/sql`)).text;
    await t.app.db.withSession(async (s) => {
      await s.query('CREATE SCHEMA export_check');
      await s.query('SET search_path TO export_check');
      try {
        for (const statement of ddl.split(/;\n/).map((x) => x.trim()).filter(Boolean)) await s.query(statement.replace(/"public"\./g, ''));
        const { rows } = await s.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'export_check'");
        expect(rows[0]!.n).toBe(4);
      } finally {
        await s.query('RESET search_path');
        await s.query('DROP SCHEMA export_check CASCADE');
      }
    });
  });

  it('restart persistence: close the database, open it again on the same storage, everything is there', async () => {
    const { body: { id } } = await alice.call('POST', '/api/projects', { body: { name: 'durable', model: modelWithTables(5) } });
    await alice.call('PUT', `/api/projects/${id}/model`, { body: { model: modelWithTables(6) }, headers: { 'if-match': '1' } });
    await alice.call('POST', `/api/projects/${id}/versions`, { body: { message: 'before restart' } });
    const cookie = alice.cookie;
    await t.restart();
    alice.cookie = cookie; // the browser keeps its cookie across the server restart
    const got = await alice.call('GET', `/api/projects/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ name: 'durable', version: 2 });
    expect(got.body.model.tables).toHaveLength(6);
    expect((await alice.call('GET', `/api/projects/${id}/versions`)).body.versions[0].message).toBe('before restart');
    const fresh = t.client();
    expect((await fresh.call('POST', '/api/session', { body: { email: 'alice@example.com', password: PASSWORD } })).status).toBe(200);
    // Migrations are not re-applied: they are recorded with checksums.
    const applied = await t.app.db.withSession((s) => s.query<{ name: string }>('SELECT name FROM app_migrations ORDER BY name'));
    expect(applied.rows.map((r) => r.name)).toEqual(['0000_init', '0001_model_versions_immutable', '0002_working_model_json']);
  });
});
