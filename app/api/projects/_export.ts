/** Shared by the export routes: which model to export (working, or `?version=<versionId>`) and the download name. */
import type { AppContext } from '@/lib/auth';
import type { Model } from '@/lib/model';
import { getProject, getVersion } from '@/lib/projects';

export async function modelToExport(app: AppContext, userId: string, projectId: string, request: Request): Promise<{ model: Model; fileBase: string }> {
  const versionId = new URL(request.url).searchParams.get('version');
  const project = await getProject(app, userId, projectId);
  const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  if (versionId) {
    const version = await getVersion(app, userId, projectId, versionId);
    return { model: version.model, fileBase: `${slug}-v${version.number}` };
  }
  return { model: project.model, fileBase: slug };
}
