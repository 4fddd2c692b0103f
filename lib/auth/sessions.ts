/**
 * Browser sessions: a random 256-bit token goes into the cookie, only its SHA-256 into the database.
 * Sliding expiry: each use (at most once per renewAfterMs) pushes the expiry idleMs ahead, capped at
 * createdAt + absoluteMs.
 */
import { and, eq, lt } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';
import { newToken, sha256Hex } from './tokens';

export interface SessionUser {
  userId: string;
  email: string;
  isAdmin: boolean;
}

export interface ResolvedSession extends SessionUser {
  sessionId: string;
  expiresAt: Date;
  /** The expiry moved: the cookie must be sent again with the new lifetime. */
  renewed: boolean;
}

export async function createSession(ctx: AppContext, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + Math.min(ctx.session.idleMs, ctx.session.absoluteMs));
  await ctx.db.orm.insert(tables.sessions).values({ userId, tokenHash: sha256Hex(token), createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The columns a session's resolution needs (also read by queries that join the session, see http.ts). */
export const sessionColumns = {
  sessionId: tables.sessions.id, userId: tables.users.id, email: tables.users.email, isAdmin: tables.users.isAdmin,
  createdAt: tables.sessions.createdAt, lastSeenAt: tables.sessions.lastSeenAt, expiresAt: tables.sessions.expiresAt,
};

export interface SessionRow {
  sessionId: string; userId: string; email: string; isAdmin: boolean;
  createdAt: Date; lastSeenAt: Date; expiresAt: Date;
}

/** sessionTokenOk: the shape any token of ours has; others are refused without a query. */
export function sessionTokenOk(token: string): boolean {
  return token.length >= 20 && token.length <= 100;
}

/** resolveSession returns the session's user, or undefined when the token is unknown or expired. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | undefined> {
  if (!sessionTokenOk(token)) return undefined;
  return settleSession(ctx, await findSession(ctx, sha256Hex(token)));
}

/** findSession reads the row of the session whose token's SHA-256 is `hash` (undefined: none), for settleSession. */
export async function findSession(ctx: AppContext, hash: string): Promise<SessionRow | undefined> {
  const [row] = await ctx.db.orm
    .select(sessionColumns)
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(eq(tables.sessions.tokenHash, hash));
  return row;
}

/**
 * settleSession applies the session rules to the row found for a token (undefined: none): an expired
 * session is deleted and refused; a used one is renewed (sliding expiry, capped) at most once per
 * renewAfterMs. Every way of reading a session goes through it.
 */
export async function settleSession(ctx: AppContext, row: SessionRow | undefined): Promise<ResolvedSession | undefined> {
  if (!row) return undefined;
  const now = ctx.now();
  if (row.expiresAt.getTime() <= now.getTime()) {
    await ctx.db.orm.delete(tables.sessions).where(eq(tables.sessions.id, row.sessionId));
    return undefined;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (now.getTime() - row.lastSeenAt.getTime() >= ctx.session.renewAfterMs) {
    const candidate = new Date(Math.min(now.getTime() + ctx.session.idleMs, row.createdAt.getTime() + ctx.session.absoluteMs));
    if (candidate.getTime() > expiresAt.getTime()) {
      expiresAt = candidate;
      renewed = true;
    }
    await ctx.db.orm.update(tables.sessions).set({ lastSeenAt: now, expiresAt }).where(eq(tables.sessions.id, row.sessionId));
  }
  return { sessionId: row.sessionId, userId: row.userId, email: row.email, isAdmin: row.isAdmin, expiresAt, renewed };
}

export async function deleteSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.orm.delete(tables.sessions).where(eq(tables.sessions.id, sessionId));
}

/** deleteAllSessions is "log out everywhere"; returns how many sessions ended. */
export async function deleteAllSessions(ctx: AppContext, userId: string): Promise<number> {
  const gone = await ctx.db.orm.delete(tables.sessions).where(eq(tables.sessions.userId, userId)).returning({ id: tables.sessions.id });
  return gone.length;
}

/** purgeExpiredSessions removes sessions past their expiry (housekeeping; expired ones are refused anyway). */
export async function purgeExpiredSessions(ctx: AppContext, userId?: string): Promise<void> {
  const expired = lt(tables.sessions.expiresAt, ctx.now());
  await ctx.db.orm.delete(tables.sessions).where(userId ? and(expired, eq(tables.sessions.userId, userId)) : expired);
}
