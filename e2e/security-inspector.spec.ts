/**
 * Security marks edited in the inspector, seen in the Security preview in Chromium: choosing an RLS
 * template adds 04_rls.sql with its policies (owner-only, then tenant isolation, admin bypass),
 * auditing adds 05_audit.sql, a bcrypt column hashed in the database adds hash_password with the
 * chosen cost and password.ts; the marks are saved with the model and are there after a reload; a
 * template left without its column shows a warning instead of policies.
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
        columns: [{ id: 'col_u_id', name: 'id', type: uuid, nullable: false }, { id: 'col_u_pw', name: 'password_hash', type: text, nullable: false }],
        primaryKey: { id: 'pk_users', name: 'users_pkey', columnIds: ['col_u_id'] },
      },
      {
        id: 'tbl_docs', schemaId: PUBLIC_SCHEMA_ID, name: 'documents',
        columns: [
          { id: 'col_d_id', name: 'id', type: uuid, nullable: false },
          { id: 'col_d_owner', name: 'owner_id', type: uuid, nullable: false },
          { id: 'col_d_org', name: 'org_id', type: uuid, nullable: false },
          { id: 'col_d_title', name: 'title', type: text, nullable: false },
        ],
        primaryKey: { id: 'pk_docs', name: 'documents_pkey', columnIds: ['col_d_id'] },
      },
    ],
  } as Model;
}

const code = (page: Page) => page.getByTestId('code-security preview').locator('.cm-content');
const fileSelect = (page: Page) => page.getByRole('combobox', { name: 'file', exact: true });

async function selectTable(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'find table or column' }).fill(name);
  await page.keyboard.press('Enter');
  await expect(inspector(page).locator('.pgc-inspector-title')).toContainText(name);
}

/** showFile picks a file of the Security preview by name and waits until its text is shown. */
async function showFile(page: Page, name: string, text: string) {
  await expect(fileSelect(page).locator('option', { hasText: name })).toHaveCount(1);
  await fileSelect(page).selectOption({ label: name });
  await expect(code(page)).toContainText(text);
}

test('RLS template, audit and bcrypt marks from the inspector change the Security preview', async ({ page }) => {
  test.setTimeout(120_000);
  const { id } = await createProject(page, { name: 'e2e security inspector', model: model() });
  await openEditor(page, id);
  await page.getByRole('tab', { name: 'Security' }).click();
  // No marks yet: only the roles file, so there is no file choice.
  await expect(code(page)).toContainText('Least-privilege roles');
  await expect(fileSelect(page)).toHaveCount(0);

  await selectTable(page, 'documents');
  const security = inspector(page).getByRole('region', { name: 'Security', exact: true });
  await security.getByLabel('RLS template').selectOption('owner-only');
  // The owner column is guessed from its name; the policies compare it with app.user_id.
  await expect(security.getByLabel('Owner column (app.user_id)')).toHaveValue('col_d_owner');
  await showFile(page, '04_rls.sql', 'CREATE POLICY "documents_owner_select"');
  await expect(code(page)).toContainText(`"owner_id" = (select nullif(current_setting('app.user_id', true), '')::uuid)`);
  await expect(code(page)).toContainText('ALTER TABLE "public"."documents" FORCE ROW LEVEL SECURITY;');
  await expect(code(page)).toContainText('CREATE INDEX IF NOT EXISTS "documents_owner_id_rls_idx"');

  // Tenant isolation on another column, then admin bypass: the same file follows each edit.
  await security.getByLabel('RLS template').selectOption('tenant');
  await expect(security.getByLabel('Tenant column (app.tenant_id)')).toHaveValue('col_d_org');
  await expect(code(page)).toContainText('CREATE POLICY "documents_tenant_select"');
  await expect(code(page)).toContainText(`"org_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid)`);
  await expect(code(page)).not.toContainText('documents_owner_select');
  await security.getByLabel('admin role bypasses').check();
  await expect(code(page)).toContainText('CREATE POLICY "documents_admin_select"');

  await security.getByLabel('audit changes (insert, update, delete)').check();
  await showFile(page, '05_audit.sql', 'CREATE TRIGGER "documents_audit" AFTER INSERT OR UPDATE OR DELETE ON "public"."documents"');

  // A bcrypt column hashed in the database, cost 14: hash_password appears with that cost, and password.ts.
  await selectTable(page, 'users');
  await inspector(page).getByRole('button', { name: 'details of password_hash' }).click();
  await inspector(page).getByLabel('Password hash').selectOption('bcrypt');
  await inspector(page).getByLabel('hash in the database (pgcrypto)').check();
  await showFile(page, '02_password_hashing.sql', `"public"."gen_salt"('bf', 12)`);
  await inspector(page).getByLabel('bcrypt cost').selectOption('14');
  await expect(code(page)).toContainText(`"public"."gen_salt"('bf', 14)`);
  await expect(code(page)).toContainText('REVOKE EXECUTE ON FUNCTION "public"."hash_password"(text) FROM PUBLIC;');
  await showFile(page, 'password.ts', 'export function createPasswordHasher');

  // Saved with the model: after a reload the inspector shows the marks and the preview has the files.
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(saveStatus(page)).toHaveText('Saved');
  await selectTable(page, 'documents');
  const reloaded = inspector(page).getByRole('region', { name: 'Security', exact: true });
  await expect(reloaded.getByLabel('RLS template')).toHaveValue('tenant');
  await expect(reloaded.getByLabel('admin role bypasses')).toBeChecked();
  await page.getByRole('tab', { name: 'Security' }).click();
  await expect(fileSelect(page).locator('option')).toHaveText(['01_roles.sql', '02_password_hashing.sql', '04_rls.sql', '05_audit.sql', 'password.ts']);

  // A template without its column: no policies, and the preview says why under the file's explanation.
  await reloaded.getByLabel('Tenant column (app.tenant_id)').selectOption('');
  await showFile(page, '04_rls.sql', 'template tenant skipped');
  await expect(code(page)).not.toContainText('CREATE POLICY "documents_tenant_select"');
  await expect(page.locator('.pgc-preview-note')).toContainText('Warning: public.documents: template tenant skipped: the tenant template needs tenantColumnId');
});
