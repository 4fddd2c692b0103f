/**
 * Projects, clicked like a user in Chromium on its own fresh install: create from an example, rename,
 * reload and still see it; duplicate; save a named version and open it read-only; delete (with
 * confirmation) and restore from the bin; stop and restart the server on the same data: all still there.
 */
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, signIn, startAppServer, type AppServer } from './fixtures';

let server: AppServer;
test.beforeAll(async () => { server = await startAppServer(); });
test.afterAll(async () => { await server?.stop(); });

const rows = (page: Page) => page.getByTestId('project-row');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });

test('create from an example, rename, reload and see it; duplicate; history; delete and restore', async ({ page }) => {
  await page.goto(`${server.baseURL}/api/setup`);
  await signIn(page);
  await page.goto(`${server.baseURL}/projects`);
  await expect(page.getByText('No projects yet')).toBeVisible();

  // Create from an example.
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Name').fill('My shop');
  await form.getByLabel('Example', { exact: true }).check();
  const select = form.getByRole('combobox', { name: 'Example' });
  await expect(select.locator('option')).not.toHaveCount(0);
  const optionCount = await select.locator('option').count();
  expect(optionCount).toBeGreaterThan(0);
  await expect(select.locator('option').first()).not.toHaveText('No examples installed');
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/); // the editor opens on the new project
  const id = page.url().split('/').pop()!;
  const created = await page.evaluate(async (pid) => (await fetch(`/api/projects/${pid}`)).json(), id);
  expect(created.name).toBe('My shop');
  expect(created.model.tables.length).toBeGreaterThan(0);

  // Rename from the list.
  await page.goto(`${server.baseURL}/projects`);
  await expect(row(page, 'My shop')).toBeVisible();
  await row(page, 'My shop').getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Shop (renamed)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row(page, 'Shop (renamed)')).toBeVisible();

  // Reload: it is stored.
  await page.reload();
  await expect(row(page, 'Shop (renamed)')).toBeVisible();
  await expect(row(page, 'My shop')).toHaveCount(0);

  // Duplicate.
  await row(page, 'Shop (renamed)').getByRole('button', { name: 'Duplicate' }).click();
  await expect(row(page, 'Copy of Shop (renamed)')).toBeVisible();

  // History: save a version, open it read-only.
  await row(page, 'Shop (renamed)').getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: /History of/ });
  await dialog.getByLabel('Save the current model as a version').fill('first cut');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByText('Saved as version 1.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByText(/Version 1 \(read-only\): first cut/)).toBeVisible();
  await expect(dialog.locator('pre')).toContainText('CREATE TABLE');
  await dialog.getByRole('button', { name: 'Close' }).first().click(); // the dialog's ✕
  await expect(dialog).toHaveCount(0);

  // Delete with confirmation, then restore from the bin.
  await row(page, 'Copy of Shop (renamed)').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete/ });
  await expect(confirm).toContainText('30 days');
  await confirm.getByRole('button', { name: 'Delete project' }).click();
  await expect(row(page, 'Copy of Shop (renamed)')).toHaveCount(0);
  await page.getByRole('button', { name: /Bin \(1\)/ }).click();
  const bin = page.getByRole('region', { name: 'Bin' });
  await bin.getByRole('button', { name: 'Restore' }).click();
  await expect(row(page, 'Copy of Shop (renamed)')).toBeVisible();
  await page.reload();
  await expect(rows(page)).toHaveCount(2);

  // Stop the app and start it again on the same data folder: everything is still there.
  await server.stop({ keepData: true });
  server = await startAppServer({ dataDir: server.dataDir });
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(row(page, 'Shop (renamed)')).toBeVisible();
  await expect(row(page, 'Copy of Shop (renamed)')).toBeVisible();
  await row(page, 'Shop (renamed)').getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('dialog', { name: /History of/ }).getByText('first cut')).toBeVisible();
});
