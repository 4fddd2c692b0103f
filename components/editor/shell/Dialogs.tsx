'use client';
/** The shortcuts help dialog and the command palette (Ctrl/Cmd+K), both modal <dialog>s. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { findInModel } from '@/lib/editor/search';
import { useEditor, useStoreValue } from '../context';
import { ACTIONS, type ActionContext } from './actions';

function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModal(open);
  return (
    <dialog ref={ref} className="pgc-dialog" aria-label="keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="pgc-shortcuts">
        <tbody>
          {ACTIONS.filter((a) => a.keys).map((a) => <tr key={a.id}><th scope="row">{a.label}</th><td><kbd>{a.keys}</kbd></td></tr>)}
          <tr><th scope="row">Move a column up / down (in its name field)</th><td><kbd>Alt+↑ / Alt+↓</kbd></td></tr>
          <tr><th scope="row">Add to the selection</th><td><kbd>Ctrl/Cmd+click</kbd>, <kbd>Shift+drag</kbd></td></tr>
          <tr><th scope="row">Copy / paste tables (also between projects)</th><td><kbd>Ctrl/Cmd+C / V</kbd></td></tr>
        </tbody>
      </table>
      <form method="dialog"><button className="pgc-btn" type="submit">Close</button></form>
    </dialog>
  );
}

export function CommandPalette({ open, onClose, ctx }: { open: boolean; onClose: () => void; ctx: ActionContext }) {
  const ref = useModal(open);
  const model = useStoreValue((s) => (open ? s.model : undefined));
  const { session } = useEditor();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => { if (open) { setQ(''); setActive(0); } }, [open]);
  const items = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const acts = ACTIONS.filter((a) => a.id !== 'palette' && a.id !== 'find-slash' && (!needle || a.label.toLowerCase().includes(needle)))
      .map((a) => ({ key: a.id, label: a.label, hint: a.keys ?? '', run: () => a.run(ctx) }));
    const hits = needle && model ? findInModel(model, needle, 8).map((h) => ({ key: `${h.tableId}:${h.columnId ?? ''}`, label: `Go to ${h.label}`, hint: h.kind, run: () => session.focusObject(h.tableId, h.columnId) })) : [];
    return [...acts, ...hits];
  }, [q, ctx, model, session]);
  const choose = (i: number) => { const it = items[i]; onClose(); it?.run(); };
  return (
    <dialog ref={ref} className="pgc-dialog pgc-palette" aria-label="command palette" onClose={onClose}>
      <input autoFocus className="pgc-input" aria-label="command" placeholder="Type a command or a table name…" value={q}
        role="combobox" aria-expanded="true" aria-controls="pgc-palette-list" aria-activedescendant={items[active] ? `pgc-pal-${active}` : undefined}
        onChange={(e) => { setQ(e.target.value); setActive(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setActive((a) => Math.min(items.length - 1, a + 1)); e.preventDefault(); }
          if (e.key === 'ArrowUp') { setActive((a) => Math.max(0, a - 1)); e.preventDefault(); }
          if (e.key === 'Enter') { choose(active); e.preventDefault(); }
        }} />
      <ul id="pgc-palette-list" role="listbox" aria-label="commands" className="pgc-listbox">
        {items.map((it, i) => (
          <li key={it.key} id={`pgc-pal-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : ''} onMouseDown={(e) => { e.preventDefault(); choose(i); }}>
            {it.label} <span className="pgc-muted">{it.hint}</span>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
