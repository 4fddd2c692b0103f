/** Locators and steps the editor specs share: the save status, the inspector, a table node, opening a project, recording saves. */
import { expect, type Page } from '@playwright/test';

export const saveStatus = (page: Page) => page.getByTestId('save-status');
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'inspector' });
export const tableNodes = (page: Page) => page.locator('.react-flow__node-table');
export const tableNode = (page: Page, name: string) => tableNodes(page).filter({ has: page.locator('.pgc-name', { hasText: new RegExp(`^${name}$`) }) });

/** openEditor opens a project and waits until it is loaded and saved. */
export async function openEditor(page: Page, id: string) {
  await page.goto(`/projects/${id}`);
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** recordSaves records the model saves (the autosave: PUT or PATCH, with their bodies) the page sends from now on. */
export function recordSaves(page: Page, id: string): { method: string; body: string }[] {
  const sent: { method: string; body: string }[] = [];
  page.on('request', (r) => {
    if ((r.method() === 'PUT' || r.method() === 'PATCH') && r.url().endsWith(`/api/projects/${id}/model`)) sent.push({ method: r.method(), body: r.postData() ?? '' });
  });
  return sent;
}
