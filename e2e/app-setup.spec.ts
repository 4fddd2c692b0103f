/**
 * First run, clicked like a user on a brand-new install (its own server and data folder): the front
 * door leads to setup, the admin account is created, then sign-out, a wrong password, and sign-in.
 */
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './fixtures';

let server: AppServer;
test.beforeAll(async () => { server = await startAppServer(); });
test.afterAll(async () => { await server?.stop(); });

test('first-run setup creates the admin; sign out; wrong password refused; sign in again', async ({ page }) => {
  const email = 'first.admin@example.com';
  const password = 'a long enough password';
  await page.goto(`${server.baseURL}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up pgcanvas' })).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('too short');
  await page.getByLabel('Repeat password').fill('too short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  // The browser's own minlength check or the server's message: either way no account yet.
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat password').fill(password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(email);
  await expect(page.getByText('No projects yet')).toBeVisible();

  // Setup is closed now.
  await page.goto(`${server.baseURL}/setup`);
  await expect(page.getByRole('heading', { name: 'Already set up' })).toBeVisible();

  await page.goto(`${server.baseURL}/projects`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${server.baseURL}/projects`);
  await expect(page).toHaveURL(/\/login/); // signed out for real

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(email);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'pgcanvas_session')!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
});
