/**
 * Canvas nodes derived from the model and the session (selection, drag positions, hover, problems).
 * `NodeDeriver` memoises per table: a table whose inputs did not change keeps the same node object, so
 * React Flow re-renders only what changed. Node data holds ids and display values, never callbacks.
 */
import type { Model, Table } from '@/lib/model';
import { typeLabel } from '../types';
import { handleId, handleX, headerCenterY, headerHandleId, HANDLE_SIZE, NODE_WIDTH, nodeHeight, rowCenterY } from './geometry';

export type Badge = 'pk' | 'fk' | 'unique' | 'notnull' | 'identity' | 'generated' | 'security';

export interface ColumnRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly badges: readonly Badge[];
  readonly highlighted: boolean;
}

export interface TableNodeData extends Record<string, unknown> {
  readonly tableId: string;
  readonly name: string;
  readonly schemaName: string;
  readonly color?: string;
  readonly rows: readonly ColumnRow[];
  /** Columns hidden by collapsed mode. */
  readonly hiddenColumns: number;
  readonly problem?: 'error' | 'warning';
  readonly partitionOf?: string;
  readonly rls: boolean;
}

export interface HandleSpec {
  readonly id: string;
  readonly type: 'source';
  readonly position: 'left' | 'right';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TableNode {
  readonly id: string;
  readonly type: 'table';
  readonly position: { x: number; y: number };
  readonly data: TableNodeData;
  readonly width: number;
  readonly height: number;
  readonly measured: { width: number; height: number };
  readonly handles: HandleSpec[];
  readonly selected: boolean;
  readonly hidden?: boolean;
}

export interface NodeSession {
  readonly selected: ReadonlySet<string>;
  readonly dragPositions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Column ids to highlight (both ends of a hovered edge). */
  readonly highlighted?: ReadonlySet<string>;
  /** Worst finding per table id. */
  readonly problems?: ReadonlyMap<string, 'error' | 'warning'>;
  readonly collapsedAll?: boolean;
  /** Schema ids to show; undefined shows all. */
  readonly schemaFilter?: ReadonlySet<string>;
}

/** keyColumnIds: primary key, unique and foreign key columns (what collapsed mode keeps). */
export function keyColumnIds(table: Table): Set<string> {
  return new Set([
    ...(table.primaryKey?.columnIds ?? []),
    ...(table.uniques ?? []).flatMap((u) => u.columnIds),
    ...(table.foreignKeys ?? []).flatMap((f) => f.columnIds),
  ]);
}

function badgesOf(table: Table, col: Table['columns'][number], fkCols: Set<string>, uniqueCols: Set<string>): Badge[] {
  const b: Badge[] = [];
  if (table.primaryKey?.columnIds.includes(col.id)) b.push('pk');
  if (fkCols.has(col.id)) b.push('fk');
  if (uniqueCols.has(col.id)) b.push('unique');
  if (!col.nullable) b.push('notnull');
  if (col.identity || col.sequenceId) b.push('identity');
  if (col.generated) b.push('generated');
  if (col.security && (col.security.passwordHash || col.security.encrypted || col.security.personalData || col.security.secret)) b.push('security');
  return b;
}

/**
 * A node's memo: `shape` is what its rows and handles are built from (compared by identity); `style` is
 * what `restyled` can apply to a built node (where it is, colour, visibility, selection, problem).
 */
interface Cached { shape: unknown[]; style: Restyle; node: TableNode; rowOf: Map<string, number> }

interface Restyle { x: number; y: number; color?: string; hidden: boolean; selected: boolean; problem?: 'error' | 'warning' }

function sameStyle(a: Restyle, b: Restyle): boolean {
  return a.x === b.x && a.y === b.y && a.color === b.color && a.hidden === b.hidden && a.selected === b.selected && a.problem === b.problem;
}

/** restyled is `n` moved, recoloured, shown or hidden, (de)selected or with another problem; rows and handles shared. */
function restyled(n: TableNode, o: Restyle): TableNode {
  const data = n.data.color === o.color && n.data.problem === o.problem ? n.data : { ...n.data, color: o.color, problem: o.problem };
  const { hidden: _wasHidden, ...rest } = n;
  return { ...rest, position: { x: o.x, y: o.y }, data, selected: o.selected, ...(o.hidden ? { hidden: true } : {}) };
}

export class NodeDeriver {
  private cache = new Map<string, Cached>();
  private last: TableNode[] = [];

  /** rowOf tells which visible row a column sits in (undefined when collapsed away); edges use it. */
  rowOf(tableId: string, columnId: string): number | undefined {
    return this.cache.get(tableId)?.rowOf.get(columnId);
  }

  derive(model: Model, session: NodeSession): TableNode[] {
    const schemaNames = new Map(model.schemas.map((s) => [s.id, s.name]));
    const layouts = model.layout?.tables ?? {};
    const tablesById = new Map(model.tables.map((t) => [t.id, t]));
    const next = new Map<string, Cached>();
    const out: TableNode[] = [];
    for (const table of model.tables) {
      const layout = layouts[table.id];
      const pos = session.dragPositions?.get(table.id) ?? layout ?? { x: 0, y: 0 };
      const collapsed = Boolean(session.collapsedAll || layout?.collapsed);
      const hidden = Boolean(session.schemaFilter && !session.schemaFilter.has(table.schemaId));
      const hl = session.highlighted && table.columns.some((c) => session.highlighted!.has(c.id)) ? [...session.highlighted].join() : '';
      const parent = table.partitionOf ? tablesById.get(table.partitionOf.parentId) : undefined;
      const shape = [table, parent, schemaNames.get(table.schemaId), collapsed, hl, model.enums];
      const style: Restyle = { x: pos.x, y: pos.y, color: layout?.color, hidden, selected: session.selected.has(table.id), problem: session.problems?.get(table.id) };
      const prev = this.cache.get(table.id);
      if (prev && prev.shape.every((k, i) => k === shape[i])) {
        if (sameStyle(prev.style, style)) {
          next.set(table.id, prev);
          out.push(prev.node);
          continue;
        }
        // Only where it is, its colour, visibility, selection or problem changed (findings for every table,
        // select all, a drag): a new node object, but the rows and handles are kept, not built again.
        const node = restyled(prev.node, style);
        next.set(table.id, { shape, style, node, rowOf: prev.rowOf });
        out.push(node);
        continue;
      }
      const built = this.build(model, table, parent, { pos, collapsed, hidden, session, schemaName: schemaNames.get(table.schemaId) ?? '?', color: layout?.color });
      next.set(table.id, { shape, style, ...built });
      out.push(built.node);
    }
    this.cache = next;
    // The same array when nothing changed, so React Flow is not handed "new" nodes.
    if (out.length === this.last.length && out.every((n, i) => n === this.last[i])) return this.last;
    this.last = out;
    return out;
  }

  private build(model: Model, table: Table, parent: Table | undefined, o: { pos: { x: number; y: number }; collapsed: boolean; hidden: boolean; session: NodeSession; schemaName: string; color?: string }): { node: TableNode; rowOf: Map<string, number> } {
    const source = parent ?? table;
    const fkCols = new Set((table.foreignKeys ?? []).flatMap((f) => f.columnIds));
    const uniqueCols = new Set((source.uniques ?? []).filter((u) => u.columnIds.length === 1).map((u) => u.columnIds[0]!));
    const keys = keyColumnIds(table);
    const visible = o.collapsed ? source.columns.filter((c) => keys.has(c.id)) : source.columns;
    const rowOf = new Map<string, number>();
    const rows: ColumnRow[] = visible.map((c, i) => {
      rowOf.set(c.id, i);
      return { id: c.id, name: c.name, type: typeLabel(c.type, model), badges: badgesOf(source, c, fkCols, uniqueCols), highlighted: Boolean(o.session.highlighted?.has(c.id)) };
    });
    const height = nodeHeight(rows.length);
    const h = HANDLE_SIZE;
    const left = handleX('l');
    const right = handleX('r');
    const headerY = headerCenterY() - h / 2;
    const handles: HandleSpec[] = [
      { id: headerHandleId('l'), type: 'source', position: 'left', x: left, y: headerY, width: h, height: h },
      { id: headerHandleId('r'), type: 'source', position: 'right', x: right, y: headerY, width: h, height: h },
    ];
    rows.forEach((r, i) => {
      const y = rowCenterY(i) - h / 2;
      handles.push({ id: handleId(r.id, 'l'), type: 'source', position: 'left', x: left, y, width: h, height: h });
      handles.push({ id: handleId(r.id, 'r'), type: 'source', position: 'right', x: right, y, width: h, height: h });
    });
    const data: TableNodeData = {
      tableId: table.id, name: table.name, schemaName: o.schemaName, color: o.color, rows,
      hiddenColumns: source.columns.length - visible.length,
      problem: o.session.problems?.get(table.id),
      partitionOf: parent?.name,
      rls: Boolean(table.rls?.enabled),
    };
    const node: TableNode = {
      id: table.id, type: 'table', position: { x: o.pos.x, y: o.pos.y }, data,
      width: NODE_WIDTH, height, measured: { width: NODE_WIDTH, height }, handles,
      selected: o.session.selected.has(table.id),
      ...(o.hidden ? { hidden: true } : {}),
    };
    return { node, rowOf };
  }
}
