'use client';
/**
 * useFlowElements derives React Flow nodes (areas, tables, notes) and edges from the model and session.
 * With `canvasLod` (a big model zoomed out, drawn by LodCanvas) tables go to React Flow hidden and edges
 * not at all, so React Flow keeps no DOM for them; `tables` and `fkEdges` feed the canvas.
 */
import { useMemo, useRef } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { Model } from '@/lib/model';
import { EdgeDeriver, NodeDeriver, type FkEdge, type TableNode } from '@/lib/editor/derive';
import type { Session } from '@/lib/editor/session';
import { endpointsOf } from '@/lib/editor/derive';
import type { DecorationData } from './Decorations';

export function decorationNodeId(kind: 'notes' | 'areas', id: string): string {
  return `${kind}:${id}`;
}

/** Hidden copies of table nodes, kept per node object so an edit while zoomed out re-creates only what changed. */
const lodHidden = new WeakMap<TableNode, Node>();
const lodHiddenNodes = new WeakSet<Node>();

/** isLodHidden tells a table hidden only because the canvas draws it (fit view must still count it). */
export function isLodHidden(node: Node): boolean {
  return lodHiddenNodes.has(node);
}

function hiddenForLod(t: TableNode): Node {
  let n = lodHidden.get(t);
  if (!n) {
    // Not selected for React Flow either: its pane click would otherwise "deselect" what the canvas selected.
    n = { ...(t as unknown as Node), hidden: true, selected: false };
    lodHidden.set(t, n);
    if (!t.hidden) lodHiddenNodes.add(n);
  }
  return n;
}

const NO_EDGES: Edge[] = [];

export interface FlowElements { nodes: Node[]; edges: Edge[]; tables: TableNode[]; fkEdges: FkEdge[] }

export function useFlowElements(model: Model, session: Session, problems: ReadonlyMap<string, 'error' | 'warning'>, canvasLod = false): FlowElements {
  const derivers = useRef<{ nodes: NodeDeriver; edges: EdgeDeriver } | null>(null);
  derivers.current ??= { nodes: new NodeDeriver(), edges: new EdgeDeriver() };
  const highlighted = useMemo(() => (session.hoveredEdge ? new Set(endpointsOf(model, session.hoveredEdge)) : undefined), [model, session.hoveredEdge]);
  const tableNodes = useMemo(() => derivers.current!.nodes.derive(model, {
    selected: session.selected, dragPositions: session.dragPositions, highlighted, problems,
    collapsedAll: session.collapsedAll, schemaFilter: session.schemaFilter,
  }), [model, session.selected, session.dragPositions, highlighted, problems, session.collapsedAll, session.schemaFilter]);
  const edges = useMemo(() => derivers.current!.edges.derive(model, derivers.current!.nodes, {
    dragPositions: session.dragPositions, hoveredEdge: session.hoveredEdge, selectedEdge: session.selectedEdge, schemaFilter: session.schemaFilter,
  // tableNodes is a dependency because the edge deriver reads row positions the node deriver computed.
  }), [model, tableNodes, session.dragPositions, session.hoveredEdge, session.selectedEdge, session.schemaFilter]);
  const layout = model.layout;
  const decorations = useMemo(() => {
    const areas: Node[] = (layout?.areas ?? []).map((a) => {
      const id = decorationNodeId('areas', a.id);
      const pos = session.dragPositions?.get(id) ?? a;
      return { id, type: 'area', position: { x: pos.x, y: pos.y }, width: a.width, height: a.height, zIndex: -1, selected: session.selected.has(id),
        data: { kind: 'areas', id: a.id, text: a.name, color: a.color } satisfies DecorationData };
    });
    const notes: Node[] = (layout?.notes ?? []).map((n) => {
      const id = decorationNodeId('notes', n.id);
      const pos = session.dragPositions?.get(id) ?? n;
      return { id, type: 'note', position: { x: pos.x, y: pos.y }, width: n.width ?? 220, height: n.height ?? 120, selected: session.selected.has(id),
        data: { kind: 'notes', id: n.id, text: n.text, color: n.color } satisfies DecorationData };
    });
    return { areas, notes };
  }, [layout?.areas, layout?.notes, session.dragPositions, session.selected]);
  const nodes = useMemo(() => [...decorations.areas, ...(canvasLod ? tableNodes.map(hiddenForLod) : tableNodes as unknown as Node[]), ...decorations.notes], [decorations, tableNodes, canvasLod]);
  return { nodes, edges: canvasLod ? NO_EDGES : edges as unknown as Edge[], tables: tableNodes, fkEdges: edges };
}
