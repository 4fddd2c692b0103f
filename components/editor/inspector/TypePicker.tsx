'use client';
/**
 * TypePicker: every PostgreSQL built-in type (BUILTIN_TYPES), the project's enums and custom types
 * (extension types, domains) with search as you type; then array, length / precision / scale.
 * A combobox with a listbox: arrows move, Enter picks, Escape closes.
 */
import { useId, useMemo, useState } from 'react';
import { BUILTIN_TYPES, BUILTIN_TYPE_NAMES } from '@/lib/model/builtin-types';
import type { ColumnType } from '@/lib/model';
import { typeLabel } from '@/lib/editor/types';
import { useEditor, useModel } from '../context';

interface Option { key: string; label: string; detail: string; type: ColumnType }

export function TypePicker({ value, onChange, columnId }: { value: ColumnType; onChange: (t: ColumnType) => void; columnId: string }) {
  const model = useModel();
  const { readOnly } = useEditor();
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo<Option[]>(() => {
    const q = (query ?? '').trim().toLowerCase();
    const all: Option[] = [
      ...BUILTIN_TYPE_NAMES.map((n) => ({ key: `b:${n}`, label: n, detail: BUILTIN_TYPES[n].category, type: { kind: 'builtin', name: n } as ColumnType })),
      ...(model.enums ?? []).map((e) => ({ key: `e:${e.id}`, label: e.name, detail: 'enum', type: { kind: 'enum', enumId: e.id } as ColumnType })),
    ];
    const hits = q ? all.filter((o) => o.label.toLowerCase().includes(q) || BUILTIN_TYPES[o.label as keyof typeof BUILTIN_TYPES]?.catalog.includes(q)) : all;
    hits.sort((a, b) => Number(!a.label.toLowerCase().startsWith(q)) - Number(!b.label.toLowerCase().startsWith(q)));
    if (q && !hits.some((o) => o.label.toLowerCase() === q)) hits.push({ key: 'custom', label: query!.trim(), detail: 'custom type (checked by the parser)', type: { kind: 'custom', sql: query!.trim() } });
    return hits.slice(0, 60);
  }, [query, model.enums]);

  const open = query !== null;
  const pick = (o: Option) => {
    const keepArray = value.array ? { array: true } : {};
    onChange({ ...o.type, ...keepArray } as ColumnType);
    setQuery(null);
  };
  const base = { ...value, array: undefined } as ColumnType;
  const args = value.kind === 'builtin' ? (BUILTIN_TYPES[value.name as keyof typeof BUILTIN_TYPES]?.args as string) : 'none';
  const setNum = (key: 'length' | 'precision' | 'scale', raw: string) => {
    const n = raw === '' ? undefined : Number(raw);
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) return;
    const next = { ...value } as Record<string, unknown>;
    if (n === undefined) delete next[key]; else next[key] = n;
    onChange(next as ColumnType);
  };

  return (
    <div className="pgc-field pgc-type-picker">
      <label htmlFor={id}>Type</label>
      <input
        id={id} role="combobox" aria-expanded={open} aria-controls={`${id}-list`} aria-autocomplete="list" className="pgc-input is-mono"
        data-focus-key={`${columnId}:type`} readOnly={readOnly}
        value={open ? query : typeLabel(base, model)}
        aria-activedescendant={open && options[active] ? `${id}-${active}` : undefined}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => {
          if (!open && (e.key === 'ArrowDown' || e.key === 'Enter')) { setQuery(''); e.preventDefault(); return; }
          if (e.key === 'ArrowDown') { setActive((a) => Math.min(options.length - 1, a + 1)); e.preventDefault(); }
          if (e.key === 'ArrowUp') { setActive((a) => Math.max(0, a - 1)); e.preventDefault(); }
          if (e.key === 'Enter' && open && options[active]) { pick(options[active]!); e.preventDefault(); }
          if (e.key === 'Escape') setQuery(null);
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" aria-label="types" className="pgc-listbox">
          {options.map((o, i) => (
            <li key={o.key} id={`${id}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => { e.preventDefault(); pick(o); }}>
              <span className="is-mono">{o.label}</span> <span className="pgc-muted">{o.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="pgc-row-fields">
        <label className="pgc-check"><input type="checkbox" checked={Boolean(value.array)} disabled={readOnly} onChange={(e) => onChange({ ...value, array: e.target.checked || undefined } as ColumnType)} /> array</label>
        {value.kind === 'builtin' && args === 'length' && <NumberInput label="length" value={value.length} onChange={(v) => setNum('length', v)} />}
        {value.kind === 'builtin' && args === 'precision-scale' && <><NumberInput label="precision" value={value.precision} onChange={(v) => setNum('precision', v)} /><NumberInput label="scale" value={value.scale} onChange={(v) => setNum('scale', v)} /></>}
        {value.kind === 'builtin' && (args === 'time-precision' || args === 'precision') && <NumberInput label="precision" value={value.precision} onChange={(v) => setNum('precision', v)} />}
      </div>
    </div>
  );
}

function NumberInput({ label, value, onChange }: { label: string; value: number | undefined; onChange: (v: string) => void }) {
  const { readOnly } = useEditor();
  return (
    <label className="pgc-inline">{label}
      <input type="number" min={0} className="pgc-input pgc-num" value={value ?? ''} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
