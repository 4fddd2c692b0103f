/**
 * checkModel is the single gate every model passes before it is stored (create, upload, autosave):
 * the model's own parser (format upgrades + shape) and validator (lib/model/validate, with the real SQL
 * parser for expressions). Any error refuses the model with the full list of findings; warnings are
 * returned alongside and the model is stored.
 */
import type { Model } from '@/lib/model';
import { loadSqlParser } from '@/lib/model';
import { parseModel, validateParsed, validateParsedSince, type Finding } from '@/lib/model/validate';

export type ModelFinding = Finding;

export type ModelCheck = { ok: true; model: Model; warnings: ModelFinding[] } | { ok: false; findings: ModelFinding[] };

/** MAX_FINDINGS caps what a response carries; the message says how many there were. */
const MAX_FINDINGS = 200;

/** The models checkModel accepted (validated without errors): what validateParsedSince may start from. */
const accepted = new WeakSet<Model>();

/**
 * `reuse` is a model checkModel accepted before (the project's last stored version): tables that did
 * not change are not parsed again (see parseModel), and, as that model was validated without errors,
 * the text rule does not walk them again either (validateParsedSince, same findings). Every other
 * rule runs on the whole model.
 */
export async function checkModel(json: unknown, options: { reuse?: Model } = {}): Promise<ModelCheck> {
  const parsed = parseModel(json, { reuse: options.reuse });
  if (!parsed.ok) return { ok: false, findings: parsed.findings.slice(0, MAX_FINDINGS) };
  await loadSqlParser();
  const since = options.reuse !== undefined && accepted.has(options.reuse) ? options.reuse : undefined;
  const findings = since ? validateParsedSince(parsed.model, since) : validateParsed(parsed.model);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) return { ok: false, findings: errors.slice(0, MAX_FINDINGS) };
  accepted.add(parsed.model);
  return { ok: true, model: parsed.model, warnings: findings.filter((f) => f.severity === 'warning') };
}
