'use client';
/**
 * The editor's React context: the model store, the session store and a `dispatch` that refuses in
 * read-only mode and turns command refusals into a visible notice. Components read state through the
 * hooks below (useSyncExternalStore), never through node data.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Model } from '@/lib/model';
import type { Command } from '@/lib/editor/commands';
import type { DispatchOptions, DispatchResult, EditorStore, StoreSnapshot } from '@/lib/editor/store';
import type { Session, SessionStore } from '@/lib/editor/session';

export interface EditorEnv {
  readonly store: EditorStore;
  readonly session: SessionStore;
  readonly readOnly: boolean;
  dispatch(cmd: Command, options?: DispatchOptions): DispatchResult;
}

const EditorContext = createContext<EditorEnv | null>(null);

export function makeEnv(store: EditorStore, session: SessionStore, readOnly: boolean): EditorEnv {
  return {
    store, session, readOnly,
    dispatch(cmd, options) {
      if (readOnly) {
        session.notify('error', 'This project is read-only for you (viewer).');
        return { ok: false, error: { code: 'read-only', message: 'read-only' } };
      }
      const result = store.dispatch(cmd, options);
      if (!result.ok) session.notify('error', result.error.message);
      return result;
    },
  };
}

export function EditorProvider({ env, children }: { env: EditorEnv; children: ReactNode }) {
  return <EditorContext.Provider value={env}>{children}</EditorContext.Provider>;
}

export function useEditor(): EditorEnv {
  const env = useContext(EditorContext);
  if (!env) throw new Error('useEditor outside EditorProvider');
  return env;
}

export function useSnapshot(): StoreSnapshot {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

export function useModel(): Model {
  return useSnapshot().model;
}

/**
 * useStoreValue subscribes to one value of the store (compared with Object.is): a component that needs
 * only, say, whether undo is possible does not re-render on every keystroke of a 1,000-table model.
 * `select` must return a primitive or an object that the model keeps (e.g. `m.schemas`).
 */
export function useStoreValue<T>(select: (snapshot: StoreSnapshot) => T): T {
  const { store } = useEditor();
  const get = () => select(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, get, get);
}

export function useSession(): Session {
  const { session } = useEditor();
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
