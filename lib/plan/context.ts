/**
 * PlanContext gives step builders the names objects have at the moment a step runs:
 * `from` before anything is renamed (early drops), `to` once renames are done (creates, alters),
 * `late` for old objects dropped at the end, whose schemas may have been renamed meanwhile.
 */
import { SqlNames, quoteLiteral } from '@/lib/sql';
import type { DiffContext } from '@/lib/diff';
import type { Hazard, HazardCode } from './hazards';
import type { Phase } from './phases';
import type { SourceKind, Step } from './types';

export interface PlanContext {
  readonly target: number;
  readonly from: SqlNames;
  readonly to: SqlNames;
  readonly late: SqlNames;
  /** isNewTable: the table is created in this plan, so steps on it cannot fail on or lock existing rows. */
  isNewTable(tableId: string): boolean;
  /**
   * replacedEarly: a dropped enum, sequence or schema must go before creates because a new object
   * takes its name (or it lives in such a schema).
   */
  replacedEarly(kind: 'enum' | 'sequence' | 'schema', object: { schemaId?: string; name: string }): boolean;
}

/** takenNames lists the qualified names of the new model's schemas, enums and sequences. */
function takenNames(diff: DiffContext): { schema: Set<string>; enum: Set<string>; sequence: Set<string> } {
  const to = diff.to;
  const key = (schemaId: string, name: string) => `${to.schemaName(schemaId)}\u0000${name}`;
  return {
    schema: new Set(to.model.schemas.map((s) => s.name)),
    enum: new Set((to.model.enums ?? []).map((e) => key(e.schemaId, e.name))),
    sequence: new Set((to.model.sequences ?? []).map((q) => key(q.schemaId, q.name))),
  };
}

export function makePlanContext(diff: DiffContext, target: number): PlanContext {
  let names: ReturnType<typeof takenNames> | undefined;
  const schemaNow = (id: string) => diff.to.schemaName(id) ?? diff.from.schemaName(id);
  return {
    target,
    from: new SqlNames(diff.from, { target }),
    to: new SqlNames(diff.to, { target }),
    late: new SqlNames(diff.from, { target, schemaName: schemaNow }),
    isNewTable: (id) => !diff.from.tables.has(id),
    replacedEarly: (kind, object) => {
      names ??= takenNames(diff);
      const schemaReplaced = (schemaId: string) => !diff.to.schemas.has(schemaId) && names!.schema.has(diff.from.schemaName(schemaId) ?? '');
      if (kind === 'schema') return names.schema.has(object.name);
      const key = `${schemaNow(object.schemaId!)}\u0000${object.name}`;
      return (kind === 'enum' ? names.enum : names.sequence).has(key) || schemaReplaced(object.schemaId!);
    },
  };
}

export interface StepExtras {
  readonly reverse?: string;
  readonly hazards?: readonly Hazard[];
  readonly transactional?: boolean;
}

const NO_EXTRAS: StepExtras = {};
/** Shared by every step without hazards (most of a new model's), so a large plan does not hold thousands of empty arrays. */
const NO_HAZARDS: readonly Hazard[] = Object.freeze([]);

export function step(phase: Phase, sql: string, kind: SourceKind, id: string, extras: StepExtras = NO_EXTRAS): Step {
  const hazards = extras.hazards?.length ? extras.hazards : NO_HAZARDS;
  const transactional = extras.transactional ?? true;
  // Two literals rather than a spread: this runs for every statement of a large model.
  return extras.reverse !== undefined
    ? { sql, reverse: extras.reverse, hazards, transactional, source: { kind, id }, phase }
    : { sql, hazards, transactional, source: { kind, id }, phase };
}

export function hazard(code: HazardCode, message: string): Hazard {
  return { code, message };
}

/**
 * unsupportedStep stands for a change PostgreSQL cannot make in place and we do not automate: it
 * raises an error when run, so an apply stops before it leaves the database half way.
 */
export function unsupportedStep(phase: Phase, message: string, kind: SourceKind, id: string): Step {
  const sql = `DO $pgcanvas$ BEGIN RAISE EXCEPTION USING MESSAGE = ${quoteLiteral(message.replaceAll('$pgcanvas$', ''))}; END $pgcanvas$`;
  return step(phase, sql, kind, id, { hazards: [hazard('unsupported-change', message)] });
}
