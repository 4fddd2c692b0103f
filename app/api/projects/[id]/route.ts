/** One project. GET -> {id, name, model, version, role, ...}; PATCH {name} renames (editor); DELETE moves it to the bin (owner). */
import { deleteProject, getProject, renameProject } from '@/lib/projects';
import { readJson, route } from '../../_lib/route';

type P = { id: string };

export const GET = route<P>('user', async ({ app, params, principal }) => {
  const project = await getProject(app, principal.userId, params.id);
  return Response.json(project, { headers: { etag: `"${project.version}"`, 'cache-control': 'no-store' } });
});

export const PATCH = route<P>('user', async ({ app, params, principal, request }) => {
  const body = await readJson(request, 64 * 1024);
  return renameProject(app, principal.userId, params.id, body.name);
});

export const DELETE = route<P>('user', async ({ app, params, principal }) => deleteProject(app, principal.userId, params.id));
