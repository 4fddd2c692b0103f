/** DDL for the working model (or `?version=<versionId>`), for PostgreSQL `?target=13..18` (default: the model's target, else 16). text/plain. */
import { AppError } from '@/lib/auth';
import { compileModelSql } from '@/lib/projects';
import { route } from '../../../../_lib/route';
import { modelToExport } from '../../../_export';

export const GET = route<{ id: string }>('user', async ({ app, params, principal, request }) => {
  const { model, fileBase } = await modelToExport(app, principal.userId, params.id, request);
  const raw = new URL(request.url).searchParams.get('target');
  const target = raw === null ? (model.settings?.targetVersion ?? 16) : Number(raw);
  if (!Number.isInteger(target) || target < 13 || target > 18) throw new AppError(400, 'bad_request', 'target must be a PostgreSQL major version from 13 to 18.');
  const sql = compileModelSql(model, target);
  return new Response(sql, {
    headers: { 'content-type': 'application/sql; charset=utf-8', 'content-disposition': `inline; filename="${fileBase}.sql"`, 'cache-control': 'no-store' },
  });
});
