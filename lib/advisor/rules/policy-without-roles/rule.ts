/** policy-without-roles: a policy with no TO roles applies to PUBLIC (every role). */
import type { Rule, RuleHit } from '../../types';

export const policyWithoutRoles: Rule = {
  id: 'policy-without-roles',
  severity: 'warning',
  title: 'Policy applies to PUBLIC',
  help: 'Name the roles the policy is for (TO app_rw): a policy for PUBLIC also grants rows to every other role that has table privileges, now or later.',
  check(ctx) {
    const hits: RuleHit[] = [];
    ctx.model.tables.forEach((table) => (table.policies ?? []).forEach((p, i) => {
      const roles = (p.roles ?? []).map((r) => r.toLowerCase());
      if (roles.length === 0 || roles.includes('public')) hits.push({ target: { id: p.id, path: `${ctx.tablePath(table)}.policies[${i}]` }, message: `policy ${p.name} on ${table.name} applies to PUBLIC` });
    }));
    return hits;
  },
};
