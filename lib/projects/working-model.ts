/**
 * The working model and its optimistic concurrency: a save names the version it was based on and
 * succeeds only if that is still the current version (one conditional UPDATE, so two concurrent saves
 * based on the same version cannot both win). A stale save gets 409 with the current version and model.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, notFound, type AppContext } from '@/lib/auth';
import type { Model } from '@/lib/model';
import { isUuid, requireRole } from './access';
import { checkModel } from './model-check';

/** parseIfMatch accepts `7`, `"7"` and `W/"7"` (the ETag GET sends is `"7"`). */
export function parseIfMatch(header: string | null): number {
  if (header === null || header.trim() === '') {
    throw new AppError(428, 'precondition_required', 'Send If-Match: <version> with the version your change is based on.');
  }
  const m = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!m) throw new AppError(400, 'bad_request', `If-Match must be a version number, got ${JSON.stringify(header.slice(0, 40))}.`);
  return Number(m[1]);
}

/**
 * getWorkingModelJson is the autosave's hot path: one query checks membership and reads the model as
 * JSON text, which goes into the response as is (no parse and re-serialise of a large document).
 */
export async function getWorkingModelJson(ctx: AppContext, userId: string, projectId: string): Promise<{ json: string; version: number }> {
  if (!isUuid(projectId)) throw notFound();
  const [row] = await ctx.db.orm
    .select({ json: sql<string>`${tables.projectModels.model}::text`, version: tables.projectModels.version })
    .from(tables.projectModels)
    .innerJoin(tables.projects, eq(tables.projects.id, tables.projectModels.projectId))
    .innerJoin(tables.projectMembers, and(eq(tables.projectMembers.projectId, tables.projectModels.projectId), eq(tables.projectMembers.userId, userId)))
    .where(and(eq(tables.projectModels.projectId, projectId), isNull(tables.projects.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function getWorkingModel(ctx: AppContext, userId: string, projectId: string): Promise<{ model: Model; version: number }> {
  await requireRole(ctx, userId, projectId, 'viewer');
  const [row] = await ctx.db.orm.select({ model: tables.projectModels.model, version: tables.projectModels.version })
    .from(tables.projectModels).where(eq(tables.projectModels.projectId, projectId));
  return { model: row!.model as Model, version: row!.version };
}

/** saveModel stores a valid model as the next version, if baseVersion is still current. */
export async function saveModel(ctx: AppContext, userId: string, projectId: string, baseVersion: number, modelInput: unknown): Promise<{ version: number }> {
  await requireRole(ctx, userId, projectId, 'editor');
  const checked = await checkModel(modelInput);
  if (!checked.ok) throw new AppError(422, 'validation_failed', 'The model is not valid; the stored model was left unchanged.', { findings: checked.findings });
  return writeModel(ctx, userId, projectId, checked.model, baseVersion);
}

/** writeModel is the conditional update itself (also used by restore); baseVersion undefined = unconditional. */
export async function writeModel(ctx: AppContext, userId: string, projectId: string, model: Model, baseVersion?: number): Promise<{ version: number }> {
  const now = ctx.now();
  const where = baseVersion === undefined
    ? eq(tables.projectModels.projectId, projectId)
    : and(eq(tables.projectModels.projectId, projectId), eq(tables.projectModels.version, baseVersion));
  const updated = await ctx.db.orm.update(tables.projectModels)
    .set({ model, version: sql`${tables.projectModels.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(where).returning({ version: tables.projectModels.version });
  if (updated.length === 1) return { version: updated[0]!.version };
  const [current] = await ctx.db.orm.select({ model: tables.projectModels.model, version: tables.projectModels.version })
    .from(tables.projectModels).where(eq(tables.projectModels.projectId, projectId));
  throw new AppError(409, 'conflict', `The project changed since version ${baseVersion} (now version ${current!.version}); reload and reapply your change.`,
    { version: current!.version, model: current!.model });
}
