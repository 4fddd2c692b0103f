/** Changes to sequences: create, drop, rename (name or schema), options, OWNED BY and comment. */
import type { Model, Sequence } from '@/lib/model';
import type { DiffContext } from './context';
import type { Change, SequenceAspect } from './types';
import { matchById, same } from './match';

const OPTION_KEYS = ['dataType', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const;

function options(s: Sequence): Record<string, unknown> {
  return Object.fromEntries(OPTION_KEYS.map((k) => [k, s[k]]));
}

export function diffSequences(from: Model, to: Model, ctx: DiffContext): Change[] {
  const m = matchById(from.sequences, to.sequences);
  const out: Change[] = [];
  for (const sequence of m.created) out.push({ kind: 'sequence.create', sequence });
  for (const [a, b] of m.kept) {
    if (a.name !== b.name || a.schemaId !== b.schemaId) out.push({ kind: 'sequence.rename', from: a, to: b });
    const aspects: SequenceAspect[] = [];
    if (!same(options(a), options(b))) aspects.push('options');
    if (!same(a.ownedBy, b.ownedBy)) aspects.push('owned-by');
    if (a.comment !== b.comment) aspects.push('comment');
    if (aspects.length) out.push({ kind: 'sequence.alter', from: a, to: b, aspects });
  }
  for (const sequence of m.dropped) {
    // An owned sequence goes with its column: when that column is gone in the new version, no DROP is needed.
    const cascaded = sequence.ownedBy !== undefined && !ctx.to.columns.has(sequence.ownedBy.columnId);
    out.push({ kind: 'sequence.drop', sequence, cascaded });
  }
  return out;
}
