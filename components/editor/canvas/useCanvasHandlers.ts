'use client';
/**
 * Canvas event handlers: selection and drags feed the session; a finished drag, a connection or a drop
 * on a table header becomes one command (one undo step). Nothing here lives in node data.
 */
import { useCallback, useRef } from 'react';
import { useReactFlow, type Connection, type FinalConnectionState, type Node, type NodeChange, type OnConnectEnd, type OnNodeDrag } from '@xyflow/react';
import { areaContents, type AreaContents } from '@/lib/editor/commands';
import { parseHandleId } from '@/lib/editor/derive';
import type { Model } from '@/lib/model';
import { useEditor } from '../context';

function isKeyColumn(model: Model, tableId: string, columnId: string): boolean {
  const t = model.tables.find((x) => x.id === tableId);
  return Boolean(t && ((t.primaryKey?.columnIds.length === 1 && t.primaryKey.columnIds[0] === columnId) || t.uniques?.some((u) => u.columnIds.length === 1 && u.columnIds[0] === columnId)));
}

/** An area being dragged: where it started and what it carries (node id -> start position). */
interface AreaDrag { start: { x: number; y: number }; contents: AreaContents; members: Map<string, { x: number; y: number }> }

export function useCanvasHandlers() {
  const { store, session, dispatch, readOnly } = useEditor();
  const flow = useReactFlow();
  /** Areas in the current drag (by node id), with the tables and notes inside them at drag start. */
  const areaDrags = useRef(new Map<string, AreaDrag>());

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    let selected: Set<string> | undefined;
    let drag: Map<string, { x: number; y: number }> | undefined;
    for (const c of changes) {
      if (c.type === 'select') {
        selected ??= new Set(session.getSnapshot().selected);
        if (c.selected) selected.add(c.id); else selected.delete(c.id);
      } else if (c.type === 'position' && c.position && c.dragging) {
        drag ??= new Map(session.getSnapshot().dragPositions ?? []);
        drag.set(c.id, c.position);
        // What an area carries follows it by the same delta.
        const area = areaDrags.current.get(c.id);
        if (area) {
          const dx = c.position.x - area.start.x;
          const dy = c.position.y - area.start.y;
          for (const [id, p] of area.members) drag.set(id, { x: p.x + dx, y: p.y + dy });
        }
      }
    }
    if (selected) session.select(selected);
    if (drag) session.update({ dragPositions: drag });
  }, [session]);

  /**
   * An area's drag takes along the tables and notes lying inside it now (as drawn: the canvas's node sizes),
   * except those dragged themselves (they move by the same delta already).
   */
  const onNodeDragStart: OnNodeDrag = useCallback((_e, _node, nodes: Node[]) => {
    areaDrags.current.clear();
    if (readOnly) return;
    const model = store.model;
    const dragged = new Set(nodes.map((n) => n.id));
    const taken = new Set<string>();
    const sizeOf = (id: string) => {
      const n = flow.getInternalNode(id);
      const width = n?.measured.width ?? n?.width;
      const height = n?.measured.height ?? n?.height;
      return width && height ? { width, height } : undefined;
    };
    for (const n of nodes) {
      if (!n.id.startsWith('areas:')) continue;
      const inside = areaContents(model, n.id.slice('areas:'.length), sizeOf);
      if (!inside) continue;
      const tableIds = inside.tableIds.filter((id) => !dragged.has(id) && !taken.has(id));
      const noteIds = inside.noteIds.filter((id) => !dragged.has(`notes:${id}`) && !taken.has(`notes:${id}`));
      const members = new Map<string, { x: number; y: number }>();
      for (const id of tableIds) { const l = model.layout!.tables![id]!; members.set(id, { x: l.x, y: l.y }); taken.add(id); }
      for (const note of model.layout?.notes ?? []) {
        if (noteIds.includes(note.id)) { members.set(`notes:${note.id}`, { x: note.x, y: note.y }); taken.add(`notes:${note.id}`); }
      }
      const area = model.layout!.areas!.find((a) => `areas:${a.id}` === n.id)!;
      areaDrags.current.set(n.id, { start: { x: area.x, y: area.y }, contents: { tableIds, noteIds }, members });
    }
  }, [flow, readOnly, store]);

  /** One drag of any number of nodes is one moveTables command (plus decoration and area moves) -> one undo step. */
  const onNodeDragStop: OnNodeDrag = useCallback((_e, _node, nodes: Node[]) => {
    const positions: Record<string, { x: number; y: number }> = {};
    const gesture = `drag:${Date.now()}`;
    const areas = areaDrags.current;
    areaDrags.current = new Map();
    for (const n of nodes) {
      const [kind, id] = n.id.includes(':') ? n.id.split(':', 2) as ['notes' | 'areas', string] : [undefined, n.id];
      const area = areas.get(n.id);
      if (kind === 'areas' && area) dispatch({ type: 'moveArea', areaId: id, x: n.position.x, y: n.position.y, contents: area.contents }, { gesture });
      else if (kind) dispatch({ type: 'updateDecoration', kind, id, patch: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }, { gesture });
      else positions[id] = n.position;
    }
    if (Object.keys(positions).length) dispatch({ type: 'moveTables', positions }, { gesture });
    store.endGesture();
    session.update({ dragPositions: undefined });
  }, [dispatch, session, store]);

  const onConnect = useCallback((c: Connection) => {
    const from = parseHandleId(c.sourceHandle);
    const to = parseHandleId(c.targetHandle);
    if (!from || !to) return;
    const model = store.model;
    if (from.columnId && to.columnId) {
      const r = dispatch({ type: 'connectColumns', sourceTableId: c.source, sourceColumnId: from.columnId, targetTableId: c.target, targetColumnId: to.columnId });
      if (r.ok) session.notify('info', 'Foreign key created');
      return;
    }
    dropOnTable(model, c.source, from.columnId, c.target);
  }, [dispatch, session, store]);

  /** A column dropped on a table (not on a handle): a key column makes that table reference it; any other column references that table's key. */
  const dropOnTable = useCallback((model: Model, sourceTableId: string, sourceColumnId: string | undefined, targetTableId: string) => {
    if (sourceColumnId && isKeyColumn(model, sourceTableId, sourceColumnId) && targetTableId !== sourceTableId) {
      dispatch({ type: 'referenceTable', tableId: targetTableId, refTableId: sourceTableId });
      return;
    }
    const target = model.tables.find((t) => t.id === targetTableId);
    const pk = target?.primaryKey?.columnIds;
    if (sourceColumnId && pk?.length === 1) {
      dispatch({ type: 'connectColumns', sourceTableId, sourceColumnId, targetTableId, targetColumnId: pk[0]! });
      return;
    }
    dispatch({ type: 'referenceTable', tableId: sourceTableId, refTableId: targetTableId });
  }, [dispatch]);

  const onConnectEnd: OnConnectEnd = useCallback((event, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const point = 'changedTouches' in event ? event.changedTouches[0]! : (event as MouseEvent);
    const el = document.elementFromPoint(point.clientX, point.clientY);
    const tableEl = el?.closest('[data-table-id]');
    const targetTableId = tableEl?.getAttribute('data-table-id');
    if (!targetTableId) return;
    const from = parseHandleId(state.fromHandle?.id);
    const targetColumnId = el?.closest('[data-column-id]')?.getAttribute('data-column-id');
    if (from?.columnId && targetColumnId) {
      const r = dispatch({ type: 'connectColumns', sourceTableId: state.fromNode.id, sourceColumnId: from.columnId, targetTableId, targetColumnId });
      if (r.ok) session.notify('info', 'Foreign key created');
      return;
    }
    dropOnTable(store.model, state.fromNode.id, from?.columnId, targetTableId);
  }, [dispatch, dropOnTable, session, store]);

  return { onNodesChange, onNodeDragStart, onNodeDragStop, onConnect, onConnectEnd };
}
