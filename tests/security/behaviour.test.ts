/**
 * Behaviour of the generated security SQL on the PostgreSQL server and PGlite: the fixture's tables
 * (hand-written DDL) plus every generated file, then what a security reviewer would try.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { randomBytes, scryptSync } from 'node:crypto';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityFiles, securityContext } from '@/lib/security';
import { FIXTURE_DDL, securityFixture } from './fixture';
import { applyFiles, asRole, dropServerRoles, roleNames, sqlState, uniquePrefix } from './helpers';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const KEY = 'k3y-for-tests-only';

/** scryptPhc makes a real scrypt hash in the PHC string format ($scrypt$ln=..,r=..,p=..$salt$hash) with Node's crypto. */
function scryptPhc(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
}

describe.each(DATABASE_KINDS)('generated security SQL on %s', (kind) => {
  let db: TestDatabase;
  const model = securityFixture();
  const options = { rolePrefix: uniquePrefix(), bcryptCost: 10 };
  const roles = securityContext(model, options).roles;
  const files = securityFiles(model, options);

  beforeAll(async () => {
    db = await createDatabase(kind);
    await db.exec(FIXTURE_DDL);
    await applyFiles(db, files);
    // Seed as the superuser (which bypasses RLS): two users with one document each.
    for (const [id, name] of [[ALICE, 'alice'], [BOB, 'bob']] as const) {
      await db.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, hash_password($3))', [id, `${name}@example.com`, `${name}-pw`]);
      await db.query('INSERT INTO documents (owner_id, title) VALUES ($1, $2)', [id, `${name}'s doc`]);
      await db.query('INSERT INTO posts (id, author_id, body) VALUES ($1, $2, $3)', [name === 'alice' ? 1 : 2, id, `${name} writes`]);
    }
    await db.query("INSERT INTO projects (id, tenant_id, name) VALUES (1, 1, 'one'), (2, 2, 'two')");
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    if (db) await dropServerRoles(db, roleNames(model, options));
  });

  it('writes the files in the documented order', () => {
    expect(files.map((f) => f.name)).toEqual(['01_roles.sql', '02_password_hashing.sql', '03_encryption.sql', '04_rls.sql', '05_audit.sql']);
  });

  it('applies a second time without error (idempotent)', async () => {
    await applyFiles(db, files);
  });

  it('verify_password accepts the right password only', async () => {
    const { rows } = await db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [ALICE]);
    expect(rows[0]!.h).toMatch(/^\$2a\$10\$/);
    await asRole(db, roles.app, {}, async () => {
      const ok = await db.query<{ v: boolean }>('SELECT verify_password($1, $2) AS v', ['alice-pw', rows[0]!.h]);
      const bad = await db.query<{ v: boolean }>('SELECT verify_password($1, $2) AS v', ['alice-PW', rows[0]!.h]);
      const long = await db.query<{ v: boolean }>('SELECT verify_password($1, $2) AS v', ['x'.repeat(73), rows[0]!.h]);
      expect([ok.rows[0]!.v, bad.rows[0]!.v, long.rows[0]!.v]).toEqual([true, false, false]);
      expect(await sqlState(db, 'SELECT hash_password($1)', ['é'.repeat(37)])).toBe('22023');
      // The limit is 72 bytes, not characters: 36 two-byte and 18 four-byte characters still fit, 19 do not.
      for (const fits of ['é'.repeat(36), '😀'.repeat(18)]) {
        const h = (await db.query<{ h: string }>('SELECT hash_password($1) AS h', [fits])).rows[0]!.h;
        const v = await db.query<{ ok: boolean; other: boolean }>('SELECT verify_password($1, $3) AS ok, verify_password($2, $3) AS other', [fits, `${fits.slice(0, -2)}e`, h]);
        expect(v.rows[0], fits).toEqual({ ok: true, other: false });
      }
      expect(await sqlState(db, 'SELECT hash_password($1)', ['😀'.repeat(19)])).toBe('22023');
      expect(await sqlState(db, 'SELECT verify_password($1, $2)', ['pw', '$2b$10$abcdefghijklmnopqrstuu5Lr1EfGwSM/NH2T5kyrN9jYg2Pq4.k6'])).toBe('22023');
    });
    await asRole(db, roles.readonly, {}, async () => {
      expect(await sqlState(db, 'SELECT verify_password($1, $2)', ['alice-pw', rows[0]!.h])).toBe('42501');
    });
  });

  it('hash functions: search_path pinned, EXECUTE revoked from PUBLIC and granted to the app role (catalog)', async () => {
    const { rows } = await db.query<{ proname: string; proconfig: string[]; public_exec: number; app: boolean; ro: boolean; owner: boolean }>(
      `SELECT p.proname, p.proconfig,
              (SELECT count(*)::int FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_exec,
              has_function_privilege($1, p.oid, 'EXECUTE') AS app, has_function_privilege($2, p.oid, 'EXECUTE') AS ro,
              has_function_privilege($3, p.oid, 'EXECUTE') AS owner
       FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proname IN ('hash_password', 'verify_password', 'encrypt_ssn', 'decrypt_ssn')
       ORDER BY 1`, [roles.app, roles.readonly, roles.owner]);
    expect(rows.map((r) => r.proname)).toEqual(['decrypt_ssn', 'encrypt_ssn', 'hash_password', 'verify_password']);
    for (const r of rows) {
      expect(r.proconfig, r.proname).toEqual(['search_path=pg_catalog, pg_temp']);
      expect({ public: r.public_exec, app: r.app, ro: r.ro, owner: r.owner }, r.proname).toEqual({ public: 0, app: true, ro: false, owner: false });
    }
  });

  it('hash functions ignore a crypt() planted earlier on the caller\'s search_path', async () => {
    await db.query('BEGIN');
    try {
      await db.query('CREATE SCHEMA planted');
      await db.query("CREATE FUNCTION planted.crypt(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'planted' $$");
      await db.query("CREATE FUNCTION planted.gen_salt(text, integer) RETURNS text LANGUAGE sql AS $$ SELECT 'planted' $$");
      await db.query('SET LOCAL search_path = planted, public');
      const { rows } = await db.query<{ h: string }>("SELECT hash_password('pw') AS h");
      expect(rows[0]!.h).toMatch(/^\$2a\$10\$/);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('refuses plaintext in hash columns and accepts real hashes', async () => {
    await asRole(db, roles.app, {}, async () => {
      // bcrypt column: pgcrypto's $2a$ (seeded above) and a $2b$ hash from the bcryptjs library
      await db.query("INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), 'b@x', $1)", [bcrypt.hashSync('pw', 10)]);
      // scrypt column: plaintext and an argon2id hash refused, a real scrypt PHC string accepted
      expect(await sqlState(db, "INSERT INTO app_logins (id, password_hash, legacy_hash) VALUES (4, $1, 'hunter2')", [await argon2.hash('pw')])).toBe('23514');
      expect(await sqlState(db, 'INSERT INTO app_logins (id, password_hash, legacy_hash) VALUES (5, $1, $1)', [await argon2.hash('pw')])).toBe('23514');
      await db.query('INSERT INTO app_logins (id, password_hash, legacy_hash) VALUES (6, $1, $2)', [await argon2.hash('pw'), scryptPhc('pw')]);
      expect(await sqlState(db, "INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), 'c@x', 'hunter2')")).toBe('23514');
      expect(await sqlState(db, "INSERT INTO app_logins (id, password_hash) VALUES (1, 'hunter2')")).toBe('23514');
      expect(await sqlState(db, 'INSERT INTO app_logins (id, password_hash) VALUES (2, $1)', ['$2a$10$abcdefghijklmnopqrstuu5Lr1EfGwSM/NH2T5kyrN9jYg2Pq4.k6'])).toBe('23514');
      const hash = await argon2.hash('pw', { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      await db.query('INSERT INTO app_logins (id, password_hash) VALUES (3, $1)', [hash]);
    });
  });

  it('RLS: each user sees only their rows, as the app role and as the owner role (FORCE)', async () => {
    for (const role of [roles.app, roles.owner]) {
      for (const [user, title] of [[ALICE, "alice's doc"], [BOB, "bob's doc"]]) {
        const rows = await asRole(db, role, { 'app.user_id': user }, async () => (await db.query<{ title: string }>('SELECT title FROM documents')).rows);
        expect(rows.map((r) => r.title), `${role} as ${user}`).toEqual([title]);
      }
      const none = await asRole(db, role, {}, async () => (await db.query('SELECT * FROM documents')).rows);
      expect(none, `${role} without app.user_id`).toEqual([]);
    }
  });

  it('RLS: writes are checked against the current user, tenant and admin bypass', async () => {
    await asRole(db, roles.app, { 'app.user_id': ALICE }, async () => {
      expect(await sqlState(db, 'INSERT INTO documents (owner_id, title) VALUES ($1, $2)', [BOB, 'forged'])).toBe('42501');
      await db.query('INSERT INTO documents (owner_id, title) VALUES ($1, $2)', [ALICE, 'mine']);
      const bobs = await db.query("UPDATE documents SET title = 'hacked' WHERE owner_id = $1 RETURNING id", [BOB]);
      expect(bobs.rows).toEqual([]);
      // public read, owner write
      expect((await db.query('SELECT id::int FROM posts ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect((await db.query("UPDATE posts SET body = 'x' RETURNING id::int")).rows).toEqual([{ id: 1 }]);
    });
    const tenants = await asRole(db, roles.app, { 'app.tenant_id': '2' }, async () => (await db.query('SELECT name FROM projects')).rows);
    expect(tenants).toEqual([{ name: 'two' }]);
    const admin = await asRole(db, roles.admin, {}, async () => (await db.query("UPDATE posts SET body = 'moderated' RETURNING id")).rows);
    expect(admin).toHaveLength(2);
  });

  it('RLS: ENABLE and FORCE on every template table, one policy per command, each for named roles, never PUBLIC (catalog)', async () => {
    const { rows } = await db.query<{ rel: string; enabled: boolean; forced: boolean; cmds: string[]; public_policies: number }>(
      `SELECT c.relname AS rel, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              array(SELECT p.polcmd::text FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname NOT LIKE '%admin%' ORDER BY p.polcmd) AS cmds,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND (0 = ANY (p.polroles) OR p.polcmd = '*')) AS public_policies
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`);
    const byTable = Object.fromEntries(rows.map((r) => [r.rel, r]));
    for (const t of ['documents', 'projects', 'posts']) {
      // polcmd: r = SELECT, a = INSERT, w = UPDATE, d = DELETE
      expect(byTable[t], t).toMatchObject({ enabled: true, forced: true, public_policies: 0 });
      expect([...byTable[t]!.cmds].sort(), t).toEqual(['a', 'd', 'r', 'w']);
    }
    for (const t of ['users', 'app_logins']) expect(byTable[t], t).toMatchObject({ enabled: false, forced: false, cmds: [] });
  });

  it('default privileges: a table the owner role creates later is readable and writable by the app role, read-only for the read-only role', async () => {
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL ROLE "${roles.owner}"`);
      await db.query('CREATE TABLE public.created_later (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)');
      await db.query(`SET LOCAL ROLE "${roles.app}"`);
      await db.query("INSERT INTO public.created_later (v) VALUES ('by the app')");
      await db.query(`SET LOCAL ROLE "${roles.readonly}"`);
      expect((await db.query('SELECT v FROM public.created_later')).rows).toEqual([{ v: 'by the app' }]);
      expect(await sqlState(db, "INSERT INTO public.created_later (v) VALUES ('no')")).toBe('42501');
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('RLS: policy columns without an index got one; covered ones did not', async () => {
    const { rows } = await db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
    const names = rows.map((r) => r.indexname);
    expect(names).toContain('documents_owner_id_rls_idx');
    expect(names).toContain('posts_author_id_rls_idx');
    expect(names.filter((n) => n.startsWith('projects_'))).toEqual(['projects_pkey', 'projects_tenant_idx']);
  });

  it('encryption: decrypt(encrypt(x)) = x, the stored bytes do not contain x, no key means an error', async () => {
    const secret = '078-05-1120';
    await asRole(db, roles.app, { 'app.user_id': ALICE, 'app.encryption_key': KEY }, async () => {
      await db.query('UPDATE users SET ssn = encrypt_ssn($1) WHERE id = $2', [secret, ALICE]);
      const back = await db.query<{ s: string }>('SELECT decrypt_ssn(ssn) AS s FROM users WHERE id = $1', [ALICE]);
      expect(back.rows[0]!.s).toBe(secret);
      const raw = await db.query<{ hex: string }>("SELECT encode(ssn, 'hex') AS hex FROM users WHERE id = $1", [ALICE]);
      expect(raw.rows[0]!.hex).not.toContain(Buffer.from(secret).toString('hex'));
      expect(raw.rows[0]!.hex).not.toContain(Buffer.from(KEY).toString('hex'));
    });
    await asRole(db, roles.app, {}, async () => {
      expect(await sqlState(db, 'SELECT encrypt_ssn($1)', [secret])).toBe('22023');
    });
    await asRole(db, roles.readonly, { 'app.encryption_key': KEY }, async () => {
      expect(await sqlState(db, "SELECT decrypt_ssn(decode('00', 'hex'))")).toBe('42501');
    });
    expect(files.map((f) => f.sql).join('\n')).not.toContain(KEY);
  });

  it('audit: insert, update and delete are recorded without secret columns, with the actor', async () => {
    const id = '00000000-0000-4000-8000-0000000000cc';
    await db.query('BEGIN');
    await db.query('SELECT set_config($1, $2, true)', ['app.user_id', ALICE]);
    await db.query(`SET LOCAL ROLE "${roles.app}"`);
    await db.query("INSERT INTO users (id, email, password_hash, api_token, updated_at) VALUES ($1, 'c@example.com', hash_password('pw'), 'tok_secret', '2000-01-01')", [id]);
    await db.query("UPDATE users SET email = 'c2@example.com' WHERE id = $1", [id]);
    const stamped = await db.query<{ y: number }>('SELECT extract(year FROM updated_at)::int AS y FROM users WHERE id = $1', [id]);
    expect(stamped.rows[0]!.y).toBeGreaterThan(2000);
    await db.query('DELETE FROM users WHERE id = $1', [id]);
    expect(await sqlState(db, 'SELECT * FROM audit.audit_log')).toBe('42501');
    await db.query('COMMIT');
    // The admin role was granted the log: it can read it (it needs USAGE on the audit schema for that).
    const seen = await asRole(db, roles.admin, {}, async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.audit_log WHERE row_key->>\'id\' = $1', [id])).rows[0]!.n);
    expect(seen).toBe(3);
    await asRole(db, roles.readonly, {}, async () => {
      expect(await sqlState(db, 'SELECT * FROM audit.audit_log')).toBe('42501');
    });
    const { rows } = await db.query<{ operation: string; actor: string; row_key: unknown; old_data: Record<string, unknown> | null; new_data: Record<string, unknown> | null }>(
      "SELECT operation, actor, row_key, old_data, new_data FROM audit.audit_log WHERE table_name = 'users' AND row_key->>'id' = $1 ORDER BY id", [id]);
    expect(rows.map((r) => r.operation)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    expect(rows.every((r) => r.actor === ALICE)).toBe(true);
    expect(rows[0]!.row_key).toEqual({ id });
    expect(rows[1]!.old_data!['email']).toBe('c@example.com');
    expect(rows[1]!.new_data!['email']).toBe('c2@example.com');
    for (const r of rows) {
      for (const data of [r.old_data, r.new_data]) {
        if (!data) continue;
        expect(Object.keys(data)).toContain('email');
        for (const hidden of ['password_hash', 'ssn', 'api_token']) expect(Object.keys(data)).not.toContain(hidden);
      }
    }
  });

  it('the read-only role reads but cannot write, nor read secret columns', async () => {
    await asRole(db, roles.readonly, { 'app.user_id': ALICE }, async () => {
      expect((await db.query('SELECT id, email FROM users ORDER BY email')).rows).toHaveLength(2);
      expect((await db.query('SELECT title FROM documents')).rows).toEqual([{ title: "alice's doc" }]);
      expect(await sqlState(db, 'SELECT password_hash FROM users')).toBe('42501');
      expect(await sqlState(db, "INSERT INTO documents (owner_id, title) VALUES ($1, 'x')", [ALICE])).toBe('42501');
      expect(await sqlState(db, "UPDATE users SET email = 'x'")).toBe('42501');
      expect(await sqlState(db, 'DELETE FROM posts')).toBe('42501');
    });
  });

  it('PUBLIC has no rights on the schema and the roles have no password or login', async () => {
    const { rows } = await db.query<{ rolname: string; rolcanlogin: boolean; rolpassword: string | null }>(
      'SELECT rolname, rolcanlogin, rolpassword FROM pg_authid WHERE rolname = ANY($1) ORDER BY rolname', [Object.values(roles)]);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => !r.rolcanlogin && r.rolpassword === null)).toBe(true);
    const pub = await db.query<{ ok: boolean }>("SELECT has_schema_privilege('public', 'public', 'CREATE') AS ok");
    expect(pub.rows[0]!.ok).toBe(false);
  });
});
