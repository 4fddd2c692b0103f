'use client';
/**
 * Inspector: the side panel. One table selected: its sections; several: bulk actions; none: the
 * project (schemas, enums). Focus requests from search and the problems panel land on the right field.
 */
import { useEffect, useState } from 'react';
import { useEditor, useModel, useSession } from '../context';
import { ColumnsSection } from './ColumnsSection';
import { ChecksSection, UniquesSection } from './ConstraintsSection';
import { ForeignKeysSection } from './ForeignKeysSection';
import { IndexesSection } from './IndexesSection';
import { ModelSection } from './ModelSection';
import { PoliciesSection } from './PoliciesSection';
import { SecuritySection } from './SecuritySection';
import { TableSection } from './TableSection';

export function Inspector({ onLayoutSelected }: { onLayoutSelected: () => void }) {
  const { dispatch, session } = useEditor();
  const model = useModel();
  const { selected, focus } = useSession();
  const ids = [...selected].filter((id) => model.tables.some((t) => t.id === id));
  const table = ids.length === 1 ? model.tables.find((t) => t.id === ids[0]) : undefined;
  const [openColumn, setOpenColumn] = useState<string | undefined>();

  useEffect(() => {
    if (!focus) return;
    if (focus.columnId && focus.field && focus.field !== 'name') setOpenColumn(focus.columnId);
    const key = `${focus.columnId ?? focus.tableId}:${focus.field ?? 'name'}`;
    const t = setTimeout(() => {
      const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) ?? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`${focus.columnId ?? focus.tableId}:name`)}"]`);
      el?.focus();
      el?.scrollIntoView({ block: 'nearest' });
    }, 30);
    return () => clearTimeout(t);
  }, [focus]);

  if (ids.length > 1) {
    return (
      <aside className="pgc-inspector" aria-label="inspector">
        <h2>{ids.length} tables selected</h2>
        <div className="pgc-stack">
          <button type="button" className="pgc-btn" onClick={onLayoutSelected}>Auto-layout selected</button>
          <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'duplicateTables', tableIds: ids })}>Duplicate</button>
          <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'setTableLayout', tableIds: ids, collapsed: true })}>Collapse</button>
          <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'setTableLayout', tableIds: ids, collapsed: false })}>Expand</button>
          {ids.length === 2 && <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'addManyToMany', aTableId: ids[0]!, bTableId: ids[1]! })}>Many-to-many (junction table)</button>}
          <button type="button" className="pgc-btn pgc-btn-danger" onClick={() => { dispatch({ type: 'deleteTables', tableIds: ids }); session.select([]); }}>Delete {ids.length} tables</button>
        </div>
      </aside>
    );
  }
  return (
    <aside className="pgc-inspector" aria-label="inspector">
      {table ? (
        <>
          <h2 className="pgc-inspector-title"><span className="pgc-muted">{model.schemas.find((s) => s.id === table.schemaId)?.name}.</span>{table.name}</h2>
          <div className="pgc-row-fields">
            <button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'duplicateTables', tableIds: [table.id] })}>Duplicate</button>
            <button type="button" className="pgc-btn pgc-btn-danger" onClick={() => { dispatch({ type: 'deleteTables', tableIds: [table.id] }); session.select([]); }}>Delete table</button>
          </div>
          <TableSection table={table} />
          <ColumnsSection table={table} openColumn={openColumn} onOpen={setOpenColumn} />
          <ForeignKeysSection table={table} />
          <IndexesSection table={table} />
          <UniquesSection table={table} />
          <ChecksSection table={table} />
          <SecuritySection table={table} />
          <PoliciesSection table={table} />
        </>
      ) : <ModelSection />}
    </aside>
  );
}
