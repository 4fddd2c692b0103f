/**
 * bench/canvas.ts: the editor at 100, 500 and 1,000 tables x 10 columns with ~1.5 foreign keys per
 * table, in headless Chromium against `next start` of the editor build (NEXT_DIST_DIR, default
 * .next-editor; build it first with `NEXT_DIST_DIR=.next-editor npx next build`).
 * Measures: time to first complete render, frames per second during a scripted 3-second mouse pan at
 * the opening zoom and zoomed out to fit every table, and time from a column rename (typed in the
 * inspector) to the updated SQL preview on screen.
 * First complete render = navigation start -> the end of the first frame (the task after its paint) from
 * which on the opening viewport stayed put and showed every table and every foreign key edge in view: each
 * table whose box meets the visible part of the pane is a visible React Flow node in the DOM, each edge
 * whose two tables' bounding box meets it is an edge in the DOM (React Flow's own culling rule), or, when a
 * big model opens zoomed out, the level-of-detail <canvas> reports (data-painted-*) that it painted exactly
 * those tables and lines at the current viewport. The geometry comes from the generated model, not from
 * the page, and every frame from navigation on is checked, so a frame drawn before the opening fit (or
 * with tables or edges still missing) does not count.
 * Targets at 1,000 tables: render < 2 s, >= 30 fps at both zooms, preview < 100 ms.
 * Figures are also given as ratios to the first size of the run (the reference run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generatedModel } from '../lib/editor/fixtures';
import { NODE_WIDTH, nodeHeight } from '../lib/editor/derive/geometry';
import type { Model } from '../lib/model';

const DIST = process.env.NEXT_DIST_DIR ?? '.next-editor';
const PORT = Number(process.env.BENCH_PORT ?? 3477);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_SIZES ?? '100,500,1000').split(',').map(Number);

async function startServer(): Promise<{ proc: ChildProcess; dataDir: string }> {
  if (!existsSync(DIST)) throw new Error(`no build in ${DIST}: run NEXT_DIST_DIR=${DIST} npx next build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pgc-bench-canvas-'));
  const proc = spawn('npx', ['next', 'start', '-p', String(PORT)], { env: { ...process.env, NEXT_DIST_DIR: DIST, DATA_DIR: dataDir }, stdio: 'ignore', detached: true });
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(BASE)).ok) return { proc, dataDir }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not come up');
}

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(async ([m, p, b]) => {
    const r = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: r.status, body: await r.json().catch(() => ({})) as Record<string, unknown> };
  }, [method, path, body] as const);
}

interface Geometry { tables: [string, number, number, number, number][]; edges: [string, string, string][] }

/** geometryOf lists each table's box (id, x, y, width, height) and each foreign key (id, from, to), from the model. */
function geometryOf(model: Model): Geometry {
  const layout = model.layout?.tables ?? {};
  return {
    tables: model.tables.map((t) => [t.id, layout[t.id]?.x ?? 0, layout[t.id]?.y ?? 0, NODE_WIDTH, nodeHeight(t.columns.length)]),
    edges: model.tables.flatMap((t) => (t.foreignKeys ?? []).map((f) => [f.id, t.id, f.refTableId] as [string, string, string])),
  };
}

/**
 * frameLog (an init script, before the page's own code) checks every animation frame whether the view is
 * complete (see the header) and records, after that frame's paint, { t, view, complete }.
 */
function frameLog(g: Geometry): string {
  return `(() => {
    const g = ${JSON.stringify(g)};
    const box = new Map(g.tables.map(([id, x, y, w, h]) => [id, { x, y, w, h }]));
    const log = window.__pgcFrames = [];
    const meets = (a, v) => a.x < v.x + v.w && a.x + a.w > v.x && a.y < v.y + v.h && a.y + a.h > v.y;
    const check = () => {
      const vpEl = document.querySelector('.react-flow__viewport');
      const pane = document.querySelector('.react-flow');
      if (!vpEl || !pane) return { view: '', complete: false };
      const m = /translate\\(([-\\d.e]+)px, ([-\\d.e]+)px\\) scale\\(([-\\d.e]+)\\)/.exec(vpEl.style.transform);
      if (!m) return { view: '', complete: false };
      const tx = +m[1], ty = +m[2], z = +m[3];
      const v = { x: -tx / z, y: -ty / z, w: pane.clientWidth / z, h: pane.clientHeight / z };
      const view = tx + ',' + ty + ',' + z + ',' + pane.clientWidth + 'x' + pane.clientHeight;
      const wantTables = g.tables.filter(([id]) => meets(box.get(id), v));
      const wantEdges = g.edges.filter(([, a, b]) => {
        const p = box.get(a), q = box.get(b);
        const x = Math.min(p.x, q.x), y = Math.min(p.y, q.y);
        return meets({ x, y, w: Math.max(p.x + p.w, q.x + q.w) - x, h: Math.max(p.y + p.h, q.y + q.h) - y }, v);
      });
      const lod = document.querySelector('[data-testid=lod-canvas]');
      if (lod) {
        // The canvas draws each line between table centres: count the lines whose box meets the view.
        const lines = g.edges.filter(([, a, b]) => {
          const p = box.get(a), q = box.get(b);
          const ax = p.x + p.w / 2, ay = p.y + p.h / 2, bx = q.x + q.w / 2, by = q.y + q.h / 2;
          return a !== b && Math.max(ax, bx) >= v.x && Math.min(ax, bx) <= v.x + v.w && Math.max(ay, by) >= v.y && Math.min(ay, by) <= v.y + v.h;
        }).length;
        const d = lod.dataset;
        return { view, complete: d.paintedView === tx + ',' + ty + ',' + z && Number(d.paintedTables) === wantTables.length && Number(d.paintedEdges) === lines };
      }
      const nodes = new Set();
      for (const el of document.querySelectorAll('.react-flow__node-table')) if (el.style.visibility !== 'hidden') nodes.add(el.getAttribute('data-id'));
      const edges = new Set();
      for (const el of document.querySelectorAll('.react-flow__edge')) if (el.querySelector('path[d]')) edges.add(el.getAttribute('data-id'));
      return { view, complete: wantTables.length > 0 && wantTables.every(([id]) => nodes.has(id)) && wantEdges.every(([id]) => edges.has(id)) };
    };
    const after = new MessageChannel();
    let pending;
    after.port1.onmessage = () => { log.push({ t: performance.now(), ...pending }); };
    const frame = () => {
      if (window.__pgcFramesStop) return;
      pending = check();
      after.port2.postMessage(0);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`;
}

/**
 * firstRender waits until the opening view has stayed complete and unmoved for a second, then returns the
 * time of the first frame of that final, complete state (ms since navigation start).
 */
async function firstRender(page: Page): Promise<number> {
  const t = await page.waitForFunction(() => {
    const log = (window as unknown as { __pgcFrames: { t: number; view: string; complete: boolean }[] }).__pgcFrames;
    const last = log[log.length - 1];
    if (!last?.complete) return false;
    let i = log.length - 1;
    while (i > 0 && log[i - 1]!.complete && log[i - 1]!.view === last.view) i--;
    return last.t - log[i]!.t >= 1000 ? log[i]!.t : false;
  }, undefined, { timeout: 60_000, polling: 100 });
  await page.evaluate(() => { (window as unknown as { __pgcFramesStop: boolean }).__pgcFramesStop = true; });
  return (await t.jsonValue()) as number;
}

/** pan drags the empty canvas for 3 s with the mouse and counts animation frames meanwhile. */
async function pan(page: Page): Promise<number> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__frames = 0; w.__counting = true;
    const f = () => { if (!w.__counting) return; w.__frames++; requestAnimationFrame(f); };
    requestAnimationFrame(f);
  });
  const start = Date.now();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  let i = 0;
  while (Date.now() - start < 3000) {
    i++;
    const t = i / 30;
    await page.mouse.move(cx + Math.sin(t) * box.width * 0.3, cy + Math.cos(t * 0.7) * box.height * 0.3);
  }
  await page.mouse.up();
  const elapsed = Date.now() - start;
  const frames = await page.evaluate(() => { const w = window as unknown as { __frames: number; __counting: boolean }; w.__counting = false; return w.__frames; });
  return frames / (elapsed / 1000);
}

/** renameLatency types a new column name in the inspector and waits for the SQL preview to show it. */
async function renameLatency(page: Page, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    await page.waitForFunction(() => {
      const w = window as unknown as { __pgcPreviewShown?: { revision: number }; __pgcEditor?: { revision(): number } };
      return w.__pgcPreviewShown && w.__pgcEditor && w.__pgcPreviewShown.revision >= w.__pgcEditor.revision();
    }, undefined, { timeout: 30_000 });
    const ms = await page.evaluate((name) => new Promise<number>((resolve) => {
      const input = document.querySelector<HTMLInputElement>('[aria-label="column 2 name"]')!;
      const w = window as unknown as { __pgcPreviewShown?: { revision: number; at: number }; __pgcEditor: { revision(): number } };
      const t0 = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, name);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const want = w.__pgcEditor.revision();
      const check = () => {
        const shown = w.__pgcPreviewShown;
        if (shown && shown.revision >= want && document.querySelector('.cm-content')) resolve(shown.at - t0); else requestAnimationFrame(check);
      };
      check();
    }), `renamed_${k}`);
    out.push(ms);
  }
  const worker = await page.evaluate(() => (window as unknown as { __pgcPreview?: { ms: number } }).__pgcPreview?.ms ?? NaN);
  console.log(`  (last preview computed in the worker in ${worker.toFixed(1)} ms)`);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { proc, dataDir } = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const rows: Record<string, number | string>[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks with __name().
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(BASE);
    const setup = await api(page, 'POST', '/api/setup', { email: 'bench@example.com', password: 'bench password 1234' });
    if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
    for (const n of SIZES) {
      const model = generatedModel(n, 10, 1.5);
      const fks = model.tables.reduce((s, t) => s + (t.foreignKeys?.length ?? 0), 0);
      const created = await api(page, 'POST', '/api/projects', { name: `bench ${n}`, model });
      if (created.status !== 201) throw new Error(`create ${n}: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
      const id = created.body.id as string;
      const view = await context.newPage();
      await view.addInitScript({ content: frameLog(geometryOf(model)) });
      await view.goto(`${BASE}/projects/${id}`);
      const renderMs = await firstRender(view);
      const fpsOpen = await pan(view);
      await view.getByRole('button', { name: 'Fit', exact: true }).click();
      await view.waitForTimeout(800);
      const fpsAll = await pan(view);
      await view.getByRole('combobox', { name: 'find table or column' }).fill(`table_${Math.floor(n / 2)}`);
      await view.keyboard.press('Enter');
      await view.locator('[aria-label="column 2 name"]').waitFor();
      const previews = await renameLatency(view, 7);
      rows.push({ tables: n, fks, renderMs: Math.round(renderMs), fpsOpen: Number(fpsOpen.toFixed(1)), fpsAll: Number(fpsAll.toFixed(1)), previewMs: Math.round(median(previews)), previewMaxMs: Math.round(Math.max(...previews)) });
      await view.close();
      console.log(JSON.stringify(rows[rows.length - 1]));
    }
  } finally {
    await browser.close();
    try { process.kill(-proc.pid!, 'SIGTERM'); } catch { /* already gone */ }
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ref = rows[0]!;
  console.log('\ntables  fks   first render   fps (opening zoom)   fps (all in view)   rename -> SQL preview (median / max)');
  for (const r of rows) {
    const ratio = (k: string) => (Number(r[k]) / Number(ref[k])).toFixed(2);
    console.log(`${String(r.tables).padStart(6)} ${String(r.fks).padStart(5)}   ${String(r.renderMs).padStart(6)} ms (x${ratio('renderMs')})   ${String(r.fpsOpen).padStart(5)} (x${ratio('fpsOpen')})   ${String(r.fpsAll).padStart(5)} (x${ratio('fpsAll')})   ${r.previewMs} / ${r.previewMaxMs} ms (x${ratio('previewMs')})`);
  }
  const big = rows.find((r) => r.tables === 1000);
  if (big) {
    console.log(`\ntargets at 1,000 tables: render < 2000 ms: ${Number(big.renderMs) < 2000 ? 'met' : 'MISSED'}; >= 30 fps opening: ${Number(big.fpsOpen) >= 30 ? 'met' : 'MISSED'}; >= 30 fps all in view: ${Number(big.fpsAll) >= 30 ? 'met' : 'MISSED'}; preview < 100 ms: ${Number(big.previewMs) < 100 ? 'met' : 'MISSED'}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
