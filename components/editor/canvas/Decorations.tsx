'use client';
/**
 * Notes and areas on the canvas. A note's text and an area's name are edited in place (double-click);
 * an area can be resized. Changes are commands (undoable); text is always rendered as text.
 */
import { memo, useState } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { useEditor } from '../context';

export interface DecorationData extends Record<string, unknown> {
  readonly kind: 'notes' | 'areas';
  readonly id: string;
  readonly text: string;
  readonly color?: string;
}

type DecorationNode = Node<DecorationData, 'note' | 'area'>;

function InlineText({ value, label, multiline, onCommit }: { value: string; label: string; multiline?: boolean; onCommit: (v: string) => void }) {
  const { readOnly } = useEditor();
  const [editing, setEditing] = useState(false);
  // Viewers never get the field: an edit they could type would only be refused afterwards.
  if (!editing || readOnly) return <div className="pgc-deco-text" onDoubleClick={() => { if (!readOnly) setEditing(true); }} title={readOnly ? undefined : 'Double-click to edit'}>{value}</div>;
  const finish = (v: string) => { setEditing(false); if (v !== value) onCommit(v); };
  const common = { 'aria-label': label, autoFocus: true, defaultValue: value, className: 'pgc-deco-input nodrag',
    onBlur: (e: { currentTarget: { value: string } }) => finish(e.currentTarget.value),
    onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      if (e.key === 'Escape') setEditing(false);
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) finish(e.currentTarget.value);
    } };
  return multiline ? <textarea {...common} /> : <input {...common} />;
}

function NoteView({ data, width, height }: NodeProps<DecorationNode>) {
  const { dispatch } = useEditor();
  return (
    <div className="pgc-note" style={{ width, height, ...(data.color ? { background: data.color } : {}) }} aria-label="note">
      <InlineText value={data.text} label="note text" multiline onCommit={(text) => dispatch({ type: 'updateDecoration', kind: 'notes', id: data.id, patch: { text } })} />
    </div>
  );
}

function AreaView({ data, width, height, selected }: NodeProps<DecorationNode>) {
  const { dispatch, readOnly } = useEditor();
  return (
    <div className="pgc-area" style={{ width, height, background: data.color ?? '#dbeafe' }} aria-label={`area ${data.text}`}>
      <NodeResizer isVisible={selected && !readOnly} minWidth={120} minHeight={80}
        onResizeEnd={(_e, p) => dispatch({ type: 'updateDecoration', kind: 'areas', id: data.id, patch: { x: Math.round(p.x), y: Math.round(p.y), width: Math.round(p.width), height: Math.round(p.height) } })} />
      <InlineText value={data.text} label="area name" onCommit={(name) => dispatch({ type: 'updateDecoration', kind: 'areas', id: data.id, patch: { name } })} />
    </div>
  );
}

export const NoteNode = memo(NoteView);
export const AreaNode = memo(AreaView);
