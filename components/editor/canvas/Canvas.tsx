'use client';
/**
 * Canvas: the controlled React Flow view of the model. Nodes and edges are derived (useFlowElements);
 * interactions become commands (useCanvasHandlers). Opens on the saved viewport or fits the view; the
 * viewport is saved with the model but never enters history. A big model zoomed out is drawn by
 * LodCanvas instead of DOM nodes; clicks there are hit-tested here (select, Ctrl/Cmd+click adds,
 * Shift+drag selects a rectangle, double-click zooms in on the table).
 */
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Background, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow, useStore, useStoreApi, type Edge, type Viewport } from '@xyflow/react';
import { NODE_WIDTH } from '@/lib/editor/derive';
import { useEditor, useModel, useSession } from '../context';
import { EDGE_TYPES, NODE_TYPES } from './types';
import { LOW_DETAIL_ZOOM, LowDetailContext } from './lod';
import { LodCanvas, tableAt, tablesIn } from './LodCanvas';
import { useCanvasHandlers } from './useCanvasHandlers';
import { useFlowElements } from './useFlowElements';

function LowDetailProvider({ children }: { children: ReactNode }) {
  const low = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  // Zoomed out, the whole diagram is one composited layer: panning moves pixels instead of repainting.
  return <LowDetailContext.Provider value={low}><div className={`pgc-lod${low ? ' is-low' : ''}`}>{children}</div></LowDetailContext.Provider>;
}

/** The minimap; for big models it is left out when zoomed out (everything is in view then, and it costs frames). */
function LargeModelMiniMap({ large }: { large: boolean }) {
  const low = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  if (large && low) return null;
  return <MiniMap pannable zoomable ariaLabel="minimap" />;
}

/** RevealEffect centres the canvas on a table when the session asks (search result, problem click). */
function RevealEffect() {
  const { session, store } = useEditor();
  const { reveal } = useSession();
  const flow = useReactFlow();
  useEffect(() => {
    if (!reveal) return;
    const layout = store.model.layout?.tables?.[reveal.tableId];
    if (!layout) return;
    const zoom = Math.max(flow.getZoom(), 0.8);
    void flow.setCenter(layout.x + NODE_WIDTH / 2, layout.y + 120, { zoom, duration: 250 });
    void session;
  }, [reveal, flow, store, session]);
  return null;
}

export function Canvas({ problems, largeModel }: { problems: ReadonlyMap<string, 'error' | 'warning'>; largeModel: boolean }) {
  const { store, session, dispatch, readOnly } = useEditor();
  const model = useModel();
  const sess = useSession();
  const low = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const canvasLod = largeModel && low;
  const { nodes, edges, tables, fkEdges } = useFlowElements(model, sess, problems, canvasLod);
  const lodTables = useRef(tables);
  lodTables.current = tables;
  const selectionStart = useRef<{ x: number; y: number } | undefined>(undefined);
  const handlers = useCanvasHandlers();
  const initialViewport = useRef<Viewport | undefined>(model.layout?.viewport);
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const storeApi = useStoreApi();

  // While the view moves, the diagram is its own composited layer: a pan frame then moves pixels instead of
  // repainting every visible table. Only while moving: a layer kept across zooms would stay blurry.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback((_e: unknown, vp: Viewport) => {
    wrapper.current?.classList.remove('is-moving');
    store.setViewport({ x: Math.round(vp.x), y: Math.round(vp.y), zoom: Number(vp.zoom.toFixed(3)) });
  }, [store]);
  const onDoubleClick = useCallback((e: React.MouseEvent) => {
    if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const hit = canvasLod ? tableAt(lodTables.current, p) : undefined;
    if (hit) {
      const t = lodTables.current.find((n) => n.id === hit)!;
      session.select([hit]);
      void flow.setCenter(t.position.x + t.width / 2, t.position.y + Math.min(t.height / 2, 120), { zoom: 0.8, duration: 250 });
      return;
    }
    if (readOnly) return;
    const r = dispatch({ type: 'addTable', position: { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 18) } });
    if (r.ok && r.created[0]) session.focusObject(r.created[0], undefined, 'name');
  }, [canvasLod, dispatch, flow, readOnly, session]);
  const onEdgeMouseEnter = useCallback((_e: React.MouseEvent, edge: Edge) => session.update({ hoveredEdge: edge.id }), [session]);
  const onEdgeMouseLeave = useCallback(() => session.update({ hoveredEdge: undefined }), [session]);
  const onEdgeClick = useCallback((_e: React.MouseEvent, edge: Edge) => session.update({ selectedEdge: edge.id, selected: new Set([edge.source]) }), [session]);
  const onPaneClick = useCallback((e: React.MouseEvent) => {
    const hit = canvasLod ? tableAt(lodTables.current, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : undefined;
    if (!hit) { session.select([]); return; }
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(session.getSnapshot().selected);
      if (next.has(hit)) next.delete(hit); else next.add(hit);
      session.select(next);
    } else {
      session.select([hit]);
    }
  }, [canvasLod, flow, session]);
  const onSelectionStart = useCallback(() => {
    // Where the pointer went down (flow coordinates): the start event itself comes a few pixels later.
    const r = storeApi.getState().userSelectionRect;
    selectionStart.current = canvasLod && r ? { x: r.startX, y: r.startY } : undefined;
  }, [canvasLod, storeApi]);
  const onSelectionEnd = useCallback((e: React.MouseEvent) => {
    const a = selectionStart.current;
    selectionStart.current = undefined;
    if (!a || !canvasLod) return;
    const b = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    session.select(tablesIn(lodTables.current, { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }));
  }, [canvasLod, flow, session]);
  const fitViewOptions = useMemo(() => ({ padding: 0.1, minZoom: largeModel ? 0.5 : 0.1, maxZoom: 1.2 }), [largeModel]);

  return (
    <div ref={wrapper} className="pgc-canvas" onDoubleClick={onDoubleClick} data-testid="canvas">
      <LowDetailProvider>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={handlers.onNodesChange}
        onNodeDragStop={handlers.onNodeDragStop}
        onConnect={handlers.onConnect}
        onConnectEnd={handlers.onConnectEnd}
        onEdgeMouseEnter={onEdgeMouseEnter}
        onEdgeMouseLeave={onEdgeMouseLeave}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onSelectionStart={onSelectionStart}
        onSelectionEnd={onSelectionEnd}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        connectionMode={ConnectionMode.Loose}
        defaultViewport={initialViewport.current}
        fitView={!initialViewport.current}
        fitViewOptions={fitViewOptions}
        minZoom={0.02}
        maxZoom={2}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        onlyRenderVisibleElements={largeModel}
        elevateNodesOnSelect={false}
        proOptions={{ hideAttribution: true }}
        aria-label="diagram canvas"
      >
        <RevealEffect />
        <Background gap={24} size={1} />
        {canvasLod && <LodCanvas tables={tables} edges={fkEdges} />}
        <Controls showInteractive={false} />
        <LargeModelMiniMap large={largeModel} />
      </ReactFlow>
      </LowDetailProvider>
    </div>
  );
}
