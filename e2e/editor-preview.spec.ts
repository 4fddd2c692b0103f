/**
 * The preview panel, used like a person would in Chromium: the SQL of a 300-table model is coloured
 * where it is shown (also far down, after a jump to a selected table), follows a rename typed in the
 * inspector, scrolls to the selected table's CREATE TABLE, switches PostgreSQL target (an error for
 * a feature the target lacks, then the SQL again), copies and downloads what it shows, and the
 * Drizzle and Security tabs show their files (Security's SQL coloured too). Problems (validation and
 * advisor, computed in their own worker) follow edits, and an advisor fix applies.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { generatedModel } from '../lib/editor/fixtures';
import { createProject, signedIn as test } from './fixtures';
import { inspector, openEditor } from './editor-page';

const TABLES = 300;
const sqlView = (page: Page) => page.getByTestId('code-sql preview');
const line = (page: Page, text: string) => sqlView(page).locator('.cm-line', { hasText: text });

/** The line is inside the visible part of the code view's scroller (not only rendered in its margin). */
async function expectOnScreen(page: Page, target: Locator) {
  await expect(target).toBeVisible();
  const scroller = (await sqlView(page).locator('.cm-scroller').boundingBox())!;
  await expect.poll(async () => {
    const box = await target.boundingBox();
    return box !== null && box.y >= scroller.y - 1 && box.y + box.height <= scroller.y + scroller.height + 1;
  }).toBe(true);
}

function model() {
  const m = generatedModel(TABLES, 10, 1.5);
  // A unique NULLS NOT DISTINCT (PostgreSQL 15+) on table_0, so the target version matters.
  const t0 = { ...m.tables[0]!, uniques: [{ id: 't0_u', name: 'table_0_col_1_key', columnIds: ['t0_c1'], nullsNotDistinct: true }] };
  return { ...m, tables: [t0, ...m.tables.slice(1)] };
}

test('SQL preview: coloured where shown, follows a rename, scrolls to the selection, target version, copy and download', async ({ page, context }) => {
  test.setTimeout(120_000);
  const { id } = await createProject(page, { name: 'e2e preview', model: model() });
  await openEditor(page, id);

  const first = line(page, 'CREATE TABLE "public"."table_0"');
  await expect(first).toBeVisible();
  await expect(first.locator('.pgc-tok-keyword').first()).toHaveText('CREATE');
  await expect(first.locator('.pgc-tok-quoted').first()).toHaveText('"public"');

  // Select a table far down: the preview jumps to its CREATE TABLE, coloured there too.
  await page.getByRole('combobox', { name: 'find table or column' }).fill('table_250');
  await page.keyboard.press('Enter');
  const create = line(page, 'CREATE TABLE "public"."table_250" (');
  await expectOnScreen(page, create);
  await expect(create.locator('.pgc-tok-keyword')).toHaveText(['CREATE', 'TABLE']);
  await expect(line(page, '"col_5" jsonb').filter({ has: page.locator('.pgc-tok-type', { hasText: 'jsonb' }) }).first()).toBeVisible();

  // Rename a column in the inspector: the preview shows the new name, still coloured, still in view.
  const name = inspector(page).getByLabel('column 2 name');
  await name.fill('renamed_in_e2e');
  const renamed = line(page, '"renamed_in_e2e"');
  await expect(renamed).toBeVisible();
  await expect(renamed.locator('.pgc-tok-quoted')).toHaveText('"renamed_in_e2e"');
  await expectOnScreen(page, create);

  // Download and copy give the whole script as shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('schema.sql');
  const { readFile } = await import('node:fs/promises');
  const script = await readFile((await download.path())!, 'utf8');
  expect(script).toContain('CREATE TABLE "public"."table_299"');
  expect(script).toContain('"renamed_in_e2e"');
  expect(script.match(/CREATE TABLE /g)).toHaveLength(TABLES);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);

  // PostgreSQL 14 cannot have UNIQUE NULLS NOT DISTINCT: the preview says so; 16 shows the SQL again.
  const target = page.getByRole('combobox', { name: 'target PostgreSQL version' });
  await target.selectOption('14');
  await expect(page.getByRole('status').filter({ hasText: 'NULLS NOT DISTINCT needs PostgreSQL 15' })).toBeVisible();
  await target.selectOption('16');
  await expect(page.getByRole('status').filter({ hasText: 'NULLS NOT DISTINCT' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'find table or column' }).fill('table_0');
  await page.keyboard.press('Enter');
  await expectOnScreen(page, line(page, 'CREATE TABLE "public"."table_0" ('));
  await expect(line(page, 'UNIQUE NULLS NOT DISTINCT')).toBeVisible();

  // Undo the rename: the preview follows back.
  await page.getByRole('combobox', { name: 'find table or column' }).fill('table_250');
  await page.keyboard.press('Enter');
  await expectOnScreen(page, line(page, 'CREATE TABLE "public"."table_250" ('));
  await page.getByRole('button', { name: 'undo', exact: true }).click();
  await expect(line(page, '"renamed_in_e2e"')).toHaveCount(0);
  await expect(line(page, '"table_').first()).toBeVisible();
});

test('Drizzle and Security tabs show their files', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e preview tabs', model: model() });
  await openEditor(page, id);
  await page.getByRole('tab', { name: 'Drizzle' }).click();
  const drizzle = page.getByTestId('code-drizzle preview');
  await expect(drizzle.locator('.cm-content')).toContainText('pgTable(');
  await page.getByRole('tab', { name: 'Security' }).click();
  // Roles always apply: least-privilege roles, coloured as SQL (comments, the DO body as a string).
  const security = page.getByTestId('code-security preview');
  await expect(security.locator('.cm-content')).toContainText('app_owner');
  await expect(security.locator('.pgc-tok-comment').first()).toContainText('-- Least-privilege roles');
  await expect(security.locator('.pgc-tok-string', { hasText: '$do$' }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'SQL' }).click();
  await expect(line(page, 'CREATE TABLE "public"."table_0"').locator('.pgc-tok-keyword').first()).toHaveText('CREATE');
});

test('problems come from their own worker and follow edits; an advisor fix applies and the SQL shows it', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e preview problems', model: generatedModel(4, 4, 1) });
  await openEditor(page, id);
  const problemsTab = page.getByRole('tab', { name: /^Problems/ });
  await expect(problemsTab).toHaveText(/Problems \(0 errors, [1-9]\d* warnings?\)/);
  const warnings = async () => Number((await problemsTab.textContent())!.match(/(\d+) warnings?/)![1]);
  const before = await warnings();
  await problemsTab.click();
  const fix = page.getByRole('button', { name: /^Fix: / }).first();
  await expect(fix).toBeVisible();
  await fix.click();
  // The fix is an edit like any other: the advisor no longer reports it, the SQL preview has it.
  await expect.poll(warnings).toBeLessThan(before);
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  await expect(sqlView(page).locator('.cm-content')).toContainText('CREATE INDEX');
  // An error typed in the inspector shows up in the problems (validation runs in the findings worker).
  await page.getByRole('combobox', { name: 'find table or column' }).fill('table_1');
  await page.keyboard.press('Enter');
  await inspector(page).getByLabel('column 2 name').fill('id');
  await expect(problemsTab).toHaveText(/Problems \([1-9]\d* errors?/);
});
