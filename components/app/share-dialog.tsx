'use client';
/** Share a project by email and role; change roles and remove members (owners). */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiFetch, errorText } from './api';
import { Button, Dialog, Field, Notice } from './ui';

interface Member { userId: string; email: string; role: 'owner' | 'editor' | 'viewer' }

export function ShareDialog({ projectId, projectName, canManage, onClose }: { projectId: string; projectName: string; canManage: boolean; onClose: () => void }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('editor');
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    apiFetch<{ members: Member[] }>(`/api/projects/${projectId}/members`).then((r) => setMembers(r.members)).catch((e) => setError(errorText(e)));
  }, [projectId]);
  useEffect(load, [load]);

  async function act(fn: () => Promise<unknown>) {
    setError(undefined);
    try { await fn(); load(); } catch (e) { setError(errorText(e)); }
  }
  function share(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await apiFetch(`/api/projects/${projectId}/members`, { method: 'POST', body: { email, role } });
      setEmail('');
    });
  }

  return (
    <Dialog title={`Share “${projectName}”`} onClose={onClose}>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {members.map((m) => (
          <li key={m.userId} className="flex items-center gap-3 py-2 text-sm">
            <span className="flex-1">{m.email}</span>
            {canManage ? (
              <select aria-label={`Role of ${m.email}`} value={m.role} className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                onChange={(e) => act(() => apiFetch(`/api/projects/${projectId}/members/${m.userId}`, { method: 'PATCH', body: { role: e.target.value } }))}>
                <option value="owner">owner</option><option value="editor">editor</option><option value="viewer">viewer</option>
              </select>
            ) : <span className="text-slate-500">{m.role}</span>}
            {canManage ? <Button kind="ghost" onClick={() => act(() => apiFetch(`/api/projects/${projectId}/members/${m.userId}`, { method: 'DELETE' }))}>Remove</Button> : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <form onSubmit={share} className="mt-4 flex items-end gap-2">
          <div className="flex-1"><Field label="Email of a pgcanvas user" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} /></div>
          <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Member['role'])} className="rounded-md border border-slate-300 px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-900">
            <option value="viewer">viewer</option><option value="editor">editor</option><option value="owner">owner</option>
          </select>
          <Button kind="primary" type="submit">Share</Button>
        </form>
      ) : <p className="mt-3 text-sm text-slate-500">Only owners can change who has access.</p>}
      {error ? <div className="mt-3"><Notice>{error}</Notice></div> : null}
    </Dialog>
  );
}
