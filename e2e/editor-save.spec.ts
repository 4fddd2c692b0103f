/**
 * Saving in the editor, clicked like a user in Chromium: the autosave status (Unsaved changes ->
 * Saving -> Saved) and the reload that finds the edit; offline (not saved, retried, "Retry now") and
 * nothing lost once back online; a conflict between two tabs (409: the second tab is told, keeps its
 * edits until the user decides, can download them, load the other save or overwrite it after a
 * confirmation); a failing server is named and retried; panning alone saves nothing and so never
 * causes a conflict. After a page's first save (the whole model, PUT) edits are sent as deltas
 * (PATCH, docs/api.md), so the offline, retry and conflict cases below run on deltas too; a delta the
 * server refuses (400, or 405 from a server without PATCH) is sent again as the whole model.
 */
import { expect, type Page } from '@playwright/test';
import { api, createProject, signedIn as test } from './fixtures';
import { inspector, openEditor, recordSaves, saveStatus, tableNode } from './editor-page';

const status = saveStatus;

const open = openEditor;

/** Adds a table from the toolbar and names it in the inspector (focus lands in its name field). */
async function addTable(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add table' }).click();
  const field = inspector(page).getByLabel('Name', { exact: true }).first();
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.blur();
  await expect(tableNode(page, name)).toBeVisible();
}

async function storedTables(page: Page, id: string): Promise<{ version: number; names: string[] }> {
  const r = await api(page, 'GET', `/api/projects/${id}/model`);
  expect(r.status).toBe(200);
  return { version: r.body.version, names: r.body.model.tables.map((t: { name: string }) => t.name).sort() };
}

/** Records every text the status line shows from now on, in order (states can be briefer than a poll). */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { statuses: string[] };
    w.statuses = [];
    const line = document.querySelector('.pgc-statusline')!;
    new MutationObserver(() => { const t = line.textContent ?? ''; if (w.statuses.at(-1) !== t) w.statuses.push(t); })
      .observe(line, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
}

test('an edit autosaves (Unsaved changes, Saving, Saved) and the reload shows it', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e autosave' });
  await open(page, id);
  // Every status the line shows, in order (the unsaved state lasts only the 0.7 s autosave delay).
  const statuses = await recordStatuses(page);
  // The save is held at the network until released, so "Saving…" can be seen.
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  const ifMatch: string[] = [];
  await page.route(`**/api/projects/${id}/model`, async (route) => {
    if (route.request().method() === 'PUT') { ifMatch.push(route.request().headers()['if-match'] ?? ''); await held; }
    await route.continue();
  });
  await page.getByRole('button', { name: 'Add table' }).click(); // one edit
  await expect(page.locator('.react-flow__node-table')).toHaveCount(1);
  await expect(status(page)).toHaveText('Saving…');
  release();
  await expect(status(page)).toHaveText('Saved');
  expect(await statuses()).toEqual(['Unsaved changes…', 'Saving…', 'Saved']);
  expect(ifMatch).toEqual(['"1"']);
  await page.unrouteAll();
  expect((await storedTables(page, id)).version).toBe(2);
  // The viewport (moved to show the new table) went along with the edit.
  expect((await api(page, 'GET', `/api/projects/${id}/model`)).body.model.layout.viewport).toEqual(expect.objectContaining({ zoom: expect.any(Number) }));

  // More edits save on top (If-Match 2, ...), and a reload finds them.
  const name = inspector(page).getByLabel('Name', { exact: true }).first();
  await name.fill('orders');
  await name.blur();
  await inspector(page).getByRole('button', { name: 'Add column' }).click();
  await inspector(page).getByLabel('column 2 name').fill('placed_at');
  await expect(status(page)).toHaveText('Saved');
  await page.reload();
  await expect(tableNode(page, 'orders')).toBeVisible();
  await expect(tableNode(page, 'orders').locator('.pgc-col-name', { hasText: /^placed_at$/ })).toBeVisible();
  await expect(status(page)).toHaveText('Saved');
  expect((await storedTables(page, id)).names).toEqual(['orders']);
});

test('after the first save, edits go as deltas (PATCH with only what changed); a refused delta is sent whole', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e delta', example: 'shop' });
  await open(page, id);
  const sent = recordSaves(page, id);
  await addTable(page, 'first_edit');
  await expect(status(page)).toHaveText('Saved');
  expect(sent[0]!.method).toBe('PUT');
  const whole = sent[0]!.body.length;
  const before = sent.length;
  await addTable(page, 'second_edit');
  await expect(status(page)).toHaveText('Saved');
  const deltas = sent.slice(before);
  expect(deltas.length).toBeGreaterThan(0);
  for (const d of deltas) {
    expect(d.method).toBe('PATCH');
    const body = JSON.parse(d.body);
    expect(body.model).toBeUndefined();
    // One new table (and the layout), not the example's other tables.
    expect(body.changes.tables.put).toHaveLength(1);
    expect(d.body.length).toBeLessThan(whole / 2);
  }
  expect(JSON.parse(deltas.at(-1)!.body).changes.tables.put[0].name).toBe('second_edit');
  const stored = await api(page, 'GET', `/api/projects/${id}/model`);
  expect(stored.body.version).toBe(1 + sent.length);
  expect(stored.body.model.tables.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['first_edit', 'second_edit', 'orders']));

  // The server refuses the next delta (400: it does not fit): the same edit goes again as the whole model.
  let refused = 0;
  await page.route(`**/api/projects/${id}/model`, async (route) => {
    if (route.request().method() === 'PATCH' && refused === 0) {
      refused++;
      await route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":{"code":"bad_request","message":"does not fit"}}' });
      return;
    }
    await route.continue();
  });
  const mark = sent.length;
  await addTable(page, 'after_refusal');
  await expect(status(page)).toHaveText('Saved');
  expect(refused).toBe(1);
  expect(sent.slice(mark).map((x) => x.method).slice(0, 2)).toEqual(['PATCH', 'PUT']);
  // A server without PATCH (405): whole models from then on.
  await page.unrouteAll();
  let notAllowed = 0;
  await page.route(`**/api/projects/${id}/model`, async (route) => {
    if (route.request().method() === 'PATCH') { notAllowed++; await route.fulfill({ status: 405, body: '' }); return; }
    await route.continue();
  });
  await addTable(page, 'old_server');
  await expect(status(page)).toHaveText('Saved');
  await addTable(page, 'old_server_again');
  await expect(status(page)).toHaveText('Saved');
  await page.unrouteAll();
  expect(notAllowed).toBe(1);
  await page.reload();
  for (const name of ['first_edit', 'second_edit', 'after_refusal', 'old_server', 'old_server_again']) await expect(tableNode(page, name)).toBeVisible();
  // Every save but the two answered by the route above was stored, once.
  expect((await api(page, 'GET', `/api/projects/${id}/model`)).body.version).toBe(1 + sent.length - 2);
});

test('offline: the edit is kept, shown as not saved with a retry, and saved once online again', async ({ page, context }) => {
  const { id } = await createProject(page, { name: 'e2e offline' });
  await open(page, id);
  await addTable(page, 'kept_before');
  await expect(status(page)).toHaveText('Saved');
  const sent = recordSaves(page, id);

  await context.setOffline(true);
  await addTable(page, 'made_offline');
  await expect(status(page)).toContainText('Offline: not saved');
  const retry = status(page).getByRole('button', { name: 'Retry now' });
  await expect(retry).toBeVisible();
  // Retrying while still offline fails again and says so; a further edit joins the unsaved ones.
  await retry.click();
  await expect(status(page)).toContainText('Offline: not saved');
  await addTable(page, 'also_offline');
  await expect(status(page)).toContainText('Offline: not saved');
  // Leaving now would lose edits: the page asks first.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
  await page.close({ runBeforeUnload: true }).catch(() => { /* dismissed: the page stays open */ });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  await context.setOffline(false);
  // "Retry now" saves at once; on a loaded machine the automatic retry may get there first, as good.
  await status(page).getByRole('button', { name: 'Retry now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(status(page)).toHaveText('Saved', { timeout: 35_000 });
  expect((await storedTables(page, id)).names).toEqual(['also_offline', 'kept_before', 'made_offline']);
  // What was retried and stored was a delta.
  expect(sent.length).toBeGreaterThan(1);
  expect(sent.every((x) => x.method === 'PATCH')).toBe(true);
  await page.reload();
  for (const name of ['kept_before', 'made_offline', 'also_offline']) await expect(tableNode(page, name)).toBeVisible();
});

test('offline: the automatic retry saves once the connection is back', async ({ page, context }) => {
  const { id } = await createProject(page, { name: 'e2e offline auto' });
  await open(page, id);
  await context.setOffline(true);
  await addTable(page, 'retried');
  await expect(status(page)).toContainText('Offline: not saved, retrying in');
  await context.setOffline(false);
  await expect(status(page)).toHaveText('Saved', { timeout: 15_000 });
  expect((await storedTables(page, id)).names).toEqual(['retried']);
});

test('a server failure is named, retried, and saved once the server answers again', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e server failure' });
  await open(page, id);
  // The next save meets a failing server (a 503 from a proxy in front of the app), later ones get through.
  let failed = 0;
  await page.route(`**/api/projects/${id}/model`, async (route) => {
    if (route.request().method() === 'PUT' && failed === 0) { failed++; await route.fulfill({ status: 503, body: 'Service Unavailable' }); return; }
    await route.continue();
  });
  const statuses = await recordStatuses(page);
  await addTable(page, 'after_failure');
  await expect(status(page)).toHaveText('Saved', { timeout: 15_000 }); // after the automatic retry
  const seen = await statuses();
  expect(seen).toContain('Not saved: the server failed (HTTP 503), retrying in 2 s Retry now');
  expect(seen.indexOf('Saved')).toBeGreaterThan(seen.indexOf('Not saved: the server failed (HTTP 503), retrying in 2 s Retry now'));
  expect(failed).toBe(1);
  expect((await storedTables(page, id)).names).toEqual(['after_failure']);
});

test('panning and zooming alone save nothing, so they never make another tab\'s save a conflict', async ({ page, context }) => {
  const { id } = await createProject(page, { name: 'e2e pan', example: 'shop' });
  const saves = recordSaves(page, id);
  await open(page, id);
  const other = await context.newPage();
  await open(other, id);

  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height - 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 220, box.y + box.height - 120, { steps: 6 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'zoom in' }).click();
  await page.waitForTimeout(1500); // longer than the autosave delay
  await expect(status(page)).toHaveText('Saved');
  expect(saves).toHaveLength(0);

  // The other tab edits and saves without a conflict; the viewport goes along with the next real edit.
  await addTable(other, 'added_elsewhere');
  await expect(status(other)).toHaveText('Saved');
  expect((await storedTables(page, id)).names).toContain('added_elsewhere');
  expect(saves).toHaveLength(0);
  await other.close();
});

test('conflict between two tabs: the second save is refused, told, and nothing is lost silently', async ({ page, context }) => {
  const { id } = await createProject(page, { name: 'e2e conflict' });
  await open(page, id);
  const other = await context.newPage();
  await open(other, id);

  // Tab A saves first.
  await addTable(page, 'from_a');
  await expect(status(page)).toHaveText('Saved');
  const afterA = (await storedTables(page, id)).version; // 2, or 3 if the rename was saved apart

  // Tab B, opened at version 1, edits: its save is refused (409) and the conflict is shown.
  const refused = other.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/model`));
  await addTable(other, 'from_b');
  expect((await refused).status()).toBe(409);
  const conflict = other.getByRole('alertdialog', { name: 'save conflict' });
  await expect(conflict).toContainText(`Someone else saved this project (version ${afterA})`);
  expect((await storedTables(page, id)).names).toEqual(['from_a']);

  // B keeps editing: still not saved, still its own edits on screen, and leaving asks first.
  await addTable(other, 'from_b_too');
  await expect(conflict).toBeVisible();
  await expect(tableNode(other, 'from_b')).toBeVisible();
  expect((await storedTables(page, id)).names).toEqual(['from_a']);

  // B downloads its version: the file holds B's edits.
  const [download] = await Promise.all([other.waitForEvent('download'), conflict.getByRole('button', { name: 'Download my version' }).click()]);
  const mine = JSON.parse(await streamText(await download.createReadStream()));
  expect(mine.tables.map((t: { name: string }) => t.name).sort()).toEqual(['from_b', 'from_b_too']);

  // "Load their version" asks first; cancelling keeps B's edits.
  other.once('dialog', (d) => { expect(d.message()).toContain('Discard your unsaved edits'); void d.dismiss(); });
  await conflict.getByRole('button', { name: 'Load their version' }).click();
  await expect(tableNode(other, 'from_b')).toBeVisible();
  await expect(conflict).toBeVisible();

  // "Overwrite with mine" asks first; confirmed, B's model is stored on top of A's save.
  other.once('dialog', (d) => { expect(d.message()).toContain('Overwrite'); void d.accept(); });
  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(status(other)).toHaveText('Saved');
  expect(await storedTables(page, id)).toEqual({ version: afterA + 1, names: ['from_b', 'from_b_too'] });

  // Now A is behind: its next edit (a delta) conflicts, and A loads the current version (B's) after confirming.
  const refusedA = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/model`));
  await addTable(page, 'a_again');
  expect((await refusedA).status()).toBe(409);
  const conflictA = page.getByRole('alertdialog', { name: 'save conflict' });
  await expect(conflictA).toContainText(`(version ${afterA + 1})`);
  page.once('dialog', (d) => { void d.accept(); });
  await conflictA.getByRole('button', { name: 'Load their version' }).click();
  await expect(status(page)).toHaveText('Saved');
  await expect(tableNode(page, 'from_b')).toBeVisible();
  await expect(tableNode(page, 'from_a')).toHaveCount(0);
  await expect(tableNode(page, 'a_again')).toHaveCount(0);
  // Loading their version is not an undo step, and editing on from there saves normally.
  await expect(page.getByRole('button', { name: 'undo' })).toBeDisabled();
  await addTable(page, 'a_after_reload');
  await expect(status(page)).toHaveText('Saved');
  expect((await storedTables(page, id)).names).toEqual(['a_after_reload', 'from_b', 'from_b_too']);
  await other.close();
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}
