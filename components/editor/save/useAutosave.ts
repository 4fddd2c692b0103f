'use client';
/**
 * useAutosave saves the working model (debounced) with optimistic concurrency: every PUT carries the
 * version it was based on (If-Match). 409 = someone saved first: stop and ask (reload theirs, or
 * overwrite after confirmation); 422 = the server refused the model (listed); network trouble =
 * offline, retried with back-off. An edit is never dropped silently: the page warns before unload
 * while anything is unsaved. Panning and zooming alone are not edits (see dirty.ts).
 *
 * Saves send a delta (PATCH: the tables, enums, ... that changed since the saved model, see
 * docs/api.md) once the saved model is known to be exactly the server's (after this page's first full
 * save, or a model loaded from the server); otherwise, and whenever the server cannot take the delta
 * (400: it does not fit; 405: a server without PATCH), the whole model (PUT).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Model } from '@/lib/model';
import type { EditorStore } from '@/lib/editor/store';
import { diffModel } from '@/lib/projects/model-delta';
import { differsBeyondViewport } from './dirty';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; remoteVersion: number; remoteModel: Model }
  | { kind: 'invalid'; message: string }
  /** Not saved, retried with back-off: no connection, or (with `serverStatus`) the server failed. */
  | { kind: 'offline'; retryInMs: number; serverStatus?: number }
  | { kind: 'read-only' };

const DEBOUNCE_MS = 700;

/** A 5xx (or another unexpected answer): retried like a lost connection, but named as what it is. */
class ServerFailed extends Error {
  constructor(readonly status: number) { super(`HTTP ${status}`); }
}

async function fetchCurrent(projectId: string): Promise<{ version: number; model: Model }> {
  const res = await fetch(`/api/projects/${encodeURIComponent(projectId)}/model`, { cache: 'no-store' });
  const body = await res.json() as { version?: number; model?: Model };
  if (!res.ok || !body.model || typeof body.version !== 'number') throw new ServerFailed(res.status);
  return { version: body.version, model: body.model };
}

export function useAutosave(projectId: string, store: EditorStore, initialVersion: number, readOnly: boolean) {
  const [status, setStatus] = useState<SaveStatus>(readOnly ? { kind: 'read-only' } : { kind: 'saved' });
  const version = useRef(initialVersion);
  /** The model the server holds at `version` as far as we know (what the last save sent, or what was loaded). */
  const savedModel = useRef(store.getSnapshot().model);
  const unsaved = useCallback(() => differsBeyondViewport(savedModel.current, store.getSnapshot().model), [store]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const backoff = useRef(2000);
  /** savedModel is exactly what the server holds at `version` (a model it stored from us, or sent us). */
  const exact = useRef(false);
  /** False once the server answered a PATCH with 405 (it predates delta saves). */
  const patchSupported = useRef(true);

  const save = useCallback(async (force = false): Promise<void> => {
    if (readOnly || inFlight.current || (blocked.current && !force)) return;
    const snap = store.getSnapshot();
    if (!differsBeyondViewport(savedModel.current, snap.model)) { setStatus({ kind: 'saved' }); return; }
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    try {
      const url = `/api/projects/${encodeURIComponent(projectId)}/model`;
      const headers = { 'content-type': 'application/json', 'if-match': `"${version.current}"` };
      let res: Response | undefined;
      if (exact.current && patchSupported.current) {
        const delta = diffModel(savedModel.current as unknown as Record<string, unknown>, snap.model as unknown as Record<string, unknown>);
        res = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify(delta) });
        // A delta the server cannot take is not the user's problem: send the whole model instead.
        if (res.status === 405) patchSupported.current = false;
        if (res.status === 405 || res.status === 400) { exact.current = false; res = undefined; }
      }
      res ??= await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ model: snap.model }) });
      const body = await res.json().catch(() => ({})) as { version?: number; model?: Model; findings?: { message: string; path?: string }[]; error?: { message?: string } };
      if (res.ok && typeof body.version === 'number') {
        version.current = body.version;
        savedModel.current = snap.model;
        exact.current = true;
        backoff.current = 2000;
        blocked.current = false;
        const again = unsaved();
        setStatus(again ? { kind: 'pending' } : { kind: 'saved' });
        if (again) schedule();
      } else if (res.status === 409) {
        // The conflict choices need the other save; a 409 whose body lacks it (cut off, or from a proxy)
        // still is a conflict, never a reason to retry the same stale save forever.
        const remote = body.model && typeof body.version === 'number' ? { version: body.version, model: body.model } : await fetchCurrent(projectId);
        blocked.current = true;
        setStatus({ kind: 'conflict', remoteVersion: remote.version, remoteModel: remote.model });
      } else if (res.status === 422 || res.status === 400 || res.status === 413) {
        const first = body.findings?.[0];
        setStatus({ kind: 'invalid', message: first ? `${first.message}${first.path ? ` (${first.path})` : ''}${body.findings!.length > 1 ? ` and ${body.findings!.length - 1} more` : ''}` : body.error?.message ?? `refused (${res.status})` });
      } else if (res.status === 401 || res.status === 403 || res.status === 404) {
        blocked.current = true;
        setStatus({ kind: 'invalid', message: body.error?.message ?? 'you can no longer save this project; sign in again' });
      } else {
        throw new ServerFailed(res.status);
      }
    } catch (e) {
      const wait = backoff.current;
      backoff.current = Math.min(backoff.current * 2, 30000);
      setStatus({ kind: 'offline', retryInMs: wait, ...(e instanceof ServerFailed ? { serverStatus: e.status } : {}) });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), wait);
    } finally {
      inFlight.current = false;
    }
  // schedule is stable (declared below with useCallback on the same refs)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, readOnly, store, unsaved]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  useEffect(() => {
    if (readOnly) return;
    const unsubscribe = store.subscribe(() => {
      if (blocked.current) return;
      if (!unsaved()) {
        // Back to what the server has (an undo, or only the viewport moved): nothing to save.
        if (!inFlight.current) { clearTimeout(timer.current); setStatus((s) => (s.kind === 'pending' || s.kind === 'offline' ? { kind: 'saved' } : s)); }
        return;
      }
      setStatus((s) => (s.kind === 'saving' || s.kind === 'offline' ? s : { kind: 'pending' }));
      schedule();
    });
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (unsaved()) { e.preventDefault(); e.returnValue = ''; }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => { unsubscribe(); window.removeEventListener('beforeunload', beforeUnload); clearTimeout(timer.current); };
  }, [readOnly, schedule, store, unsaved]);

  /** Conflict: take the other save (our unsaved edits are replaced; the caller offers a download first). */
  const reloadRemote = useCallback((remote: { version: number; model: Model }) => {
    version.current = remote.version;
    savedModel.current = remote.model;
    exact.current = true;
    store.load(remote.model);
    blocked.current = false;
    setStatus({ kind: 'saved' });
  }, [store]);

  /** Conflict: keep ours, based on their version (the caller confirmed). */
  const overwrite = useCallback((remoteVersion: number) => {
    version.current = remoteVersion;
    // savedModel is not the model of remoteVersion: the overwrite sends the whole model.
    exact.current = false;
    blocked.current = false;
    void save(true);
  }, [save]);

  const retryNow = useCallback(() => { clearTimeout(timer.current); void save(true); }, [save]);

  return { status, reloadRemote, overwrite, retryNow, saveNow: retryNow };
}
