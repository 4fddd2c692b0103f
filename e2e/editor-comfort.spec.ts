/**
 * Editor comforts, clicked like a user in Chromium: notes and areas (create, edit in place, move,
 * undo), copy and paste of tables into another project, the many-to-many helper, the command palette,
 * the shortcuts help, dark mode kept across a reload and the inspector driven by keyboard alone.
 */
import { expect, type Page } from '@playwright/test';
import { api, createProject, signedIn as test } from './fixtures';
import { inspector, openEditor, saveStatus, tableNode, tableNodes } from './editor-page';

const tables = tableNodes;
const sqlPreview = (page: Page) => page.locator('[data-testid="code-sql preview"] .cm-content');
const status = saveStatus;

const open = openEditor;

async function addNamedTable(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add table' }).click();
  const field = inspector(page).getByLabel('Name', { exact: true }).first();
  await field.fill(name);
  await field.blur();
  await expect(tableNode(page, name)).toBeVisible();
}

/** Drags a node by a point inside it; returns the node's style before and after. */
async function drag(page: Page, node: ReturnType<Page['locator']>, dx: number, dy: number) {
  const box = (await node.boundingBox())!;
  const x = box.x + 12;
  const y = box.y + box.height - 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

test('notes and areas: create, edit by double-click, move, undo; kept after reload', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e decorations' });
  await open(page, id);

  // An area and a note from the toolbar.
  await page.getByRole('button', { name: 'Area', exact: true }).click();
  await page.getByRole('button', { name: 'Note', exact: true }).click();
  const note = page.locator('.react-flow__node-note');
  const area = page.locator('.react-flow__node-area');
  await expect(note).toHaveCount(1);
  await expect(area).toHaveCount(1);

  // Edit the note's text in place (Ctrl+Enter ends a multi-line note) and the area's name (Enter).
  await note.locator('.pgc-deco-text').dblclick();
  const text = page.getByLabel('note text');
  await expect(text).toBeFocused();
  await text.fill('Orders are kept\nfor ten years');
  await text.press('Control+Enter');
  await expect(note.locator('.pgc-deco-text')).toHaveText('Orders are kept\nfor ten years');
  await area.locator('.pgc-deco-text').dblclick();
  await page.getByLabel('area name').fill('Billing');
  await page.getByLabel('area name').press('Enter');
  await expect(page.getByLabel('area Billing')).toBeVisible();
  // Escape abandons an edit.
  await area.locator('.pgc-deco-text').dblclick();
  await page.getByLabel('area name').fill('not this');
  await page.getByLabel('area name').press('Escape');
  await expect(area.locator('.pgc-deco-text')).toHaveText('Billing');

  // Move the note; undo puts it back, and one more undo restores its text.
  const noteBefore = await note.getAttribute('style');
  await drag(page, note, 160, 90);
  await expect.poll(() => note.getAttribute('style')).not.toBe(noteBefore);
  await page.keyboard.press('Control+z');
  await expect.poll(() => note.getAttribute('style')).toBe(noteBefore);
  await page.keyboard.press('Control+z'); // the area's name
  await expect(area.locator('.pgc-deco-text')).toHaveText('Area');
  await page.keyboard.press('Control+Shift+z');
  await expect(area.locator('.pgc-deco-text')).toHaveText('Billing');

  // Move the area (by its empty lower part) and keep it there.
  const areaBefore = await area.getAttribute('style');
  await drag(page, area, -120, 60);
  await expect.poll(() => area.getAttribute('style')).not.toBe(areaBefore);

  await expect(status(page)).toHaveText('Saved');
  const stored = (await api(page, 'GET', `/api/projects/${id}/model`)).body.model;
  expect(stored.layout.notes.map((n: { text: string }) => n.text)).toEqual(['Orders are kept\nfor ten years']);
  expect(stored.layout.areas.map((a: { name: string }) => a.name)).toEqual(['Billing']);
  await page.reload();
  await expect(page.locator('.react-flow__node-note .pgc-deco-text')).toHaveText('Orders are kept\nfor ten years');
  await expect(page.getByLabel('area Billing')).toBeVisible();
});

test('copy tables in one project and paste them into another: fresh ids, missing references dropped', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const source = await createProject(page, { name: 'e2e copy source', example: 'shop' });
  const target = await createProject(page, { name: 'e2e paste target' });
  await open(page, source.id);
  // orders references customers, order_lines references orders and products: copy orders and order_lines.
  // Nine tables open zoomed out, drawn as name boxes: click those.
  const box = (name: string) => page.locator('.react-flow__node-table').filter({ has: page.locator('.pgc-low-name, .pgc-name', { hasText: new RegExp(`^${name}$`) }) });
  await box('orders').click();
  await box('order_lines').click({ modifiers: ['Control'] });
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('2 tables selected');
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('status').filter({ hasText: 'Copied 2 tables' })).toBeVisible();

  await open(page, target.id);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+v');
  await expect(tableNode(page, 'orders')).toBeVisible();
  await expect(tableNode(page, 'order_lines')).toBeVisible();
  await expect(tables(page)).toHaveCount(2);
  // The reference between the two pasted tables is kept; those to customers and products are not.
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(sqlPreview(page)).toContainText('REFERENCES "public"."orders"');
  await expect(sqlPreview(page)).not.toContainText('"customers"');
  await expect(sqlPreview(page)).not.toContainText('"products"');

  // Pasting again: new names where taken, and every id fresh.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+v');
  await expect(tableNode(page, 'orders_2')).toBeVisible();
  await expect(tableNode(page, 'order_lines_2')).toBeVisible();
  await expect(sqlPreview(page)).toContainText('REFERENCES "public"."orders_2"');
  await expect(status(page)).toHaveText('Saved');
  const from = (await api(page, 'GET', `/api/projects/${source.id}/model`)).body.model;
  const to = (await api(page, 'GET', `/api/projects/${target.id}/model`)).body.model;
  const idsOf = (m: { tables: { id: string; columns: { id: string }[] }[] }) => m.tables.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]);
  const pastedIds = idsOf(to);
  expect(new Set(pastedIds).size).toBe(pastedIds.length);
  expect(pastedIds.filter((x) => idsOf(from).includes(x))).toEqual([]);
  expect(to.tables.map((t: { name: string }) => t.name).sort()).toEqual(['order_lines', 'order_lines_2', 'orders', 'orders_2']);
});

test('many-to-many: two tables selected make a junction table with a composite key and both foreign keys', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e many-to-many' });
  await open(page, id);
  await addNamedTable(page, 'students');
  await addNamedTable(page, 'courses');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(800);
  await tableNode(page, 'students').locator('.pgc-table-header').click();
  await tableNode(page, 'courses').locator('.pgc-table-header').click({ modifiers: ['Control'] });
  await inspector(page).getByRole('button', { name: 'Many-to-many (junction table)' }).click();
  const junction = tableNode(page, 'students_courses');
  await expect(junction).toBeVisible();
  await expect(junction.locator('.pgc-badge-fk')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  const sql = sqlPreview(page);
  await expect(sql).toContainText('CREATE TABLE "public"."students_courses"');
  await expect(sql).toContainText(/PRIMARY KEY \("students_id", "courses_id"\)/);
  await expect(sql).toContainText('FOREIGN KEY ("students_id") REFERENCES "public"."students" ("id")');
  await expect(sql).toContainText('FOREIGN KEY ("courses_id") REFERENCES "public"."courses" ("id")');
  // One undo step removes it all.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(junction).toHaveCount(0);
  await expect(sql).not.toContainText('students_courses');
});

test('command palette runs a command and goes to a table; the shortcuts help lists the keys', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e palette', example: 'shop' });
  await open(page, id);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'command palette' });
  await expect(palette).toBeVisible();
  const command = palette.getByRole('combobox', { name: 'command' });
  await expect(command).toBeFocused();
  await command.fill('add note');
  await expect(palette.getByRole('option').first()).toHaveText(/Add note/);
  await command.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('.react-flow__node-note')).toHaveCount(1);

  // Arrow keys choose among the hits; "Go to" selects the table in the inspector.
  await page.keyboard.press('Control+k');
  await command.fill('order_lines');
  const goTo = palette.getByRole('option', { name: /Go to .*order_lines/ }).first();
  await expect(goTo).toBeVisible();
  const options = await palette.getByRole('option').allTextContents();
  const index = options.findIndex((o) => /Go to .*order_lines/.test(o));
  for (let i = 0; i < index; i++) await command.press('ArrowDown');
  await expect(goTo).toHaveAttribute('aria-selected', 'true');
  await command.press('Enter');
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText('order_lines');
  // Escape closes the palette without running anything.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+k');
  await command.fill('add table');
  await command.press('Escape');
  await expect(palette).toBeHidden();
  const count = await tables(page).count();

  // "?" opens the shortcuts help; it lists the keys of the palette, undo, dark mode and copy/paste.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [label, keys] of [['Command palette', 'Ctrl/Cmd+K'], ['Undo', 'Ctrl/Cmd+Z'], ['Toggle dark mode', 'Shift+D'], ['Add table', 'T'], ['Keyboard shortcuts', '?']]) {
    await expect(help.getByRole('row', { name: new RegExp(`^${label.replace(/[?+/]/g, '\\$&')}`) })).toContainText(keys);
  }
  await expect(help).toContainText('Ctrl/Cmd+C / V');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  await expect(tables(page)).toHaveCount(count);
});

test('dark mode is kept after a reload, by button and by Shift+D', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e dark' });
  await open(page, id);
  const editor = page.getByTestId('editor');
  await expect(editor).not.toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'dark mode' }).click();
  await expect(editor).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'light mode' })).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Shift+D');
  await expect(editor).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('editor')).not.toHaveClass(/\bdark\b/);
});

test('the inspector by keyboard alone: a new table, Tab to a column name, type, Enter; the SQL follows', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e keyboard' });
  await open(page, id);
  await page.keyboard.press('t');
  const name = inspector(page).getByLabel('Name', { exact: true }).first();
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('accounts');
  await page.keyboard.press('Enter');
  await expect(tableNode(page, 'accounts')).toBeVisible();

  // Tab through the table's fields to the first column's name (a handful of stops, none lost in the canvas).
  const column = inspector(page).getByLabel('column 1 name');
  let stops = 0;
  while (!(await column.evaluate((el) => el === document.activeElement)) && stops < 25) {
    await page.keyboard.press('Tab');
    stops++;
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[aria-label="inspector"]'))), `Tab stop ${stops} left the inspector`).toBe(true);
  }
  await expect(column).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('account_id');
  await page.keyboard.press('Enter');
  await expect(sqlPreview(page)).toContainText('"account_id"');
  await expect(tableNode(page, 'accounts').locator('.pgc-col-name', { hasText: /^account_id$/ })).toBeVisible();
  // Alt+Down in a name field moves the column; the details open from the keyboard too.
  await inspector(page).getByRole('button', { name: 'Add column' }).press('Enter');
  await expect(inspector(page).getByLabel('column 2 name')).toBeFocused();
  await page.keyboard.type('email');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(inspector(page).getByLabel('column 1 name')).toHaveValue('email');
  await expect(status(page)).toHaveText('Saved');
  const stored = (await api(page, 'GET', `/api/projects/${id}/model`)).body.model;
  expect(stored.tables[0].columns.map((c: { name: string }) => c.name)).toEqual(['email', 'account_id']);
});
