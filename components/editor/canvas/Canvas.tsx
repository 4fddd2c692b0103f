'use client';
/**
 * Canvas: the controlled React Flow view of the model. Nodes and edges are derived (useFlowElements);
 * interactions become commands (useCanvasHandlers). Opens on the saved viewport or fits the view; the
 * viewport is saved with the model but never enters history. A big model zoomed out is drawn by
 * LodCanvas instead of DOM nodes; clicks there are hit-tested here (select, Ctrl/Cmd+click adds,
 * Shift+drag selects a rectangle, double-click zooms in on the table).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Background, ConnectionMode, Controls, getNodesBounds, getViewportForBounds, MiniMap, ReactFlow, useReactFlow, useStore, useStoreApi, type Edge, type Node, type Viewport } from '@xyflow/react';
import { NODE_WIDTH } from '@/lib/editor/derive';
import { useEditor, useModel, useSession } from '../context';
import { EDGE_TYPES, NODE_TYPES } from './types';
import { LOW_DETAIL_ZOOM, LowDetailContext } from './lod';
import { LodCanvas, tableAt, tablesIn } from './LodCanvas';
import { useCanvasHandlers } from './useCanvasHandlers';
import { useFlowElements } from './useFlowElements';
import { useLodDrag } from './useLodDrag';

function LowDetailProvider({ children }: { children: ReactNode }) {
  const low = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  // Zoomed out, the whole diagram is one composited layer: panning moves pixels instead of repainting.
  return <LowDetailContext.Provider value={low}><div className={`pgc-lod${low ? ' is-low' : ''}`}>{children}</div></LowDetailContext.Provider>;
}

/**
 * The minimap; for big models it is left out when zoomed out (everything is in view then, and it costs
 * frames), and it comes only after the first frame is painted (a thousand minimap nodes are not worth
 * delaying the diagram for).
 */
function LargeModelMiniMap({ large }: { large: boolean }) {
  const low = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const [painted, setPainted] = useState(!large);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setPainted(true), 0); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [painted]);
  if (large && low) return null;
  if (!painted) return null;
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

interface FitOptions { padding: number; minZoom: number; maxZoom: number }

/**
 * openingViewport is the fit view of the diagram in a pane of this size, computed from the nodes' given
 * sizes the way React Flow's fitView does. Opening on it directly saves a first frame drawn at 0,0 x1,
 * React Flow's measuring pass before it fits, and a second render of everything in view.
 */
function openingViewport(nodes: readonly Node[], width: number, height: number, o: FitOptions): Viewport | undefined {
  const shown = nodes.filter((n) => !n.hidden && n.width && n.height);
  if (!shown.length || !width || !height) return undefined;
  return getViewportForBounds(getNodesBounds(shown), width, height, o.minZoom, o.maxZoom, o.padding);
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
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const storeApi = useStoreApi();
  // Zoomed out on the canvas, a selected table (with the selection) is dragged here; React Flow has no DOM node for it.
  useLodDrag(wrapper, lodTables, canvasLod && !readOnly);

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
  // The opening view, fixed before React Flow mounts (a layout effect: no frame is painted without it): the
  // saved viewport, else the fit view for the pane's size (React Flow's own fitView only if that is unknown).
  // React Flow's store gets it at once, so the first render already culls nodes and picks the level of detail for it.
  const [opening, setOpening] = useState<{ viewport?: Viewport; fit: boolean } | undefined>();
  useLayoutEffect(() => {
    const el = wrapper.current!;
    const viewport = store.model.layout?.viewport ?? openingViewport(nodes, el.clientWidth, el.clientHeight, fitViewOptions);
    if (viewport) storeApi.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
    setOpening({ viewport, fit: !viewport });
  // Once, at mount: later model or option changes never move the view by themselves.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div ref={wrapper} className="pgc-canvas" onDoubleClick={onDoubleClick} data-testid="canvas">
      {opening && <LowDetailProvider>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={handlers.onNodesChange}
        onNodeDragStart={handlers.onNodeDragStart}
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
        defaultViewport={opening.viewport}
        fitView={opening.fit}
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
      </LowDetailProvider>}
    </div>
  );
}
