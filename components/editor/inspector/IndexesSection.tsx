'use client';
/** IndexesSection: elements (column or expression, order, nulls), method, unique, INCLUDE, WHERE. */
import type { Index, IndexElement, IndexMethod, Table } from '@/lib/model';
import { useEditor } from '../context';
import { ColumnMulti } from './ColumnMulti';
import { CheckField, IconButton, SelectField, Section, TextField } from './fields';

const METHODS: IndexMethod[] = ['btree', 'hash', 'gin', 'gist', 'brin', 'spgist'];

export function IndexesSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const list = table.indexes ?? [];
  const update = (ix: Index, patch: Partial<Index>, gesture?: string) => dispatch({ type: 'updatePart', tableId: table.id, kind: 'indexes', id: ix.id, patch }, gesture ? { gesture } : {});
  const setElement = (ix: Index, i: number, el: IndexElement, gesture?: string) => update(ix, { elements: ix.elements.map((e, j) => (j === i ? el : e)) }, gesture);
  return (
    <Section title={`Indexes (${list.length})`} actions={<button type="button" className="pgc-btn" disabled={!table.columns.length}
      onClick={() => dispatch({ type: 'addPart', tableId: table.id, kind: 'indexes', part: { elements: [{ columnId: table.columns[0]!.id }] } })}>Add index</button>}>
      {list.map((ix) => (
        <div key={ix.id} className="pgc-part" aria-label={`index ${ix.name}`}>
          <TextField label="Name" value={ix.name} objectId={ix.id} field="name" onChange={(name, g) => update(ix, { name }, g)} />
          <div className="pgc-row-fields">
            <SelectField label="Method" value={ix.method ?? 'btree'} options={METHODS.map((m) => ({ value: m, label: m }))} onChange={(m) => update(ix, { method: m === 'btree' ? undefined : m })} />
            <CheckField label="unique" checked={Boolean(ix.unique)} onChange={(v) => update(ix, { unique: v || undefined })} />
          </div>
          <ol className="pgc-elements" aria-label="index elements">
            {ix.elements.map((el, i) => (
              <li key={i} className="pgc-row-fields">
                <SelectField label={`Element ${i + 1}`} value={el.columnId ?? '__expr'}
                  options={[...table.columns.map((c) => ({ value: c.id, label: c.name })), { value: '__expr', label: 'expression…' }]}
                  onChange={(v) => setElement(ix, i, v === '__expr' ? { ...el, columnId: undefined, expression: el.expression ?? 'lower(x)' } : { ...el, columnId: v, expression: undefined })} />
                {el.expression !== undefined && <TextField label="Expression" value={el.expression} objectId={ix.id} field="expression" mono onChange={(expression, g) => setElement(ix, i, { ...el, expression }, g)} />}
                <SelectField label="Order" value={el.order ?? 'asc'} options={[{ value: 'asc', label: 'ASC' }, { value: 'desc', label: 'DESC' }]} onChange={(o) => setElement(ix, i, { ...el, order: o === 'asc' ? undefined : o })} />
                <SelectField label="Nulls" value={el.nulls ?? 'default'} options={[{ value: 'default', label: 'default' }, { value: 'first', label: 'NULLS FIRST' }, { value: 'last', label: 'NULLS LAST' }]} onChange={(n) => setElement(ix, i, { ...el, nulls: n === 'default' ? undefined : n })} />
                <IconButton label={`remove element ${i + 1}`} disabled={ix.elements.length === 1} onClick={() => update(ix, { elements: ix.elements.filter((_, j) => j !== i) })}>✕</IconButton>
              </li>
            ))}
          </ol>
          <button type="button" className="pgc-btn" onClick={() => update(ix, { elements: [...ix.elements, { columnId: table.columns[0]?.id }] })}>Add element</button>
          <ColumnMulti label="INCLUDE columns" table={table} value={ix.include ?? []} onChange={(include) => update(ix, { include: include.length ? include : undefined })} />
          <TextField label="WHERE (partial index)" value={ix.where ?? ''} objectId={ix.id} field="where" mono onChange={(v, g) => update(ix, { where: v || undefined }, g)} />
          <IconButton label={`remove index ${ix.name}`} onClick={() => dispatch({ type: 'deletePart', tableId: table.id, kind: 'indexes', id: ix.id })}>✕</IconButton>
        </div>
      ))}
    </Section>
  );
}
