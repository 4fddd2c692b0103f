/**
 * Roles in the editor, clicked like a user in Chromium: the owner shares a project with a second
 * account as viewer through the Share dialog; signed in as that viewer in another browser context,
 * the diagram and the previews are there but nothing can change it: read-only inspector, disabled
 * toolbar actions, no table by double-click or shortcut, no drag, no relation by dragging, no note
 * editing, no autosave request; and the server refuses the viewer's PUT (403).
 */
import { expect } from '@playwright/test';
import { inspector, tableNodes as tables } from './editor-page';
import { api, createProject, signIn, signUpInvited, signedIn as test } from './fixtures';

const VIEWER = { email: 'viewer@e2e.example.com', password: 'e2e viewer password 1234' };

test('a viewer sees the diagram and previews read-only; the server refuses their save', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // The owner: a project from an example, with a note, shared with a second account as viewer in the UI.
  const { id } = await createProject(page, { name: 'e2e shared read-only', example: 'shop' });
  const current = await api(page, 'GET', `/api/projects/${id}/model`);
  // Three of the example's tables (orders references customers), so the diagram opens in full detail.
  const model = current.body.model;
  const kept = new Set(['customers', 'products', 'orders']);
  model.tables = model.tables.filter((t: { name: string }) => kept.has(t.name));
  const ids = new Set(model.tables.map((t: { id: string }) => t.id));
  model.layout.tables = Object.fromEntries(Object.entries(model.layout.tables).filter(([tid]) => ids.has(tid)));
  model.layout = { ...(model.layout ?? {}), notes: [{ id: 'note_e2e', x: -400, y: -200, width: 200, height: 100, text: 'owner note' }],
    areas: [{ id: 'area_e2e', x: -700, y: -200, width: 260, height: 200, name: 'owner area', color: '#dbeafe' }] };
  const saved = await api(page, 'PUT', `/api/projects/${id}/model`, { model }, { 'if-match': '1' });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await signUpInvited(page, VIEWER.email, VIEWER.password);
  await page.goto('/projects');
  const row = page.getByTestId('project-row').filter({ has: page.getByRole('link', { name: 'e2e shared read-only', exact: true }) });
  await row.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: /Share/ });
  await share.getByLabel('Email of a pgcanvas user').fill(VIEWER.email);
  await share.getByRole('combobox', { name: 'Role', exact: true }).selectOption('viewer');
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share.getByRole('combobox', { name: `Role of ${VIEWER.email}` })).toHaveValue('viewer');

  // The viewer, in a browser context of their own.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await signIn(viewer, VIEWER);
  const writes: string[] = [];
  viewer.on('request', (r) => { if (r.url().includes('/api/') && !['GET', 'HEAD'].includes(r.method())) writes.push(`${r.method()} ${r.url()}`); });
  await viewer.goto(`/projects/${id}`);
  await expect(viewer.getByTestId('save-status')).toHaveText('Read-only (viewer)');
  const count = await tables(viewer).count();
  expect(count).toBeGreaterThan(2);
  const edges = await viewer.locator('.react-flow__edge').count();
  expect(edges).toBeGreaterThan(0);
  await expect(viewer.locator('[data-testid="code-sql preview"] .cm-content')).toContainText('CREATE TABLE');
  await expect(viewer.locator('.react-flow__node-note')).toContainText('owner note');

  // Toolbar: nothing that changes the model.
  for (const name of ['Add table', 'Note', 'Area', 'Auto-layout']) await expect(viewer.getByRole('button', { name, exact: true })).toBeDisabled();

  // Inspector: readable, not editable.
  const first = tables(viewer).first();
  const name = (await first.locator('.pgc-name').textContent())!;
  await first.locator('.pgc-table-header').click();
  await expect(inspector(viewer).getByRole('heading', { level: 2 })).toContainText(name);
  await expect(inspector(viewer).getByLabel('Name', { exact: true }).first()).toHaveValue(name);
  await expect(inspector(viewer).getByLabel('Name', { exact: true }).first()).not.toBeEditable();
  await expect(inspector(viewer).getByLabel('column 1 name')).not.toBeEditable();
  await expect(inspector(viewer).getByRole('button', { name: 'Add column' })).toBeDisabled();
  for (const box of await inspector(viewer).getByRole('checkbox').all()) await expect(box).toBeDisabled();
  await inspector(viewer).getByLabel('column 1 name').press('x');
  await expect(inspector(viewer).getByLabel('column 1 name')).not.toHaveValue(/x$/);

  // Canvas: no table by double-click or by the T shortcut, no delete, no drag.
  const pane = viewer.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await viewer.mouse.dblclick(box.x + 15, box.y + 15);
  await first.locator('.pgc-table-header').click();
  await viewer.keyboard.press('Control+c'); // reading includes copying tables out
  await expect(viewer.getByRole('status').filter({ hasText: 'Copied 1 table' })).toBeVisible();
  await viewer.keyboard.press('t');
  await expect(viewer.getByRole('alert').filter({ hasText: 'read-only' })).toBeVisible();
  await viewer.keyboard.press('Delete');
  await viewer.keyboard.press('Control+d');
  await expect(tables(viewer)).toHaveCount(count);
  const before = await first.getAttribute('style');
  const header = (await first.locator('.pgc-table-header').boundingBox())!;
  await viewer.mouse.move(header.x + 20, header.y + header.height / 2);
  await viewer.mouse.down();
  await viewer.mouse.move(header.x + 140, header.y + 120, { steps: 6 });
  await viewer.mouse.up();
  expect(await first.getAttribute('style')).toBe(before);
  // Nor an area (with its contents).
  const area = viewer.getByLabel('area owner area');
  const areaBefore = await viewer.locator('.react-flow__node-area').getAttribute('style');
  const areaBox = (await area.boundingBox())!;
  await viewer.mouse.move(areaBox.x + 30, areaBox.y + areaBox.height - 20);
  await viewer.mouse.down();
  await viewer.mouse.move(areaBox.x + 150, areaBox.y + areaBox.height + 60, { steps: 6 });
  await viewer.mouse.up();
  expect(await viewer.locator('.react-flow__node-area').getAttribute('style')).toBe(areaBefore);

  // No relation by dragging from a column's handle onto another table.
  const handle = (await first.locator('.pgc-row').first().locator('.react-flow__handle-right').boundingBox())!;
  const target = (await tables(viewer).nth(1).locator('.pgc-table-header').boundingBox())!;
  await viewer.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await viewer.mouse.down();
  await viewer.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await viewer.mouse.up();
  await expect(viewer.locator('.react-flow__edge')).toHaveCount(edges);

  // A note cannot be opened for editing.
  await viewer.locator('.react-flow__node-note .pgc-deco-text').dblclick();
  await expect(viewer.getByLabel('note text')).toHaveCount(0);

  // Nothing was sent, and the stored model is untouched.
  await viewer.waitForTimeout(1000); // longer than the autosave delay
  await expect(viewer.getByTestId('save-status')).toHaveText('Read-only (viewer)');
  expect(writes).toEqual([]);
  const stored = await api(viewer, 'GET', `/api/projects/${id}/model`);
  expect(stored.body.version).toBe(2);

  // The server refuses a viewer's save and rename, whatever the page does.
  const put = await api(viewer, 'PUT', `/api/projects/${id}/model`, { model: stored.body.model }, { 'if-match': '2' });
  expect(put.status).toBe(403);
  expect(put.body.error.code).toBe('forbidden');
  expect((await api(viewer, 'PATCH', `/api/projects/${id}`, { name: 'taken over' })).status).toBe(403);
  expect((await api(page, 'GET', `/api/projects/${id}/model`)).body.version).toBe(2);
  await context.close();
});
