/** Notes and areas (coloured groups) on the canvas: layout only, never part of the DDL. */
import { newId } from '@/lib/model/ids';
import type { Layout, Model, Table } from '@/lib/model';
import { NODE_WIDTH, nodeHeight } from '../derive/geometry';
import { keyColumnIds } from '../derive/nodes';
import { applyPatch, setLayoutPart } from './access';
import { done, refuse, type CommandResult } from './result';

export type Note = NonNullable<Layout['notes']>[number];
export type Area = NonNullable<Layout['areas']>[number];

export function addNote(model: Model, args: { noteId?: string; x: number; y: number; text?: string }): CommandResult {
  const id = args.noteId ?? newId('note');
  const note: Note = { id, x: Math.round(args.x), y: Math.round(args.y), width: 220, height: 120, text: args.text ?? 'Note' };
  return done(setLayoutPart(model, 'notes', [...(model.layout?.notes ?? []), note]), [id]);
}

export function addArea(model: Model, args: { areaId?: string; x: number; y: number; width?: number; height?: number; name?: string; color?: string }): CommandResult {
  const id = args.areaId ?? newId('area');
  const area: Area = { id, x: Math.round(args.x), y: Math.round(args.y), width: args.width ?? 600, height: args.height ?? 400, name: args.name ?? 'Area', color: args.color ?? '#dbeafe' };
  return done(setLayoutPart(model, 'areas', [...(model.layout?.areas ?? []), area]), [id]);
}

export function updateDecoration(model: Model, args: { kind: 'notes' | 'areas'; id: string; patch: Partial<Note & Area> }): CommandResult {
  const list = (model.layout?.[args.kind] ?? []) as (Note | Area)[];
  if (!list.some((x) => x.id === args.id)) return refuse('missing', `${args.kind} ${args.id} does not exist`);
  const { id: _ignored, ...patch } = args.patch;
  void _ignored;
  return done(setLayoutPart(model, args.kind, list.map((x) => (x.id === args.id ? applyPatch(x, patch) : x)) as never));
}

export function deleteDecoration(model: Model, args: { kind: 'notes' | 'areas'; id: string }): CommandResult {
  const list = (model.layout?.[args.kind] ?? []) as (Note | Area)[];
  if (!list.some((x) => x.id === args.id)) return refuse('missing', `${args.kind} ${args.id} does not exist`);
  return done(setLayoutPart(model, args.kind, list.filter((x) => x.id !== args.id) as never));
}

export interface Box { x: number; y: number; width: number; height: number }
/** What an area holds: the tables and notes whose boxes lie entirely inside it. */
export interface AreaContents { tableIds: string[]; noteIds: string[] }

/** tableBox is a table's box on the canvas from the model alone (its own collapsed flag, a partition's parent's columns). */
export function tableBox(model: Model, table: Table, collapsedAll = false): Box | undefined {
  const l = model.layout?.tables?.[table.id];
  if (!l) return undefined;
  const source = table.partitionOf ? model.tables.find((p) => p.id === table.partitionOf!.parentId) ?? table : table;
  const keys = keyColumnIds(table);
  const rows = collapsedAll || l.collapsed ? source.columns.filter((c) => keys.has(c.id)).length : source.columns.length;
  return { x: l.x, y: l.y, width: NODE_WIDTH, height: nodeHeight(rows) };
}

const inside = (b: Box, a: Box) => b.x >= a.x && b.y >= a.y && b.x + b.width <= a.x + a.width && b.y + b.height <= a.y + a.height;

/**
 * areaContents lists the tables and notes lying inside an area (entirely, like ChartDB and DrawDB: a box
 * across its border stays put). `sizeOf` gives a table's shown size (the canvas passes what it draws, e.g.
 * with "key columns only"); without it the size comes from the model.
 */
export function areaContents(model: Model, areaId: string, sizeOf?: (tableId: string) => { width: number; height: number } | undefined): AreaContents | undefined {
  const area = model.layout?.areas?.find((a) => a.id === areaId);
  if (!area) return undefined;
  const layouts = model.layout?.tables ?? {};
  const tableIds: string[] = [];
  for (const t of model.tables) {
    const l = layouts[t.id];
    if (!l) continue;
    // The model's size (rows counted, a partition's parent found) only when the canvas gives none.
    const size = sizeOf?.(t.id) ?? tableBox(model, t)!;
    if (inside({ x: l.x, y: l.y, width: size.width, height: size.height }, area)) tableIds.push(t.id);
  }
  const noteIds = (model.layout?.notes ?? []).filter((n) => inside({ x: n.x, y: n.y, width: n.width ?? 220, height: n.height ?? 120 }, area)).map((n) => n.id);
  return { tableIds, noteIds };
}

/**
 * moveArea moves an area to (x, y) and what it holds by the same delta, as one command (one undo step).
 * `contents` is what lay inside when the drag began (the canvas decides, leaving out nodes dragged along on
 * their own); without it, what lies inside now.
 */
export function moveArea(model: Model, args: { areaId: string; x: number; y: number; contents?: AreaContents }): CommandResult {
  const areas = model.layout?.areas ?? [];
  const area = areas.find((a) => a.id === args.areaId);
  if (!area) return refuse('missing', `area ${args.areaId} does not exist`);
  if (!Number.isFinite(args.x) || !Number.isFinite(args.y)) return refuse('bad-position', 'position must be finite numbers');
  const x = Math.round(args.x);
  const y = Math.round(args.y);
  const dx = x - area.x;
  const dy = y - area.y;
  const contents = args.contents ?? areaContents(model, args.areaId)!;
  let next = setLayoutPart(model, 'areas', areas.map((a) => (a.id === area.id ? { ...a, x, y } : a)));
  if (dx === 0 && dy === 0) return done(next);
  if (contents.tableIds.length) {
    const layouts = { ...(next.layout?.tables ?? {}) };
    for (const id of new Set(contents.tableIds)) {
      const l = layouts[id];
      if (!l) return refuse('table-missing', `table ${id} has no position`);
      layouts[id] = { ...l, x: l.x + dx, y: l.y + dy };
    }
    next = setLayoutPart(next, 'tables', layouts);
  }
  if (contents.noteIds.length) {
    const ids = new Set(contents.noteIds);
    const notes = next.layout?.notes ?? [];
    for (const id of ids) if (!notes.some((n) => n.id === id)) return refuse('missing', `note ${id} does not exist`);
    next = setLayoutPart(next, 'notes', notes.map((n) => (ids.has(n.id) ? { ...n, x: n.x + dx, y: n.y + dy } : n)));
  }
  return done(next);
}
