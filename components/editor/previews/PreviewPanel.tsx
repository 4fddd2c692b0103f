'use client';
/**
 * PreviewPanel: SQL (for a chosen PostgreSQL target), Drizzle and Security tabs, each read-only with
 * copy and download. Selecting one table scrolls the SQL to its CREATE TABLE. Tabs whose generator has
 * not landed say so instead of showing something made up.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useEditor, useSession } from '../context';
import { securityScript } from '@/lib/security/script';
import type { PreviewTab } from '../workers/protocol';
import { usePreview, type PreviewState } from './usePreviewWorker';
// CodeMirror loads after the canvas: it is not needed for the first paint.
const CodeView = lazy(() => import('./CodeView').then((m) => ({ default: m.CodeView })));

const TABS: { id: PreviewTab; label: string }[] = [{ id: 'sql', label: 'SQL' }, { id: 'drizzle', label: 'Drizzle' }, { id: 'security', label: 'Security' }];

interface Props {
  state: PreviewState;
  tab: PreviewTab;
  onTab: (t: PreviewTab) => void;
  target: number;
  onTarget: (t: number) => void;
  dark: boolean;
}

function saveFile(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: name.endsWith('.sql') ? 'application/sql' : 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name.split('/').pop() || name });
  a.click();
  URL.revokeObjectURL(url);
}

export function PreviewPanel({ state, tab, onTab, target, onTarget, dark }: Props) {
  const { session } = useEditor();
  const { selected } = useSession();
  const latest = usePreview(state.source);
  const preview = latest?.tab === tab ? latest : undefined;
  const files = preview?.files ?? [];
  const [fileIndex, setFileIndex] = useState(0);
  const file = files[Math.min(fileIndex, Math.max(0, files.length - 1))];
  const [copied, setCopied] = useState(false);
  const selectedTable = selected.size === 1 ? [...selected][0] : undefined;
  const [nonce, setNonce] = useState(0);
  // After the code view has applied the text: lets the canvas bench measure edit -> preview on screen.
  useLayoutEffect(() => {
    if (preview) (window as unknown as { __pgcPreviewShown?: unknown }).__pgcPreviewShown = { revision: preview.revision, at: performance.now() };
  }, [preview]);
  useEffect(() => setNonce((n) => n + 1), [selectedTable]);
  const scrollTo = useMemo(() => {
    const offset = selectedTable ? preview?.offsets?.[selectedTable] : undefined;
    return offset === undefined ? undefined : { offset, nonce };
  // the scroll should follow a new selection, not every recompute
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nonce, tab, preview === undefined]);

  return (
    <section className="pgc-preview" aria-label="previews">
      <div className="pgc-tabs" role="tablist" aria-label="preview tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`pgc-tab${tab === t.id ? ' is-active' : ''}`} onClick={() => { onTab(t.id); setFileIndex(0); }}>{t.label}</button>
        ))}
        {tab === 'sql' && (
          <label className="pgc-inline">PostgreSQL
            <select aria-label="target PostgreSQL version" value={target} onChange={(e) => onTarget(Number(e.target.value))}>
              {[13, 14, 15, 16, 17, 18].map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </label>
        )}
        {files.length > 1 && (
          <select aria-label="file" value={fileIndex} onChange={(e) => setFileIndex(Number(e.target.value))}>
            {files.map((f, i) => <option key={f.name} value={i}>{f.name}</option>)}
          </select>
        )}
        <span className="pgc-spacer" />
        <button type="button" className="pgc-btn" disabled={!file} onClick={async () => {
          if (!file) return;
          try { await navigator.clipboard.writeText(file.content); setCopied(true); setTimeout(() => setCopied(false), 1500); } catch { session.notify('error', 'The browser refused clipboard access; use Download.'); }
        }}>{copied ? 'Copied' : 'Copy'}</button>
        <button type="button" className="pgc-btn" disabled={!file} onClick={() => file && saveFile(file.name, file.content)}>Download</button>
        {tab === 'security' && files.some((f) => f.name.endsWith('.sql')) && (
          <button type="button" className="pgc-btn" title="All SQL files as one script, in apply order (as GET /api/projects/:id/export/security?format=sql)"
            onClick={() => saveFile('security.sql', securityScript(files))}>Download all SQL</button>
        )}
      </div>
      {preview?.error ? (
        <p className="pgc-preview-msg" role="status">{preview.error === 'not available' ? `${TABS.find((t) => t.id === tab)!.label} preview is not available in this build yet.` : preview.error}</p>
      ) : !preview ? (
        <p className="pgc-preview-msg" role="status">Generating…</p>
      ) : files.length === 0 ? (
        <p className="pgc-preview-msg" role="status">{tab === 'security' ? 'No security SQL: mark columns (password hash, encrypted, personal data) or enable RLS to get some.' : 'Nothing to show: the model is empty.'}</p>
      ) : null}
      {file?.note && <p className="pgc-preview-note">{file.note}</p>}
      <Suspense fallback={<p className="pgc-preview-msg">Loading the code view…</p>}>
      <CodeView text={preview && !preview.error ? file?.content ?? '' : ''} edit={file?.edit} starts={file?.starts} language={tab === 'drizzle' || file?.name.endsWith('.ts') ? 'ts' : 'sql'} dark={dark} scrollTo={tab === 'sql' ? scrollTo : undefined} label={`${tab} preview`} />
      </Suspense>
    </section>
  );
}
