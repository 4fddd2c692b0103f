/**
 * compileSql(model) is the full DDL of a model for a target PostgreSQL version: the plan of the
 * difference between the empty model and this one, so the preview and migrations cannot drift apart.
 * Deterministic: the same model gives the same bytes (no dates, no random names, model order).
 */
import { EMPTY_MODEL, type Model } from '@/lib/model';
import { diffInContext, makeContext } from '@/lib/diff';
import { planInContext, planScriptInContext, type Step } from '@/lib/plan';
import { DEFAULT_TARGET } from '@/lib/sql';

export interface CompileOptions {
  /** PostgreSQL major version 13..18. Default: the model's settings.targetVersion, else 16. */
  readonly target?: number;
}

export function compileTarget(model: Model, options: CompileOptions = {}): number {
  return options.target ?? model.settings?.targetVersion ?? DEFAULT_TARGET;
}

/** compileStatements returns the creation steps in execution order. Throws UnsupportedFeatureError for features above the target. */
export function compileStatements(model: Model, options: CompileOptions = {}): Step[] {
  const ctx = makeContext(EMPTY_MODEL, model);
  return planInContext(diffInContext(ctx), ctx, { target: compileTarget(model, options) });
}

/** joinStatements renders steps as a script: each statement ends with `;` and statements are separated by a blank line. */
export function joinStatements(steps: readonly Step[]): string {
  if (steps.length === 0) return '';
  const sql = new Array<string>(steps.length);
  for (let i = 0; i < steps.length; i++) sql[i] = steps[i]!.sql;
  // One join builds the script; the last statement's end goes in before it, not appended after (which
  // would make whoever reads the script copy all of it again).
  sql[sql.length - 1] += ';\n';
  return sql.join(';\n\n');
}

/** compileSql is joinStatements(compileStatements(model)), without keeping the steps around. */
export function compileSql(model: Model, options: CompileOptions = {}): string {
  const ctx = makeContext(EMPTY_MODEL, model);
  return planScriptInContext(diffInContext(ctx), ctx, { target: compileTarget(model, options) });
}

export { UnsupportedFeatureError } from '@/lib/sql';
