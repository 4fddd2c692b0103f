'use client';
/**
 * Editor: the working screen for one project: toolbar, canvas, inspector, previews and problems,
 * autosave, shortcuts, clipboard and dialogs. Loading is EditorApp's job; this gets a model.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Model } from '@/lib/model';
import { EditorStore } from '@/lib/editor/store';
import { SessionStore } from '@/lib/editor/session';
import { copyTables, parseClipboard } from '@/lib/editor/commands';
import { indexFindings, problemsByTable } from '@/lib/editor/findings';
import { EditorProvider, makeEnv, useSession, useStoreValue } from './context';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { FindingsContext } from './inspector/findings-context';
import { PreviewPanel } from './previews/PreviewPanel';
import { usePreviewWorker } from './previews/usePreviewWorker';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { problemsTabLabel } from './problems/summary';
import { SaveStatusView } from './save/SaveStatusView';
import { useAutosave } from './save/useAutosave';
import { actionForKey, isTyping } from './shell/actions';
import { CommandPalette, ShortcutsDialog } from './shell/Dialogs';
import { Toolbar } from './shell/Toolbar';
import { useEditorActions } from './useEditorActions';
import type { PreviewTab } from './workers/protocol';

export interface EditorProps {
  projectId: string;
  projectName: string;
  model: Model;
  version: number;
  readOnly: boolean;
}

function Notice() {
  const { notice } = useSession();
  const [shown, setShown] = useState(notice);
  useEffect(() => {
    setShown(notice);
    if (!notice) return;
    const t = setTimeout(() => setShown(undefined), notice.kind === 'error' ? 6000 : 2500);
    return () => clearTimeout(t);
  }, [notice]);
  return <div className="pgc-notice-region" aria-live="assertive">{shown && <div className={`pgc-notice is-${shown.kind}`} role={shown.kind === 'error' ? 'alert' : 'status'}>{shown.message}</div>}</div>;
}

function Workspace({ props, env }: { props: EditorProps; env: ReturnType<typeof makeEnv> }) {
  const { store, session } = env;
  // Not the whole model: the workspace (toolbar, panels) must not re-render on every keystroke.
  const largeModel = useStoreValue((s) => s.model.tables.length > 150);
  const [dark, setDark] = useState(false);
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [bottom, setBottom] = useState<'preview' | 'problems'>('preview');
  const [tab, setTab] = useState<PreviewTab>('sql');
  const [target, setTarget] = useState(() => store.model.settings?.targetVersion ?? 16);
  const searchRef = useRef<HTMLInputElement>(null);
  const save = useAutosave(props.projectId, store, props.version, props.readOnly);
  const preview = usePreviewWorker(store, tab, target, (fixed, error) => {
    if (fixed) env.dispatch({ type: 'applyFix', title: 'advisor fix', model: fixed }); else session.notify('error', `Fix not applied: ${error ?? 'unknown reason'}`);
  });
  // Located once per findings update (not per keystroke): findings describe the model they were computed on.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const problems = useMemo(() => problemsByTable(store.model, preview.findings), [preview.findings]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const findingIndex = useMemo(() => indexFindings(store.model, preview.findings), [preview.findings]);
  const ctx = useEditorActions({ env, searchRef, setBusy, setDark, setPalette, setHelp, saveNow: save.saveNow });

  useEffect(() => { setDark(localStorage.getItem('pgc-dark') === '1' || (localStorage.getItem('pgc-dark') === null && window.matchMedia?.('(prefers-color-scheme: dark)').matches)); }, []);
  useEffect(() => { localStorage.setItem('pgc-dark', dark ? '1' : '0'); }, [dark]);
  useEffect(() => {
    let tables = store.model.tables;
    return store.subscribe(() => {
      if (store.model.tables === tables) return;
      tables = store.model.tables;
      const ids = new Set(tables.map((t) => t.id));
      session.prune((id) => id.includes(':') || ids.has(id));
    });
  }, [session, store]);
  useEffect(() => { (window as unknown as { __pgcEditor?: unknown }).__pgcEditor = { revision: () => store.getSnapshot().revision }; }, [store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('dialog')) return;
      const action = actionForKey(e);
      if (!action) return;
      e.preventDefault();
      action.run(ctx);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || window.getSelection()?.toString()) return;
      const ids = [...session.getSnapshot().selected].filter((id) => store.model.tables.some((t) => t.id === id));
      if (!ids.length) return;
      e.clipboardData?.setData('text/plain', JSON.stringify(copyTables(store.model, ids)));
      e.preventDefault();
      session.notify('info', `Copied ${ids.length} table${ids.length > 1 ? 's' : ''}`);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const payload = parseClipboard(e.clipboardData?.getData('text/plain') ?? '');
      if (!payload) return;
      e.preventDefault();
      const r = env.dispatch({ type: 'pasteTables', payload, offset: { x: 60, y: 60 } });
      if (r.ok) session.select(r.created);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => { window.removeEventListener('keydown', onKey); document.removeEventListener('copy', onCopy); document.removeEventListener('paste', onPaste); };
  }, [ctx, env, session, store]);

  return (
    <FindingsContext.Provider value={findingIndex}>
      <div className={`pgc-editor${dark ? ' dark' : ''}`} data-testid="editor">
        <Toolbar ref={searchRef} ctx={ctx} busy={busy} dark={dark} projectName={props.projectName} />
        <div className="pgc-statusline">
          <SaveStatusView status={save.status} currentModel={() => store.model} onReload={save.reloadRemote} onOverwrite={save.overwrite} onRetry={save.retryNow} />
        </div>
        <main className="pgc-main">
          <Canvas problems={problems} largeModel={largeModel} />
          <Inspector onLayoutSelected={() => ctx.autoLayout(true)} />
        </main>
        <div className="pgc-bottom">
          <div className="pgc-tabs" role="tablist" aria-label="bottom panel">
            <button type="button" role="tab" aria-selected={bottom === 'preview'} className={`pgc-tab${bottom === 'preview' ? ' is-active' : ''}`} onClick={() => setBottom('preview')}>Preview</button>
            <button type="button" role="tab" aria-selected={bottom === 'problems'} className={`pgc-tab${bottom === 'problems' ? ' is-active' : ''}`} onClick={() => setBottom('problems')}>
              {problemsTabLabel(preview.findings)}
            </button>
          </div>
          {bottom === 'preview'
            ? <PreviewPanel state={preview} tab={tab} onTab={setTab} target={target} onTarget={setTarget} dark={dark} />
            : <ProblemsPanel state={preview} />}
        </div>
        <Notice />
        <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
        <CommandPalette open={palette} onClose={() => setPalette(false)} ctx={ctx} />
      </div>
    </FindingsContext.Provider>
  );
}

export function Editor(props: EditorProps) {
  const env = useMemo(() => makeEnv(new EditorStore(props.model), new SessionStore(), props.readOnly), [props.model, props.readOnly]);
  const render = useCallback(() => <Workspace props={props} env={env} />, [props, env]);
  return (
    <EditorProvider env={env}>
      <ReactFlowProvider>{render()}</ReactFlowProvider>
    </EditorProvider>
  );
}
