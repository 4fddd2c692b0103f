'use client';
/** Unique constraints and CHECK constraints of a table. */
import type { Check, Table, Unique } from '@/lib/model';
import { useEditor } from '../context';
import { ColumnMulti } from './ColumnMulti';
import { CheckField, IconButton, Section, TextField } from './fields';

export function UniquesSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const list = table.uniques ?? [];
  const update = (u: Unique, patch: Partial<Unique>, gesture?: string) => dispatch({ type: 'updatePart', tableId: table.id, kind: 'uniques', id: u.id, patch }, gesture ? { gesture } : {});
  return (
    <Section title={`Unique constraints (${list.length})`} actions={<button type="button" className="pgc-btn" disabled={!table.columns.length}
      onClick={() => dispatch({ type: 'addPart', tableId: table.id, kind: 'uniques', part: { columnIds: [table.columns[0]!.id] } })}>Add unique</button>}>
      {list.map((u) => (
        <div key={u.id} className="pgc-part" aria-label={`unique ${u.name}`}>
          <TextField label="Name" value={u.name} objectId={u.id} field="name" onChange={(name, g) => update(u, { name }, g)} />
          <ColumnMulti label="Columns" table={table} value={u.columnIds} onChange={(columnIds) => columnIds.length && update(u, { columnIds })} />
          <div className="pgc-row-fields">
            <CheckField label="NULLS NOT DISTINCT" checked={Boolean(u.nullsNotDistinct)} onChange={(v) => update(u, { nullsNotDistinct: v || undefined })} />
            <CheckField label="deferrable" checked={Boolean(u.deferrable)} onChange={(v) => update(u, { deferrable: v || undefined })} />
            <IconButton label={`remove unique ${u.name}`} onClick={() => dispatch({ type: 'deletePart', tableId: table.id, kind: 'uniques', id: u.id })}>✕</IconButton>
          </div>
        </div>
      ))}
    </Section>
  );
}

export function ChecksSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const list = table.checks ?? [];
  const update = (c: Check, patch: Partial<Check>, gesture?: string) => dispatch({ type: 'updatePart', tableId: table.id, kind: 'checks', id: c.id, patch }, gesture ? { gesture } : {});
  return (
    <Section title={`Checks (${list.length})`} actions={<button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'addPart', tableId: table.id, kind: 'checks', part: {} })}>Add check</button>}>
      {list.map((c) => (
        <div key={c.id} className="pgc-part" aria-label={`check ${c.name}`}>
          <TextField label="Name" value={c.name} objectId={c.id} field="name" onChange={(name, g) => update(c, { name }, g)} />
          <TextField label="Expression" value={c.expression} objectId={c.id} field="expression" mono onChange={(expression, g) => update(c, { expression }, g)} />
          <div className="pgc-row-fields">
            <CheckField label="NO INHERIT" checked={Boolean(c.noInherit)} onChange={(v) => update(c, { noInherit: v || undefined })} />
            <IconButton label={`remove check ${c.name}`} onClick={() => dispatch({ type: 'deletePart', tableId: table.id, kind: 'checks', id: c.id })}>✕</IconButton>
          </div>
        </div>
      ))}
    </Section>
  );
}
