/**
 * Named versions: immutable snapshots of the working model with author, time and message (the
 * database refuses UPDATE on them). Numbered 1, 2, ... per project. Restoring one writes its model as
 * a new working version and records that as a named version too, so history only grows.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, notFound, type AppContext } from '@/lib/auth';
import type { Model } from '@/lib/model';
import { isUuid, requireRole } from './access';
import { writeModel } from './working-model';

export interface VersionSummary {
  id: string;
  number: number;
  message: string;
  workingVersion: number;
  authorEmail: string | null;
  createdAt: Date;
}

export interface VersionDetail extends VersionSummary {
  model: Model;
}

const summaryColumns = {
  id: tables.modelVersions.id, number: tables.modelVersions.number, message: tables.modelVersions.message,
  workingVersion: tables.modelVersions.workingVersion, authorEmail: tables.users.email, createdAt: tables.modelVersions.createdAt,
};

function parseMessage(value: unknown): string {
  const message = typeof value === 'string' ? value.trim() : '';
  if (message.length < 1 || message.length > 2000) throw new AppError(400, 'bad_request', 'A version needs a message of 1 to 2000 characters.');
  return message;
}

async function snapshot(ctx: AppContext, userId: string, projectId: string, message: string): Promise<{ versionId: string; number: number }> {
  // Two snapshots at once must not take the same number: serialise per project on its working row.
  return ctx.db.orm.transaction(async (tx) => {
    const [working] = await tx.select({ model: tables.projectModels.model, version: tables.projectModels.version })
      .from(tables.projectModels).where(eq(tables.projectModels.projectId, projectId)).for('update');
    const [last] = await tx.select({ n: max(tables.modelVersions.number) }).from(tables.modelVersions).where(eq(tables.modelVersions.projectId, projectId));
    const number = (last?.n ?? 0) + 1;
    const [row] = await tx.insert(tables.modelVersions).values({
      projectId, number, message, model: working!.model, workingVersion: working!.version, authorId: userId, createdAt: ctx.now(),
    }).returning({ id: tables.modelVersions.id });
    return { versionId: row!.id, number };
  });
}

export async function createVersion(ctx: AppContext, userId: string, projectId: string, messageInput: unknown): Promise<{ versionId: string; number: number }> {
  const message = parseMessage(messageInput);
  await requireRole(ctx, userId, projectId, 'editor');
  return snapshot(ctx, userId, projectId, message);
}

export async function listVersions(ctx: AppContext, userId: string, projectId: string): Promise<VersionSummary[]> {
  await requireRole(ctx, userId, projectId, 'viewer');
  return ctx.db.orm.select(summaryColumns).from(tables.modelVersions)
    .leftJoin(tables.users, eq(tables.users.id, tables.modelVersions.authorId))
    .where(eq(tables.modelVersions.projectId, projectId)).orderBy(desc(tables.modelVersions.number));
}

export async function getVersion(ctx: AppContext, userId: string, projectId: string, versionId: string): Promise<VersionDetail> {
  await requireRole(ctx, userId, projectId, 'viewer');
  if (!isUuid(versionId)) throw notFound('version');
  const [row] = await ctx.db.orm.select({ ...summaryColumns, model: tables.modelVersions.model }).from(tables.modelVersions)
    .leftJoin(tables.users, eq(tables.users.id, tables.modelVersions.authorId))
    .where(and(eq(tables.modelVersions.projectId, projectId), eq(tables.modelVersions.id, versionId)));
  if (!row) throw notFound('version');
  return { ...row, model: row.model as Model };
}

/** restoreVersion makes a named version's model the working model again (as a new working version). */
export async function restoreVersion(ctx: AppContext, userId: string, projectId: string, versionId: string, baseVersion?: number): Promise<{ version: number; versionId: string; number: number }> {
  await requireRole(ctx, userId, projectId, 'editor');
  const source = await getVersion(ctx, userId, projectId, versionId);
  const { version } = await writeModel(ctx, userId, projectId, source.model, baseVersion);
  const created = await snapshot(ctx, userId, projectId, `Restored version ${source.number}: ${source.message}`.slice(0, 2000));
  return { version, ...created };
}

