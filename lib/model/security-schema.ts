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

export const TableSecuritySchema = z.object({
  audit: z.boolean().optional().describe('Record changes in the audit table.'),
}).strict();

export type ColumnSecurity = z.infer<typeof ColumnSecuritySchema>;
export type PasswordAlgorithm = z.infer<typeof PasswordAlgorithmSchema>;
export type TableSecurity = z.infer<typeof TableSecuritySchema>;
