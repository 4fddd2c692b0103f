/** Changes to declared roles: see the role.ensure record. */
import type { Model } from '@/lib/model';
import type { Change } from './types';
import { matchById } from './match';

/** diffRoles ensures every role that is new to the model or has a new name (the old one is left alone). */
export function diffRoles(from: Model, to: Model): Change[] {
  const m = matchById(from.roles, to.roles);
  const out: Change[] = [];
  for (const role of m.created) out.push({ kind: 'role.ensure', role });
  for (const [a, b] of m.kept) if (a.name !== b.name) out.push({ kind: 'role.ensure', role: b });
  return out;
}
