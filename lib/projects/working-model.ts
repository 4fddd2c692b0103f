/**
 * The working model and its optimistic concurrency: a save names the version it was based on and
 * succeeds only if that is still the current version (one conditional UPDATE, so two concurrent saves
 * based on the same version cannot both win). A stale save gets 409 with the current version and model.
 *
 * Loads and saves go through the per-process model cache (model-cache.ts): the query that checks
 * membership also reads the row's revision and returns the model's text only when the cache does not
 * hold that revision, so a cached model is never served without the database confirming it.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { AppError, apiTokenColumns, notFound, sessionColumns, type ApiTokenRow, type AppContext, type PendingCaller, type SessionRow } from '@/lib/auth';
import type { Model } from '@/lib/model';
import { forbidden, isUuid, requireRole, roleAtLeast, type Role } from './access';
import { modelJsonbText } from './jsonb-text';
import { checkModel } from './model-check';
import { applyModelDelta } from './model-delta';
import { parseModel } from '@/lib/model/validate';
import { CachedModel, modelCache } from './model-cache';
import { mark } from './timing';

/** A version as an entity tag: `7`, `"7"` or `W/"7"` (the ETag GET sends is `"7"`). */
const VERSION_TAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/** parseIfMatch accepts `7`, `"7"` and `W/"7"` (VERSION_TAG). */
export function parseIfMatch(header: string | null): number {
  if (header === null || header.trim() === '') {
    throw new AppError(428, 'precondition_required', 'Send If-Match: <version> with the version your change is based on.');
  }
  const m = header.trim().match(VERSION_TAG);
  if (!m) throw new AppError(400, 'bad_request', `If-Match must be a version number, got ${JSON.stringify(header.slice(0, 40))}.`);
  return Number(m[1]);
}

const pm = tables.projectModels;

/**
 * The row's revision: any UPDATE changes xmin, every write of ours bumps the version and sets
 * updated_at, so equal revisions mean the same stored model (even across a restored backup).
 */
const revision = sql<string>`concat_ws(':', ${pm.version}, ${pm}.xmin, (extract(epoch from ${pm.updatedAt}) * 1000000)::int8)`;

interface State { role: Role; version: number; model: CachedModel | undefined; userId: string }

/**
 * Who is asking: a user id already authenticated, or a PendingCaller (callerRoute) whose
 * session or token row the state query joins, so the request costs one round trip instead of two.
 */
export type Caller = string | PendingCaller;

/**
 * state checks membership (404 for non-members and deleted projects, 403 below `needed`) and reads
 * the version and revision in one query; the model's text comes along unless the cache already has
 * this revision or `skipText` (an SQL condition) holds. Returns the cache entry of the revision when
 * the text was read or cached. A PendingCaller is authenticated by the same query (401 first, as
 * route() would have answered before any project lookup).
 */
async function state(ctx: AppContext, who: Caller, projectId: string, needed: Role, skipText?: SQL): Promise<State> {
  if (!isUuid(projectId)) throw notFound(); // callerRoute authenticates a PendingCaller first (401 first)
  const cache = modelCache(ctx.db);
  const cached = cache.get(projectId);
  const known = sql`${revision} = ${cached?.revision ?? null}`;
  const fields = {
    role: tables.projectMembers.role, version: pm.version, revision,
    json: sql<string | null>`CASE WHEN ${skipText ? sql`(${skipText}) OR ` : sql``}${known} THEN NULL ELSE ${pm.model}::text END`,
  };
  let row: { role: Role | null; version: number | null; revision: string | null; json: string | null } | undefined;
  let userId: string;
  if (typeof who === 'string') {
    [row] = await ctx.db.orm
      .select(fields)
      .from(pm)
      .innerJoin(tables.projects, eq(tables.projects.id, pm.projectId))
      .innerJoin(tables.projectMembers, and(eq(tables.projectMembers.projectId, pm.projectId), eq(tables.projectMembers.userId, who)))
      .where(and(eq(pm.projectId, projectId), isNull(tables.projects.deletedAt)));
    userId = who;
  } else {
    // The credential's row, its user, and (left joined, so a non-member still authenticates and gets
    // 404) the membership, its project and the model. Whether the project is deleted is read and
    // checked here rather than put in a join condition: with `left join projects ... and deleted_at
    // is null left join project_models on ... = projects.id`, PGlite (PostgreSQL 18.6) still returned
    // the model's columns for a deleted project (the same joins without the xmin revision did not).
    const member = and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, tables.users.id));
    const project = { projectId: tables.projects.id, deletedAt: tables.projects.deletedAt };
    type Joined = { role: Role | null; version: number | null; revision: string | null; json: string | null; projectId: string | null; deletedAt: Date | null } & (SessionRow | ApiTokenRow);
    let joined: Joined | undefined;
    const credential = who.kind === 'token'
      ? { table: tables.apiTokens, columns: apiTokenColumns, userId: tables.apiTokens.userId, hash: tables.apiTokens.tokenHash }
      : { table: tables.sessions, columns: sessionColumns, userId: tables.sessions.userId, hash: tables.sessions.tokenHash };
    if (who.lookable) {
      [joined] = await ctx.db.orm.select({ ...credential.columns, ...fields, ...project }).from(credential.table)
        .innerJoin(tables.users, eq(tables.users.id, credential.userId))
        .leftJoin(tables.projectMembers, member)
        .leftJoin(tables.projects, eq(tables.projects.id, tables.projectMembers.projectId))
        .leftJoin(pm, eq(pm.projectId, tables.projectMembers.projectId))
        .where(eq(credential.hash, who.hash)) as Joined[];
    }
    userId = (await who.settle(ctx, joined)).userId;
    row = joined && joined.projectId !== null && joined.deletedAt === null ? joined : undefined;
  }
  mark('state');
  if (!row || row.role === null || row.version === null || row.revision === null) throw notFound();
  if (!roleAtLeast(row.role, needed)) throw forbidden(row.role, needed);
  if (cached && cached.revision === row.revision) return { role: row.role, version: row.version, model: cached, userId };
  if (row.json === null) return { role: row.role, version: row.version, model: undefined, userId };
  const fresh = cache.put(new CachedModel(projectId, row.revision, row.version, row.json, cached?.reuse));
  return { role: row.role, version: row.version, model: fresh, userId };
}

/**
 * parseIfNoneMatch reads a load's If-None-Match: the version the client holds (`7`, `"7"`, `W/"7"`;
 * the first of a list), `*`, or undefined (absent or unreadable: answer in full).
 */
export function parseIfNoneMatch(header: string | null): number | '*' | undefined {
  if (header === null) return undefined;
  const first = header.split(',')[0]!.trim();
  if (first === '*') return '*';
  const m = first.match(VERSION_TAG);
  return m ? Number(m[1]) : undefined;
}

/**
 * getWorkingModelJson is the autosave's hot path: one query checks membership and confirms (or
 * reads) the model, whose text goes into the response as is. With `known` (the version the client
 * holds, from If-None-Match) the text is not read when that is still the version: `model` is then
 * undefined and the route answers 304.
 */
export async function getWorkingModelJson(ctx: AppContext, who: Caller, projectId: string, known?: number | '*'): Promise<{ version: number; model?: CachedModel }> {
  const skip = known === '*' ? sql`true` : known !== undefined ? sql`${pm.version} = ${known}` : undefined;
  const s = await state(ctx, who, projectId, 'viewer', skip);
  return { version: s.version, model: s.model };
}

export async function getWorkingModel(ctx: AppContext, userId: string, projectId: string): Promise<{ model: Model; version: number }> {
  await requireRole(ctx, userId, projectId, 'viewer');
  const [row] = await ctx.db.orm.select({ model: pm.model, version: pm.version })
    .from(pm).where(eq(pm.projectId, projectId));
  return { model: row!.model as Model, version: row!.version };
}

function conflict(baseVersion: number | undefined, current: CachedModel): AppError {
  return new AppError(409, 'conflict', `The project changed since version ${baseVersion} (now version ${current.version}); reload and reapply your change.`,
    { version: current.version, model: current });
}

/**
 * ModelReader defers reading a request's model until the save is known not to be stale: most
 * stale saves of a busy project then cost no body parsing at all.
 */
export class ModelReader {
  constructor(readonly read: () => Promise<unknown>) {}
}

/**
 * saveModel stores a valid model as the next version, if baseVersion is still current. A stale
 * base is answered (409) before the model is validated, as HTTP evaluates If-Match before the body;
 * the conditional UPDATE still decides races.
 */
export async function saveModel(ctx: AppContext, who: Caller, projectId: string, baseVersion: number, modelInput: unknown | ModelReader): Promise<{ version: number }> {
  const current = await state(ctx, who, projectId, 'editor', sql`${pm.version} = ${baseVersion}`);
  if (current.version !== baseVersion) throw conflict(baseVersion, current.model!);
  const input = modelInput instanceof ModelReader ? await modelInput.read() : modelInput;
  mark('body');
  const checked = await checkModel(input, { reuse: modelCache(ctx.db).get(projectId)?.reuse });
  mark('check');
  if (!checked.ok) throw new AppError(422, 'validation_failed', 'The model is not valid; the stored model was left unchanged.', { findings: checked.findings });
  return writeModel(ctx, current.userId, projectId, checked.model, baseVersion, { checked: true });
}

/**
 * saveModelDelta is saveModel for a delta (PATCH): the changes are applied to the current model (the
 * cached parse of the confirmed revision, else its text parsed once) and the result passes the same
 * checkModel and the same conditional UPDATE as a full save. Unchanged objects are the stored
 * model's own, so only changed tables are parsed and written out again. A delta that does not fit
 * the stored model is a 400 (nothing is guessed).
 */
export async function saveModelDelta(ctx: AppContext, who: Caller, projectId: string, baseVersion: number, deltaInput: unknown | ModelReader): Promise<{ version: number }> {
  const current = await state(ctx, who, projectId, 'editor');
  if (current.version !== baseVersion) throw conflict(baseVersion, current.model!);
  const delta = deltaInput instanceof ModelReader ? await deltaInput.read() : deltaInput;
  mark('body');
  const entry = current.model!;
  let base = entry.exact;
  if (base === undefined) {
    const parsed = parseModel(JSON.parse(entry.text), { reuse: entry.reuse });
    // A stored model that no longer parses (written by hand, or by an older pgcanvas): a delta cannot
    // be applied to it; a full save can replace it.
    if (!parsed.ok) throw new AppError(409, 'conflict', 'The stored model cannot take a delta; save the whole model (PUT).', { version: entry.version, model: entry });
    base = entry.exact = parsed.model;
  }
  const applied = applyModelDelta(base as unknown as Record<string, unknown>, delta);
  if (!applied.ok) throw new AppError(400, 'bad_request', `The delta does not fit version ${baseVersion}: ${applied.message}; nothing was stored.`);
  const checked = await checkModel(applied.model, { reuse: base });
  mark('check');
  if (!checked.ok) throw new AppError(422, 'validation_failed', 'The model is not valid; the stored model was left unchanged.', { findings: checked.findings });
  return writeModel(ctx, current.userId, projectId, checked.model, baseVersion, { checked: true });
}

/**
 * writeModel is the conditional update itself (also used by restore); baseVersion undefined =
 * unconditional. `checked`: the model is checkModel's output, so later saves may reuse its tables.
 */
export async function writeModel(ctx: AppContext, userId: string, projectId: string, model: Model, baseVersion?: number, options: { checked?: boolean } = {}): Promise<{ version: number }> {
  const now = ctx.now();
  const text = modelJsonbText(model);
  mark('text');
  const where = baseVersion === undefined
    ? eq(pm.projectId, projectId)
    : and(eq(pm.projectId, projectId), eq(pm.version, baseVersion));
  const updated = await ctx.db.orm.update(pm)
    .set({ model: sql`${text}::json`, version: sql`${pm.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(where).returning({ version: pm.version, revision });
  mark('update');
  const cache = modelCache(ctx.db);
  if (updated.length === 1) {
    const { version, revision: stored } = updated[0]!;
    const entry = cache.put(new CachedModel(projectId, stored, version, text, options.checked ? model : cache.get(projectId)?.reuse));
    if (options.checked) entry.exact = model;
    return { version };
  }
  const current = await state(ctx, userId, projectId, 'viewer');
  throw conflict(baseVersion, current.model!);
}
