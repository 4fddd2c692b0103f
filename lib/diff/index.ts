/**
 * diff(from, to) lists what changed between two model versions as typed records, matched by id: a
 * renamed table is `table.rename`, never a drop and a create. Deterministic: records follow model order.
 */
import type { Model } from '@/lib/model';
import type { Change } from './types';
import { attachContext, makeContext } from './context';
import { diffExtensions, diffSchemas } from './namespaces';
import { diffEnums } from './enums';
import { diffSequences } from './sequences';
import { diffTables } from './tables';
import { diffSqlObjects } from './sql-objects';

export function diff(from: Model, to: Model): Change[] {
  const ctx = makeContext(from, to);
  const changes = [
    ...diffSchemas(from, to),
    ...diffExtensions(from, to),
    ...diffEnums(from, to),
    ...diffSequences(from, to, ctx),
    ...diffTables(from, to),
    ...diffSqlObjects(from, to),
  ];
  attachContext(changes, ctx);
  return changes;
}

export type * from './types';
export { changeContext, makeContext, type DiffContext } from './context';
export { tableConstraints } from '@/lib/model/constraints';
export { matchById, canonical, same } from './match';
