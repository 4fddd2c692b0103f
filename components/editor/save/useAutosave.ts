'use client';
/**
 * useAutosave saves the working model (debounced) with optimistic concurrency: every PUT carries the
 * version it was based on (If-Match). 409 = someone saved first: stop and ask (reload theirs, or
 * overwrite after confirmation); 422 = the server refused the model (listed); network trouble =
 * offline, retried with back-off. An edit is never dropped silently: the page warns before unload
 * while anything is unsaved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Model } from '@/lib/model';
import type { EditorStore } from '@/lib/editor/store';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; remoteVersion: number; remoteModel: Model }
  | { kind: 'invalid'; message: string }
  | { kind: 'offline'; retryInMs: number }
  | { kind: 'read-only' };

const DEBOUNCE_MS = 700;

export function useAutosave(projectId: string, store: EditorStore, initialVersion: number, readOnly: boolean) {
  const [status, setStatus] = useState<SaveStatus>(readOnly ? { kind: 'read-only' } : { kind: 'saved' });
  const version = useRef(initialVersion);
  const savedRevision = useRef(store.getSnapshot().revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const backoff = useRef(2000);

  const save = useCallback(async (force = false): Promise<void> => {
    if (readOnly || inFlight.current || (blocked.current && !force)) return;
    const snap = store.getSnapshot();
    if (snap.revision === savedRevision.current) { setStatus({ kind: 'saved' }); return; }
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    try {
      const res = await fetch(`/api/projects/${encodeURIComponent(projectId)}/model`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': `"${version.current}"` },
        body: JSON.stringify({ model: snap.model }),
      });
      const body = await res.json().catch(() => ({})) as { version?: number; model?: Model; findings?: { message: string; path?: string }[]; error?: { message?: string } };
      if (res.ok && typeof body.version === 'number') {
        version.current = body.version;
        savedRevision.current = snap.revision;
        backoff.current = 2000;
        blocked.current = false;
        const again = store.getSnapshot().revision !== snap.revision;
        setStatus(again ? { kind: 'pending' } : { kind: 'saved' });
        if (again) schedule();
      } else if (res.status === 409 && body.model && typeof body.version === 'number') {
        blocked.current = true;
        setStatus({ kind: 'conflict', remoteVersion: body.version, remoteModel: body.model });
      } else if (res.status === 422 || res.status === 400 || res.status === 413) {
        const first = body.findings?.[0];
        setStatus({ kind: 'invalid', message: first ? `${first.message}${first.path ? ` (${first.path})` : ''}${body.findings!.length > 1 ? ` and ${body.findings!.length - 1} more` : ''}` : body.error?.message ?? `refused (${res.status})` });
      } else if (res.status === 401 || res.status === 403 || res.status === 404) {
        blocked.current = true;
        setStatus({ kind: 'invalid', message: body.error?.message ?? 'you can no longer save this project; sign in again' });
      } else {
        throw new Error(`HTTP ${res.status}`);
      }
    } catch {
      const wait = backoff.current;
      backoff.current = Math.min(backoff.current * 2, 30000);
      setStatus({ kind: 'offline', retryInMs: wait });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), wait);
    } finally {
      inFlight.current = false;
    }
  // schedule is stable (declared below with useCallback on the same refs)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, readOnly, store]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  useEffect(() => {
    if (readOnly) return;
    const unsubscribe = store.subscribe(() => {
      if (store.getSnapshot().revision === savedRevision.current || blocked.current) return;
      setStatus((s) => (s.kind === 'saving' || s.kind === 'offline' ? s : { kind: 'pending' }));
      schedule();
    });
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (store.getSnapshot().revision !== savedRevision.current) { e.preventDefault(); e.returnValue = ''; }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => { unsubscribe(); window.removeEventListener('beforeunload', beforeUnload); clearTimeout(timer.current); };
  }, [readOnly, schedule, store]);

  /** Conflict: take the other save (our unsaved edits are replaced; the caller offers a download first). */
  const reloadRemote = useCallback((remote: { version: number; model: Model }) => {
    version.current = remote.version;
    store.load(remote.model);
    savedRevision.current = store.getSnapshot().revision;
    blocked.current = false;
    setStatus({ kind: 'saved' });
  }, [store]);

  /** Conflict: keep ours, based on their version (the caller confirmed). */
  const overwrite = useCallback((remoteVersion: number) => {
    version.current = remoteVersion;
    blocked.current = false;
    void save(true);
  }, [save]);

  const retryNow = useCallback(() => { clearTimeout(timer.current); void save(true); }, [save]);

  return { status, reloadRemote, overwrite, retryNow, saveNow: retryNow };
}
