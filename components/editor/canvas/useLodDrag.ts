'use client';
/**
 * useLodDrag: on the level-of-detail canvas (a big model zoomed out, no DOM nodes), pressing on a selected
 * table and dragging moves it with the rest of the selection, like a drag of DOM nodes: the tables follow
 * through the session's drag positions while the mouse moves, and the drop is one moveTables command (one
 * undo step). A press anywhere else (or with Shift / Ctrl / Cmd) keeps React Flow's pan, selection and click.
 */
import { useEffect, type RefObject } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { TableNode } from '@/lib/editor/derive';
import { useEditor } from '../context';
import { tableAt } from './LodCanvas';

/** Below this many screen pixels a press is a click, not a drag. */
const DRAG_THRESHOLD = 3;

export function useLodDrag(wrapper: RefObject<HTMLDivElement | null>, tables: RefObject<readonly TableNode[]>, enabled: boolean) {
  const { store, session, dispatch } = useEditor();
  const storeApi = useStoreApi();
  const flow = useReactFlow();

  useEffect(() => {
    const el = wrapper.current;
    if (!el || !enabled) return;
    let suppressClick = false;

    const onMouseDown = (e: MouseEvent) => {
      if (e.button !== 0 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
      if (!(e.target as Element).classList?.contains('react-flow__pane')) return;
      const zoom = storeApi.getState().transform[2];
      const hit = tableAt(tables.current, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      const selected = session.getSnapshot().selected;
      if (!hit || !selected.has(hit)) return;
      // Ours: React Flow's pane would pan (d3-zoom listens for this mousedown).
      e.stopPropagation();
      e.preventDefault();
      const starts = new Map<string, { x: number; y: number }>();
      for (const t of tables.current) if (selected.has(t.id) && !t.hidden) starts.set(t.id, { ...t.position });
      const sx = e.clientX;
      const sy = e.clientY;
      let moved = false;
      let last = { dx: 0, dy: 0 };
      const onMove = (m: MouseEvent) => {
        if (!moved && Math.hypot(m.clientX - sx, m.clientY - sy) < DRAG_THRESHOLD) return;
        moved = true;
        last = { dx: (m.clientX - sx) / zoom, dy: (m.clientY - sy) / zoom };
        const drag = new Map<string, { x: number; y: number }>();
        for (const [id, p] of starts) drag.set(id, { x: p.x + last.dx, y: p.y + last.dy });
        session.update({ dragPositions: drag });
      };
      const onUp = () => {
        window.removeEventListener('mousemove', onMove);
        window.removeEventListener('mouseup', onUp);
        if (!moved) return; // a click: React Flow's pane click selects as before
        suppressClick = true;
        setTimeout(() => { suppressClick = false; }, 0);
        const positions: Record<string, { x: number; y: number }> = {};
        for (const [id, p] of starts) positions[id] = { x: p.x + last.dx, y: p.y + last.dy };
        dispatch({ type: 'moveTables', positions });
        store.endGesture();
        session.update({ dragPositions: undefined });
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
    };
    // The click that ends a drag must not reach the pane (it would select only the table under the pointer).
    const onClick = (e: MouseEvent) => { if (suppressClick) { suppressClick = false; e.stopPropagation(); } };
    el.addEventListener('mousedown', onMouseDown, true);
    el.addEventListener('click', onClick, true);
    return () => { el.removeEventListener('mousedown', onMouseDown, true); el.removeEventListener('click', onClick, true); };
  }, [dispatch, enabled, flow, session, store, storeApi, tables, wrapper]);
}
