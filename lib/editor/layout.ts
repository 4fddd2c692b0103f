/**
 * Auto-layout input and output for ELK (layered, left to right: referenced tables before the tables
 * that reference them). Pure: the graph is plain JSON so it can go to a web worker; `placeResult`
 * turns ELK's answer into positions, keeping a partial layout where the selection was.
 */
import type { Model } from '@/lib/model';
import { NODE_WIDTH, nodeHeight } from './derive/geometry';
import { keyColumnIds } from './derive/nodes';

export interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number; x?: number; y?: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export function buildElkGraph(model: Model, tableIds?: readonly string[], collapsedAll = false): ElkGraph {
  const only = tableIds && tableIds.length ? new Set(tableIds) : undefined;
  const tables = model.tables.filter((t) => !only || only.has(t.id));
  const ids = new Set(tables.map((t) => t.id));
  const layouts = model.layout?.tables ?? {};
  const rows = (t: (typeof tables)[number]) => {
    const cols = t.partitionOf ? model.tables.find((p) => p.id === t.partitionOf!.parentId)?.columns.length ?? 0 : t.columns.length;
    return collapsedAll || layouts[t.id]?.collapsed ? keyColumnIds(t).size : cols;
  };
  const edges: ElkGraph['edges'] = [];
  for (const t of tables) {
    for (const fk of t.foreignKeys ?? []) {
      if (fk.refTableId !== t.id && ids.has(fk.refTableId)) edges.push({ id: fk.id, sources: [fk.refTableId], targets: [t.id] });
    }
    if (t.partitionOf && ids.has(t.partitionOf.parentId)) edges.push({ id: `part:${t.id}`, sources: [t.partitionOf.parentId], targets: [t.id] });
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.spacing.nodeNode': '48',
      'elk.spacing.componentComponent': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children: tables.map((t) => ({ id: t.id, width: NODE_WIDTH, height: nodeHeight(rows(t)) })),
    edges,
  };
}

/** placeResult maps ELK positions to table positions; a partial layout keeps the selection's top-left corner. */
export function placeResult(model: Model, result: { children?: { id: string; x?: number; y?: number }[] }, partial: boolean): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const children = result.children ?? [];
  const layouts = model.layout?.tables ?? {};
  let dx = 0;
  let dy = 0;
  if (partial && children.length) {
    dx = Math.min(...children.map((c) => layouts[c.id]?.x ?? 0));
    dy = Math.min(...children.map((c) => layouts[c.id]?.y ?? 0));
  }
  for (const c of children) out[c.id] = { x: Math.round((c.x ?? 0) + dx), y: Math.round((c.y ?? 0) + dy) };
  return out;
}
