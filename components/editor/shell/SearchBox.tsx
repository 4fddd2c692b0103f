'use client';
/** SearchBox: "find table or column"; choosing a result selects it, centres the canvas and focuses the inspector. */
import { forwardRef, useMemo, useState } from 'react';
import { findInModel } from '@/lib/editor/search';
import { useEditor, useStoreValue } from '../context';

export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const { session } = useEditor();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // The model only while the list is open: edits elsewhere then neither re-render nor re-search.
  const model = useStoreValue((s) => (open && q ? s.model : undefined));
  const hits = useMemo(() => (model ? findInModel(model, q, 12) : []), [model, q]);
  const choose = (i: number) => {
    const h = hits[i];
    if (!h) return;
    session.focusObject(h.tableId, h.columnId);
    setOpen(false);
  };
  return (
    <div className="pgc-search">
      <input ref={ref} type="search" className="pgc-input" placeholder="Find table or column (Ctrl+F)" aria-label="find table or column" value={q}
        role="combobox" aria-expanded={open && hits.length > 0} aria-controls="pgc-search-list" aria-activedescendant={open && hits[active] ? `pgc-hit-${active}` : undefined}
        onChange={(e) => { setQ(e.target.value); setActive(0); setOpen(true); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setActive((a) => Math.min(hits.length - 1, a + 1)); e.preventDefault(); }
          if (e.key === 'ArrowUp') { setActive((a) => Math.max(0, a - 1)); e.preventDefault(); }
          if (e.key === 'Enter') { choose(active); e.preventDefault(); }
          if (e.key === 'Escape') { setOpen(false); (e.target as HTMLInputElement).blur(); }
        }} />
      {open && hits.length > 0 && (
        <ul id="pgc-search-list" role="listbox" aria-label="search results" className="pgc-listbox pgc-search-list">
          {hits.map((h, i) => (
            <li key={`${h.tableId}:${h.columnId ?? ''}`} id={`pgc-hit-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => { e.preventDefault(); choose(i); }}>
              <span className="is-mono">{h.label}</span> <span className="pgc-muted">{h.kind === 'table' ? h.detail : 'column'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
