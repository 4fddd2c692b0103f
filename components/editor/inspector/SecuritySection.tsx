'use client';
/**
 * SecuritySection: a table's security marks that lib/security turns into SQL (the Security preview):
 * the RLS template with its owner or tenant column and admin bypass (04_rls.sql), and auditing
 * (05_audit.sql). Hand-written policies stay in the row-level security section below.
 */
import type { Column, RlsTemplate, Table, TableRlsTemplate, TableSecurity } from '@/lib/model';
import { SECURITY_DEFAULTS } from '@/lib/security/context';
import { useEditor, useModel } from '../context';
import { CheckField, SelectField, Section } from './fields';

const TEMPLATES: { value: RlsTemplate | 'none'; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'owner-only', label: 'owner only' },
  { value: 'tenant', label: 'tenant isolation' },
  { value: 'public-read-owner-write', label: 'public read, owner write' },
  { value: 'admin-bypass', label: 'admin only' },
];

function hint(template: RlsTemplate, user: string, tenant: string): string {
  switch (template) {
    case 'owner-only': return `Rows whose owner column equals ${user}, for every command.`;
    case 'tenant': return `Rows whose tenant column equals ${tenant}, for every command.`;
    case 'public-read-owner-write': return `Everyone reads; only the owner (${user}) inserts, updates and deletes.`;
    case 'admin-bypass': return 'Only the admin role reads and writes.';
  }
}

const OWNER_NAME = /^(owner|user|author|created_by|account)(_id)?$/i;
const TENANT_NAME = /^(tenant|org|organization|organisation|workspace|account)(_id)?$/i;

/** guessColumn picks the column a template most likely filters on, so choosing a template yields SQL at once. */
function guessColumn(table: Table, kind: 'owner' | 'tenant'): Column | undefined {
  const byName = table.columns.find((c) => (kind === 'owner' ? OWNER_NAME : TENANT_NAME).test(c.name));
  return byName ?? table.columns.find((c) => !table.primaryKey?.columnIds.includes(c.id) && c.type.kind === 'builtin' && c.type.name === 'uuid');
}

export function SecuritySection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const project = useModel().security;
  const user = project?.userIdSetting ?? SECURITY_DEFAULTS.userIdSetting;
  const tenant = project?.tenantIdSetting ?? SECURITY_DEFAULTS.tenantIdSetting;
  const security = table.security ?? {};
  const rls = security.rls;
  const set = (next: TableSecurity) => {
    // Absent rather than undefined keys (an unticked box, an unchosen column), so the saved model stays as tidy as one written by hand.
    const tidyRls = next.rls && (Object.fromEntries(Object.entries(next.rls).filter(([, v]) => v !== undefined)) as TableRlsTemplate);
    const tidy: TableSecurity = { ...(next.audit ? { audit: true } : {}), ...(tidyRls ? { rls: tidyRls } : {}) };
    dispatch({ type: 'updateTable', tableId: table.id, patch: { security: tidy.audit || tidy.rls ? tidy : undefined } });
  };
  const setTemplate = (template: RlsTemplate | 'none') => {
    if (template === 'none') return set({ ...security, rls: undefined });
    const ownerColumnId = rls?.ownerColumnId ?? guessColumn(table, 'owner')?.id;
    const tenantColumnId = rls?.tenantColumnId ?? guessColumn(table, 'tenant')?.id;
    set({
      ...security,
      rls: {
        template,
        ...(template === 'owner-only' || template === 'public-read-owner-write' ? (ownerColumnId ? { ownerColumnId } : {}) : {}),
        ...(template === 'tenant' && tenantColumnId ? { tenantColumnId } : {}),
        ...(rls?.adminBypass && template !== 'admin-bypass' ? { adminBypass: true } : {}),
      },
    });
  };
  const columnOptions = [{ value: '', label: 'choose a column' }, ...table.columns.map((c) => ({ value: c.id, label: c.name }))];
  const usesOwner = rls?.template === 'owner-only' || rls?.template === 'public-read-owner-write';
  return (
    <Section title="Security">
      <SelectField label="RLS template" value={rls?.template ?? 'none'} options={TEMPLATES} onChange={setTemplate} />
      {rls && <p className="pgc-muted">{hint(rls.template, user, tenant)}</p>}
      {rls && usesOwner && (
        <SelectField label={`Owner column (${user})`} value={rls.ownerColumnId ?? ''} options={columnOptions}
          onChange={(id) => set({ ...security, rls: { ...rls, ownerColumnId: id || undefined } })} />
      )}
      {rls?.template === 'tenant' && (
        <SelectField label={`Tenant column (${tenant})`} value={rls.tenantColumnId ?? ''} options={columnOptions}
          onChange={(id) => set({ ...security, rls: { ...rls, tenantColumnId: id || undefined } })} />
      )}
      {rls && rls.template !== 'admin-bypass' && (
        <CheckField label="admin role bypasses" checked={Boolean(rls.adminBypass)}
          onChange={(on) => set({ ...security, rls: { ...rls, adminBypass: on || undefined } })} />
      )}
      <CheckField label="audit changes (insert, update, delete)" checked={Boolean(security.audit)}
        onChange={(on) => set({ ...security, audit: on || undefined })} />
    </Section>
  );
}
