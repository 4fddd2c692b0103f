'use client';
/**
 * ColumnsSection: the column list of a table. Rename inline, open details, reorder by dragging the
 * grip or with the move buttons (Alt+ArrowUp / Alt+ArrowDown in a name field), add and remove.
 */
import { useState } from 'react';
import type { Table } from '@/lib/model';
import { typeLabel } from '@/lib/editor/types';
import { useEditor, useModel } from '../context';
import { ColumnEditor } from './ColumnEditor';
import { FieldMessages, IconButton, Section } from './fields';

export function ColumnsSection({ table, openColumn, onOpen }: { table: Table; openColumn?: string; onOpen: (id: string | undefined) => void }) {
  const { dispatch, store, readOnly } = useEditor();
  const model = useModel();
  const [dragging, setDragging] = useState<string | null>(null);
  const move = (columnId: string, delta: number) => dispatch({ type: 'moveColumn', tableId: table.id, columnId, delta });
  const add = () => {
    const r = dispatch({ type: 'addColumn', tableId: table.id });
    if (r.ok && r.created[0]) {
      onOpen(r.created[0]);
      setTimeout(() => document.querySelector<HTMLInputElement>(`[data-focus-key="${r.created[0]}:name"]`)?.select(), 0);
    }
  };
  if (table.partitionOf) return <Section title="Columns"><p className="pgc-muted">A partition takes its columns from its parent table.</p></Section>;
  return (
    <Section title={`Columns (${table.columns.length})`} actions={<button type="button" className="pgc-btn" onClick={add} disabled={readOnly}>Add column</button>}>
      <ol className="pgc-columns" aria-label="columns">
        {table.columns.map((c, i) => (
          <li key={c.id} className={`pgc-col-item${dragging === c.id ? ' is-dragging' : ''}`}
            onDragOver={(e) => { if (dragging) e.preventDefault(); }}
            onDrop={(e) => {
              e.preventDefault();
              if (!dragging || dragging === c.id) return;
              const ids = table.columns.map((x) => x.id).filter((id) => id !== dragging);
              ids.splice(ids.indexOf(c.id) + (table.columns.findIndex((x) => x.id === dragging) < i ? 1 : 0), 0, dragging);
              dispatch({ type: 'reorderColumns', tableId: table.id, columnIds: ids });
              setDragging(null);
            }}>
            <div className="pgc-col-line">
              <span className="pgc-grip" draggable={!readOnly} aria-hidden onDragStart={() => setDragging(c.id)} onDragEnd={() => setDragging(null)} title="Drag to reorder">⋮⋮</span>
              <input className="pgc-input pgc-col-name-input" aria-label={`column ${i + 1} name`} value={c.name} readOnly={readOnly} spellCheck={false}
                data-focus-key={`${c.id}:name`}
                onChange={(e) => dispatch({ type: 'renameColumn', tableId: table.id, columnId: c.id, name: e.target.value }, { gesture: `field:${c.id}:name` })}
                onBlur={() => store.endGesture()}
                onKeyDown={(e) => {
                  if (e.altKey && e.key === 'ArrowUp') { move(c.id, -1); e.preventDefault(); }
                  if (e.altKey && e.key === 'ArrowDown') { move(c.id, 1); e.preventDefault(); }
                  if (e.key === 'Enter') { store.endGesture(); }
                }} />
              <span className="pgc-col-type-label is-mono">{typeLabel(c.type, model)}</span>
              <IconButton label={`move ${c.name} up`} onClick={() => move(c.id, -1)} disabled={i === 0}>↑</IconButton>
              <IconButton label={`move ${c.name} down`} onClick={() => move(c.id, 1)} disabled={i === table.columns.length - 1}>↓</IconButton>
              <button type="button" className="pgc-icon-btn" aria-expanded={openColumn === c.id} aria-label={`details of ${c.name}`} onClick={() => onOpen(openColumn === c.id ? undefined : c.id)}>⚙</button>
              <IconButton label={`remove column ${c.name}`} onClick={() => dispatch({ type: 'deleteColumn', tableId: table.id, columnId: c.id })}>✕</IconButton>
            </div>
            <FieldMessages objectId={c.id} field="name" />
            {openColumn === c.id && <ColumnEditor table={table} column={c} />}
          </li>
        ))}
      </ol>
    </Section>
  );
}
