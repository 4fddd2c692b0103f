'use client';
/** TableSection: name, schema, comment, colour, collapsed, and partitioning (PARTITION BY / PARTITION OF). */
import type { Table } from '@/lib/model';
import { useEditor, useModel } from '../context';
import { CheckField, SelectField, Section, TextField } from './fields';

const COLORS = ['', '#fca5a5', '#fdba74', '#fde047', '#86efac', '#67e8f9', '#93c5fd', '#c4b5fd', '#f9a8d4', '#d1d5db'];

export function TableSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const model = useModel();
  const layout = model.layout?.tables?.[table.id];
  const strategy = table.partitionBy?.strategy ?? 'none';
  return (
    <Section title="Table">
      <TextField label="Name" value={table.name} objectId={table.id} field="name" onChange={(name, g) => dispatch({ type: 'renameTable', tableId: table.id, name }, { gesture: g })} />
      <SelectField label="Schema" value={table.schemaId} options={model.schemas.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(schemaId) => dispatch({ type: 'updateTable', tableId: table.id, patch: { schemaId } })} />
      <TextField label="Comment" value={table.comment ?? ''} objectId={table.id} field="comment" multiline
        onChange={(v, g) => dispatch({ type: 'updateTable', tableId: table.id, patch: { comment: v || undefined } }, { gesture: g })} />
      <fieldset className="pgc-fieldset">
        <legend>Colour</legend>
        <div className="pgc-swatches">
          {COLORS.map((c) => (
            <button key={c || 'none'} type="button" className={`pgc-swatch${(layout?.color ?? '') === c ? ' is-active' : ''}`} style={{ background: c || 'transparent' }}
              aria-label={c ? `colour ${c}` : 'no colour'} aria-pressed={(layout?.color ?? '') === c}
              onClick={() => dispatch({ type: 'setTableLayout', tableIds: [table.id], color: c || null })} />
          ))}
        </div>
      </fieldset>
      <CheckField label="collapsed (key columns only)" checked={Boolean(layout?.collapsed)} onChange={(collapsed) => dispatch({ type: 'setTableLayout', tableIds: [table.id], collapsed })} />
      <fieldset className="pgc-fieldset">
        <legend>Partitioning</legend>
        {table.partitionOf ? (
          <>
            <SelectField label="Partition of" value={table.partitionOf.parentId} options={model.tables.filter((t) => t.partitionBy && t.id !== table.id).map((t) => ({ value: t.id, label: t.name }))}
              onChange={(parentId) => dispatch({ type: 'updateTable', tableId: table.id, patch: { partitionOf: { ...table.partitionOf!, parentId } } })} />
            <TextField label="Bound (FOR VALUES … or DEFAULT)" value={table.partitionOf.bound} objectId={table.id} field="bound" mono
              onChange={(bound, g) => dispatch({ type: 'updateTable', tableId: table.id, patch: { partitionOf: { ...table.partitionOf!, bound } } }, { gesture: g })} />
            <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'updateTable', tableId: table.id, patch: { partitionOf: undefined } })}>Detach</button>
          </>
        ) : (
          <>
            <SelectField label="Partition by" value={strategy} options={[{ value: 'none', label: 'not partitioned' }, { value: 'range', label: 'RANGE' }, { value: 'list', label: 'LIST' }, { value: 'hash', label: 'HASH' }]}
              onChange={(s) => dispatch({ type: 'updateTable', tableId: table.id, patch: { partitionBy: s === 'none' ? undefined : { strategy: s, keys: table.partitionBy?.keys ?? (table.columns[0] ? [{ columnId: table.columns[0].id }] : [{ expression: 'id' }]) } } })} />
            {table.partitionBy && (
              <SelectField label="Partition key column" value={table.partitionBy.keys[0]?.columnId ?? ''} options={table.columns.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(columnId) => dispatch({ type: 'updateTable', tableId: table.id, patch: { partitionBy: { ...table.partitionBy!, keys: [{ columnId }] } } })} />
            )}
            {table.partitionBy && (
              <button type="button" className="pgc-btn" onClick={() => {
                const r = dispatch({ type: 'addTable', name: `${table.name}_default`, schemaId: table.schemaId, empty: true });
                if (r.ok && r.created[0]) dispatch({ type: 'updateTable', tableId: r.created[0], patch: { partitionOf: { parentId: table.id, bound: 'DEFAULT' } } });
              }}>Add partition</button>
            )}
          </>
        )}
      </fieldset>
    </Section>
  );
}
