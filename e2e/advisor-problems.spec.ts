/**
 * The advisor in the editor, used like a person would in Chromium: a clean model shows no problems; an
 * edit in the inspector (a column renamed to "password") makes an advisor finding appear in the Problems
 * tab; its fix applies in one click and the finding disappears; Ctrl+Z brings the finding back and the
 * saved model is exactly the one before the fix; Ctrl+Shift+Z applies the fix again. Advice (`info`) is
 * shown and counted as such, not as a warning.
 */
import { expect, type Page } from '@playwright/test';
import { createProject, api, signedIn as test } from './fixtures';
import { inspector, openEditor, saveStatus } from './editor-page';

const model = {
  format: 1,
  schemas: [{ id: 'schema_public', name: 'public' }],
  tables: [{
    id: 't_accounts', schemaId: 'schema_public', name: 'accounts', comment: 'Accounts of the e2e advisor test.',
    columns: [
      { id: 'c_accounts_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } },
      { id: 'c_accounts_name', name: 'name', type: { kind: 'builtin', name: 'text' }, nullable: false },
    ],
    primaryKey: { id: 'pk_accounts', name: 'accounts_pkey', columnIds: ['c_accounts_id'] },
  }],
};

const problemsTab = (page: Page) => page.getByRole('tab', { name: /^Problems/ });
const problems = (page: Page) => page.getByRole('region', { name: 'problems' });
const FINDING = 'accounts.password looks like a password but is not marked as a password hash';

async function storedColumn(page: Page, id: string) {
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = (await api(page, 'GET', `/api/projects/${id}/model`)).body.model;
  return stored.tables[0].columns[1];
}

test('an advisor finding appears after an edit, its fix applies in one click, Ctrl+Z brings it back', async ({ page }) => {
  const { id } = await createProject(page, { name: 'e2e advisor problems', model });
  await openEditor(page, id);
  await expect(problemsTab(page)).toHaveText('Problems');
  await problemsTab(page).click();
  await expect(problems(page).getByRole('status')).toHaveText('No problems found.');

  // The edit: rename the second column to "password" in the inspector.
  await page.getByRole('combobox', { name: 'find table or column' }).fill('accounts');
  await page.keyboard.press('Enter');
  await inspector(page).getByLabel('column 2 name').fill('password');
  await expect(saveStatus(page)).toHaveText('Saved');
  const renamed = await storedColumn(page, id);
  expect(renamed).toEqual({ ...model.tables[0]!.columns[1], name: 'password' });

  await problemsTab(page).click();
  const finding = problems(page).getByRole('listitem').filter({ hasText: FINDING });
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('advisor password-column-not-marked');
  await expect(problemsTab(page)).toHaveText(/^Problems \(0 errors, 1 warnings?\)$/);

  // One click on the fix: the finding is gone, and the saved model carries the mark.
  await finding.getByRole('button', { name: 'Fix: Mark as an argon2id password hash' }).click();
  await expect(finding).toHaveCount(0);
  await expect(problems(page).getByRole('status')).toHaveText('No problems found.');
  expect(await storedColumn(page, id)).toEqual({ ...renamed, security: { passwordHash: { algorithm: 'argon2id' } } });

  // Undo is one step: the fix only (the column keeps its new name), and the finding comes back.
  await page.locator('body').press('Control+z');
  await expect(finding).toHaveCount(1);
  await expect(problemsTab(page)).toHaveText(/^Problems \(0 errors, 1 warnings?\)$/);
  await expect.poll(() => storedColumn(page, id)).toEqual(renamed);

  // Redo applies the fix again.
  await page.locator('body').press('Control+Shift+z');
  await expect(finding).toHaveCount(0);
  await expect.poll(() => storedColumn(page, id)).toEqual({ ...renamed, security: { passwordHash: { algorithm: 'argon2id' } } });
});

test('advice (an info finding) is labelled and counted as Info, not as a warning', async ({ page }) => {
  const table = model.tables[0]!;
  const code = { id: 'c_accounts_code', name: 'code', type: { kind: 'builtin', name: 'varchar', length: 40 }, nullable: false };
  const advised = { ...model, tables: [{ ...table, columns: [...table.columns, code] }] };
  const { id } = await createProject(page, { name: 'e2e advisor info', model: advised });
  await openEditor(page, id);
  await expect(problemsTab(page)).toHaveText('Problems (0 errors, 0 warnings, 1 info)');
  await problemsTab(page).click();
  const finding = problems(page).getByRole('listitem').filter({ hasText: 'accounts.code is varchar(40) with no comment saying why' });
  await expect(finding).toHaveCount(1);
  await expect(finding.locator('.pgc-problem-sev')).toHaveText('Info');
  await expect(finding.locator('.pgc-problem')).toHaveClass(/\bis-info\b/);
  await expect(problems(page).getByText('Warning', { exact: true })).toHaveCount(0);
});
