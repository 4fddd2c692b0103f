/**
 * Restore a named version as the new working model (editor). Optional If-Match: <version> makes it
 * conditional like a save. -> 200 {version, versionId, number} (the restore is itself recorded as a version).
 */
import { parseIfMatch, restoreVersion } from '@/lib/projects';
import { route } from '../../../../../_lib/route';

export const POST = route<{ id: string; versionId: string }>('user', async ({ app, params, principal, request }) => {
  const ifMatch = request.headers.get('if-match');
  const base = ifMatch === null ? undefined : parseIfMatch(ifMatch);
  return restoreVersion(app, principal.userId, params.id, params.versionId, base);
});
