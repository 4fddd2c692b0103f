import { expect, test } from '@playwright/test';

test('the examples page lists every example with the DDL it compiles to', async ({ page }) => {
  await page.goto('/examples');
  await expect(page.getByRole('heading', { name: 'Examples' })).toBeVisible();
  for (const file of ['blog.json', 'saas.json', 'shop.json']) {
    const sql = page.getByTestId(`sql-${file}`);
    await expect(sql).toContainText('CREATE TABLE');
  }
  await expect(page.getByTestId('sql-blog.json')).toContainText('FOREIGN KEY');
});
