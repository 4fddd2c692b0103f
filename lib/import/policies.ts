/** CREATE POLICY on a model table. The normal form omits PERMISSIVE, FOR ALL and TO PUBLIC (the defaults). */
import type { Policy, PolicyCommand } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { deparse, inner, qkey, qualified, rangeVarName, strings, walk, type Fields } from './ast';
import type { ImportState } from './state';

function roleName(spec: Fields): string {
  switch (spec.roletype as string) {
    case 'ROLESPEC_CSTRING': return spec.rolename as string;
    case 'ROLESPEC_PUBLIC': return 'public';
    case 'ROLESPEC_CURRENT_USER': return 'current_user';
    case 'ROLESPEC_SESSION_USER': return 'session_user';
    case 'ROLESPEC_CURRENT_ROLE': return 'current_role';
    default: return String(spec.rolename ?? 'public');
  }
}

/** readsPostTablesObject names a view (or other relation kept as SQL) or post-tables function an expression uses. */
function readsPostTablesObject(s: ImportState, exprs: unknown[]): string | undefined {
  let found: string | undefined;
  walk(exprs, (type, f) => {
    if (found) return;
    if (type === 'RangeVar' && s.verbatimRelations.has(qkey(rangeVarName(f)))) found = rangeVarName(f).name;
    if (type === 'FuncCall' && s.postTablesRoutines.has(qkey(qualified(strings(f.funcname))))) found = `${strings(f.funcname).join('.')}()`;
  });
  return found;
}

export function createPolicy(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.table);
  const table = s.verbatimRelations.has(qkey(q)) ? undefined : s.table(q);
  if (!table) {
    s.verbatim('policy', 'post-tables', stmt.policy_name as string);
    return;
  }
  const later = readsPostTablesObject(s, [stmt.qual, stmt.with_check]);
  if (later) {
    // Policies are created with the tables, before views and post-tables functions exist.
    s.verbatim('policy', 'post-tables', stmt.policy_name as string);
    s.note('warning', 'policy', `it uses ${later}, which is created after the tables; kept as SQL`, stmt.policy_name as string);
    return;
  }
  const roles = ((stmt.roles as unknown[] | undefined) ?? []).map((r) => roleName(inner(r, 'RoleSpec') ?? {}));
  const command = (stmt.cmd_name as string | undefined) ?? 'all';
  const policy: Policy = {
    id: newId('pol'), name: stmt.policy_name as string,
    ...(stmt.permissive === false || stmt.permissive === undefined ? { permissive: false } : {}),
    ...(command !== 'all' ? { command: command as PolicyCommand } : {}),
    // PostgreSQL keeps only PUBLIC when PUBLIC is listed with other roles.
    ...(roles.length && !roles.includes('public') ? { roles } : {}),
    ...(stmt.qual ? { using: deparse(stmt.qual) } : {}),
    ...(stmt.with_check ? { withCheck: deparse(stmt.with_check) } : {}),
  };
  (table.policies ??= []).push(policy);
}
