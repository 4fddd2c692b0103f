/**
 * Security intent in the model: column marks (password hash, encrypted, personal data, secret) and
 * table settings (audit). Generators in lib/security and the advisor read these.
 */
import { z } from 'zod';

export const PasswordAlgorithmSchema = z.enum(['argon2id', 'bcrypt', 'scrypt', 'pbkdf2', 'md5', 'sha1', 'sha256', 'plain']);

export const ColumnSecuritySchema = z.object({
  passwordHash: z.object({
    algorithm: PasswordAlgorithmSchema,
    inDatabase: z.boolean().optional().describe('bcrypt only: hash in SQL with pgcrypto.'),
    cost: z.number().int().min(4).max(31).optional().describe('bcrypt cost (log2 rounds).'),
  }).strict().optional(),
  encrypted: z.boolean().optional().describe('Stored encrypted (bytea).'),
  personalData: z.boolean().optional().describe('Personal data (PII).'),
  secret: z.boolean().optional().describe('A secret other than a password (API token, key); kept out of audit logs.'),
}).strict();

export const RlsTemplateSchema = z.enum(['owner-only', 'tenant', 'public-read-owner-write', 'admin-bypass']);

/** TableRlsTemplateSchema is the RLS template a table uses; lib/security turns it into ENABLE, FORCE and policies. */
export const TableRlsTemplateSchema = z.object({
  template: RlsTemplateSchema.describe('owner-only: rows of the current user; tenant: rows of the current tenant; public-read-owner-write: everyone reads, owners write; admin-bypass: only the admin role.'),
  ownerColumnId: z.string().optional().describe('Column compared with app.user_id (owner-only, public-read-owner-write).'),
  tenantColumnId: z.string().optional().describe('Column compared with app.tenant_id (tenant).'),
  adminBypass: z.boolean().optional().describe('Also give the admin role full access to every row.'),
}).strict();

export const TableSecuritySchema = z.object({
  audit: z.boolean().optional().describe('Record changes in the audit table.'),
  rls: TableRlsTemplateSchema.optional().describe('Row-level security from a template (generated in rls.sql).'),
}).strict();

const SettingName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/, 'a custom setting name like app.user_id');

/** ProjectSecuritySchema holds project-wide security settings: role names, settings the SQL reads, audit placement. */
export const ProjectSecuritySchema = z.object({
  rolePrefix: z.string().regex(/^(?!pg_)[a-z_][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _, not starting with pg_, at most 40').optional()
    .describe('Roles are <prefix>_owner, _migrator, _rw, _ro, _admin unless `roles` declares one with that purpose.'),
  bcryptCost: z.number().int().min(10).max(16).optional().describe('Cost for hash_password(); default 12.'),
  userIdSetting: SettingName.optional().describe('Default app.user_id.'),
  tenantIdSetting: SettingName.optional().describe('Default app.tenant_id.'),
  encryptionKeySetting: SettingName.optional().describe('Default app.encryption_key.'),
  auditSchema: z.string().min(1).max(63).optional().describe('Default audit.'),
  auditTable: z.string().min(1).max(63).optional().describe('Default audit_log.'),
}).strict();

export type ColumnSecurity = z.infer<typeof ColumnSecuritySchema>;
export type PasswordAlgorithm = z.infer<typeof PasswordAlgorithmSchema>;
export type TableSecurity = z.infer<typeof TableSecuritySchema>;
export type RlsTemplate = z.infer<typeof RlsTemplateSchema>;
export type TableRlsTemplate = z.infer<typeof TableRlsTemplateSchema>;
export type ProjectSecurity = z.infer<typeof ProjectSecuritySchema>;
