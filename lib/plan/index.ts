/**
 * plan(changes, { target }) turns change records into ordered steps: SQL, reverse SQL, hazards,
 * transactional flag and provenance. Each change yields steps in one or more phases (PHASES); the
 * steps are then ordered by phase, keeping the changes' order inside a phase. Linear in the changes.
 */
import { changeContext, type Change, type DiffContext } from '@/lib/diff';
import { DEFAULT_TARGET, checkTarget } from '@/lib/sql';
import { CHUNK } from '@/lib/sql/text';
import { makePlanContext, type PlanContext } from './context';
import { PHASES, PHASE_ORDER } from './phases';
import type { PlanOptions, Step } from './types';
import {
  planEnumAddValue, planEnumAlter, planEnumCreate, planEnumDrop, planEnumRename, planEnumRenameValue,
  planExtensionAlter, planExtensionCreate, planExtensionDrop, planSchemaAlter, planSchemaCreate, planSchemaDrop, planSchemaRename,
} from './steps/namespaces';
import { planEnumRecreate } from './steps/enum-recreate';
import { planSequenceAlter, planSequenceCreate, planSequenceDrop, planSequenceRename } from './steps/sequences';
import { planTableAlter, planTableCreate, planTableDrop, planTableRename } from './steps/tables';
import { planColumnAlter, planColumnCreate, planColumnDrop, planColumnRename } from './steps/columns';
import { planConstraintAlter, planConstraintCreate, planConstraintDrop, planConstraintRename } from './steps/constraints';
import { planIndexAlter, planIndexCreate, planIndexDrop, planIndexRename } from './steps/indexes';
import { planPolicyAlter, planPolicyCreate, planPolicyDrop, planPolicyRename } from './steps/policies';
import { planRoleEnsure } from './steps/roles';
import { planSqlObjectCreate, planSqlObjectDrop, planSqlObjectReplace } from './steps/sql-objects';

export function planChange(c: Change, ctx: PlanContext): Step[] {
  switch (c.kind) {
    case 'role.ensure': return planRoleEnsure(c);
    case 'schema.create': return planSchemaCreate(c, ctx);
    case 'schema.drop': return planSchemaDrop(c, ctx);
    case 'schema.rename': return planSchemaRename(c);
    case 'schema.alter': return planSchemaAlter(c, ctx);
    case 'extension.create': return planExtensionCreate(c, ctx);
    case 'extension.drop': return planExtensionDrop(c, ctx);
    case 'extension.alter': return planExtensionAlter(c, ctx);
    case 'enum.create': return planEnumCreate(c, ctx);
    case 'enum.drop': return planEnumDrop(c, ctx);
    case 'enum.rename': return planEnumRename(c, ctx);
    case 'enum.add-value': return planEnumAddValue(c, ctx);
    case 'enum.rename-value': return planEnumRenameValue(c, ctx);
    case 'enum.reorder-values': return planEnumRecreate(c, ctx);
    case 'enum.alter': return planEnumAlter(c, ctx);
    case 'sequence.create': return planSequenceCreate(c, ctx);
    case 'sequence.drop': return planSequenceDrop(c, ctx);
    case 'sequence.rename': return planSequenceRename(c, ctx);
    case 'sequence.alter': return planSequenceAlter(c, ctx);
    case 'table.create': return planTableCreate(c, ctx);
    case 'table.drop': return planTableDrop(c, ctx);
    case 'table.rename': return planTableRename(c, ctx);
    case 'table.alter': return planTableAlter(c, ctx);
    case 'column.create': return planColumnCreate(c, ctx);
    case 'column.drop': return planColumnDrop(c, ctx);
    case 'column.rename': return planColumnRename(c, ctx);
    case 'column.alter': return planColumnAlter(c, ctx);
    case 'constraint.create': return planConstraintCreate(c, ctx);
    case 'constraint.drop': return planConstraintDrop(c, ctx);
    case 'constraint.rename': return planConstraintRename(c, ctx);
    case 'constraint.alter': return planConstraintAlter(c, ctx);
    case 'index.create': return planIndexCreate(c, ctx);
    case 'index.drop': return planIndexDrop(c, ctx);
    case 'index.rename': return planIndexRename(c, ctx);
    case 'index.alter': return planIndexAlter(c, ctx);
    case 'policy.create': return planPolicyCreate(c, ctx);
    case 'policy.drop': return planPolicyDrop(c, ctx);
    case 'policy.rename': return planPolicyRename(c, ctx);
    case 'policy.alter': return planPolicyAlter(c, ctx);
    case 'sql-object.create': return planSqlObjectCreate(c);
    case 'sql-object.drop': return planSqlObjectDrop(c);
    case 'sql-object.replace': return planSqlObjectReplace(c);
    default: throw new Error(`unknown change kind ${(c as { kind: string }).kind}`);
  }
}

export function plan(changes: readonly Change[], options: PlanOptions = {}): Step[] {
  const target = checkTarget(options.target ?? DEFAULT_TARGET);
  const buckets: Step[][] = PHASES.map(() => []);
  const contexts = new Map<DiffContext, PlanContext>();
  for (const change of changes) {
    const diffCtx = changeContext(change);
    if (!diffCtx) throw new Error(`change ${change.kind} has no model context: plan() takes the records diff() returns`);
    let ctx = contexts.get(diffCtx);
    if (!ctx) contexts.set(diffCtx, (ctx = makePlanContext(diffCtx, target)));
    bucket(buckets, planChange(change, ctx));
  }
  return buckets.flat();
}

/** planInContext plans records that all come from one diff context (see `diffInContext`). */
export function planInContext(changes: readonly Change[], diffCtx: DiffContext, options: PlanOptions = {}): Step[] {
  const ctx = makePlanContext(diffCtx, checkTarget(options.target ?? DEFAULT_TARGET));
  const buckets: Step[][] = PHASES.map(() => []);
  for (const change of changes) bucket(buckets, planChange(change, ctx));
  return buckets.flat();
}

/**
 * planScriptInContext is `planInContext` rendered as a script: each statement ends with `;` and
 * statements are separated by a blank line. Only the SQL is kept; each phase's text is appended as it
 * comes and taken as one flat string every CHUNK characters, so a large model's script lives
 * in a few large strings (outside the young generation, never copied by a scavenge) instead of one
 * string per statement that each collection copies until the end.
 */
export function planScriptInContext(changes: readonly Change[], diffCtx: DiffContext, options: PlanOptions = {}): string {
  const ctx = makePlanContext(diffCtx, checkTarget(options.target ?? DEFAULT_TARGET));
  const chunks: string[][] = PHASES.map(() => []);
  const open: string[] = PHASES.map(() => '');
  for (const change of changes) {
    for (const s of planChange(change, ctx)) {
      const p = PHASE_ORDER.get(s.phase)!;
      let text = open[p]! + s.sql + ';\n\n';
      if (text.length >= CHUNK) {
        // Reading a character makes V8 flatten the appended pieces into one string now.
        text.charCodeAt(0);
        chunks[p]!.push(text);
        text = '';
      }
      open[p] = text;
    }
  }
  for (let p = 0; p < PHASES.length; p++) if (open[p]) chunks[p]!.push(open[p]!);
  const all = chunks.flat();
  if (all.length === 0) return '';
  // The script ends with one newline, not a blank line.
  all[all.length - 1] = all[all.length - 1]!.slice(0, -1);
  return all.join('');
}

function bucket(buckets: Step[][], steps: readonly Step[]): void {
  for (const s of steps) buckets[PHASE_ORDER.get(s.phase)!]!.push(s);
}

export { PHASES, type Phase } from './phases';
export { HAZARDS, hazardFamily, type Hazard, type HazardCode, type HazardFamily } from './hazards';
export type { Step, PlanOptions, SourceKind } from './types';
