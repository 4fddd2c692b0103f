/**
 * Projects of the caller. GET: live projects (`?deleted=1`: the caller's deleted ones, recoverable
 * for 30 days). POST {name, model?} | {name?, example} | {name?, sql}: create from an empty model, a
 * model JSON, an example or SQL DDL -> 201 {id, version}.
 */
import { AppError } from '@/lib/auth';
import { createProject, importModelSql, listDeletedProjects, listProjects, loadExample } from '@/lib/projects';
import { json, readJson, route } from '../_lib/route';

export const GET = route('user', async ({ app, request, principal }) => {
  const deleted = ['1', 'true'].includes(new URL(request.url).searchParams.get('deleted') ?? '');
  return { projects: deleted ? await listDeletedProjects(app, principal.userId) : await listProjects(app, principal.userId) };
});

export const POST = route('user', async ({ app, request, principal }) => {
  const body = await readJson(request);
  const sources = ['model', 'example', 'sql'].filter((k) => body[k] !== undefined && body[k] !== null);
  if (sources.length > 1) throw new AppError(400, 'bad_request', `Give at most one of model, example or sql (got ${sources.join(', ')}).`);
  let name = body.name;
  let model: unknown;
  let report: unknown;
  if (body.example !== undefined && body.example !== null) {
    const example = await loadExample(body.example);
    model = example.model;
    name ??= example.title;
  } else if (body.sql !== undefined && body.sql !== null) {
    if (typeof body.sql !== 'string') throw new AppError(400, 'bad_request', 'sql must be a string of DDL.');
    ({ model, report } = await importModelSql(body.sql));
  } else {
    model = body.model;
  }
  const created = await createProject(app, principal.userId, name ?? 'Untitled project', model);
  return json(report === undefined ? created : { ...created, report }, 201);
});
