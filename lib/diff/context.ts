/**
 * The two model versions a change was computed from. `diff()` records them per change (in a WeakMap,
 * so change records stay plain data that print and compare cleanly); the planner reads them to turn
 * ids into names. A filtered or reordered change list keeps its context.
 */
import { ModelIndex, type Model } from '@/lib/model';
import type { Change } from './types';

export interface DiffContext {
  readonly from: ModelIndex;
  readonly to: ModelIndex;
}

const contexts = new WeakMap<Change, DiffContext>();

export function makeContext(from: Model, to: Model): DiffContext {
  return { from: new ModelIndex(from), to: new ModelIndex(to) };
}

export function attachContext(changes: readonly Change[], ctx: DiffContext): void {
  for (const c of changes) contexts.set(c, ctx);
}

/** changeContext returns the model versions a change came from, or undefined for hand-made records. */
export function changeContext(change: Change): DiffContext | undefined {
  return contexts.get(change);
}
