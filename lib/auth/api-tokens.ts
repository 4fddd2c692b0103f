/**
 * API tokens for scripts (`Authorization: Bearer pgc_...`): created in settings, shown once, stored as
 * SHA-256. A token acts as its user, with the user's roles.
 */
import { and, desc, eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';
import { AppError } from './errors';
import type { SessionUser } from './sessions';
import { newToken, sha256Hex } from './tokens';

export const API_TOKEN_PREFIX = 'pgc_';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

const infoColumns = {
  id: tables.apiTokens.id, name: tables.apiTokens.name, createdAt: tables.apiTokens.createdAt,
  lastUsedAt: tables.apiTokens.lastUsedAt, expiresAt: tables.apiTokens.expiresAt,
};

export async function createApiToken(ctx: AppContext, userId: string, nameInput: unknown, expiresInDays?: unknown): Promise<ApiTokenInfo & { token: string }> {
  const name = typeof nameInput === 'string' ? nameInput.trim() : '';
  if (name.length < 1 || name.length > 100) throw new AppError(400, 'bad_request', 'Token name must be 1 to 100 characters.');
  let expiresAt: Date | null = null;
  if (expiresInDays !== undefined && expiresInDays !== null) {
    if (typeof expiresInDays !== 'number' || !Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650) {
      throw new AppError(400, 'bad_request', 'expiresInDays must be a whole number of days from 1 to 3650.');
    }
    expiresAt = new Date(ctx.now().getTime() + expiresInDays * 24 * 3600_000);
  }
  const token = newToken(API_TOKEN_PREFIX);
  const [row] = await ctx.db.orm.insert(tables.apiTokens)
    .values({ userId, name, tokenHash: sha256Hex(token), createdAt: ctx.now(), expiresAt })
    .returning(infoColumns);
  return { ...row!, token };
}

export async function listApiTokens(ctx: AppContext, userId: string): Promise<ApiTokenInfo[]> {
  return ctx.db.orm.select(infoColumns).from(tables.apiTokens).where(eq(tables.apiTokens.userId, userId)).orderBy(desc(tables.apiTokens.createdAt));
}

export async function revokeApiToken(ctx: AppContext, userId: string, id: string): Promise<boolean> {
  const gone = await ctx.db.orm.delete(tables.apiTokens).where(and(eq(tables.apiTokens.id, id), eq(tables.apiTokens.userId, userId))).returning({ id: tables.apiTokens.id });
  return gone.length > 0;
}

/** The columns an API token's resolution needs (also read by queries that join the token, see http.ts). */
export const apiTokenColumns = {
  tokenId: tables.apiTokens.id, userId: tables.users.id, email: tables.users.email, isAdmin: tables.users.isAdmin,
  expiresAt: tables.apiTokens.expiresAt, lastUsedAt: tables.apiTokens.lastUsedAt,
};

export interface ApiTokenRow {
  tokenId: string; userId: string; email: string; isAdmin: boolean;
  expiresAt: Date | null; lastUsedAt: Date | null;
}

/** apiTokenOk: the shape any API token of ours has; others are refused without a query. */
export function apiTokenOk(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX) && token.length <= 100;
}

/** resolveApiToken returns the token's user, or undefined when unknown or expired. */
export async function resolveApiToken(ctx: AppContext, token: string): Promise<SessionUser | undefined> {
  if (!apiTokenOk(token)) return undefined;
  return settleApiToken(ctx, await findApiToken(ctx, sha256Hex(token)));
}

/** findApiToken reads the row of the token whose SHA-256 is `hash` (undefined: none), for settleApiToken. */
export async function findApiToken(ctx: AppContext, hash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await ctx.db.orm
    .select(apiTokenColumns)
    .from(tables.apiTokens).innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .where(eq(tables.apiTokens.tokenHash, hash));
  return row;
}

/**
 * settleApiToken applies the token rules to the row found for a token (undefined: none): an expired
 * token is refused; use is recorded at most once a minute. Every way of reading a token goes through it.
 */
export async function settleApiToken(ctx: AppContext, row: ApiTokenRow | undefined): Promise<SessionUser | undefined> {
  if (!row) return undefined;
  const now = ctx.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return undefined;
  // Record use at most once a minute so busy scripts do not write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await ctx.db.orm.update(tables.apiTokens).set({ lastUsedAt: now }).where(eq(tables.apiTokens.id, row.tokenId));
  }
  return { userId: row.userId, email: row.email, isAdmin: row.isAdmin };
}
