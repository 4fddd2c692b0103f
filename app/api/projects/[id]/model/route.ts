/**
 * The working model. GET -> {model, version} with ETag "<version>" (304 for a matching If-None-Match).
 * PUT {model} or PATCH {changes, set, unset} (a delta, docs/api.md) with If-Match: <version>
 * -> 200 {version} | 409 {version, model} (stale) | 422 {findings} (invalid; nothing stored) | 428 (no If-Match).
 */
import { getWorkingModelJson, ModelReader, parseIfMatch, parseIfNoneMatch, saveModel, saveModelDelta } from '@/lib/projects';
import { callerRoute, modelResponse, readJson } from '../../../_lib/route';

type P = { id: string };

export const GET = callerRoute<P>(async ({ app, params, caller, request }) => {
  const known = parseIfNoneMatch(request.headers.get('if-none-match'));
  const working = await getWorkingModelJson(app, caller, params.id, known);
  const etag = `"${working.version}"`;
  if (working.version === known || (known === '*')) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-store' } });
  }
  return modelResponse('{"model":', working.model!, `,"version":${working.version}}`, 200, { etag });
});

export const PUT = callerRoute<P>(async ({ app, params, caller, request }) => {
  const base = parseIfMatch(request.headers.get('if-match'));
  // The body is read once the save is known not to be stale (If-Match is answered first).
  const saved = await saveModel(app, caller, params.id, base, new ModelReader(async () => (await readJson(request)).model));
  return Response.json(saved, { headers: { etag: `"${saved.version}"`, 'cache-control': 'no-store' } });
});

export const PATCH = callerRoute<P>(async ({ app, params, caller, request }) => {
  const base = parseIfMatch(request.headers.get('if-match'));
  const saved = await saveModelDelta(app, caller, params.id, base, new ModelReader(() => readJson(request)));
  return Response.json(saved, { headers: { etag: `"${saved.version}"`, 'cache-control': 'no-store' } });
});
