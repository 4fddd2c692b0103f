/** Invitations: an admin invites an email address; the link's token is shown once and stored hashed. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';
import { parseEmail } from './email';
import { newToken, sha256Hex } from './tokens';

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

export async function createInvite(ctx: AppContext, createdBy: string, emailInput: unknown): Promise<{ id: string; email: string; token: string; expiresAt: Date }> {
  const email = parseEmail(emailInput);
  const token = newToken('inv_');
  const expiresAt = new Date(ctx.now().getTime() + INVITE_TTL_MS);
  const [row] = await ctx.db.orm.insert(tables.invites)
    .values({ email, tokenHash: sha256Hex(token), createdBy, createdAt: ctx.now(), expiresAt })
    .returning({ id: tables.invites.id });
  return { id: row!.id, email, token, expiresAt };
}

export async function listOpenInvites(ctx: AppContext): Promise<{ id: string; email: string; createdAt: Date; expiresAt: Date }[]> {
  return ctx.db.orm.select({ id: tables.invites.id, email: tables.invites.email, createdAt: tables.invites.createdAt, expiresAt: tables.invites.expiresAt })
    .from(tables.invites).where(isNull(tables.invites.usedAt)).orderBy(desc(tables.invites.createdAt));
}

export async function revokeInvite(ctx: AppContext, id: string): Promise<boolean> {
  const gone = await ctx.db.orm.delete(tables.invites).where(and(eq(tables.invites.id, id), isNull(tables.invites.usedAt))).returning({ id: tables.invites.id });
  return gone.length > 0;
}
