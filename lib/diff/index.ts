/**
 * diff(from, to) lists what changed between two model versions as typed records, matched by id: a
 * renamed table is `table.rename`, never a drop and a create. Deterministic: records follow model order.
 */
import type { Model } from '@/lib/model';
import type { Change } from './types';
import { attachContext, makeContext, type DiffContext } from './context';
import { diffExtensions, diffSchemas } from './namespaces';
import { diffRoles } from './roles';
import { diffEnums } from './enums';
import { diffSequences } from './sequences';
import { diffTables } from './tables';
import { diffSqlObjects } from './sql-objects';

export function diff(from: Model, to: Model): Change[] {
  const ctx = makeContext(from, to);
  const changes = diffInContext(ctx);
  attachContext(changes, ctx);
  return changes;
}

/**
 * diffInContext is `diff` for a caller that keeps the context itself and hands it to `planInContext`
 * (the compiler): the records are not registered for `changeContext`, which costs a weak-map entry
 * per record of a large model.
 */
export function diffInContext(ctx: DiffContext): Change[] {
  const from = ctx.from.model;
  const to = ctx.to.model;
  return [
    ...diffRoles(from, to),
    ...diffSchemas(from, to),
    ...diffExtensions(from, to),
    ...diffEnums(from, to),
    ...diffSequences(from, to, ctx),
    ...diffTables(from, to),
    ...diffSqlObjects(from, to),
  ];
}

export type * from './types';
export { changeContext, makeContext, type DiffContext } from './context';
export { tableConstraints } from '@/lib/model/constraints';
export { matchById, canonical, same } from './match';
