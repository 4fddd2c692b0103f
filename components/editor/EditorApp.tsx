'use client';
/**
 * EditorApp loads a project through the API (`GET /api/projects/:id`) and opens the editor; viewers get
 * it read-only. Signed-out users are sent to sign in; a missing project says so (never a stack trace).
 */
import { useEffect, useState } from 'react';
import '@xyflow/react/dist/style.css';
import './editor.css';
import type { Model } from '@/lib/model';
import { Editor } from './Editor';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; status: number; message: string }
  | { state: 'ready'; name: string; model: Model; version: number; role: string };

export function EditorApp({ projectId }: { projectId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/projects/${encodeURIComponent(projectId)}`, { cache: 'no-store' })
      .then(async (res) => {
        const body = await res.json().catch(() => ({})) as { name?: string; model?: Model; version?: number; role?: string; error?: { message?: string } };
        if (cancelled) return;
        if (!res.ok || !body.model) setLoaded({ state: 'error', status: res.status, message: body.error?.message ?? `The project could not be loaded (HTTP ${res.status}).` });
        else setLoaded({ state: 'ready', name: body.name ?? 'Untitled', model: body.model, version: body.version ?? 0, role: body.role ?? 'viewer' });
      })
      .catch(() => { if (!cancelled) setLoaded({ state: 'error', status: 0, message: 'The server could not be reached. Check your connection and reload.' }); });
    return () => { cancelled = true; };
  }, [projectId]);

  if (loaded.state === 'loading') return <p className="pgc-page-msg" role="status">Opening the project…</p>;
  if (loaded.state === 'error') {
    return (
      <div className="pgc-page-msg" role="alert">
        <p>{loaded.status === 404 ? 'This project does not exist or is not shared with you.' : loaded.message}</p>
        {loaded.status === 401 && <p><a className="underline" href={`/login?next=${encodeURIComponent(`/projects/${projectId}`)}`}>Sign in</a></p>}
        <p><a className="underline" href="/">All projects</a></p>
      </div>
    );
  }
  return <Editor projectId={projectId} projectName={loaded.name} model={loaded.model} version={loaded.version} readOnly={loaded.role === 'viewer'} />;
}
