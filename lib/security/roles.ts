/**
 * roles.sql: least-privilege roles and grants. Roles are NOLOGIN group roles created without passwords
 * (logins are made by the operator and granted membership), idempotent through DO blocks that check
 * pg_roles, because roles are cluster-wide and the file may run again.
 */
import { quoteIdent, quoteQualified } from '@/lib/sql/quote';
import { createRoleIfMissing } from '@/lib/sql/role';
import type { Table } from '@/lib/model';
import { commentText } from './names';
import { createdPurposes, isSecretColumn, roleList, schemaOf, tableName, type RolePurpose, type SecurityContext } from './context';
import type { SecurityFile } from './file';
import { verbatimGrantLines } from './verbatim-grants';

const ROLE_COMMENT: Record<RolePurpose, string> = {
  owner: 'owns the schema objects; nobody logs in as it',
  migrator: 'runs migrations; member of the owner role',
  app: 'the application: read and write rows, no DDL',
  readonly: 'reporting: read rows (secret columns excluded), no writes',
  admin: 'support/admin tooling: bypasses the RLS templates through explicit policies',
};

function createRole(name: string, comment: string): string {
  return `${commentText(`-- ${comment}`)}\n${createRoleIfMissing(name)};\n`;
}

/** readableColumns lists the columns the read-only role may select, or undefined for all of them. */
function readableColumns(ctx: SecurityContext, table: Table): string[] | undefined {
  const columns = ctx.index.columnsOf(table);
  if (!columns.some(isSecretColumn)) return undefined;
  return columns.filter((c) => !isSecretColumn(c)).map((c) => quoteIdent(c.name));
}

export function rolesFile(ctx: SecurityContext): SecurityFile {
  const { roles, model } = ctx;
  const purposes = createdPurposes(ctx);
  const out: string[] = [
    '-- Least-privilege roles. No passwords here: create login roles outside version control, e.g.',
    commentText(`--   CREATE ROLE my_service LOGIN PASSWORD '...'; GRANT ${quoteIdent(roles.app)} TO my_service;`),
    '-- Run as a superuser (or a role that is a member of the current object owners).',
    '',
  ];
  for (const p of purposes) out.push(createRole(roles[p], `${roles[p]}: ${ROLE_COMMENT[p]}`));
  out.push(`GRANT ${quoteIdent(roles.owner)} TO ${quoteIdent(roles.migrator)};`, '');

  const schemaNames = [...new Set(['public', ...model.schemas.map((s) => s.name)])];
  out.push('-- Nobody gets anything by default: the PUBLIC pseudo-role loses CREATE and USAGE.');
  for (const s of schemaNames) {
    const q = quoteIdent(s);
    out.push(`REVOKE ALL ON SCHEMA ${q} FROM PUBLIC;`);
    if (s !== 'public') out.push(`ALTER SCHEMA ${q} OWNER TO ${quoteIdent(roles.owner)};`);
    out.push(`GRANT USAGE, CREATE ON SCHEMA ${q} TO ${quoteIdent(roles.owner)};`);
    out.push(`GRANT USAGE ON SCHEMA ${q} TO ${roleList(ctx, ['app', 'readonly', 'admin'])};`);
  }
  out.push('');

  if (model.tables.length > 0) out.push('-- The owner role owns every table (and the sequences they own), so FORCE ROW LEVEL SECURITY binds it.');
  for (const t of model.tables) out.push(`ALTER TABLE ${tableName(ctx, t)} OWNER TO ${quoteIdent(roles.owner)};`);
  for (const seq of model.sequences ?? []) {
    if (!seq.ownedBy) out.push(`ALTER SEQUENCE ${quoteQualified(ctx.index.schemaName(seq.schemaId) ?? 'public', seq.name)} OWNER TO ${quoteIdent(roles.owner)};`);
  }
  for (const e of model.enums ?? []) out.push(`ALTER TYPE ${quoteQualified(ctx.index.schemaName(e.schemaId) ?? 'public', e.name)} OWNER TO ${quoteIdent(roles.owner)};`);
  if (model.tables.length > 0) out.push('');

  for (const t of model.tables) {
    const name = tableName(ctx, t);
    out.push(commentText(`-- ${schemaOf(ctx, t)}.${t.name}`));
    out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${name} TO ${roleList(ctx, ['app', 'admin'])};`);
    const cols = readableColumns(ctx, t);
    if (cols === undefined) out.push(`GRANT SELECT ON TABLE ${name} TO ${quoteIdent(roles.readonly)};`);
    else if (cols.length > 0) out.push(`GRANT SELECT (${cols.join(', ')}) ON TABLE ${name} TO ${quoteIdent(roles.readonly)};  -- secret columns left out`);
    else out.push(commentText(`-- every column of ${t.name} is secret: nothing granted to ${roles.readonly}`));
  }
  if (model.tables.length > 0) out.push('');
  out.push(...verbatimGrantLines(ctx));

  out.push('-- Sequences (serial and identity) so the app can insert; later objects the owner creates get the same grants.');
  for (const s of schemaNames) {
    const q = quoteIdent(s);
    const owner = quoteIdent(roles.owner);
    out.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${q} TO ${roleList(ctx, ['app', 'admin'])};`);
    out.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${q} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${roleList(ctx, ['app', 'admin'])};`);
    out.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${q} GRANT SELECT ON TABLES TO ${quoteIdent(roles.readonly)};`);
    out.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${q} GRANT USAGE, SELECT ON SEQUENCES TO ${roleList(ctx, ['app', 'admin'])};`);
  }
  out.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(roles.owner)} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;`);

  return {
    kind: 'roles',
    name: 'roles.sql',
    sql: out.join('\n') + '\n',
    explanation: `Creates the NOLOGIN roles ${purposes.map((p) => roles[p]).join(', ')} without passwords, makes ${roles.owner} own the tables, `
      + 'revokes the default PUBLIC rights on the schemas, and grants each role only what it needs (the read-only role cannot see secret columns). '
      + 'Default privileges give objects created later the same grants.',
    warnings: [],
  };
}
