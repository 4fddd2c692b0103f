/** One member. PATCH {role} (owner); DELETE removes them (owner, or the member leaving). A project keeps one owner. */
import { changeMemberRole, removeMember } from '@/lib/projects';
import { readJson, route } from '../../../../_lib/route';

type P = { id: string; userId: string };

export const PATCH = route<P>('user', async ({ app, params, principal, request }) => {
  const body = await readJson(request, 64 * 1024);
  return changeMemberRole(app, principal.userId, params.id, params.userId, body.role);
});

export const DELETE = route<P>('user', async ({ app, params, principal }) => {
  await removeMember(app, principal.userId, params.id, params.userId);
  return { removed: params.userId };
});
