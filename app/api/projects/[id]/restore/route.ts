/** Take a deleted project out of the bin (owner, within 30 days). */
import { restoreProject } from '@/lib/projects';
import { route } from '../../../_lib/route';

export const POST = route<{ id: string }>('user', async ({ app, params, principal }) => restoreProject(app, principal.userId, params.id));
