/** Changes to enum types: create, drop, rename (name or schema), added and renamed values. */
import type { Enum, Model } from '@/lib/model';
import type { Change } from './types';
import { matchById } from './match';

export function diffEnums(from: Model, to: Model): Change[] {
  const m = matchById(from.enums, to.enums);
  const out: Change[] = [];
  for (const e of m.created) out.push({ kind: 'enum.create', enum: e });
  for (const [a, b] of m.kept) {
    if (a.name !== b.name || a.schemaId !== b.schemaId) out.push({ kind: 'enum.rename', from: a, to: b });
    out.push(...diffValues(a, b));
    if (a.comment !== b.comment) out.push({ kind: 'enum.alter', from: a, to: b, aspects: ['comment'] });
  }
  for (const e of m.dropped) out.push({ kind: 'enum.drop', enum: e });
  return out;
}

/**
 * Labels have no ids, so a value rename is recognised when the list keeps its length and only the
 * positions whose old label vanished got a new label. Additions keep existing labels in order and are
 * placed next to a neighbour. Anything else (removal, reordering) cannot be done in place.
 */
export function diffValues(a: Enum, b: Enum): Change[] {
  const old = a.values;
  const next = b.values;
  if (old.length === next.length && old.every((v, i) => v === next[i])) return [];
  const oldSet = new Set(old);
  const newSet = new Set(next);
  const removed = old.filter((v) => !newSet.has(v));
  if (removed.length > 0 && old.length === next.length) {
    const renames: Change[] = [];
    const ok = old.every((v, i) => {
      if (v === next[i]) return true;
      if (newSet.has(v) || oldSet.has(next[i]!)) return false;
      renames.push({ kind: 'enum.rename-value', enum: b, from: v, to: next[i]! });
      return true;
    });
    if (ok) return renames;
  }
  const kept = next.filter((v) => oldSet.has(v));
  const orderKept = kept.length === old.length && kept.every((v, i) => v === old[i]);
  if (removed.length > 0 || !orderKept) return [{ kind: 'enum.reorder-values', from: a, to: b }];
  const out: Change[] = [];
  next.forEach((value, i) => {
    if (oldSet.has(value)) return;
    // The previous label already exists (old, or added just before); the first label goes before the next one.
    if (i > 0) out.push({ kind: 'enum.add-value', enum: b, value, after: next[i - 1]! });
    else if (next.length > 1) out.push({ kind: 'enum.add-value', enum: b, value, before: next[1]! });
    else out.push({ kind: 'enum.add-value', enum: b, value });
  });
  return out;
}
