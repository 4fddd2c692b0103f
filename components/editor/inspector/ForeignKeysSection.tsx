'use client';
/** ForeignKeysSection: columns, referenced table and columns, ON DELETE / ON UPDATE, deferrable. */
import type { FkAction, ForeignKey, Table } from '@/lib/model';
import { useEditor, useModel } from '../context';
import { ColumnMulti } from './ColumnMulti';
import { CheckField, IconButton, SelectField, Section, TextField } from './fields';

const ACTIONS: FkAction[] = ['no action', 'restrict', 'cascade', 'set null', 'set default'];

export function ForeignKeysSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const model = useModel();
  const fks = table.foreignKeys ?? [];
  const update = (fk: ForeignKey, patch: Partial<ForeignKey>, gesture?: string) => dispatch({ type: 'updatePart', tableId: table.id, kind: 'foreignKeys', id: fk.id, patch }, gesture ? { gesture } : {});
  const add = () => {
    const target = model.tables.find((t) => t.id !== table.id && t.primaryKey) ?? table;
    dispatch({ type: 'referenceTable', tableId: table.id, refTableId: target.id, nullable: true });
  };
  return (
    <Section title={`Foreign keys (${fks.length})`} actions={<button type="button" className="pgc-btn" onClick={add}>Add foreign key</button>}>
      {fks.map((fk) => {
        const ref = model.tables.find((t) => t.id === fk.refTableId);
        return (
          <div key={fk.id} className="pgc-part" aria-label={`foreign key ${fk.name}`}>
            <TextField label="Name" value={fk.name} objectId={fk.id} field="name" onChange={(name, g) => update(fk, { name }, g)} />
            <ColumnMulti label="Columns" table={table} value={fk.columnIds} onChange={(columnIds) => update(fk, { columnIds })} />
            <SelectField label="References table" value={fk.refTableId} options={model.tables.map((t) => ({ value: t.id, label: t.name }))}
              onChange={(refTableId) => {
                const t = model.tables.find((x) => x.id === refTableId);
                update(fk, { refTableId, refColumnIds: t?.primaryKey?.columnIds ?? fk.refColumnIds });
              }} />
            {ref && <ColumnMulti label="Referenced columns" table={ref} value={fk.refColumnIds} onChange={(refColumnIds) => update(fk, { refColumnIds })} />}
            <div className="pgc-row-fields">
              <SelectField label="On delete" value={fk.onDelete ?? 'no action'} options={ACTIONS.map((a) => ({ value: a, label: a.toUpperCase() }))} onChange={(a) => update(fk, { onDelete: a === 'no action' ? undefined : a })} />
              <SelectField label="On update" value={fk.onUpdate ?? 'no action'} options={ACTIONS.map((a) => ({ value: a, label: a.toUpperCase() }))} onChange={(a) => update(fk, { onUpdate: a === 'no action' ? undefined : a })} />
            </div>
            <div className="pgc-row-fields">
              <CheckField label="deferrable" checked={Boolean(fk.deferrable)} onChange={(v) => update(fk, { deferrable: v || undefined, initiallyDeferred: v ? fk.initiallyDeferred : undefined })} />
              <CheckField label="initially deferred" checked={Boolean(fk.initiallyDeferred)} onChange={(v) => update(fk, { initiallyDeferred: v || undefined, deferrable: v ? true : fk.deferrable })} />
              <CheckField label="MATCH FULL" checked={fk.match === 'full'} onChange={(v) => update(fk, { match: v ? 'full' : undefined })} />
              <IconButton label={`remove foreign key ${fk.name}`} onClick={() => dispatch({ type: 'deletePart', tableId: table.id, kind: 'foreignKeys', id: fk.id })}>✕</IconButton>
            </div>
          </div>
        );
      })}
    </Section>
  );
}
