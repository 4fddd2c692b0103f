'use client';
/**
 * HistoryPanel: a project's named versions. Save the current model as a version (with a message),
 * open any version read-only (its tables and DDL), restore one as a new working version, export it.
 * Used by the project list; the editor may embed it too (props: projectId, canEdit, onRestored).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiFetch, errorText } from './api';
import { Button, Field, Notice, formatDate } from './ui';

interface Version { id: string; number: number; message: string; authorEmail: string | null; createdAt: string; workingVersion: number }
interface VersionDetail extends Version { model: { tables: { id: string; name: string; columns: unknown[] }[] } }

export function HistoryPanel({ projectId, canEdit, onRestored }: { projectId: string; canEdit: boolean; onRestored?: (version: number) => void }) {
  const [versions, setVersions] = useState<Version[]>([]);
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState<VersionDetail>();
  const [sql, setSql] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string }>();
  const load = useCallback(() => {
    apiFetch<{ versions: Version[] }>(`/api/projects/${projectId}/versions`).then((r) => setVersions(r.versions)).catch((e) => setNotice({ kind: 'error', text: errorText(e) }));
  }, [projectId]);
  useEffect(load, [load]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const r = await apiFetch<{ number: number }>(`/api/projects/${projectId}/versions`, { method: 'POST', body: { message } });
      setMessage('');
      setNotice({ kind: 'success', text: `Saved as version ${r.number}.` });
      load();
    } catch (e) { setNotice({ kind: 'error', text: errorText(e) }); }
  }
  async function show(v: Version) {
    setSql(undefined);
    try {
      setOpen(await apiFetch<VersionDetail>(`/api/projects/${projectId}/versions/${v.id}`));
      setSql(await apiFetch<string>(`/api/projects/${projectId}/export/sql?version=${v.id}`).catch((e) => `-- ${errorText(e)}`));
    } catch (e) { setNotice({ kind: 'error', text: errorText(e) }); }
  }
  async function restore(v: Version) {
    if (!window.confirm(`Restore version ${v.number} (“${v.message}”)? The current model stays in the history only if you saved it as a version.`)) return;
    try {
      const r = await apiFetch<{ version: number }>(`/api/projects/${projectId}/versions/${v.id}/restore`, { method: 'POST' });
      setNotice({ kind: 'success', text: `Restored version ${v.number}; the working model is now at revision ${r.version}.` });
      onRestored?.(r.version);
      load();
    } catch (e) { setNotice({ kind: 'error', text: errorText(e) }); }
  }

  return (
    <section aria-label="Version history" className="space-y-4">
      {canEdit ? (
        <form onSubmit={save} className="flex items-end gap-2">
          <div className="flex-1"><Field label="Save the current model as a version" placeholder="What changed?" required maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} /></div>
          <Button kind="primary" type="submit">Save version</Button>
        </form>
      ) : null}
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {versions.length === 0 ? <p className="text-sm text-slate-500">No named versions yet.</p> : (
        <ol className="divide-y divide-slate-200 dark:divide-slate-800">
          {versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span className="w-10 font-mono text-slate-500">v{v.number}</span>
              <span className="min-w-40 flex-1">{v.message}<span className="block text-xs text-slate-500">{v.authorEmail ?? 'deleted user'} · {formatDate(v.createdAt)}</span></span>
              <Button onClick={() => show(v)}>Open</Button>
              {canEdit ? <Button onClick={() => restore(v)}>Restore</Button> : null}
              <a className="text-blue-700 underline" href={`/api/projects/${projectId}/export/sql?version=${v.id}`} download>SQL</a>
              <a className="text-blue-700 underline" href={`/api/projects/${projectId}/export/model?version=${v.id}`} download>JSON</a>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-800" aria-label={`Version ${open.number} (read-only)`}>
          <div className="mb-2 flex items-center justify-between">
            <h3 className="font-medium">Version {open.number} (read-only): {open.message}</h3>
            <Button kind="ghost" onClick={() => setOpen(undefined)}>Close</Button>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">{open.model.tables.length} tables: {open.model.tables.slice(0, 30).map((t) => t.name).join(', ')}{open.model.tables.length > 30 ? ', …' : ''}</p>
          <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-950">{sql ?? 'Loading…'}</pre>
        </div>
      ) : null}
    </section>
  );
}
