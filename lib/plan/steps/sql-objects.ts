/**
 * Steps for verbatim SQL objects. Their SQL is emitted as written; the model cannot know how to undo
 * it, so a removal is a manual step (a comment that says what to drop) rather than a guessed DROP.
 */
import { sqlObjectBody } from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import type { SqlObject } from '@/lib/model';
import { hazard, step } from '../context';
import type { Step } from '../types';

function label(o: SqlObject): string {
  return `${o.kind}${o.name !== undefined ? ` ${o.name}` : ''}`.replaceAll('\n', ' ');
}

export function planSqlObjectCreate(c: ChangeOf<'sql-object.create'>): Step[] {
  const o = c.object;
  return [step(o.phase === 'pre-tables' ? 'pre-sql-objects' : 'post-sql-objects', sqlObjectBody(o), 'sql-object', o.id)];
}

export function planSqlObjectReplace(c: ChangeOf<'sql-object.replace'>): Step[] {
  const o = c.to;
  return [step(o.phase === 'pre-tables' ? 'pre-sql-objects' : 'post-sql-objects', sqlObjectBody(o), 'sql-object', o.id, {
    hazards: [hazard('manual-step', `${label(o)} changed; its new SQL runs as written: check it replaces the old object (CREATE OR REPLACE, or a DROP first)`)],
  })];
}

export function planSqlObjectDrop(c: ChangeOf<'sql-object.drop'>): Step[] {
  const o = c.object;
  const message = `${label(o)} was removed from the model; drop it by hand`;
  return [step(o.phase === 'pre-tables' ? 'drop-pre-sql-objects' : 'drop-post-sql-objects', `-- pgcanvas: ${message}\n`, 'sql-object', o.id, {
    hazards: [hazard('manual-step', message)],
  })];
}
