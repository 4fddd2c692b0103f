/**
 * Areas carry what lies inside them, clicked like a user in Chromium: dragging an area by its header moves
 * the tables and the note inside it by the same delta (a table sticking out and a note outside stay), one
 * Ctrl+Z puts everything back, redo and a reload show the saved positions; resizing moves no table.
 */
import { expect, type Page } from '@playwright/test';
import { shopModel } from '../lib/editor/fixtures';
import { api, createProject, signedIn as test } from './fixtures';
import { openEditor, saveStatus, tableNode } from './editor-page';

type Point = { x: number; y: number };

/** A node's position in flow coordinates, read from its DOM transform. */
async function positionOf(node: ReturnType<Page['locator']>): Promise<Point> {
  const t = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(t);
  if (!m) throw new Error(`no translate in ${t}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

test('dragging an area moves the tables and notes inside it; one undo step; saved', async ({ page }) => {
  // users (0,0) and orders (360,0) lie inside the area; audit_log (0,320) sticks out below; note_1 (720,0) is outside;
  // note_in (40,230) is inside.
  const model = shopModel();
  model.layout = {
    ...model.layout!,
    notes: [...model.layout!.notes!, { id: 'note_in', x: 60, y: 250, width: 200, height: 60, text: 'inside' }],
    areas: [{ id: 'area_1', x: -40, y: -60, width: 720, height: 380, name: 'Sales', color: '#dbeafe' }],
  };
  const { id } = await createProject(page, { name: 'e2e areas', model });
  await openEditor(page, id);
  const area = page.locator('.react-flow__node-area');
  const users = tableNode(page, 'users');
  const orders = tableNode(page, 'orders');
  const audit = tableNode(page, 'audit_log');
  const noteIn = page.locator('.react-flow__node-note').filter({ hasText: 'inside' });
  const noteOut = page.locator('.react-flow__node-note').filter({ hasText: 'never deleted' });
  const nodes = { area, users, orders, audit, noteIn, noteOut };
  const positions = async () => Object.fromEntries(await Promise.all(Object.entries(nodes).map(async ([k, n]) => [k, await positionOf(n)] as const)));
  const start = await positions();
  expect(start.area).toEqual({ x: -40, y: -60 });

  // Drag by the header (the name's row, above the tables).
  const header = (await area.locator('.pgc-deco-text').boundingBox())!;
  const zoom = header.width ? (await area.boundingBox())!.width / 720 : 1;
  await page.mouse.move(header.x + 40, header.y + header.height / 2);
  await page.mouse.down();
  await page.mouse.move(header.x + 90, header.y + 40, { steps: 5 });
  await page.mouse.move(header.x + 140, header.y + 80, { steps: 5 });
  // While dragging the tables already follow.
  await expect.poll(async () => (await positionOf(users)).x).toBeGreaterThan(start.users.x);
  await page.mouse.up();

  const moved = await positions();
  const dx = moved.area.x - start.area.x;
  const dy = moved.area.y - start.area.y;
  // (React Flow starts the drag a few pixels after the press.)
  expect(dx).toBeGreaterThan(60 / zoom);
  expect(dx).toBeLessThanOrEqual(100 / zoom + 1);
  expect(dy).toBeGreaterThan(0);
  for (const k of ['users', 'orders', 'noteIn'] as const) expect(moved[k], k).toEqual({ x: start[k].x + dx, y: start[k].y + dy });
  for (const k of ['audit', 'noteOut'] as const) expect(moved[k], k).toEqual(start[k]);
  await expect(saveStatus(page)).toHaveText('Saved');

  // One Ctrl+Z puts everything back; redo moves it all again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(positions).toEqual(start);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(positions).toEqual(moved);
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = (await api(page, 'GET', `/api/projects/${id}/model`)).body.model;
  expect(stored.layout.areas[0]).toMatchObject({ x: moved.area.x, y: moved.area.y });
  await page.reload();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect.poll(positions).toEqual(moved);

  // Resizing the area (select it, drag its bottom border at a free spot) moves no table.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400); // the fit animation
  await area.locator('.pgc-deco-text').click();
  const border = area.locator('.react-flow__resize-control.line.bottom');
  await expect(border).toBeVisible();
  // A point of the border that no table, note or minimap covers.
  const grip = await border.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let x = r.left + 10; x < r.right - 10; x += 10) if (el.contains(document.elementFromPoint(x, r.top + r.height / 2))) return { x, y: r.top + r.height / 2 };
    return undefined;
  });
  expect(grip).toBeDefined();
  const heightBefore = (await area.boundingBox())!.height;
  await page.mouse.move(grip!.x, grip!.y);
  await page.mouse.down();
  await page.mouse.move(grip!.x, grip!.y + 20, { steps: 4 });
  await page.mouse.move(grip!.x, grip!.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await area.boundingBox())!.height).toBeGreaterThan(heightBefore + 3);
  const resized = await positions();
  for (const k of ['users', 'orders', 'audit', 'noteIn', 'noteOut'] as const) expect(resized[k], k).toEqual(moved[k]);
  expect(resized.area).toEqual(moved.area);
  await expect(saveStatus(page)).toHaveText('Saved');
  const after = (await api(page, 'GET', `/api/projects/${id}/model`)).body.model.layout;
  expect(after.tables).toEqual(stored.layout.tables);
  expect(after.areas[0].height).toBeGreaterThan(380);
});
