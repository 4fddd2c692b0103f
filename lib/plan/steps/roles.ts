/** Steps for declared roles: create one if the cluster lacks it (never drop or rename: see role.ensure). */
import { createRoleIfMissing } from '@/lib/sql/role';
import type { ChangeOf } from '@/lib/diff';
import { step } from '../context';
import type { Step } from '../types';

export function planRoleEnsure(c: ChangeOf<'role.ensure'>): Step[] {
  return [step('roles', createRoleIfMissing(c.role.name), 'role', c.role.id)];
}
