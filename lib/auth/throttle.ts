/**
 * Login throttling, stored in the database so that it holds across app instances. An attempt is
 * recorded before the password is checked (so concurrent guesses are counted too) and removed again
 * when it succeeds; failed ones stay for the window. Keyed by the email as typed (whether or not the
 * account exists, so the answer reveals nothing) and by the client address.
 */
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';
import { AppError } from './errors';

export interface AttemptHandle { id: string }

/** recordAttempt counts an attempt and throws 429 when the account or the address is over its limit. */
export async function recordAttempt(ctx: AppContext, email: string, ip: string): Promise<AttemptHandle> {
  const now = ctx.now();
  const since = new Date(now.getTime() - ctx.throttle.windowMs);
  const [row] = await ctx.db.orm.insert(tables.loginAttempts).values({ email, ip, at: now }).returning({ id: tables.loginAttempts.id });
  const [byEmail] = await ctx.db.orm.select({ n: count() }).from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.email, email), gte(tables.loginAttempts.at, since)));
  const [byIp] = await ctx.db.orm.select({ n: count() }).from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.ip, ip), gte(tables.loginAttempts.at, since)));
  if (byEmail!.n > ctx.throttle.maxPerAccount || byIp!.n > ctx.throttle.maxPerIp) {
    const minutes = Math.ceil(ctx.throttle.windowMs / 60_000);
    throw new AppError(429, 'too_many_attempts', `Too many sign-in attempts. Wait ${minutes} minutes and try again.`, undefined,
      { 'Retry-After': String(Math.ceil(ctx.throttle.windowMs / 1000)) });
  }
  return { id: row!.id };
}

/** attemptSucceeded forgets the attempt and the account's earlier failures. */
export async function attemptSucceeded(ctx: AppContext, email: string, handle: AttemptHandle): Promise<void> {
  await ctx.db.orm.delete(tables.loginAttempts).where(eq(tables.loginAttempts.id, handle.id));
  await ctx.db.orm.delete(tables.loginAttempts).where(eq(tables.loginAttempts.email, email));
}

/** purgeOldAttempts drops attempts older than the window (housekeeping). */
export async function purgeOldAttempts(ctx: AppContext): Promise<void> {
  await ctx.db.orm.delete(tables.loginAttempts).where(lt(tables.loginAttempts.at, new Date(ctx.now().getTime() - ctx.throttle.windowMs)));
}
