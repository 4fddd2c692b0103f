/**
 * A big model zoomed out is one <canvas> (the canvas level of detail): clicked like a user, a table
 * drawn there is selected and shown in the inspector, Ctrl+click adds one, empty space clears,
 * Shift+drag selects a rectangle, double-click zooms in on the table (back to DOM nodes), and "Fit"
 * still fits every table.
 */
import { expect, test, type Page } from '@playwright/test';
import { generatedModel } from '../lib/editor/fixtures';
import { inspector } from './editor-page';
import { api, createProject, signIn } from './fixtures';

const TABLES = 200;

/** The screen point of a flow position, read from React Flow's viewport transform as the user sees it. */
async function toScreen(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const t = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform));
  return { x: pane.x + t.e + p.x * t.a, y: pane.y + t.f + p.y * t.a };
}

const zoom = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

type Box = { x: number; y: number };

/** selectSevenAndEight clicks inside table_7's box, then Ctrl+clicks table_8's, on the canvas. */
async function selectSevenAndEight(page: Page, at: (i: number) => Box): Promise<Box> {
  const heading = inspector(page).getByRole('heading', { level: 2 });
  // Near table_7's top-left corner, so it is not the box's centre by chance.
  const p7 = await toScreen(page, { x: at(7).x + 60, y: at(7).y + 40 });
  await page.mouse.click(p7.x, p7.y);
  await expect(heading).toHaveText('public.table_7');
  const p8 = await toScreen(page, { x: at(8).x + 140, y: at(8).y + 200 });
  await page.keyboard.down('Control');
  await page.mouse.click(p8.x, p8.y);
  await page.keyboard.up('Control');
  await expect(heading).toHaveText('2 tables selected');
  return p7;
}

test('zoomed out, the diagram is one canvas that selects and zooms like the tables it draws', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const model = generatedModel(TABLES, 10, 1.5);
  const { id } = await createProject(page, { name: 'e2e lod', model });
  const at = (i: number) => model.layout!.tables![`t${i}`]!;
  await page.goto(`/projects/${id}`);
  await expect(page.locator('.react-flow__node-table').first()).toBeVisible();

  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const canvas = page.getByTestId('lod-canvas');
  await expect(canvas).toBeVisible();
  await expect(page.locator('.react-flow__node-table')).toHaveCount(0);
  await expect.poll(() => zoom(page)).toBeLessThan(0.45);
  await page.waitForTimeout(400); // the fit animation (200 ms) settles
  // Every table is in view: the canvas says it painted all of them and a line per foreign key.
  await expect(canvas).toHaveAttribute('data-painted-tables', String(TABLES));
  await expect(canvas).toHaveAttribute('data-painted-edges', String(model.tables.reduce((n, t) => n + (t.foreignKeys?.length ?? 0), 0)));
  const heading = inspector(page).getByRole('heading', { level: 2 });

  // A click inside table_7's box selects it, Ctrl+click adds table_8; a click on empty canvas (the gap
  // between rows) clears the selection.
  await selectSevenAndEight(page, at);
  const gap = await toScreen(page, { x: at(20).x + 140, y: at(20).y - 50 });
  await page.mouse.click(gap.x, gap.y);
  await expect(inspector(page).getByText('2 tables selected')).toHaveCount(0);
  await expect(inspector(page).getByRole('heading', { name: /public\.table_/ })).toHaveCount(0);

  // Shift+drag around tables 90..92 (a middle row: far from the edges, where a selection auto-pans)
  const from = await toScreen(page, { x: at(90).x - 20, y: at(90).y - 20 });
  const to = await toScreen(page, { x: at(92).x + 100, y: at(92).y + 100 });
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(heading).toHaveText('3 tables selected');

  // double-click table_12: it is selected and the canvas zooms in to its DOM node
  const p12 = await toScreen(page, { x: at(12).x + 140, y: at(12).y + 140 });
  await page.mouse.dblclick(p12.x, p12.y);
  await expect(heading).toHaveText('public.table_12');
  await expect(canvas).toHaveCount(0);
  const node = page.locator('.react-flow__node-table[data-id="t12"]');
  await expect(node).toBeVisible();
  await expect(node.locator('.pgc-table')).toHaveClass(/is-selected/);
  expect(await zoom(page)).toBeGreaterThanOrEqual(0.45);
  // a double-click on a table is not "add a table here"
  await expect(page.getByRole('button', { name: 'undo' })).toBeDisabled();

  // "Fit" from here counts every table again (none is left out of view)
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(canvas).toBeVisible();
  await page.waitForTimeout(400);
  const box = (await page.locator('.react-flow').boundingBox())!;
  for (const i of [0, TABLES - 1]) {
    const p = await toScreen(page, { x: at(i).x + 140, y: at(i).y + 100 });
    expect(p.x).toBeGreaterThan(box.x);
    expect(p.x).toBeLessThan(box.x + box.width);
    expect(p.y).toBeGreaterThan(box.y);
    expect(p.y).toBeLessThan(box.y + box.height);
  }
});

test('zoomed out, dragging a selected table on the canvas moves the selection; one undo step', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const model = generatedModel(TABLES, 10, 1.5);
  const { id } = await createProject(page, { name: 'e2e lod drag', model });
  const at = (i: number) => model.layout!.tables![`t${i}`]!;
  const stored = async () => (await api(page, 'GET', `/api/projects/${id}/model`)).body.model.layout.tables as Record<string, { x: number; y: number }>;
  await page.goto(`/projects/${id}`);
  await expect(page.locator('.react-flow__node-table').first()).toBeVisible();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const canvas = page.getByTestId('lod-canvas');
  await expect(canvas).toBeVisible();
  await page.waitForTimeout(400);
  const heading = inspector(page).getByRole('heading', { level: 2 });
  const z = await zoom(page);
  expect(z).toBeLessThan(0.45);

  // Pressing on a table that is not selected still pans, and moves no table.
  const viewBefore = await page.locator('.react-flow__viewport').getAttribute('style');
  const p20 = await toScreen(page, { x: at(20).x + 140, y: at(20).y + 60 });
  await page.mouse.move(p20.x, p20.y);
  await page.mouse.down();
  await page.mouse.move(p20.x + 20, p20.y + 10, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(viewBefore);

  // Select table_7 and table_8, then drag table_7: both move by the same delta.
  const p7 = await selectSevenAndEight(page, at);
  const view = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.mouse.move(p7.x, p7.y);
  await page.mouse.down();
  await page.mouse.move(p7.x + 30, p7.y + 20, { steps: 4 });
  await page.mouse.move(p7.x + 60, p7.y + 40, { steps: 4 });
  await page.mouse.up();
  // The view did not pan, the selection is kept, and both tables are where they were dropped.
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(view);
  await expect(heading).toHaveText('2 tables selected');
  const dx = Math.round(60 / z);
  const dy = Math.round(40 / z);
  await expect.poll(async () => { const t = await stored(); return [t.t7, t.t8, t.t9]; }, { timeout: 15_000 })
    .toEqual([{ x: at(7).x + dx, y: at(7).y + dy }, { x: at(8).x + dx, y: at(8).y + dy }, at(9)]);

  // One Ctrl+Z puts both back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => { const t = await stored(); return [t.t7, t.t8]; }, { timeout: 15_000 }).toEqual([at(7), at(8)]);
  await expect(page.getByRole('button', { name: 'undo' })).toBeDisabled();
});
