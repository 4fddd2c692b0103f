/** Revoke an unused invitation (admins). */
import { notFound, revokeInvite } from '@/lib/auth';
import { isUuid } from '@/lib/projects/access';
import { route } from '../../_lib/route';

export const DELETE = route<{ inviteId: string }, 'admin'>('admin', async ({ app, params }) => {
  if (!isUuid(params.inviteId) || !(await revokeInvite(app, params.inviteId))) throw notFound('invitation');
  return { revoked: params.inviteId };
});
