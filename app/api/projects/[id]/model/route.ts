/**
 * The working model. GET -> {model, version} with ETag "<version>". PUT {model} with If-Match: <version>
 * -> 200 {version} | 409 {version, model} (stale) | 422 {findings} (invalid; nothing stored) | 428 (no If-Match).
 */
import { getWorkingModelJson, ModelReader, parseIfMatch, saveModel } from '@/lib/projects';
import { modelResponse, readJson, route } from '../../../_lib/route';

type P = { id: string };

export const GET = route<P>('user', async ({ app, params, principal }) => {
  const working = await getWorkingModelJson(app, principal.userId, params.id);
  return modelResponse('{"model":', working, `,"version":${working.version}}`, 200, { etag: `"${working.version}"` });
});

export const PUT = route<P>('user', async ({ app, params, principal, request }) => {
  const base = parseIfMatch(request.headers.get('if-match'));
  // The body is read once the save is known not to be stale (If-Match is answered first).
  const saved = await saveModel(app, principal.userId, params.id, base, new ModelReader(async () => (await readJson(request)).model));
  return Response.json(saved, { headers: { etag: `"${saved.version}"`, 'cache-control': 'no-store' } });
});
