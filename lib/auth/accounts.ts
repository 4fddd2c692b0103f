/**
 * Accounts: first-run setup, sign-up (when enabled or invited), login with throttling and rehash,
 * password change. Login answers the same way (and takes about the same time) whether the account
 * exists or not: an unknown email still costs one argon2 verification, against a dummy hash.
 */
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';
import { AppError } from './errors';
import { parseEmail, normalizeEmail } from './email';
import { checkPasswordPolicy, dummyHash, hashPassword, passwordNeedsRehash, verifyPassword } from './password';
import { attemptSucceeded, purgeOldAttempts, recordAttempt } from './throttle';
import { purgeExpiredSessions } from './sessions';
import { getSettings } from './settings';
import { sha256Hex } from './tokens';

export interface User {
  id: string;
  email: string;
  isAdmin: boolean;
  createdAt: Date;
}

const userColumns = { id: tables.users.id, email: tables.users.email, isAdmin: tables.users.isAdmin, createdAt: tables.users.createdAt };

export async function userCount(ctx: AppContext): Promise<number> {
  const [row] = await ctx.db.orm.select({ n: count() }).from(tables.users);
  return row!.n;
}

/**
 * setupFirstAdmin creates the first account, as admin, only while there is none. A transaction-level
 * advisory lock serialises two simultaneous setups so exactly one wins.
 */
export async function setupFirstAdmin(ctx: AppContext, input: { email: unknown; password: unknown }): Promise<User> {
  const email = parseEmail(input.email);
  const password = checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(password, ctx.password);
  return ctx.db.orm.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4620693217682128961)`);
    const [existing] = await tx.select({ n: count() }).from(tables.users);
    if (existing!.n > 0) throw new AppError(409, 'already_set_up', 'pgcanvas is already set up: sign in instead.');
    const [user] = await tx.insert(tables.users).values({ email, passwordHash, isAdmin: true, createdAt: ctx.now() }).returning(userColumns);
    return user!;
  });
}

/** signUp creates a regular account when sign-up is enabled, or with a valid invite for that email. */
export async function signUp(ctx: AppContext, input: { email: unknown; password: unknown; invite?: unknown }): Promise<User> {
  const email = parseEmail(input.email);
  const password = checkPasswordPolicy(input.password);
  const inviteToken = typeof input.invite === 'string' && input.invite.length > 0 ? input.invite : undefined;
  if (!inviteToken && !(await getSettings(ctx)).signupEnabled) {
    throw new AppError(403, 'signup_disabled', 'Sign-up is turned off. Ask an administrator for an invitation.');
  }
  if ((await userCount(ctx)) === 0) throw new AppError(409, 'bad_request', 'pgcanvas is not set up yet: create the first account on the setup page.');
  const passwordHash = await hashPassword(password, ctx.password);
  return ctx.db.orm.transaction(async (tx) => {
    if (inviteToken) {
      const used = await tx.update(tables.invites).set({ usedAt: ctx.now() })
        .where(and(eq(tables.invites.tokenHash, sha256Hex(inviteToken)), eq(tables.invites.email, email), isNull(tables.invites.usedAt), gt(tables.invites.expiresAt, ctx.now())))
        .returning({ id: tables.invites.id });
      if (used.length === 0) throw new AppError(403, 'signup_disabled', 'This invitation is not valid for that email address (wrong address, used or expired).');
    }
    const inserted = await tx.insert(tables.users).values({ email, passwordHash, isAdmin: false, createdAt: ctx.now() })
      .onConflictDoNothing({ target: tables.users.email }).returning(userColumns);
    if (inserted.length === 0) throw new AppError(409, 'email_taken', 'An account with that email already exists: sign in instead.');
    return inserted[0]!;
  });
}

/**
 * login checks the password (throttled per account and per address), upgrades the stored hash when
 * the parameters changed, and returns the user. Any failure is the same 401 message.
 */
export async function login(ctx: AppContext, input: { email: unknown; password: unknown }, ip: string): Promise<User> {
  const email = typeof input.email === 'string' ? normalizeEmail(input.email).slice(0, 1024) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const attempt = await recordAttempt(ctx, email, ip);
  const [row] = email ? await ctx.db.orm.select({ ...userColumns, passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.email, email)) : [];
  const tooLong = [...password].length > 1024;
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash(ctx.password)), tooLong ? '' : password);
  if (!row || !ok || tooLong || password.length === 0) {
    throw new AppError(401, 'invalid_credentials', 'Wrong email or password.');
  }
  await attemptSucceeded(ctx, email, attempt);
  // Housekeeping on the way: the account's dead sessions and everyone's attempts past the window.
  await purgeExpiredSessions(ctx, row.id);
  await purgeOldAttempts(ctx);
  if (passwordNeedsRehash(row.passwordHash, ctx.password)) {
    const upgraded = await hashPassword(password, ctx.password);
    // Only replace the hash we verified: a concurrent password change wins.
    await ctx.db.orm.update(tables.users).set({ passwordHash: upgraded })
      .where(and(eq(tables.users.id, row.id), eq(tables.users.passwordHash, row.passwordHash)));
  }
  const { passwordHash: _omit, ...user } = row;
  return user;
}

/** changePassword needs the current password; other sessions are ended by the caller. */
export async function changePassword(ctx: AppContext, userId: string, current: unknown, next: unknown): Promise<void> {
  const password = checkPasswordPolicy(next);
  const [row] = await ctx.db.orm.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, userId));
  if (!row || typeof current !== 'string' || !(await verifyPassword(row.passwordHash, current))) {
    throw new AppError(403, 'invalid_credentials', 'The current password is wrong.');
  }
  await ctx.db.orm.update(tables.users).set({ passwordHash: await hashPassword(password, ctx.password) }).where(eq(tables.users.id, userId));
}

export async function findUserByEmail(ctx: AppContext, email: string): Promise<User | undefined> {
  const [row] = await ctx.db.orm.select(userColumns).from(tables.users).where(eq(tables.users.email, normalizeEmail(email)));
  return row;
}
