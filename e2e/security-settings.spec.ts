/**
 * Project security settings edited like a user in Chromium: with nothing selected, the inspector's
 * Project security section sets the bcrypt cost and the Security preview's 02_password_hashing.sql
 * follows; a cost below 10 shows the validator's message beside the field (and the preview says why it
 * cannot generate); undo and redo from the toolbar step back through the edits; the cost survives a
 * reload; a setting name changes the RLS policies.
 */
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
});
