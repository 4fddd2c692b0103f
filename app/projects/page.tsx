'use client';
/** The project list: create, open, rename, duplicate, share, history, delete, and the bin (restore within 30 days). */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { apiFetch, errorText, type ProjectSummary } from '@/components/app/api';
import { AppHeader } from '@/components/app/app-header';
import { HistoryPanel } from '@/components/app/history-panel';
import { NewProject } from '@/components/app/new-project';
import { ProjectRow, type RowAction } from '@/components/app/project-row';
import { ShareDialog } from '@/components/app/share-dialog';
import { Button, Dialog, Notice, formatDate } from '@/components/app/ui';
import { useSession } from '@/components/app/use-session';

export default function ProjectsPage() {
  const user = useSession();
  const router = useRouter();
  const [projects, setProjects] = useState<ProjectSummary[]>();
  const [deleted, setDeleted] = useState<ProjectSummary[]>([]);
  const [showBin, setShowBin] = useState(false);
  const [action, setAction] = useState<RowAction>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    apiFetch<{ projects: ProjectSummary[] }>('/api/projects').then((r) => setProjects(r.projects)).catch((e) => setError(errorText(e)));
    apiFetch<{ projects: ProjectSummary[] }>('/api/projects?deleted=1').then((r) => setDeleted(r.projects)).catch(() => {});
  }, []);
  useEffect(() => { if (user) load(); }, [user, load]);

  async function restore(id: string) {
    try {
      await apiFetch(`/api/projects/${id}/restore`, { method: 'POST' });
      load();
    } catch (e) { setError(errorText(e)); }
  }

  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <AppHeader email={user?.email} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-6">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold">Projects</h1>
          {deleted.length > 0 ? <Button kind="ghost" onClick={() => setShowBin(!showBin)}>Bin ({deleted.length})</Button> : null}
        </div>
        {error ? <Notice>{error}</Notice> : null}
        <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
          <section aria-label="Your projects" className="rounded-lg border border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
            {projects === undefined ? <p className="py-6 text-sm text-slate-500">Loading…</p>
              : projects.length === 0 ? <p className="py-6 text-sm text-slate-500">No projects yet. Create one to start designing.</p>
              : (
                <ul className="divide-y divide-slate-200 dark:divide-slate-800">
                  {projects.map((p) => <ProjectRow key={`${p.id}:${p.name}`} project={p} onChanged={load} onAction={setAction} />)}
                </ul>
              )}
          </section>
          <aside className="bg-white dark:bg-slate-900">
            <NewProject onCreated={(id) => { load(); router.push(`/projects/${id}`); }} />
          </aside>
        </div>
        {showBin ? (
          <section aria-label="Bin" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="mb-2 font-semibold">Bin</h2>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {deleted.map((p) => (
                <li key={p.id} className="flex items-center gap-2 py-2 text-sm">
                  <span className="flex-1">{p.name}<span className="block text-xs text-slate-500">deleted {formatDate(p.deletedAt!)} · removed for good {formatDate(p.purgeAt!)}</span></span>
                  <Button onClick={() => restore(p.id)}>Restore</Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
      {action?.kind === 'history' ? (
        <Dialog title={`History of “${action.project.name}”`} onClose={() => { setAction(undefined); load(); }}>
          <HistoryPanel projectId={action.project.id} canEdit={action.project.role !== 'viewer'} />
        </Dialog>
      ) : null}
      {action?.kind === 'share' ? (
        <ShareDialog projectId={action.project.id} projectName={action.project.name} canManage={action.project.role === 'owner'} onClose={() => setAction(undefined)} />
      ) : null}
    </div>
  );
}
