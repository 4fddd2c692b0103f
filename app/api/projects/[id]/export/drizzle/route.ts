/** Drizzle ORM schema for the working model (or `?version=<versionId>`): {files: [{path, content}]}. */
import { emitModelDrizzle } from '@/lib/projects';
import { route } from '../../../../_lib/route';
import { modelToExport } from '../../../_export';

export const GET = route<{ id: string }>('user', async ({ app, params, principal, request }) => {
  const { model } = await modelToExport(app, principal.userId, params.id, request);
  return { files: emitModelDrizzle(model) };
});
