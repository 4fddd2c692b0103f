/**
 * Project security settings edited like a user in Chromium: with nothing selected, the inspector's
 * Project security section sets the bcrypt cost and the Security preview's 02_password_hashing.sql
 * follows; a cost below 10 shows the validator's message beside the field (and the preview says why it
 * cannot generate); undo and redo from the toolbar step back through the edits; the cost survives a
 * reload; a setting name changes the RLS policies; "Download all SQL" saves the script the API exports.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { FORMAT_VERSION } from '@/lib/model/schema';
import { PUBLIC_SCHEMA_ID } from '@/lib/model/empty';
import type { Model } from '@/lib/model';
import { createProject, signedIn as test } from './fixtures';
import { inspector, openEditor, saveStatus } from './editor-page';

function model(): Model {
  const uuid = { kind: 'builtin', name: 'uuid' } as const;
  const text = { kind: 'builtin', name: 'text' } as const;
  return {
    format: FORMAT_VERSION,
    schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }],
    tables: [
      {
        id: 'tbl_users', schemaId: PUBLIC_SCHEMA_ID, name: 'users',
        columns: [
          { id: 'col_u_id', name: 'id', type: uuid, nullable: false },
          { id: 'col_u_pw', name: 'password_hash', type: text, nullable: false, security: { passwordHash: { algorithm: 'bcrypt', inDatabase: true } } },
        ],
        primaryKey: { id: 'pk_users', name: 'users_pkey', columnIds: ['col_u_id'] },
      },
      {
        id: 'tbl_docs', schemaId: PUBLIC_SCHEMA_ID, name: 'documents',
        columns: [{ id: 'col_d_id', name: 'id', type: uuid, nullable: false }, { id: 'col_d_owner', name: 'owner_id', type: uuid, nullable: false }],
        primaryKey: { id: 'pk_docs', name: 'documents_pkey', columnIds: ['col_d_id'] },
        security: { rls: { template: 'owner-only', ownerColumnId: 'col_d_owner' } },
      },
    ],
  } as Model;
}

const code = (page: Page) => page.getByTestId('code-security preview').locator('.cm-content');
const fileSelect = (page: Page) => page.getByRole('combobox', { name: 'file', exact: true });
const settings = (page: Page) => inspector(page).getByRole('region', { name: 'Project security', exact: true });
const cost = (page: Page) => settings(page).getByLabel('bcrypt cost (hash_password)');

async function showFile(page: Page, name: string) {
  await expect(fileSelect(page).locator('option', { hasText: name })).toHaveCount(1);
  await fileSelect(page).selectOption({ label: name });
}

test('bcrypt cost and setting names from Project security change the Security preview, undo, persist', async ({ page }) => {
  test.setTimeout(120_000);
  const { id } = await createProject(page, { name: 'e2e security settings', model: model() });
  await openEditor(page, id);
  await page.getByRole('tab', { name: 'Security' }).click();
  await showFile(page, '02_password_hashing.sql');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 12)`);
  await expect(cost(page)).toHaveValue('');
  await expect(cost(page)).toHaveAttribute('placeholder', '12');

  await cost(page).fill('14');
  await cost(page).blur();
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 14)`);

  // Too low: kept in the field, the validator's message beside it, the preview says why there is no SQL.
  await cost(page).fill('9');
  await cost(page).blur();
  await expect(settings(page).locator('.pgc-field-msgs li.is-error')).toContainText('>=10');
  await expect(page.getByRole('status').filter({ hasText: 'bcrypt cost 9' })).toBeVisible();

  const undo = page.getByRole('button', { name: 'undo', exact: true });
  const redo = page.getByRole('button', { name: 'redo', exact: true });
  await undo.click();
  await expect(cost(page)).toHaveValue('14');
  await expect(settings(page).locator('.pgc-field-msgs')).toHaveCount(0);
  await showFile(page, '02_password_hashing.sql');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 14)`);
  await undo.click();
  await expect(cost(page)).toHaveValue('');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 12)`);
  await redo.click();
  await expect(cost(page)).toHaveValue('14');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 14)`);

  // A setting name: the owner-only policies read it.
  await settings(page).getByLabel('User id setting').fill('auth.uid');
  await settings(page).getByLabel('User id setting').blur();
  await showFile(page, '04_rls.sql');
  await expect(code(page)).toContainText(`current_setting('auth.uid', true)`);
  await expect(code(page)).not.toContainText('app.user_id');

  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(cost(page)).toHaveValue('14');
  await expect(settings(page).getByLabel('User id setting')).toHaveValue('auth.uid');
  await page.getByRole('tab', { name: 'Security' }).click();
  await showFile(page, '02_password_hashing.sql');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 14)`);

  // "Download all SQL" saves the files as one script, the same text the API exports for the saved project.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all SQL' }).click()]);
  expect(download.suggestedFilename()).toBe('security.sql');
  const script = readFileSync((await download.path())!, 'utf8');
  expect([...script.matchAll(/^-- ===== (.+) =====$/gm)].map((m) => m[1])).toEqual(['01_roles.sql', '02_password_hashing.sql', '04_rls.sql']);
  expect(script).toContain(`"public"."gen_salt"('bf', 14)`);
  const exported = await page.request.get(`/api/projects/${id}/export/security?format=sql`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toBe(script);

  // The column has no cost of its own: its inspector shows the project's, the one hash_password uses.
  await page.getByRole('combobox', { name: 'find table or column' }).fill('users');
  await page.keyboard.press('Enter');
  await expect(inspector(page).locator('.pgc-inspector-title')).toContainText('users');
  await inspector(page).getByRole('button', { name: 'details of password_hash' }).click();
  await expect(inspector(page).getByLabel('bcrypt cost').locator('option:checked')).toHaveText('14 (project default)');
});
