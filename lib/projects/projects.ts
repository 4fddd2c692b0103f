/**
 * Projects: list, create, read, rename, duplicate, soft delete and restore. Deleted projects stay
 * recoverable for RETENTION_MS and are purged after that.
 */
import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, type AppContext } from '@/lib/auth';
import { emptyModel, type Model } from '@/lib/model';
import { requireRole, type Role } from './access';
import { checkModel } from './model-check';
import { modelJsonbText } from './jsonb-text';

export const RETENTION_MS = 30 * 24 * 3600_000;

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface ProjectDetail extends ProjectSummary {
  model: Model;
}

export function parseProjectName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length < 1 || name.length > 200) throw new AppError(400, 'bad_request', 'Project name must be 1 to 200 characters.');
  return name;
}

const summaryColumns = {
  id: tables.projects.id, name: tables.projects.name, role: tables.projectMembers.role, version: tables.projectModels.version,
  createdAt: tables.projects.createdAt, updatedAt: sql<Date>`greatest(${tables.projects.updatedAt}, ${tables.projectModels.updatedAt})`.mapWith(tables.projects.updatedAt),
  deletedAt: tables.projects.deletedAt,
};

function summaries(ctx: AppContext) {
  return ctx.db.orm.select(summaryColumns).from(tables.projects)
    .innerJoin(tables.projectMembers, eq(tables.projectMembers.projectId, tables.projects.id))
    .innerJoin(tables.projectModels, eq(tables.projectModels.projectId, tables.projects.id));
}

/** listProjects: the caller's live projects, most recently changed first. */
export async function listProjects(ctx: AppContext, userId: string): Promise<ProjectSummary[]> {
  const rows = await summaries(ctx).where(and(eq(tables.projectMembers.userId, userId), isNull(tables.projects.deletedAt)));
  return rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

/** listDeletedProjects: projects the caller owns that are in the bin (and not yet purged). */
export async function listDeletedProjects(ctx: AppContext, userId: string): Promise<(ProjectSummary & { purgeAt: Date })[]> {
  await purgeDeletedProjects(ctx);
  const rows = await summaries(ctx)
    .where(and(eq(tables.projectMembers.userId, userId), eq(tables.projectMembers.role, 'owner'), isNotNull(tables.projects.deletedAt)))
    .orderBy(desc(tables.projects.deletedAt));
  return rows.map((r) => ({ ...r, purgeAt: new Date(r.deletedAt!.getTime() + RETENTION_MS) }));
}

/** createProject stores a valid model (empty when none is given) as version 1, the caller as owner. */
export async function createProject(ctx: AppContext, userId: string, nameInput: unknown, modelInput?: unknown): Promise<{ id: string; version: number }> {
  const name = parseProjectName(nameInput);
  let model: Model = emptyModel();
  if (modelInput !== undefined && modelInput !== null) {
    const checked = await checkModel(modelInput);
    if (!checked.ok) throw new AppError(422, 'validation_failed', 'The model is not valid; nothing was stored.', { findings: checked.findings });
    model = checked.model;
  }
  const now = ctx.now();
  return ctx.db.orm.transaction(async (tx) => {
    const [project] = await tx.insert(tables.projects).values({ name, createdBy: userId, createdAt: now, updatedAt: now }).returning({ id: tables.projects.id });
    await tx.insert(tables.projectMembers).values({ projectId: project!.id, userId, role: 'owner', createdAt: now });
    // The canonical text every save writes too (jsonb-text.ts), so every stored version reads back alike.
    const [working] = await tx.insert(tables.projectModels).values({ projectId: project!.id, model: sql`${modelJsonbText(model)}::json`, version: 1, updatedAt: now, updatedBy: userId }).returning({ version: tables.projectModels.version });
    return { id: project!.id, version: working!.version };
  });
}

export async function getProject(ctx: AppContext, userId: string, projectId: string): Promise<ProjectDetail> {
  await requireRole(ctx, userId, projectId, 'viewer');
  const [row] = await ctx.db.orm.select({ ...summaryColumns, model: tables.projectModels.model }).from(tables.projects)
    .innerJoin(tables.projectMembers, eq(tables.projectMembers.projectId, tables.projects.id))
    .innerJoin(tables.projectModels, eq(tables.projectModels.projectId, tables.projects.id))
    .where(and(eq(tables.projects.id, projectId), eq(tables.projectMembers.userId, userId)));
  return { ...row!, model: row!.model as Model };
}

export async function renameProject(ctx: AppContext, userId: string, projectId: string, nameInput: unknown): Promise<{ id: string; name: string }> {
  const name = parseProjectName(nameInput);
  await requireRole(ctx, userId, projectId, 'editor');
  await ctx.db.orm.update(tables.projects).set({ name, updatedAt: ctx.now() }).where(eq(tables.projects.id, projectId));
  return { id: projectId, name };
}

/** duplicateProject copies the working model (not the history) into a new project the caller owns. */
export async function duplicateProject(ctx: AppContext, userId: string, projectId: string, nameInput?: unknown): Promise<{ id: string; version: number }> {
  const source = await getProject(ctx, userId, projectId);
  const name = nameInput === undefined || nameInput === null ? `Copy of ${source.name}`.slice(0, 200) : nameInput;
  return createProject(ctx, userId, name, source.model);
}

export async function deleteProject(ctx: AppContext, userId: string, projectId: string): Promise<{ id: string; purgeAt: Date }> {
  await requireRole(ctx, userId, projectId, 'owner');
  const now = ctx.now();
  await ctx.db.orm.update(tables.projects).set({ deletedAt: now }).where(eq(tables.projects.id, projectId));
  return { id: projectId, purgeAt: new Date(now.getTime() + RETENTION_MS) };
}

export async function restoreProject(ctx: AppContext, userId: string, projectId: string): Promise<{ id: string }> {
  await requireRole(ctx, userId, projectId, 'owner', { deleted: true });
  await ctx.db.orm.update(tables.projects).set({ deletedAt: null, updatedAt: ctx.now() }).where(eq(tables.projects.id, projectId));
  return { id: projectId };
}

/** purgeDeletedProjects removes for good what was deleted more than RETENTION_MS ago. */
export async function purgeDeletedProjects(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - RETENTION_MS);
  const gone = await ctx.db.orm.delete(tables.projects).where(lt(tables.projects.deletedAt, cutoff)).returning({ id: tables.projects.id });
  return gone.length;
}
