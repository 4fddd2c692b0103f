/**
 * The editor, clicked like a user in Chromium: two tables, columns, a relation by dragging, the FK in
 * the SQL preview, a rename seen everywhere, undo/redo, auto-layout, search, reload persistence,
 * validation of a 64-byte name and hostile names rendered inert.
 */
import { expect, test, type Page } from '@playwright/test';
import { createProject, signIn } from './fixtures';

/** Signs in (the shared e2e admin; first run creates it) and creates an empty project; returns its id. */
async function newProject(page: Page, name: string): Promise<string> {
  await signIn(page);
  return (await createProject(page, { name })).id;
}

const tableNode = (page: Page, name: string) => page.locator('.react-flow__node-table').filter({ has: page.locator('.pgc-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
const row = (page: Page, table: string, column: string) => tableNode(page, table).locator('.pgc-row').filter({ has: page.locator('.pgc-col-name', { hasText: new RegExp(`^${column}$`) }) });
const sqlPreview = (page: Page) => page.locator('[data-testid="code-sql preview"] .cm-content');

async function renameSelectedTable(page: Page, name: string) {
  const field = page.getByRole('complementary', { name: 'inspector' }).getByLabel('Name', { exact: true }).first();
  await field.fill(name);
  await field.blur();
}

test('design two related tables, rename, undo/redo, layout, search, reload', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await newProject(page, 'e2e editor');
  await page.goto(`/projects/${id}`);
  await expect(page.getByTestId('editor')).toBeVisible();

  // 1. a table from the toolbar, renamed in the inspector
  await page.getByRole('button', { name: 'Add table' }).click();
  await renameSelectedTable(page, 'customers');
  await expect(tableNode(page, 'customers')).toBeVisible();

  // 2. a second table by double-clicking empty canvas
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.dblclick(box.x + box.width * 0.7, box.y + box.height * 0.3);
  await renameSelectedTable(page, 'invoices');
  await expect(tableNode(page, 'invoices')).toBeVisible();

  // 3. columns: customer_ref bigint and amount numeric
  const inspector = page.getByRole('complementary', { name: 'inspector' });
  await inspector.getByRole('button', { name: 'Add column' }).click();
  await inspector.getByLabel('column 2 name').fill('customer_ref');
  await inspector.getByRole('combobox', { name: 'Type' }).fill('bigint');
  await page.keyboard.press('Enter');
  await inspector.getByRole('button', { name: 'Add column' }).click();
  await inspector.getByLabel('column 3 name').fill('amount');
  await expect(row(page, 'invoices', 'customer_ref')).toContainText('bigint');

  // 4. drag from invoices.customer_ref to customers.id: a foreign key (laid out first so nothing overlaps)
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(800);
  const from = row(page, 'invoices', 'customer_ref');
  const to = row(page, 'customers', 'id');
  const fromBox = (await from.boundingBox())!;
  const toBox = (await to.boundingBox())!;
  const fromHandle = (await from.locator('.react-flow__handle-left').boundingBox())!;
  await page.mouse.move(fromHandle.x + fromHandle.width / 2, fromHandle.y + fromHandle.height / 2);
  await page.mouse.down();
  await page.mouse.move((fromBox.x + toBox.x) / 2, (fromBox.y + toBox.y) / 2, { steps: 5 });
  await page.mouse.move(toBox.x + toBox.width / 2, toBox.y + toBox.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(row(page, 'invoices', 'customer_ref').locator('.pgc-badge-fk')).toBeVisible();
  await expect(sqlPreview(page)).toContainText('FOREIGN KEY ("customer_ref") REFERENCES "public"."customers" ("id")');

  // 5. rename customers.id -> customer_id: canvas, preview and the FK follow
  await tableNode(page, 'customers').locator('.pgc-table-header').click();
  await inspector.getByLabel('column 1 name').fill('customer_id');
  await inspector.getByLabel('column 1 name').blur();
  await expect(row(page, 'customers', 'customer_id')).toBeVisible();
  await expect(sqlPreview(page)).toContainText('REFERENCES "public"."customers" ("customer_id")');

  // 6. undo and redo the rename (one step)
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(row(page, 'customers', 'id')).toBeVisible();
  await expect(sqlPreview(page)).toContainText('REFERENCES "public"."customers" ("id")');
  await page.keyboard.press('Control+Shift+z');
  await expect(row(page, 'customers', 'customer_id')).toBeVisible();

  // 7. auto-layout moves the tables
  const before = await tableNode(page, 'invoices').getAttribute('style');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => tableNode(page, 'invoices').getAttribute('style')).not.toBe(before);

  // 8. search focuses the result
  await page.getByRole('combobox', { name: 'find table or column' }).fill('amount');
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { level: 2 })).toContainText('invoices');

  // 9. saved: reload and find everything
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 15_000 });
  await page.reload();
  await expect(tableNode(page, 'customers')).toBeVisible();
  await expect(row(page, 'customers', 'customer_id')).toBeVisible();
  await expect(row(page, 'invoices', 'amount')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(sqlPreview(page)).toContainText('REFERENCES "public"."customers" ("customer_id")');
});

test('a 64-byte name is flagged beside the field and on the canvas; hostile names render inert', async ({ page }) => {
  const id = await newProject(page, 'e2e validation');
  await page.goto(`/projects/${id}`);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await page.getByRole('button', { name: 'Add table' }).click();
  const long = 'a'.repeat(64);
  await renameSelectedTable(page, long);
  const inspector = page.getByRole('complementary', { name: 'inspector' });
  await expect(inspector.locator('.pgc-field-msgs').first()).toContainText('63');
  await expect(tableNode(page, long).getByRole('img', { name: 'has errors' })).toBeVisible();

  const hostile = '<img src=x onerror=alert(1)>';
  await renameSelectedTable(page, hostile);
  await expect(tableNode(page, hostile)).toBeVisible();
  await expect(tableNode(page, hostile).locator('.pgc-name')).toHaveText(hostile);
  await inspector.getByLabel('column 1 name').fill('"; DROP TABLE x; --<script>alert(2)</script>');
  await expect(page.locator('.react-flow img, .react-flow script')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toBe(0);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 15_000 });
  await page.reload();
  await expect(tableNode(page, hostile).locator('.pgc-name')).toHaveText(hostile);
  await expect(page.locator('.react-flow img, .react-flow script')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
