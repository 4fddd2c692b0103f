'use client';
/** One project in the list: open, rename in place, duplicate, history, share, delete (with confirmation). */
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { apiFetch, errorText, type ProjectSummary } from './api';
import { Button, Dialog, Notice, formatDate } from './ui';

export type RowAction = { kind: 'history' | 'share'; project: ProjectSummary };

export function ProjectRow({ project, onChanged, onAction }: { project: ProjectSummary; onChanged: () => void; onAction: (a: RowAction) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string>();
  const canEdit = project.role !== 'viewer';
  const isOwner = project.role === 'owner';

  async function act(fn: () => Promise<unknown>) {
    setError(undefined);
    try { await fn(); onChanged(); } catch (e) { setError(errorText(e)); }
  }
  function rename(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await apiFetch(`/api/projects/${project.id}`, { method: 'PATCH', body: { name } });
      setRenaming(false);
    });
  }

  return (
    <li className="py-3" data-testid="project-row" data-project-id={project.id}>
      <div className="flex flex-wrap items-center gap-2">
        {renaming ? (
          <form onSubmit={rename} className="flex flex-1 items-center gap-2">
            <input aria-label="New name" autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Escape') { setRenaming(false); setName(project.name); } }}
              className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" />
            <Button kind="primary" type="submit">Save</Button>
            <Button onClick={() => { setRenaming(false); setName(project.name); }}>Cancel</Button>
          </form>
        ) : (
          <div className="min-w-48 flex-1">
            <Link href={`/projects/${project.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">{project.name}</Link>
            <span className="block text-xs text-slate-500">{project.role} · revision {project.version} · changed {formatDate(project.updatedAt)}</span>
          </div>
        )}
        {!renaming ? (
          <div className="flex flex-wrap gap-1">
            {canEdit ? <Button onClick={() => setRenaming(true)}>Rename</Button> : null}
            <Button onClick={() => act(() => apiFetch(`/api/projects/${project.id}/duplicate`, { method: 'POST' }))}>Duplicate</Button>
            <Button onClick={() => onAction({ kind: 'history', project })}>History</Button>
            <Button onClick={() => onAction({ kind: 'share', project })}>Share</Button>
            {isOwner ? <Button kind="danger" onClick={() => setConfirmDelete(true)}>Delete</Button> : null}
          </div>
        ) : null}
      </div>
      {error ? <div className="mt-2"><Notice>{error}</Notice></div> : null}
      {confirmDelete ? (
        <Dialog title={`Delete “${project.name}”?`} onClose={() => setConfirmDelete(false)}>
          <p className="text-sm">The project goes to the bin for 30 days, where you can restore it. After that it is removed for good, with its history.</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button kind="danger" onClick={() => act(async () => { await apiFetch(`/api/projects/${project.id}`, { method: 'DELETE' }); setConfirmDelete(false); })}>Delete project</Button>
          </div>
        </Dialog>
      ) : null}
    </li>
  );
}
