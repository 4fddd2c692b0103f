/** Changes to verbatim SQL objects: any change to the text, kind, name or phase is a replacement. */
import type { Model } from '@/lib/model';
import type { Change } from './types';
import { matchById, same } from './match';

export function diffSqlObjects(from: Model, to: Model): Change[] {
  const m = matchById(from.sqlObjects, to.sqlObjects);
  const out: Change[] = [];
  for (const object of m.created) out.push({ kind: 'sql-object.create', object });
  for (const [a, b] of m.kept) if (!same(a, b)) out.push({ kind: 'sql-object.replace', from: a, to: b });
  for (const object of m.dropped) out.push({ kind: 'sql-object.drop', object });
  return out;
}
