'use client';
/** ColumnMulti: pick an ordered list of columns (a multi-select; order is the table's column order). */
import { useId } from 'react';
import type { Table } from '@/lib/model';
import { useEditor } from '../context';

export function ColumnMulti({ label, table, value, onChange }: { label: string; table: Table; value: readonly string[]; onChange: (ids: string[]) => void }) {
  const { readOnly } = useEditor();
  const id = useId();
  return (
    <div className="pgc-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} multiple className="pgc-input" value={[...value]} disabled={readOnly} size={Math.min(5, Math.max(2, table.columns.length))}
        onChange={(e) => {
          const picked = new Set([...e.target.selectedOptions].map((o) => o.value));
          // keep the existing order, append new picks in column order
          onChange([...value.filter((v) => picked.has(v)), ...table.columns.map((c) => c.id).filter((cid) => picked.has(cid) && !value.includes(cid))]);
        }}>
        {table.columns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </div>
  );
}
