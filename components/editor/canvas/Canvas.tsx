'use client';
/**
 * Canvas: the controlled React Flow view of the model. Nodes and edges are derived (useFlowElements);
 * interactions become commands (useCanvasHandlers). Opens on the saved viewport or fits the view; the
 * viewport is saved with the model but never enters history.
 */
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Background, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type Edge, type Viewport } from '@xyflow/react';
import { NODE_WIDTH } from '@/lib/editor/derive';
import { useEditor, useModel, useSession } from '../context';
import { EDGE_TYPES, NODE_TYPES } from './types';
import { LOW_DETAIL_ZOOM, LowDetailContext } from './lod';
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
  const { nodes, edges } = useFlowElements(model, sess, problems);
  const handlers = useCanvasHandlers();
  const initialViewport = useRef<Viewport | undefined>(model.layout?.viewport);
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();

  const onMoveEnd = useCallback((_e: unknown, vp: Viewport) => store.setViewport({ x: Math.round(vp.x), y: Math.round(vp.y), zoom: Number(vp.zoom.toFixed(3)) }), [store]);
  const onDoubleClick = useCallback((e: React.MouseEvent) => {
    if (readOnly || !(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const r = dispatch({ type: 'addTable', position: { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 18) } });
    if (r.ok && r.created[0]) session.focusObject(r.created[0], undefined, 'name');
  }, [dispatch, flow, readOnly, session]);
  const onEdgeMouseEnter = useCallback((_e: React.MouseEvent, edge: Edge) => session.update({ hoveredEdge: edge.id }), [session]);
  const onEdgeMouseLeave = useCallback(() => session.update({ hoveredEdge: undefined }), [session]);
  const onEdgeClick = useCallback((_e: React.MouseEvent, edge: Edge) => session.update({ selectedEdge: edge.id, selected: new Set([edge.source]) }), [session]);
  const onPaneClick = useCallback(() => session.select([]), [session]);
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
        <Controls showInteractive={false} />
        <LargeModelMiniMap large={largeModel} />
      </ReactFlow>
      </LowDetailProvider>
    </div>
  );
}
