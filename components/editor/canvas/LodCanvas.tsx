'use client';
/**
 * LodCanvas draws a big model zoomed out (the canvas level of detail) on ONE <canvas>: tables as
 * boxes with their names, foreign keys as straight lines. A thousand DOM nodes cannot be panned at
 * 30 fps on a slow machine (every frame re-rasterises them), one canvas redrawn per animation frame
 * can. It sits under React Flow's pane and takes no pointer events: the pane keeps panning and
 * zooming, and the canvas' hit tests (`tableAt`, `tablesIn`) turn clicks into selection.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { FkEdge, TableNode } from '@/lib/editor/derive';

export interface Rect { x: number; y: number; width: number; height: number }

/** tableAt returns the id of the table drawn on top at a flow position (later tables are drawn over earlier ones). */
export function tableAt(tables: readonly TableNode[], p: { x: number; y: number }): string | undefined {
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i]!;
    if (t.hidden) continue;
    if (p.x >= t.position.x && p.x <= t.position.x + t.width && p.y >= t.position.y && p.y <= t.position.y + t.height) return t.id;
  }
  return undefined;
}

/** tablesIn returns the ids of the tables that intersect a flow rectangle (a selection drag). */
export function tablesIn(tables: readonly TableNode[], r: Rect): string[] {
  return tables.filter((t) => !t.hidden && t.position.x < r.x + r.width && t.position.x + t.width > r.x && t.position.y < r.y + r.height && t.position.y + t.height > r.y).map((t) => t.id);
}

interface Palette { head: string; line: string; muted: string; accent: string; err: string; fg: string; hot: string }

function readPalette(el: Element): Palette {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return { head: v('--head', '#e2e8f0'), line: v('--line', '#cbd5e1'), muted: v('--muted', '#64748b'), accent: v('--accent', '#2563eb'), err: v('--err', '#dc2626'), fg: v('--fg', '#0f172a'), hot: v('--hot', '#f97316') };
}

/** Names are drawn only when they would be at least this tall on screen (smaller is unreadable noise). */
const MIN_TEXT_PX = 5;
const NAME_FONT = 42;

/** paint draws the part of the diagram in view; returns how many tables and lines it drew. */
function paint(canvas: HTMLCanvasElement, tables: readonly TableNode[], edges: readonly FkEdge[], transform: readonly [number, number, number], pal: Palette): { tables: number; lines: number } {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return { tables: 0, lines: 0 };
  const [tx, ty, z] = transform;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(dpr * z, 0, 0, dpr * z, dpr * tx, dpr * ty);
  // The part of the diagram in view, in flow coordinates: everything else is skipped.
  const x0 = -tx / z, y0 = -ty / z, x1 = (w - tx) / z, y1 = (h - ty) / z;
  const px = 1 / z;
  const byId = new Map<string, TableNode>();
  for (const t of tables) if (!t.hidden) byId.set(t.id, t);

  const lines = new Path2D();
  const hotLines = new Path2D();
  let lineCount = 0;
  for (const e of edges) {
    if (e.hidden || e.source === e.target) continue;
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const ax = a.position.x + a.width / 2, ay = a.position.y + a.height / 2;
    const bx = b.position.x + b.width / 2, by = b.position.y + b.height / 2;
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
    lineCount++;
    const path = e.data.highlighted || e.selected ? hotLines : lines;
    path.moveTo(ax, ay);
    path.lineTo(bx, by);
  }
  ctx.lineWidth = px;
  ctx.strokeStyle = pal.muted;
  ctx.globalAlpha = 0.6;
  ctx.stroke(lines);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 2 * px;
  ctx.strokeStyle = pal.hot;
  ctx.stroke(hotLines);

  const fills = new Map<string, Path2D>();
  const borders = new Path2D();
  const marked: { t: TableNode; color: string }[] = [];
  const named: TableNode[] = [];
  for (const t of tables) {
    if (t.hidden) continue;
    const { x, y } = t.position;
    if (x >= x1 || y >= y1 || x + t.width <= x0 || y + t.height <= y0) continue;
    const fill = t.data.color ?? pal.head;
    let p = fills.get(fill);
    if (!p) fills.set(fill, p = new Path2D());
    p.rect(x, y, t.width, t.height);
    borders.rect(x, y, t.width, t.height);
    if (t.selected) marked.push({ t, color: pal.accent });
    // Like the DOM nodes: errors colour the border; warnings show only once zoomed in.
    else if (t.data.problem === 'error') marked.push({ t, color: pal.err });
    named.push(t);
  }
  for (const [color, p] of fills) { ctx.fillStyle = color; ctx.fill(p); }
  ctx.lineWidth = px;
  ctx.strokeStyle = pal.line;
  ctx.stroke(borders);
  for (const { t, color } of marked) {
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = color;
    ctx.strokeRect(t.position.x, t.position.y, t.width, t.height);
  }
  if (NAME_FONT * z >= MIN_TEXT_PX) {
    ctx.font = `700 ${NAME_FONT}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = pal.fg;
    for (const t of named) ctx.fillText(t.data.name, t.position.x + t.width / 2, t.position.y + t.height / 2, t.width - 16);
  }
  return { tables: named.length, lines: lineCount };
}

/**
 * LodCanvas must be a child of <ReactFlow>: it follows the viewport through React Flow's store without
 * re-rendering React (a pan frame costs one canvas paint, nothing else).
 */
export function LodCanvas({ tables, edges }: { tables: readonly TableNode[]; edges: readonly FkEdge[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const storeApi = useStoreApi();
  const scene = useRef({ tables, edges });
  scene.current = { tables, edges };
  const request = useRef<() => void>(() => {});

  useEffect(() => {
    const canvas = ref.current!;
    let frame = 0;
    let palette: Palette | undefined;
    let paletteKey = '';
    const draw = () => {
      frame = 0;
      // Colours come from the editor's CSS variables; read again only when the theme class changes.
      const key = canvas.closest('.pgc-editor')?.className ?? '';
      if (!palette || key !== paletteKey) { palette = readPalette(canvas); paletteKey = key; }
      const transform = storeApi.getState().transform;
      const drawn = paint(canvas, scene.current.tables, scene.current.edges, transform, palette);
      // What this paint covered, for tests and bench/canvas.ts (is the view complete?).
      canvas.dataset.paintedView = transform.join(',');
      canvas.dataset.paintedTables = String(drawn.tables);
      canvas.dataset.paintedEdges = String(drawn.lines);
    };
    const schedule = () => { if (!frame) frame = requestAnimationFrame(draw); };
    request.current = schedule;
    let last = storeApi.getState().transform;
    const unsubscribe = storeApi.subscribe((s) => { if (s.transform !== last) { last = s.transform; schedule(); } });
    const resize = new ResizeObserver(schedule);
    resize.observe(canvas);
    // Dark mode flips a class on the editor: repaint with its colours.
    const theme = new MutationObserver(schedule);
    const editor = canvas.closest('.pgc-editor');
    if (editor) theme.observe(editor, { attributes: true, attributeFilter: ['class'] });
    draw();
    return () => { unsubscribe(); resize.disconnect(); theme.disconnect(); cancelAnimationFrame(frame); request.current = () => {}; };
  }, [storeApi]);

  useEffect(() => { request.current(); }, [tables, edges]);

  return <canvas ref={ref} className="pgc-lod-canvas" data-testid="lod-canvas" aria-hidden="true" />;
}
