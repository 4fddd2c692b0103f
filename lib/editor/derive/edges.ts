/**
 * Canvas edges, one per foreign key, from the referencing column row to the referenced column row,
 * on the sides that face each other. Cardinality for the crow's foot comes from nullability (optional
 * parent) and uniqueness (one-to-one). Unchanged edges keep their object identity between derivations.
 */
import type { Model, Table } from '@/lib/model';
import { handleId, headerHandleId, NODE_WIDTH, type Side } from './geometry';
import type { NodeDeriver } from './nodes';

export type EdgeEnd = 'one' | 'zero-one' | 'many';

export interface FkEdgeData extends Record<string, unknown> {
  readonly fkId: string;
  readonly tableId: string;
  readonly name: string;
  /** The referencing end: many, or zero-one when the foreign key columns are unique. */
  readonly sourceEnd: EdgeEnd;
  /** The referenced end: one when the foreign key is NOT NULL, zero-one when nullable. */
  readonly targetEnd: EdgeEnd;
  readonly self: boolean;
  readonly highlighted: boolean;
}

export interface FkEdge {
  readonly id: string;
  readonly type: 'fk';
  readonly source: string;
  readonly target: string;
  readonly sourceHandle: string;
  readonly targetHandle: string;
  readonly data: FkEdgeData;
  readonly hidden?: boolean;
  readonly selected?: boolean;
}

export interface EdgeSession {
  readonly dragPositions?: ReadonlyMap<string, { x: number; y: number }>;
  readonly hoveredEdge?: string;
  readonly selectedEdge?: string;
  readonly schemaFilter?: ReadonlySet<string>;
}

function isUniqueSet(table: Table, ids: readonly string[]): boolean {
  const want = new Set(ids);
  const sets = [table.primaryKey?.columnIds, ...(table.uniques ?? []).map((u) => u.columnIds)];
  return sets.some((s) => s && s.length === want.size && s.every((id) => want.has(id)));
}

const ORIGIN = { x: 0, y: 0 };

interface CachedEdge { key: unknown[]; sig: string; edge: FkEdge }

export class EdgeDeriver {
  private cache = new Map<string, CachedEdge>();
  private last: FkEdge[] = [];

  /**
   * derive returns the previous array itself when no edge changed (a column rename, a table moved
   * without changing sides): React Flow then skips rebuilding its connection lookup of every edge.
   */
  derive(model: Model, nodes: NodeDeriver, session: EdgeSession): FkEdge[] {
    const layouts = model.layout?.tables ?? {};
    const pos = (id: string) => session.dragPositions?.get(id) ?? layouts[id] ?? ORIGIN;
    const tables = new Map(model.tables.map((t) => [t.id, t]));
    const next = new Map<string, CachedEdge>();
    const out: FkEdge[] = [];
    let same = true;
    for (const table of model.tables) {
      for (const fk of table.foreignKeys ?? []) {
        const ref = tables.get(fk.refTableId);
        if (!ref) continue;
        const a = pos(table.id);
        const b = pos(ref.id);
        const srcRow = nodes.rowOf(table.id, fk.columnIds[0]!);
        const dstRow = nodes.rowOf(ref.id, fk.refColumnIds[0]!);
        const highlighted = session.hoveredEdge === fk.id;
        const hidden = Boolean(session.schemaFilter && (!session.schemaFilter.has(table.schemaId) || !session.schemaFilter.has(ref.schemaId)));
        const selected = session.selectedEdge === fk.id;
        // Everything the edge is computed from, compared by reference: unchanged tables cost no work.
        const key = [table, ref, a, b, srcRow, dstRow, highlighted, hidden, selected];
        const prev = this.cache.get(fk.id);
        let entry: CachedEdge;
        if (prev && prev.key.every((k, i) => k === key[i])) {
          entry = prev;
        } else {
          const self = ref.id === table.id;
          let sourceSide: Side = 'r';
          let targetSide: Side = 'l';
          if (self) targetSide = 'r';
          else if (a.x > b.x + NODE_WIDTH) { sourceSide = 'l'; targetSide = 'r'; }
          else if (a.x + NODE_WIDTH >= b.x) { sourceSide = 'r'; targetSide = 'r'; }
          const sourceHandle = srcRow === undefined ? headerHandleId(sourceSide) : handleId(fk.columnIds[0]!, sourceSide);
          const targetHandle = dstRow === undefined ? headerHandleId(targetSide) : handleId(fk.refColumnIds[0]!, targetSide);
          const nullable = fk.columnIds.some((id) => table.columns.find((c) => c.id === id)?.nullable);
          const sourceEnd: EdgeEnd = isUniqueSet(table, fk.columnIds) ? 'zero-one' : 'many';
          const targetEnd: EdgeEnd = nullable ? 'zero-one' : 'one';
          const sig = `${table.id}|${ref.id}|${sourceHandle}|${targetHandle}|${fk.name}|${sourceEnd}|${targetEnd}|${highlighted}|${hidden}|${selected}`;
          const edge: FkEdge = prev && prev.sig === sig ? prev.edge : {
            id: fk.id, type: 'fk', source: table.id, target: ref.id, sourceHandle, targetHandle,
            data: { fkId: fk.id, tableId: table.id, name: fk.name, sourceEnd, targetEnd, self, highlighted },
            ...(hidden ? { hidden } : {}), ...(selected ? { selected } : {}),
          };
          entry = { key, sig, edge };
        }
        next.set(fk.id, entry);
        if (this.last[out.length] !== entry.edge) same = false;
        out.push(entry.edge);
      }
    }
    this.cache = next;
    if (same && out.length === this.last.length) return this.last;
    this.last = out;
    return out;
  }
}

/** endpointsOf returns the column ids at both ends of a foreign key (for hover highlighting). */
export function endpointsOf(model: Model, fkId: string): string[] {
  for (const t of model.tables) {
    const fk = t.foreignKeys?.find((f) => f.id === fkId);
    if (fk) return [...fk.columnIds, ...fk.refColumnIds];
  }
  return [];
}
