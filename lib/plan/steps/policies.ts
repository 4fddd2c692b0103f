/** Steps for row-level security policies. */
import { alterPolicy, commentOn, createPolicy, dropPolicy, renamePolicy } from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import { step, type PlanContext } from '../context';
import type { Step } from '../types';

export function planPolicyCreate(c: ChangeOf<'policy.create'>, ctx: PlanContext): Step[] {
  const { table, policy } = c;
  const out = [step('policies', createPolicy(table, policy, ctx.to), 'policy', policy.id, { reverse: dropPolicy(table, policy, ctx.to) })];
  if (policy.comment !== undefined) out.push(step('comments', commentOn({ kind: 'policy', tableId: table.id, name: policy.name }, policy.comment, ctx.to), 'policy', policy.id));
  return out;
}

export function planPolicyDrop(c: ChangeOf<'policy.drop'>, ctx: PlanContext): Step[] {
  return [step('drop-policies', dropPolicy(c.table, c.policy, ctx.from), 'policy', c.policy.id, { reverse: createPolicy(c.table, c.policy, ctx.from) })];
}

export function planPolicyRename(c: ChangeOf<'policy.rename'>, ctx: PlanContext): Step[] {
  return [step('policies', renamePolicy(c.table, c.from.name, c.to.name, ctx.to), 'policy', c.to.id, { reverse: renamePolicy(c.table, c.to.name, c.from.name, ctx.to) })];
}

export function planPolicyAlter(c: ChangeOf<'policy.alter'>, ctx: PlanContext): Step[] {
  const { table, from, to, aspects } = c;
  const out: Step[] = [];
  const parts = { roles: aspects.includes('roles'), using: aspects.includes('using'), withCheck: aspects.includes('with-check') };
  if (parts.roles || parts.using || parts.withCheck) {
    out.push(step('policies', alterPolicy(table, to, ctx.to, parts), 'policy', to.id));
  }
  if (aspects.includes('comment')) {
    const target = { kind: 'policy', tableId: table.id, name: to.name } as const;
    out.push(step('comments', commentOn(target, to.comment, ctx.to), 'policy', to.id, { reverse: commentOn(target, from.comment, ctx.to) }));
  }
  return out;
}
