/**
 * lib/security: security SQL generated from the model, in apply order after the schema DDL, and the
 * app-side password module. Pure functions of the model.
 */
import type { Model } from '@/lib/model';
import { securityContext, type SecurityOptions } from './context';
import { FILE_ORDER, type SecurityFile, type SecurityFileKind } from './file';
import { rolesFile } from './roles';
import { passwordHashingFile } from './password-hashing';
import { encryptionFile } from './encryption';
import { rlsFile, templatePolicies } from './rls';
import { auditFile } from './audit';
import { passwordModule } from './password-module';
import { collisionWarnings, modelObjects } from './collisions';
import { commentText } from './names';

export type { SecurityFile, SecurityFileKind } from './file';
export { FILE_ORDER } from './file';
export { securityContext, ROLE_PURPOSES, type SecurityOptions, type SecurityContext, type RolePurpose } from './context';
export { HASH_FORMATS } from './password-hashing';
export { passwordModule, type PasswordModuleOptions } from './password-module';
export type { TemplatePolicy } from './rls';
export { securityScript, type ScriptPart } from './script';

/** rlsTemplatePolicies returns the template policies of 04_rls.sql as data (for the Drizzle export). */
export function rlsTemplatePolicies(model: Model, options: SecurityOptions = {}): import('./rls').TemplatePolicy[] {
  return templatePolicies(securityContext(model, options));
}

function generate(kind: SecurityFileKind, ctx: ReturnType<typeof securityContext>): SecurityFile | undefined {
  switch (kind) {
    case 'roles': return rolesFile(ctx);
    case 'password_hashing': return passwordHashingFile(ctx);
    case 'encryption': return encryptionFile(ctx);
    case 'rls': return rlsFile(ctx);
    case 'audit': return auditFile(ctx);
  }
}

/**
 * securityFiles returns the security SQL files that apply to the model, in apply order, named with
 * a fixed number per kind (01_roles.sql, 02_password_hashing.sql, 03_encryption.sql, 04_rls.sql,
 * 05_audit.sql) so a name always means the same file. Roles always apply; the others only when marked.
 */
export function securityFiles(model: Model, options: SecurityOptions = {}): SecurityFile[] {
  const ctx = securityContext(model, options);
  const mine = modelObjects(ctx);
  const files: SecurityFile[] = [];
  FILE_ORDER.forEach((kind, i) => {
    const file = generate(kind, ctx);
    if (!file) return;
    const collisions = collisionWarnings(ctx, kind, file.sql, mine);
    files.push({
      ...file,
      name: `${String(i + 1).padStart(2, '0')}_${file.name}`,
      sql: withLeadingComments(file.sql, collisions.map((w) => commentText(`-- Name collision: ${w}`))),
      warnings: [...file.warnings, ...collisions],
    });
  });
  return files;
}

/** withLeadingComments puts comment lines after a file's header comment, where a reader starts. */
function withLeadingComments(sql: string, comments: readonly string[]): string {
  if (comments.length === 0) return sql;
  const lines = sql.split('\n');
  let at = 0;
  while (at < lines.length && lines[at]!.startsWith('--')) at++;
  return [...lines.slice(0, at), ...comments, ...lines.slice(at)].join('\n');
}

/** BundleFile is one file of the security export: a numbered SQL file or the app-side password.ts. */
export interface BundleFile {
  readonly name: string;
  readonly content: string;
  readonly explanation: string;
  readonly warnings: readonly string[];
}

/**
 * securityBundle is what the Security preview shows and offers for download: the SQL files of
 * securityFiles, then `password.ts` when a column is marked as a password hash (the app hashes new
 * passwords with argon2id and upgrades legacy bcrypt, pgcrypto's included, through it).
 */
export function securityBundle(model: Model, options: SecurityOptions = {}): BundleFile[] {
  const files: BundleFile[] = securityFiles(model, options).map((f) => ({ name: f.name, content: f.sql, explanation: f.explanation, warnings: f.warnings }));
  if (model.tables.some((t) => t.columns.some((c) => c.security?.passwordHash))) {
    const module = passwordModule();
    files.push({
      name: module.path,
      content: module.content,
      explanation: 'The application side of password hashing (needs the argon2 and bcryptjs packages): argon2id with OWASP parameters, '
        + 'hash, verify, needsRehash, an optional pepper, and verifyAndUpgrade, which turns a verified legacy bcrypt hash into a fresh argon2id hash to store.',
      warnings: [],
    });
  }
  return files;
}
