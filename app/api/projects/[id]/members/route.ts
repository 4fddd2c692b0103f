/** Members of a project. GET (members) lists them; POST {email, role} shares the project (owner) -> 201 member. */
import { listMembers, shareProject } from '@/lib/projects';
import { json, readJson, route } from '../../../_lib/route';

type P = { id: string };

export const GET = route<P>('user', async ({ app, params, principal }) => ({ members: await listMembers(app, principal.userId, params.id) }));

export const POST = route<P>('user', async ({ app, params, principal, request }) => {
  const body = await readJson(request, 64 * 1024);
  return json(await shareProject(app, principal.userId, params.id, { email: body.email, role: body.role }), 201);
});
