/**
 * Opening a project: the canvas is drawn once, directly at the opening view. Without a saved viewport
 * that is the fit view (every table of a small model in the pane, no first frame at 0,0 x1 before it);
 * a big model saved zoomed out opens on the level-of-detail <canvas> at exactly its saved viewport, with
 * no table ever put in the DOM on the way. Opening saves nothing. The handle bounds the canvas gives React
 * Flow are the ones the DOM has (so its measuring moves no edge), also for name boxes zoomed out.
 */
import { expect, test, type Page } from '@playwright/test';
import { generatedModel } from '../lib/editor/fixtures';
import { NodeDeriver } from '../lib/editor/derive';
import { api, createProject, signIn } from './fixtures';
import { recordSaves, saveStatus } from './editor-page';

/** Records, from the first frame on, each React Flow transform under which a table node was in the DOM. */
async function recordTableFrames(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { tableFrames: string[] };
    w.tableFrames = [];
    const frame = () => {
      if (document.querySelector('.react-flow__node-table')) {
        const t = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
        if (w.tableFrames.at(-1) !== t) w.tableFrames.push(t);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () => page.evaluate(() => (window as unknown as { tableFrames: string[] }).tableFrames);
}

test('without a saved viewport a project opens fitted, drawn first at the fit and never at 0,0 x1', async ({ page }) => {
  await signIn(page);
  const model = generatedModel(6, 4, 1);
  // Far from the origin: a first frame at 0,0 x1 would show none of them.
  for (const p of Object.values(model.layout!.tables!)) { p.x += 3000; p.y += 2000; }
  const { id } = await createProject(page, { name: 'e2e open fit', model });
  const frames = await recordTableFrames(page);
  const saves = recordSaves(page, id);
  await page.goto(`/projects/${id}`);
  await expect(page.locator('.react-flow__node-table')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(model.tables.reduce((n, t) => n + (t.foreignKeys?.length ?? 0), 0));
  await expect(saveStatus(page)).toHaveText('Saved');
  const pane = (await page.locator('.react-flow').boundingBox())!;
  for (const node of await page.locator('.react-flow__node-table').all()) {
    const b = (await node.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(pane.x);
    expect(b.y).toBeGreaterThanOrEqual(pane.y);
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height + 0.5);
  }
  // Each handle is where the derived geometry says (React Flow's measuring finds nothing to move).
  const given = new Map(new NodeDeriver().derive(model, { selected: new Set() }).map((n) => [n.id, n.handles]));
  const measured = await page.locator('.react-flow__node-table').evaluateAll((nodes) => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    return nodes.map((n) => {
      const nb = n.getBoundingClientRect();
      return { id: n.getAttribute('data-id')!, handles: [...n.querySelectorAll('.react-flow__handle')].map((h) => {
        const b = h.getBoundingClientRect();
        return { id: h.getAttribute('data-handleid')!, x: (b.left - nb.left) / zoom, y: (b.top - nb.top) / zoom, width: b.width / zoom, height: b.height / zoom };
      }) };
    });
  });
  expect(measured).toHaveLength(6);
  for (const node of measured) {
    const want = given.get(node.id)!;
    expect(node.handles.map((h) => h.id)).toEqual(want.map((h) => h.id));
    node.handles.forEach((h, i) => {
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(h[k] - want[i]![k]), `${node.id} ${h.id} ${k}`).toBeLessThan(0.05);
    });
  }
  await page.waitForTimeout(1000); // longer than the autosave delay
  // One transform only, from the first frame that had tables on: the final one.
  const seen = await frames();
  expect(seen).toHaveLength(1);
  expect(seen[0]).toBe(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform));
  expect(saves).toHaveLength(0);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('a big model saved zoomed out opens on the canvas at its viewport, with no table in the DOM on the way', async ({ page }) => {
  await signIn(page);
  const model = generatedModel(200, 10, 1.5);
  model.layout!.viewport = { x: 40, y: 30, zoom: 0.2 };
  const { id } = await createProject(page, { name: 'e2e open lod', model });
  const frames = await recordTableFrames(page);
  const saves = recordSaves(page, id);
  await page.goto(`/projects/${id}`);
  const canvas = page.getByTestId('lod-canvas');
  await expect(canvas).toHaveAttribute('data-painted-view', '40,30,0.2');
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /translate\(40px, 30px\) scale\(0\.2\)/);
  // At 0.2 the pane shows a part of the 15 x 14 grid: the canvas painted some tables and lines, not all.
  const painted = Number(await canvas.getAttribute('data-painted-tables'));
  expect(painted).toBeGreaterThan(10);
  expect(painted).toBeLessThan(200);
  expect(Number(await canvas.getAttribute('data-painted-edges'))).toBeGreaterThan(0);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.waitForTimeout(1000);
  expect(await frames()).toEqual([]);
  expect(saves).toHaveLength(0);
  // Reopened, it is still where it was saved (opening wrote nothing).
  expect((await api(page, 'GET', `/api/projects/${id}/model`)).body.model.layout.viewport).toEqual({ x: 40, y: 30, zoom: 0.2 });
});

test('a small model opened zoomed out (name boxes) draws every foreign key, and still does after zooming in', async ({ page }) => {
  await signIn(page);
  const model = generatedModel(20, 10, 1.5);
  model.layout!.viewport = { x: 0, y: 0, zoom: 0.3 };
  const fks = model.tables.reduce((n, t) => n + (t.foreignKeys?.length ?? 0), 0);
  const { id } = await createProject(page, { name: 'e2e open low', model });
  await page.goto(`/projects/${id}`);
  await expect(page.locator('.pgc-table-low')).toHaveCount(20);
  await expect(page.locator('.react-flow__edge')).toHaveCount(fks);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'zoom in' }).click();
  await expect(page.locator('.pgc-table-low')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-table .pgc-table-header').first()).toBeVisible();
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(fks);
});
