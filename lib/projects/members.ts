/**
 * Sharing: owners add people by email with a role, change roles and remove members. A project keeps
 * at least one owner. Any member may see who else is a member.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, findUserByEmail, notFound, parseEmail, type AppContext } from '@/lib/auth';
import { isRole, isUuid, requireRole, type Role } from './access';

export interface Member {
  userId: string;
  email: string;
  role: Role;
  createdAt: Date;
}

export async function listMembers(ctx: AppContext, userId: string, projectId: string): Promise<Member[]> {
  await requireRole(ctx, userId, projectId, 'viewer');
  return ctx.db.orm.select({ userId: tables.users.id, email: tables.users.email, role: tables.projectMembers.role, createdAt: tables.projectMembers.createdAt })
    .from(tables.projectMembers).innerJoin(tables.users, eq(tables.users.id, tables.projectMembers.userId))
    .where(eq(tables.projectMembers.projectId, projectId)).orderBy(asc(tables.projectMembers.createdAt));
}

function parseRole(value: unknown): Role {
  if (!isRole(value)) throw new AppError(400, 'bad_request', 'role must be one of owner, editor, viewer.');
  return value;
}

/** shareProject adds (or changes the role of) the account with that email. */
export async function shareProject(ctx: AppContext, userId: string, projectId: string, input: { email: unknown; role: unknown }): Promise<Member> {
  await requireRole(ctx, userId, projectId, 'owner');
  const email = parseEmail(input.email);
  const role = parseRole(input.role);
  const user = await findUserByEmail(ctx, email);
  if (!user) throw new AppError(404, 'not_found', `No account uses ${email}. Ask an administrator to invite them first.`);
  if (user.id === userId) throw new AppError(400, 'bad_request', 'You are already the owner of this project.');
  const [row] = await ctx.db.orm.insert(tables.projectMembers).values({ projectId, userId: user.id, role, createdAt: ctx.now() })
    .onConflictDoUpdate({ target: [tables.projectMembers.projectId, tables.projectMembers.userId], set: { role } })
    .returning({ createdAt: tables.projectMembers.createdAt });
  return { userId: user.id, email: user.email, role, createdAt: row!.createdAt };
}

async function ownerCount(ctx: AppContext, projectId: string): Promise<number> {
  const [row] = await ctx.db.orm.select({ n: count() }).from(tables.projectMembers)
    .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.role, 'owner')));
  return row!.n;
}

export async function changeMemberRole(ctx: AppContext, userId: string, projectId: string, memberId: string, roleInput: unknown): Promise<{ userId: string; role: Role }> {
  await requireRole(ctx, userId, projectId, 'owner');
  const role = parseRole(roleInput);
  if (!isUuid(memberId)) throw notFound('member');
  return ctx.db.orm.transaction(async (tx) => {
    const [current] = await tx.select({ role: tables.projectMembers.role }).from(tables.projectMembers)
      .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, memberId))).for('update');
    if (!current) throw notFound('member');
    await tx.update(tables.projectMembers).set({ role }).where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, memberId)));
    if (current.role === 'owner' && role !== 'owner' && (await ownerCount({ ...ctx, db: { ...ctx.db, orm: tx as never } }, projectId)) === 0) {
      throw new AppError(409, 'conflict', 'A project needs at least one owner.');
    }
    return { userId: memberId, role };
  });
}

/** removeMember: owners remove anyone; any member may remove themselves (leave). */
export async function removeMember(ctx: AppContext, userId: string, projectId: string, memberId: string): Promise<void> {
  await requireRole(ctx, userId, projectId, memberId === userId ? 'viewer' : 'owner');
  if (!isUuid(memberId)) throw notFound('member');
  await ctx.db.orm.transaction(async (tx) => {
    const gone = await tx.delete(tables.projectMembers)
      .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, memberId))).returning({ role: tables.projectMembers.role });
    if (gone.length === 0) throw notFound('member');
    if (gone[0]!.role === 'owner' && (await ownerCount({ ...ctx, db: { ...ctx.db, orm: tx as never } }, projectId)) === 0) {
      throw new AppError(409, 'conflict', 'A project needs at least one owner: make someone else owner first.');
    }
  });
}
