/** Steps for sequences. OWNED BY runs after tables exist; drops run after columns stopped using them. */
import { alterSequenceOptions, commentOn, createSequence, dropSequence, sequenceOwnedBy } from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import { hazard, step, type PlanContext } from '../context';
import type { Step } from '../types';
import { renameSchemaObject } from './namespaces';

export function planSequenceCreate(c: ChangeOf<'sequence.create'>, ctx: PlanContext): Step[] {
  const s = c.sequence;
  const out = [step('sequences', createSequence(s, ctx.to), 'sequence', s.id, { reverse: dropSequence(s, ctx.to) })];
  if (s.ownedBy) out.push(step('sequence-owners', sequenceOwnedBy(s, ctx.to), 'sequence', s.id));
  if (s.comment !== undefined) out.push(step('comments', commentOn({ kind: 'sequence', schemaId: s.schemaId, name: s.name }, s.comment, ctx.to), 'sequence', s.id));
  return out;
}

export function planSequenceDrop(c: ChangeOf<'sequence.drop'>, ctx: PlanContext): Step[] {
  if (c.cascaded) return [];
  const early = ctx.replacedEarly('sequence', c.sequence);
  return [step(early ? 'drop-replaced-sequences' : 'drop-sequences', dropSequence(c.sequence, early ? ctx.from : ctx.late), 'sequence', c.sequence.id, {
    reverse: createSequence(c.sequence, ctx.late), hazards: [hazard('drop-sequence', `drops sequence ${c.sequence.name} and its current value`)],
  })];
}

export function planSequenceRename(c: ChangeOf<'sequence.rename'>, ctx: PlanContext): Step[] {
  return renameSchemaObject('SEQUENCE', 'sequences', 'sequence', c.from, c.to, ctx);
}

export function planSequenceAlter(c: ChangeOf<'sequence.alter'>, ctx: PlanContext): Step[] {
  const out: Step[] = [];
  const s = c.to;
  if (c.aspects.includes('options')) {
    const bounds = c.from.minValue !== s.minValue || c.from.maxValue !== s.maxValue || c.from.dataType !== s.dataType;
    out.push(step('sequences', alterSequenceOptions(s, ctx.to), 'sequence', s.id, {
      reverse: alterSequenceOptions(c.from, ctx.to),
      hazards: bounds ? [hazard('alter-sequence-bounds', `changes the bounds of sequence ${s.name}; fails when its current value lies outside them`)] : [],
    }));
  }
  if (c.aspects.includes('owned-by')) {
    // Release the old owner before columns are dropped: DROP COLUMN would drop a sequence it owns.
    if (c.from.ownedBy) out.push(step('release-sequences', sequenceOwnedBy({ ...c.from, ownedBy: undefined }, ctx.from), 'sequence', s.id));
    if (s.ownedBy) out.push(step('sequence-owners', sequenceOwnedBy(s, ctx.to), 'sequence', s.id));
  }
  if (c.aspects.includes('comment')) {
    const target = { kind: 'sequence', schemaId: s.schemaId, name: s.name } as const;
    out.push(step('comments', commentOn(target, s.comment, ctx.to), 'sequence', s.id, { reverse: commentOn(target, c.from.comment, ctx.to) }));
  }
  return out;
}
