/**
 * Accounts and sessions through the API route handlers, on PGlite (a data folder) and on the
 * PostgreSQL server: setup, login, wrong password, throttling, rehash, expiry, logout everywhere,
 * Origin checks, API tokens, sign-up and invitations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { OWASP_ARGON2ID, sha256Hex } from '@/lib/auth';
import { DATABASE_KINDS } from '@/lib/testing';
import { LOW_COST, PASSWORD, addUser, openTestApp, setupAdmin, type TestApp } from './harness';

describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await openTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('first-run setup creates an admin, signs it in, and then refuses a second setup', async () => {
    const anon = t.client();
    expect((await anon.call('GET', '/api/setup')).body).toEqual({ needsSetup: true, signupEnabled: false });
    const weak = await anon.call('POST', '/api/setup', { body: { email: 'admin@example.com', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    const tooLong = await anon.call('POST', '/api/setup', { body: { email: 'admin@example.com', password: 'x'.repeat(1025) } });
    expect(tooLong.body.error.code).toBe('weak_password');

    const admin = t.client();
    const r = await admin.call('POST', '/api/setup', { body: { email: ' Admin@Example.com ', password: PASSWORD } });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ email: 'admin@example.com', isAdmin: true });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await admin.call('GET', '/api/session')).body.user.email).toBe('admin@example.com');

    const again = await t.client().call('POST', '/api/setup', { body: { email: 'other@example.com', password: PASSWORD } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect((await anon.call('GET', '/api/setup')).body.needsSetup).toBe(false);
  });

  it('stores only argon2id hashes with the OWASP parameters and only SHA-256 of session tokens', async () => {
    const [user] = await t.app.db.orm.select().from(tables.users);
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
    const c = t.client();
    await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const rows = await t.app.db.orm.select().from(tables.sessions);
    expect(rows.map((r) => r.tokenHash)).toContain(sha256Hex(c.cookie!));
    expect(rows.map((r) => r.tokenHash)).not.toContain(c.cookie);
    expect(Buffer.from(c.cookie!, 'base64url')).toHaveLength(32);
  });

  it('login: right password works; wrong password and unknown account get the same 401', async () => {
    const ok = await t.client().call('POST', '/api/session', { body: { email: 'ADMIN@example.com', password: PASSWORD } });
    expect(ok.status).toBe(200);
    const wrong = await t.client().call('POST', '/api/session', { body: { email: 'admin@example.com', password: 'wrong password 123' } });
    const unknown = await t.client().call('POST', '/api/session', { body: { email: 'nobody@example.com', password: 'wrong password 123' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const missing = await t.client().call('POST', '/api/session', { body: {} });
    expect(missing.status).toBe(401);
  });

  it('throttles failed logins per account (whether or not it exists) and per address, in the database', async () => {
    t.advance(16 * 60_000); // earlier tests' failures leave the window
    t.configure({ throttle: { windowMs: 15 * 60_000, maxPerAccount: 3, maxPerIp: 8 } });
    try {
      for (const email of ['victim@example.com', 'admin@example.com']) {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await t.client().call('POST', '/api/session', { body: { email, password: 'not the password!' }, headers: { 'x-forwarded-for': `10.1.0.${i}` } });
          statuses.push(r.status);
        }
        expect(statuses).toEqual([401, 401, 401, 429, 429]);
      }
      // The right password is refused too while the account is throttled (so guessing cannot continue)...
      const blocked = await t.client().call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.1.1' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('too_many_attempts');
      expect(blocked.headers.get('retry-after')).toBe('900');
      // ...and is accepted once the window has passed.
      t.advance(16 * 60_000);
      const after = await t.client().call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.1.1' } });
      expect(after.status).toBe(200);
      // Per address: many accounts from one address.
      const perIp: number[] = [];
      for (let i = 0; i < 10; i++) {
        perIp.push((await t.client().call('POST', '/api/session', { body: { email: `spray${i}@example.com`, password: 'not the password!' }, headers: { 'x-forwarded-for': '10.9.9.9' } })).status);
      }
      expect(perIp.slice(0, 8).every((s) => s === 401)).toBe(true);
      expect(perIp.slice(8)).toEqual([429, 429]);
      const rows = await t.app.db.orm.select().from(tables.loginAttempts).where(eq(tables.loginAttempts.ip, '10.9.9.9'));
      expect(rows.length).toBe(10);
    } finally {
      t.advance(16 * 60_000);
      t.configure({ throttle: { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerIp: 50 } });
    }
  });

  it('rehashes the password at login when the hashing parameters change', async () => {
    const admin = t.client();
    await admin.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    t.configure({ password: LOW_COST });
    try {
      const invited = await addUser(t, admin, 'cheap@example.com');
      expect(invited.cookie).toBeTruthy();
      const hashOf = async () => (await t.app.db.orm.select().from(tables.users).where(eq(tables.users.email, 'cheap@example.com')))[0]!.passwordHash;
      expect(await hashOf()).toMatch(/\$m=8192,t=1,p=1\$/);
      t.configure({ password: OWASP_ARGON2ID });
      const r = await t.client().call('POST', '/api/session', { body: { email: 'cheap@example.com', password: PASSWORD } });
      expect(r.status).toBe(200);
      expect(await hashOf()).toMatch(/\$m=19456,t=2,p=1\$/);
      // The upgraded hash still verifies.
      expect((await t.client().call('POST', '/api/session', { body: { email: 'cheap@example.com', password: PASSWORD } })).status).toBe(200);
    } finally {
      t.configure({ password: OWASP_ARGON2ID });
    }
  });

  it('sessions expire when idle, slide when used, and never outlive the absolute limit', async () => {
    t.configure({ session: { idleMs: 60 * 60_000, absoluteMs: 3 * 60 * 60_000, renewAfterMs: 5 * 60_000 } });
    try {
      const c = t.client();
      await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
      t.advance(50 * 60_000);
      const used = await c.call('GET', '/api/session');
      expect(used.status).toBe(200);
      const maxAge = Number(used.headers.get('set-cookie')!.match(/Max-Age=(\d+)/)![1]);
      expect(maxAge).toBeGreaterThan(3590); // renewed for another hour
      expect(maxAge).toBeLessThanOrEqual(3600);
      t.advance(50 * 60_000); // 100 min after login, 50 after last use: alive thanks to the renewal
      expect((await c.call('GET', '/api/session')).status).toBe(200);
      t.advance(50 * 60_000); // 150 min: renewed, but capped at the 180 min absolute limit
      expect((await c.call('GET', '/api/session')).status).toBe(200);
      t.advance(25 * 60_000); // 175 min
      expect((await c.call('GET', '/api/session')).status).toBe(200);
      t.advance(10 * 60_000); // 185 min: used 10 minutes ago, yet past the absolute limit
      const dead = await c.call('GET', '/api/session');
      expect(dead.status).toBe(401);

      const idle = t.client();
      await idle.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
      t.advance(61 * 60_000);
      const r = await idle.call('GET', '/api/session');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthenticated');
    } finally {
      t.configure({ session: { idleMs: 14 * 24 * 3600_000, absoluteMs: 90 * 24 * 3600_000, renewAfterMs: 3600_000 } });
    }
  });

  it('logs out one session, or every session of the account', async () => {
    const a = t.client();
    const b = t.client();
    for (const c of [a, b]) await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const cookieA = a.cookie;
    const out = await a.call('DELETE', '/api/session');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    a.cookie = cookieA; // a stolen copy of the old cookie is dead too
    expect((await a.call('GET', '/api/session')).status).toBe(401);
    expect((await b.call('GET', '/api/session')).status).toBe(200);
    const c = t.client();
    await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const all = await c.call('DELETE', '/api/session?all=1');
    expect(all.body.ended).toBeGreaterThanOrEqual(2);
    expect((await b.call('GET', '/api/session')).status).toBe(401);
  });

  it('refuses mutating requests from another origin, or without Origin unless a Bearer token is used', async () => {
    const c = t.client();
    await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const evil = await c.call('POST', '/api/projects', { body: { name: 'x' }, headers: { origin: 'http://evil.test' } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('bad_origin');
    const none = await c.call('POST', '/api/projects', { body: { name: 'x' }, noOrigin: true });
    expect(none.status).toBe(403);
    const loginCsrf = await t.client().call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD }, headers: { origin: 'http://evil.test' } });
    expect(loginCsrf.status).toBe(403);
    expect((await c.call('GET', '/api/projects', { headers: { origin: 'http://evil.test' } })).status).toBe(200);
  });

  it('API tokens: shown once, stored hashed, accepted as Bearer (without Origin), revocable', async () => {
    const c = t.client();
    await c.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const created = await c.call('POST', '/api/tokens', { body: { name: 'ci script' } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^pgc_[A-Za-z0-9_-]{43}$/);
    const listed = await c.call('GET', '/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const rows = await t.app.db.orm.select().from(tables.apiTokens);
    expect(rows.map((r) => r.tokenHash)).toContain(sha256Hex(token));

    const script = t.client();
    const made = await script.call('POST', '/api/projects', { body: { name: 'from a script' }, token, noOrigin: true });
    expect(made.status).toBe(201);
    expect((await script.call('GET', '/api/session', { token })).body.via).toBe('token');
    expect((await script.call('GET', '/api/projects', { token: 'pgc_' + 'A'.repeat(43) })).status).toBe(401);
    expect((await c.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(200);
    expect((await script.call('GET', '/api/projects', { token })).status).toBe(401);
  });

  it('sign-up is off until an admin enables it; invitations work for their address only', async () => {
    const admin = t.client();
    await admin.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const off = await t.client().call('POST', '/api/users', { body: { email: 'new@example.com', password: PASSWORD } });
    expect(off.status).toBe(403);
    expect(off.body.error.code).toBe('signup_disabled');

    const invite = await admin.call('POST', '/api/invites', { body: { email: 'invited@example.com' } });
    const wrongAddress = await t.client().call('POST', '/api/users', { body: { email: 'other@example.com', password: PASSWORD, invite: invite.body.token } });
    expect(wrongAddress.status).toBe(403);
    const ok = await t.client().call('POST', '/api/users', { body: { email: 'invited@example.com', password: PASSWORD, invite: invite.body.token } });
    expect(ok.status).toBe(201);
    const reused = await t.client().call('POST', '/api/users', { body: { email: 'invited@example.com', password: PASSWORD, invite: invite.body.token } });
    expect(reused.status).toBe(403);

    const user = t.client();
    await user.call('POST', '/api/session', { body: { email: 'invited@example.com', password: PASSWORD } });
    expect((await user.call('PATCH', '/api/settings', { body: { signupEnabled: true } })).status).toBe(403);
    expect((await user.call('POST', '/api/invites', { body: { email: 'x@example.com' } })).status).toBe(403);
    expect((await admin.call('PATCH', '/api/settings', { body: { signupEnabled: true } })).body).toEqual({ signupEnabled: true });
    const open = await t.client().call('POST', '/api/users', { body: { email: 'new@example.com', password: PASSWORD } });
    expect(open.status).toBe(201);
    const dup = await t.client().call('POST', '/api/users', { body: { email: 'NEW@example.com', password: PASSWORD } });
    expect(dup.status).toBe(409);
    await admin.call('PATCH', '/api/settings', { body: { signupEnabled: false } });
  });

  it('changing the password needs the current one, keeps this session and ends the others', async () => {
    const admin = t.client();
    await admin.call('POST', '/api/session', { body: { email: 'admin@example.com', password: PASSWORD } });
    const invite = await admin.call('POST', '/api/invites', { body: { email: 'changer@example.com' } });
    const me = t.client();
    await me.call('POST', '/api/users', { body: { email: 'changer@example.com', password: PASSWORD, invite: invite.body.token } });
    const other = t.client();
    await other.call('POST', '/api/session', { body: { email: 'changer@example.com', password: PASSWORD } });
    const wrong = await me.call('PUT', '/api/account/password', { body: { currentPassword: 'nope nope nope', newPassword: 'a brand new password' } });
    expect(wrong.status).toBe(403);
    const weak = await me.call('PUT', '/api/account/password', { body: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.body.error.code).toBe('weak_password');
    const ok = await me.call('PUT', '/api/account/password', { body: { currentPassword: PASSWORD, newPassword: 'a brand new password' } });
    expect(ok.body).toEqual({ changed: true, endedSessions: 1 });
    expect((await me.call('GET', '/api/session')).status).toBe(200);
    expect((await other.call('GET', '/api/session')).status).toBe(401);
    expect((await t.client().call('POST', '/api/session', { body: { email: 'changer@example.com', password: PASSWORD } })).status).toBe(401);
    expect((await t.client().call('POST', '/api/session', { body: { email: 'changer@example.com', password: 'a brand new password' } })).status).toBe(200);
  });

  it('bad JSON and wrong types get 400 with a message, never a 500', async () => {
    const c = t.client();
    const r = await c.call('POST', '/api/session', { raw: '{"email": ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
    const arr = await c.call('POST', '/api/setup', { raw: '[]' });
    expect(arr.status).toBe(400);
    const num = await c.call('POST', '/api/users', { body: { email: 42, password: PASSWORD } });
    expect(num.status).toBeLessThan(500);
  });
});
