/** Named versions. GET lists them (newest first, without models); POST {message} snapshots the working model -> 201 {versionId, number}. */
import { createVersion, listVersions } from '@/lib/projects';
import { json, readJson, route } from '../../../_lib/route';

type P = { id: string };

export const GET = route<P>('user', async ({ app, params, principal }) => ({ versions: await listVersions(app, principal.userId, params.id) }));

export const POST = route<P>('user', async ({ app, params, principal, request }) => {
  const body = await readJson(request, 64 * 1024);
  return json(await createVersion(app, principal.userId, params.id, body.message), 201);
});
