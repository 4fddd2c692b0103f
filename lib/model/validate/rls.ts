/**
 * Row-level security rules: which clauses each policy command takes (INSERT only WITH CHECK, SELECT
 * and DELETE only USING), role names, and policies or FORCE on a table whose RLS is not enabled
 * (legal, but they do nothing: a warning).
 */
import type { RuleContext } from './context';

/** Role specifications that are SQL keywords, not role names. */
const ROLE_KEYWORDS: ReadonlySet<string> = new Set(['public', 'current_user', 'current_role', 'session_user']);

export function rlsRules(ctx: RuleContext): void {
  const declared = new Set((ctx.model.roles ?? []).map((r) => r.name));
  ctx.model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    const enabled = t.rls?.enabled === true;
    if ((t.policies?.length ?? 0) > 0 && !enabled) {
      ctx.warn('policy-without-rls', `table ${JSON.stringify(t.name)} has policies but row-level security is not enabled, so they have no effect`, `${path}.policies`, t.id);
    }
    if (t.rls?.forced && !enabled) ctx.warn('rls-force-without-enable', 'FORCE ROW LEVEL SECURITY has no effect until row-level security is enabled', `${path}.rls.forced`, t.id);
    t.policies?.forEach((p, j) => {
      const ppath = `${path}.policies[${j}]`;
      const command = p.command ?? 'all';
      if (command === 'insert' && p.using !== undefined) ctx.error('policy-expression', 'an INSERT policy takes only WITH CHECK, not USING', `${ppath}.using`, p.id);
      if ((command === 'select' || command === 'delete') && p.withCheck !== undefined) {
        ctx.error('policy-expression', `a ${command.toUpperCase()} policy takes only USING, not WITH CHECK`, `${ppath}.withCheck`, p.id);
      }
      p.roles?.forEach((role, k) => {
        if (role !== '' && !ROLE_KEYWORDS.has(role.toLowerCase()) && !declared.has(role)) {
          ctx.warn('policy-role-unknown', `role ${JSON.stringify(role)} is not declared in "roles"; it must exist in the database before this policy is created`, `${ppath}.roles[${k}]`, p.id);
        }
      });
      if (p.using === undefined && p.withCheck === undefined) ctx.warn('policy-expression', 'a policy with neither USING nor WITH CHECK lets no row through', ppath, p.id);
    });
  });
}
