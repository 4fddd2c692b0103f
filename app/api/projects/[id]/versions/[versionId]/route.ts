/** One named version with its model (read-only). */
import { getVersion } from '@/lib/projects';
import { route } from '../../../../_lib/route';

export const GET = route<{ id: string; versionId: string }>('user', async ({ app, params, principal }) => getVersion(app, principal.userId, params.id, params.versionId));
