'use client';
/** Toolbar: add, undo/redo, layout, view, schema filter, search, dark mode, help; every button named. */
import { forwardRef } from 'react';
import { useEditor, useSession, useStoreValue } from '../context';
import type { ActionContext } from './actions';
import { SearchBox } from './SearchBox';

interface Props { ctx: ActionContext; busy?: string; dark: boolean; projectName: string }

export const Toolbar = forwardRef<HTMLInputElement, Props>(function Toolbar({ ctx, busy, dark, projectName }, searchRef) {
  const { session, readOnly } = useEditor();
  const canUndo = useStoreValue((s) => s.canUndo);
  const canRedo = useStoreValue((s) => s.canRedo);
  const schemas = useStoreValue((s) => s.model.schemas);
  const { collapsedAll, schemaFilter } = useSession();
  return (
    <div className="pgc-toolbar" role="toolbar" aria-label="editor toolbar">
      <a href="/" className="pgc-brand" aria-label="all projects">pgcanvas</a>
      <span className="pgc-project-name" title={projectName}>{projectName}</span>
      <button type="button" className="pgc-btn" onClick={ctx.addTable} disabled={readOnly}>Add table</button>
      <button type="button" className="pgc-btn" onClick={ctx.addNote} disabled={readOnly}>Note</button>
      <button type="button" className="pgc-btn" onClick={ctx.addArea} disabled={readOnly}>Area</button>
      <button type="button" className="pgc-icon-btn" onClick={ctx.undo} disabled={!canUndo} aria-label="undo" title="Undo (Ctrl/Cmd+Z)">↶</button>
      <button type="button" className="pgc-icon-btn" onClick={ctx.redo} disabled={!canRedo} aria-label="redo" title="Redo (Shift+Ctrl/Cmd+Z)">↷</button>
      <button type="button" className="pgc-btn" onClick={() => ctx.autoLayout(false)} disabled={readOnly || Boolean(busy)}>Auto-layout</button>
      <button type="button" className="pgc-btn" onClick={ctx.fitView}>Fit</button>
      <label className="pgc-check"><input type="checkbox" checked={collapsedAll} onChange={ctx.toggleCollapsed} /> key columns only</label>
      <label className="pgc-inline">Schema
        <select aria-label="schema filter" value={schemaFilter ? [...schemaFilter][0] : ''} onChange={(e) => session.update({ schemaFilter: e.target.value ? new Set([e.target.value]) : undefined })}>
          <option value="">all</option>
          {schemas.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <SearchBox ref={searchRef} />
      {busy && <span className="pgc-muted" role="status">{busy}</span>}
      <span className="pgc-spacer" />
      <button type="button" className="pgc-icon-btn" onClick={ctx.toggleDark} aria-label={dark ? 'light mode' : 'dark mode'} title="Toggle dark mode">{dark ? '☀' : '☾'}</button>
      <button type="button" className="pgc-icon-btn" onClick={ctx.openPalette} aria-label="command palette" title="Command palette (Ctrl/Cmd+K)">⌘</button>
      <button type="button" className="pgc-icon-btn" onClick={ctx.openHelp} aria-label="keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
    </div>
  );
});
