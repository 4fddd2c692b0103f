/**
 * Project roles and the one check every project route makes: the caller must be a member with at
 * least the needed role. A caller who is not a member, an id that is not a uuid, and a deleted project
 * all get the same 404, so ids reveal nothing; a member with too small a role gets 403.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, notFound, type AppContext } from '@/lib/auth';

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const ACTION: Record<Role, string> = { viewer: 'view', editor: 'edit', owner: 'manage' };

/** requireRole returns the caller's role on a live project, or throws 404/403. */
export async function requireRole(ctx: AppContext, userId: string, projectId: string, needed: Role, options: { deleted?: boolean } = {}): Promise<Role> {
  if (!isUuid(projectId)) throw notFound();
  const [row] = await ctx.db.orm
    .select({ role: tables.projectMembers.role, deletedAt: tables.projects.deletedAt })
    .from(tables.projectMembers)
    .innerJoin(tables.projects, eq(tables.projects.id, tables.projectMembers.projectId))
    .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, userId), options.deleted ? undefined : isNull(tables.projects.deletedAt)));
  if (!row) throw notFound();
  if (options.deleted && row.deletedAt === null) throw notFound();
  if (!roleAtLeast(row.role, needed)) throw forbidden(row.role, needed);
  return row.role;
}

export function forbidden(role: Role, needed: Role): AppError {
  return new AppError(403, 'forbidden', `You are a ${role} of this project; ${ACTION[needed]} needs the ${needed} role.`);
}
