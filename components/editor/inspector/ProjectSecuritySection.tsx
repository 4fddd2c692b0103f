'use client';
/**
 * ProjectSecuritySection (nothing selected): the project-wide settings lib/security reads (role prefix,
 * bcrypt cost, the settings the SQL takes identity and the key from, where the audit log lives). Each
 * edit is a setProjectSecurity command (one undo step per field gesture); an emptied field returns to the
 * default shown as its placeholder. Bad values are kept and the validator's finding shows beside them.
 */
import type { ProjectSecurity } from '@/lib/model';
import { MODEL_FINDINGS_ID } from '@/lib/editor/findings';
import type { ProjectSecurityPatch } from '@/lib/editor/commands';
import { SECURITY_DEFAULTS } from '@/lib/security/context';
import { useEditor, useModel } from '../context';
import { Section, TextField } from './fields';

type TextKey = Exclude<keyof ProjectSecurity, 'bcryptCost'>;

const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'rolePrefix', label: 'Role prefix', placeholder: 'from the project name' },
  { key: 'userIdSetting', label: 'User id setting', placeholder: SECURITY_DEFAULTS.userIdSetting },
  { key: 'tenantIdSetting', label: 'Tenant id setting', placeholder: SECURITY_DEFAULTS.tenantIdSetting },
  { key: 'encryptionKeySetting', label: 'Encryption key setting', placeholder: SECURITY_DEFAULTS.encryptionKeySetting },
  { key: 'auditSchema', label: 'Audit schema', placeholder: SECURITY_DEFAULTS.auditSchema },
  { key: 'auditTable', label: 'Audit table', placeholder: SECURITY_DEFAULTS.auditTable },
];

export function ProjectSecuritySection() {
  const { dispatch } = useEditor();
  const security = useModel().security ?? {};
  const set = (patch: ProjectSecurityPatch, gesture: string) => dispatch({ type: 'setProjectSecurity', patch }, { gesture });
  return (
    <Section title="Project security">
      <p className="pgc-muted">Read by the Security preview&apos;s files; empty fields use the default shown.</p>
      <TextField label="bcrypt cost (hash_password)" value={security.bcryptCost === undefined ? '' : String(security.bcryptCost)} placeholder={String(SECURITY_DEFAULTS.bcryptCost)}
        objectId={MODEL_FINDINGS_ID} field="bcryptCost" mono
        onChange={(v, g) => {
          const text = v.trim();
          // Only digits reach the model (a number field); a too low or too high cost is stored and reported.
          if (text === '') set({ bcryptCost: undefined }, g);
          else if (/^\d{1,3}$/.test(text)) set({ bcryptCost: Number(text) }, g);
        }} />
      {TEXT_FIELDS.map((f) => (
        <TextField key={f.key} label={f.label} value={security[f.key] ?? ''} placeholder={f.placeholder} objectId={MODEL_FINDINGS_ID} field={f.key} mono
          onChange={(v, g) => set({ [f.key]: v === '' ? undefined : v }, g)} />
      ))}
    </Section>
  );
}
