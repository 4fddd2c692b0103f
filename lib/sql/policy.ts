/** DDL fragments for row-level security policies. */
import type { Policy, Table } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent } from './quote';
import { parenthesize } from './expression';

/** Role specifications that are keywords, not role names: they must not be quoted. */
const ROLE_KEYWORDS: Readonly<Record<string, string>> = {
  public: 'PUBLIC', current_user: 'CURRENT_USER', session_user: 'SESSION_USER', current_role: 'CURRENT_ROLE',
};

export function roleSpec(role: string): string {
  return ROLE_KEYWORDS[role.toLowerCase()] ?? quoteIdent(role);
}

function roles(policy: Policy): string {
  return policy.roles?.length ? policy.roles.map(roleSpec).join(', ') : 'PUBLIC';
}

export function createPolicy(table: Table, policy: Policy, names: SqlNames): string {
  let sql = `CREATE POLICY ${quoteIdent(policy.name)} ON ${names.table(table)}`;
  if (policy.permissive === false) sql += ' AS RESTRICTIVE';
  if (policy.command !== undefined && policy.command !== 'all') sql += ` FOR ${policy.command.toUpperCase()}`;
  if (policy.roles?.length) sql += ` TO ${roles(policy)}`;
  if (policy.using !== undefined) sql += ` USING ${parenthesize(policy.using)}`;
  if (policy.withCheck !== undefined) sql += ` WITH CHECK ${parenthesize(policy.withCheck)}`;
  return sql;
}

export function dropPolicy(table: Table, policy: Policy, names: SqlNames): string {
  return `DROP POLICY ${quoteIdent(policy.name)} ON ${names.table(table)}`;
}

export function renamePolicy(table: Table, from: string, to: string, names: SqlNames): string {
  return `ALTER POLICY ${quoteIdent(from)} ON ${names.table(table)} RENAME TO ${quoteIdent(to)}`;
}

/**
 * alterPolicy changes roles and expressions in place. PostgreSQL cannot remove a USING or WITH CHECK
 * with ALTER POLICY, so callers recreate the policy when one disappears.
 */
export function alterPolicy(table: Table, policy: Policy, names: SqlNames, parts: { roles: boolean; using: boolean; withCheck: boolean }): string {
  let sql = `ALTER POLICY ${quoteIdent(policy.name)} ON ${names.table(table)}`;
  if (parts.roles) sql += ` TO ${roles(policy)}`;
  if (parts.using && policy.using !== undefined) sql += ` USING ${parenthesize(policy.using)}`;
  if (parts.withCheck && policy.withCheck !== undefined) sql += ` WITH CHECK ${parenthesize(policy.withCheck)}`;
  return sql;
}
