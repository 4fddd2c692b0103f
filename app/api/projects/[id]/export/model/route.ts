/** The model JSON of the working model (or `?version=<versionId>`) as a download. */
import { route } from '../../../../_lib/route';
import { modelToExport } from '../../../_export';

export const GET = route<{ id: string }>('user', async ({ app, params, principal, request }) => {
  const { model, fileBase } = await modelToExport(app, principal.userId, params.id, request);
  return new Response(JSON.stringify(model, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${fileBase}.pgcanvas.json"`, 'cache-control': 'no-store' },
  });
});
