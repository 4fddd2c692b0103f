/** Copy a project's working model into a new project the caller owns. Body (optional): {name}. -> 201 {id, version} */
import { duplicateProject } from '@/lib/projects';
import { json, readJson, route } from '../../../_lib/route';

export const POST = route<{ id: string }>('user', async ({ app, params, principal, request }) => {
  const hasBody = (request.headers.get('content-length') ?? '0') !== '0' || request.headers.has('transfer-encoding');
  const body = hasBody ? await readJson(request, 64 * 1024) : {};
  return json(await duplicateProject(app, principal.userId, params.id, body.name), 201);
});
