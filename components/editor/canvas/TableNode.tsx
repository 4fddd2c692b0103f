'use client';
/**
 * TableNode draws one table: a header (schema-qualified name, colour, problem marker) and one row per
 * column with its type and badges and a connection handle on each side. Names are plain text children,
 * never HTML. Sizes match lib/editor/derive/geometry so React Flow never has to re-measure.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { BORDER, handleId, handleX, headerCenterY, headerHandleId, HANDLE_SIZE, HEADER_HEIGHT, NODE_WIDTH, ROW_HEIGHT, rowCenterY, type Badge, type ColumnRow, type TableNodeData } from '@/lib/editor/derive';
import { useLowDetail } from './lod';

export type TableFlowNode = Node<TableNodeData, 'table'>;

const BADGE_TEXT: Record<Badge, { text: string; title: string }> = {
  pk: { text: 'PK', title: 'primary key' },
  fk: { text: 'FK', title: 'foreign key' },
  unique: { text: 'UQ', title: 'unique' },
  notnull: { text: 'NN', title: 'not null' },
  identity: { text: 'ID', title: 'identity / serial' },
  generated: { text: 'GEN', title: 'generated column' },
  security: { text: 'SEC', title: 'security mark (password hash, encrypted, personal data or secret)' },
};

/**
 * MeasuredHandles: in low detail a table shows only its name, but React Flow still reads its handles from
 * the DOM when the node mounts, and edges (also after zooming in) need them. So plain invisible boxes
 * stand where the real handles would be: same ids, sides and bounds, none of React Flow's per-handle hooks.
 */
function MeasuredHandles({ rows }: { rows: readonly ColumnRow[] }) {
  const at = (id: string, side: 'l' | 'r', centerY: number) => (
    <div key={id} className="source pgc-measured-handle" data-handleid={id} data-handlepos={side === 'l' ? 'left' : 'right'}
      style={{ left: handleX(side) - BORDER, top: centerY - HANDLE_SIZE / 2 - BORDER }} />
  );
  return (
    <>
      {at(headerHandleId('l'), 'l', headerCenterY())}
      {at(headerHandleId('r'), 'r', headerCenterY())}
      {rows.map((row, i) => [at(handleId(row.id, 'l'), 'l', rowCenterY(i)), at(handleId(row.id, 'r'), 'r', rowCenterY(i))])}
    </>
  );
}

function TableNodeView({ data, selected, width, height }: NodeProps<TableFlowNode>) {
  const low = useLowDetail();
  const qualified = `${data.schemaName}.${data.name}`;
  const headerStyle = data.color ? { background: data.color } : undefined;
  if (low) {
    return (
      <div className={`pgc-table pgc-table-low${selected ? ' is-selected' : ''}${data.problem ? ` has-${data.problem}` : ''}`} style={{ width, height, ...(data.color ? { borderColor: data.color } : {}) }} data-table-id={data.tableId}>
        <div className="pgc-low-name" style={headerStyle}>{data.name}</div>
        <MeasuredHandles rows={data.rows} />
      </div>
    );
  }
  return (
    <div className={`pgc-table${selected ? ' is-selected' : ''}${data.problem ? ` has-${data.problem}` : ''}`} style={{ width: width ?? NODE_WIDTH, height }} data-table-id={data.tableId} aria-label={`table ${qualified}`}>
      <div className="pgc-table-header" style={{ ...headerStyle, height: HEADER_HEIGHT }} data-table-header={data.tableId} title={qualified}>
        <Handle type="source" position={Position.Left} id={headerHandleId('l')} className="pgc-handle" />
        <span className="pgc-schema">{data.schemaName}.</span>
        <span className="pgc-name">{data.name}</span>
        {data.hiddenColumns > 0 && <span className="pgc-tag" title={`${data.hiddenColumns} columns hidden (collapsed)`}>+{data.hiddenColumns}</span>}
        {data.rls && <span className="pgc-tag" title="row-level security enabled">RLS</span>}
        {data.partitionOf !== undefined && <span className="pgc-tag" title={`partition of ${data.partitionOf}`}>part</span>}
        {data.problem && <span className={`pgc-marker pgc-marker-${data.problem}`} role="img" aria-label={data.problem === 'error' ? 'has errors' : 'has warnings'} title={data.problem === 'error' ? 'has errors: see Problems' : 'has warnings: see Problems'}>!</span>}
        <Handle type="source" position={Position.Right} id={headerHandleId('r')} className="pgc-handle" />
      </div>
      {data.rows.map((row) => (
        <div key={row.id} className={`pgc-row${row.highlighted ? ' is-highlighted' : ''}`} style={{ height: ROW_HEIGHT }} data-column-id={row.id}>
          <Handle type="source" position={Position.Left} id={handleId(row.id, 'l')} className="pgc-handle" />
          <span className="pgc-col-name">{row.name}</span>
          <span className="pgc-col-type">{row.type}</span>
          <span className="pgc-badges">
            {row.badges.filter((b) => b !== 'notnull').map((b) => <span key={b} className={`pgc-badge pgc-badge-${b}`} title={BADGE_TEXT[b].title}>{BADGE_TEXT[b].text}</span>)}
            {row.badges.includes('notnull') ? <span className="pgc-badge pgc-badge-notnull" title="not null">NN</span> : <span className="pgc-badge pgc-badge-null" title="nullable">?</span>}
          </span>
          <Handle type="source" position={Position.Right} id={handleId(row.id, 'r')} className="pgc-handle" />
        </div>
      ))}
    </div>
  );
}

export const TableNode = memo(TableNodeView);
