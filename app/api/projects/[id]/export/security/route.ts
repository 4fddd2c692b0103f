/**
 * Security files for the working model (or `?version=<versionId>`): {files: [{path, content, explanation,
 * warnings}]} in apply order after the schema DDL; `?format=sql` gives the SQL files as one script.
 */
import { AppError } from '@/lib/auth';
import { emitModelSecurity } from '@/lib/projects';
import { securityScript } from '@/lib/security';
import { route } from '../../../../_lib/route';
import { modelToExport } from '../../../_export';

export const GET = route<{ id: string }>('user', async ({ app, params, principal, request }) => {
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'sql') throw new AppError(400, 'bad_request', 'format must be json or sql.');
  const { model, fileBase } = await modelToExport(app, principal.userId, params.id, request);
  const files = emitModelSecurity(model);
  if (format === 'json') return { files };
  return new Response(securityScript(files.map((f) => ({ name: f.path, content: f.content }))), {
    headers: { 'content-type': 'application/sql; charset=utf-8', 'content-disposition': `attachment; filename="${fileBase}-security.sql"`, 'cache-control': 'no-store' },
  });
});
