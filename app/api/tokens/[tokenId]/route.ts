/** Revoke one of the caller's API tokens. */
import { notFound, revokeApiToken } from '@/lib/auth';
import { isUuid } from '@/lib/projects/access';
import { route } from '../../_lib/route';

export const DELETE = route<{ tokenId: string }>('user', async ({ app, params, principal }) => {
  if (!isUuid(params.tokenId) || !(await revokeApiToken(app, principal.userId, params.tokenId))) throw notFound('token');
  return { revoked: params.tokenId };
});
