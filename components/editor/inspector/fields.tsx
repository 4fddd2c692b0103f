'use client';
/**
 * Labelled inspector controls. Text fields dispatch on every keystroke inside one gesture (so typing a
 * name is one undo step, ended on blur) and show the validator's messages for their object and field.
 */
import { useId, type ReactNode } from 'react';
import { useEditor } from '../context';
import { useFieldFindings } from './findings-context';

export function FieldMessages({ objectId, field, id }: { objectId: string; field: string; id?: string }) {
  const list = useFieldFindings(objectId, field);
  if (list.length === 0) return null;
  return (
    <ul className="pgc-field-msgs" id={id} aria-live="polite">
      {list.map((f, i) => <li key={i} className={`is-${f.severity}`}>{f.message}</li>)}
    </ul>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  objectId: string;
  field: string;
  onChange: (value: string, gesture: string) => void;
  placeholder?: string;
  multiline?: boolean;
  list?: string;
  mono?: boolean;
  hideLabel?: boolean;
}

export function TextField({ label, value, objectId, field, onChange, placeholder, multiline, list, mono, hideLabel }: TextFieldProps) {
  const { store, readOnly } = useEditor();
  const id = useId();
  const gesture = `field:${objectId}:${field}`;
  const props = {
    id, value, placeholder, readOnly, 'aria-describedby': `${id}-msg`, 'data-focus-key': `${objectId}:${field}`,
    className: `pgc-input${mono ? ' is-mono' : ''}`,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value, gesture),
    onBlur: () => store.endGesture(),
    spellCheck: false,
  };
  return (
    <div className="pgc-field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>{label}</label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" list={list} {...props} />}
      <FieldMessages objectId={objectId} field={field} id={`${id}-msg`} />
    </div>
  );
}

export function CheckField({ label, checked, onChange, title }: { label: string; checked: boolean; onChange: (v: boolean) => void; title?: string }) {
  const { readOnly } = useEditor();
  return (
    <label className="pgc-check" title={title}>
      <input type="checkbox" checked={checked} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, hideLabel }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; hideLabel?: boolean }) {
  const { readOnly } = useEditor();
  const id = useId();
  return (
    <div className="pgc-field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>{label}</label>
      <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value as T)} className="pgc-input">
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="pgc-section" aria-label={title}>
      <header className="pgc-section-head"><h3>{title}</h3>{actions}</header>
      {children}
    </section>
  );
}

export function IconButton({ label, onClick, children, disabled }: { label: string; onClick: () => void; children: ReactNode; disabled?: boolean }) {
  const { readOnly } = useEditor();
  return <button type="button" className="pgc-icon-btn" aria-label={label} title={label} onClick={onClick} disabled={disabled || readOnly}>{children}</button>;
}
