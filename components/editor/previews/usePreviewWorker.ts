'use client';
/**
 * usePreviewWorker runs the editor's two workers, previews and findings (validation and advisor, in
 * their own worker so that a long validation never delays a preview): sends the model once and then
 * patches to the preview worker, which passes them on, asks for the open tab, and returns the latest
 * preview and findings. `lastEditAt` lets the benchmark
 * (and the status line) measure edit -> preview latency.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Model } from '@/lib/model';
import type { EditorStore } from '@/lib/editor/store';
import { makePatch, type FindingLike, type FromWorker, type PreviewTab } from '../workers/protocol';
import { WireDecoder, type ReceivedFile } from '../workers/preview-wire';

/** A preview as the panel shows it: the worker's message with its files rebuilt whole. */
export type PreviewMessage = Omit<FromWorker & { type: 'preview' }, 'files'> & { files: ReceivedFile[] };

/** PreviewSource holds the latest preview outside React state, so only the preview panel re-renders for it. */
export class PreviewSource {
  private current: PreviewMessage | undefined;
  private readonly listeners = new Set<() => void>();
  get = (): PreviewMessage | undefined => this.current;
  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  set(p: PreviewMessage) { this.current = p; for (const l of this.listeners) l(); }
}

export function usePreview(source: PreviewSource): PreviewMessage | undefined {
  return useSyncExternalStore(source.subscribe, source.get, source.get);
}

export interface PreviewState {
  readonly source: PreviewSource;
  readonly findings: readonly FindingLike[];
  readonly available: { validate: boolean; advisor: boolean };
  readonly findingsError?: string;
  readonly findingsRevision: number;
  /** Asks the worker to apply an advisor finding's fix; the result arrives as a command (undoable). */
  readonly requestFix?: (findingId: string) => void;
}

export function usePreviewWorker(store: EditorStore, tab: PreviewTab, target: number | undefined, onFixed: (model: Model | undefined, error?: string) => void): PreviewState {
  const [source] = useState(() => new PreviewSource());
  const [state, setState] = useState<PreviewState>({ source, findings: [], available: { validate: false, advisor: false }, findingsRevision: -1 });
  const worker = useRef<Worker | null>(null);
  const findingsWorker = useRef<Worker | null>(null);
  const onFixedRef = useRef(onFixed);
  onFixedRef.current = onFixed;

  useEffect(() => {
    const w = new Worker(new URL('../workers/preview.worker.ts', import.meta.url), { type: 'module' });
    const f = new Worker(new URL('../workers/findings.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    findingsWorker.current = f;
    // The preview worker passes the model and its patches on to the findings worker.
    const channel = new MessageChannel();
    w.postMessage({ type: 'port', port: channel.port1 }, [channel.port1]);
    f.postMessage({ type: 'port', port: channel.port2 }, [channel.port2]);
    const wire = new WireDecoder();
    f.onmessage = w.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === 'preview') {
        const files = wire.decode(msg.tab, msg.files);
        // An edit against a text this side does not have: ask for whole files and wait for them.
        if (!files) { w.postMessage({ type: 'resync' }); return; }
        source.set({ ...msg, files });
        (window as unknown as { __pgcPreview?: unknown }).__pgcPreview = { revision: msg.revision, at: performance.now(), ms: msg.ms };
      } else if (msg.type === 'fixed') {
        onFixedRef.current(msg.model, msg.error);
      } else {
        setState((s) => ({ ...s, findings: msg.findings, available: msg.available, findingsError: msg.error, findingsRevision: msg.revision }));
      }
    };
    // The model goes to the worker after the first frame is painted, not in the task that renders it: its
    // structured copy (a big model: tens of ms) would delay the diagram. The workers load their scripts
    // meanwhile, so the first preview is hardly later. (A hidden tab gets no frames: the timer then posts it.)
    let last: Model | undefined;
    let unsubscribe = () => {};
    const send = () => {
      if (last) return;
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      last = store.getSnapshot().model;
      w.postMessage({ type: 'model', revision: store.getSnapshot().revision, model: last });
      unsubscribe = store.subscribe(() => {
        const snap = store.getSnapshot();
        if (snap.model === last) return;
        const patch = makePatch(last!, snap.model);
        last = snap.model;
        w.postMessage({ type: 'patch', revision: snap.revision, patch });
      });
    };
    let afterFrame: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { afterFrame = setTimeout(send, 0); });
    const fallback = setTimeout(send, 250);
    return () => {
      cancelAnimationFrame(frame); clearTimeout(afterFrame); clearTimeout(fallback);
      unsubscribe(); w.terminate(); f.terminate(); worker.current = null; findingsWorker.current = null;
    };
  }, [store, source]);

  useEffect(() => {
    worker.current?.postMessage({ type: 'request', tab, target });
    findingsWorker.current?.postMessage({ type: 'request', tab, target });
  }, [tab, target]);

  return { ...state, requestFix: (findingId: string) => findingsWorker.current?.postMessage({ type: 'fix', revision: store.getSnapshot().revision, findingId }) };
}
