/** Changes to the row-level security policies of a table that exists on both sides. */
import type { Policy, Table } from '@/lib/model';
import type { Change, PolicyAspect } from './types';
import { matchById, same } from './match';

function roles(p: Policy): string[] {
  return [...(p.roles ?? [])].sort();
}

export function diffPolicies(fromTable: Table, toTable: Table): Change[] {
  const m = matchById(fromTable.policies, toTable.policies);
  const out: Change[] = [];
  for (const policy of m.dropped) out.push({ kind: 'policy.drop', table: fromTable, policy });
  for (const [a, b] of m.kept) {
    // Command and permissiveness cannot be altered, nor can ALTER POLICY remove an expression.
    const recreate = (a.command ?? 'all') !== (b.command ?? 'all') || (a.permissive ?? true) !== (b.permissive ?? true)
      || (a.using !== undefined && b.using === undefined) || (a.withCheck !== undefined && b.withCheck === undefined);
    if (recreate) {
      out.push({ kind: 'policy.drop', table: fromTable, policy: a }, { kind: 'policy.create', table: toTable, policy: b });
      continue;
    }
    if (a.name !== b.name) out.push({ kind: 'policy.rename', table: toTable, from: a, to: b });
    const aspects: PolicyAspect[] = [];
    if (!same(roles(a), roles(b))) aspects.push('roles');
    if (a.using !== b.using) aspects.push('using');
    if (a.withCheck !== b.withCheck) aspects.push('with-check');
    if (a.comment !== b.comment) aspects.push('comment');
    if (aspects.length) out.push({ kind: 'policy.alter', table: toTable, from: a, to: b, aspects });
  }
  for (const policy of m.created) out.push({ kind: 'policy.create', table: toTable, policy });
  return out;
}
